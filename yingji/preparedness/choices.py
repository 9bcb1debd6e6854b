"""Codes of preparedness (DOMAIN.md §0.8) and the minimum strength of the 县乡村 teams."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TeamLevel(models.TextChoices):
    COUNTY = "county", _("County (district) team")  # 县级
    TOWNSHIP = "township", _("Township (street) team")  # 乡级
    VILLAGE = "village", _("Village (community) team")  # 村级
    PROFESSIONAL = "professional", _("Professional team")  # 专业队伍
    SOCIAL = "social", _("Social team")  # 社会力量
    ENTERPRISE = "enterprise", _("Enterprise team")  # 企业队伍


# 县乡村三级应急抢险队伍 (the seeds: "县乡村分别50人、30人、10人以上应急抢险突击队").
THREE_LEVELS = (TeamLevel.COUNTY, TeamLevel.TOWNSHIP, TeamLevel.VILLAGE)
DEFAULT_MINIMUM_STRENGTH = {TeamLevel.COUNTY: 50, TeamLevel.TOWNSHIP: 30, TeamLevel.VILLAGE: 10}


def minimum_strength() -> dict[str, int]:
    """The least members a team of each level should have: settings.PREPAREDNESS_MINIMUM_STRENGTH
    overrides the seeds' 50/30/10; levels without a minimum are not checked."""
    configured = getattr(settings, "PREPAREDNESS_MINIMUM_STRENGTH", None) or {}
    return {str(k): int(v) for k, v in (DEFAULT_MINIMUM_STRENGTH | configured).items()}


class ExpertField(models.TextChoices):
    PRODUCTION_SAFETY = "production_safety", _("Production safety")  # 安全生产
    HAZCHEM = "hazchem", _("Hazardous chemicals")  # 危险化学品
    FLOOD = "flood", _("Flood and drought")  # 防汛抗旱
    GEOLOGICAL = "geological", _("Geological hazards")  # 地质灾害
    FIRE = "fire", _("Fire")  # 消防
    CONSTRUCTION = "construction", _("Construction")  # 建筑施工
    MEDICAL = "medical", _("Medical rescue")  # 医疗救护
    OTHER = "other", _("Other")


class PlanLevel(models.TextChoices):
    OVERALL = "overall", _("Overall plan")  # 总体预案
    SPECIAL = "special", _("Special plan")  # 专项预案
    DEPARTMENT = "department", _("Department plan")  # 部门预案
    GRASSROOTS = "grassroots", _("Grassroots or enterprise plan")  # 基层/企业预案


class PlanType(models.TextChoices):
    """What the plan responds to: the emergency module's response types (§0.8)."""

    FLOOD = "flood", _("Flood control")
    DROUGHT = "drought", _("Drought")
    GEOLOGICAL = "geological", _("Geological hazard")
    FOREST_FIRE = "forest_fire", _("Forest fire")
    EARTHQUAKE = "earthquake", _("Earthquake")
    PRODUCTION_ACCIDENT = "production_accident", _("Production-safety accident")
    OTHER = "other", _("Other")


class ResponseLevel(models.TextChoices):
    IV = "IV", "Ⅳ"
    III = "III", "Ⅲ"
    II = "II", "Ⅱ"
    I = "I", "Ⅰ"  # noqa: E741 (the highest)


RESPONSE_LEVELS = ("IV", "III", "II", "I")
REVIEW_YEARS = 3  # 预案至少每三年评估修订一次
REVIEW_WARNING_DAYS = 90  # the owner's to-do shows a plan this long before its review is due


class DrillType(models.TextChoices):
    TABLETOP = "tabletop", _("Tabletop exercise")  # 桌面推演
    FIELD = "field", _("Field drill")  # 实战演练
    COMBINED = "combined", _("Combined drill")  # 综合演练
