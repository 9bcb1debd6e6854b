from django.db import models
from django.utils.translation import gettext_lazy as _


class TrainingKind(models.TextChoices):
    TRAINING = "training", _("Training")  # 培训
    LECTURE = "lecture", _("Lecture")  # 讲座
    TALK = "talk", _("Outreach talk")  # 宣讲
    PUBLICITY = "publicity", _("Publicity activity")  # 宣传活动
    CONTEST = "contest", _("Contest")  # 竞赛
    SAFETY_MONTH = "safety_month", _("Safety Production Month")  # 安全生产月
    DISASTER_DAY = "disaster_day", _("Disaster Prevention Day")  # 防灾减灾日
    FIVE_INTO = "five_into", _("Five-into campaign")  # 五进


# 安全培训讲座 (the seeds' "开展安全培训讲座X场、X人次") are the training and the lectures; every
# other kind is publicity (宣传活动X场次): 宣讲 is counted there, as the seeds do
# ("组织开展宣讲防灾减灾安全知识4068场次,发放各种宣传资料20余万份").
TRAINING_KINDS = (TrainingKind.TRAINING, TrainingKind.LECTURE)
PUBLICITY_KINDS = tuple(k for k in TrainingKind if k not in TRAINING_KINDS)


class SpecialOperation(models.TextChoices):
    """特种作业 categories (《特种作业人员安全技术培训考核管理规定》 annex)."""

    ELECTRICAL = "electrical", _("Electrical work")  # 电工作业
    WELDING = "welding", _("Welding and hot cutting")  # 焊接与热切割作业
    HEIGHT = "height", _("Work at height")  # 高处作业
    REFRIGERATION = "refrigeration", _("Refrigeration and air conditioning")  # 制冷与空调作业
    HAZCHEM = "hazchem", _("Hazardous chemicals")  # 危险化学品安全作业
    FIREWORKS = "fireworks", _("Fireworks")  # 烟花爆竹安全作业
    METALLURGY = "metallurgy", _("Metallurgy (non-ferrous) production")  # 冶金（有色）生产安全作业
    OTHER = "other", _("Other")


class CommunityStatus(models.TextChoices):
    CREATING = "creating", _("Being created")  # 创建中
    NAMED = "named", _("Named")  # 已命名


class CommunityLevel(models.TextChoices):
    NATIONAL = "national", _("National")  # 全国综合减灾示范社区
    PROVINCIAL = "provincial", _("Provincial")
    CITY = "city", _("City")
