"""The emergency module's codes (DOMAIN.md 0.8)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventType(models.TextChoices):
    FLOOD = "flood", _("Flood")
    GEOLOGICAL = "geological", _("Geological disaster")
    FOREST_FIRE = "forest_fire", _("Forest fire")
    EARTHQUAKE = "earthquake", _("Earthquake")
    PRODUCTION_ACCIDENT = "production_accident", _("Production-safety accident")
    OTHER = "other", _("Other")


class EventStatus(models.TextChoices):
    OPEN = "open", _("Being dealt with")
    CLOSED = "closed", _("Dealt with")


class ReportKind(models.TextChoices):
    FIRST = "first", _("First report")  # 首报
    FOLLOW_UP = "follow_up", _("Follow-up report")  # 续报
    FINAL = "final", _("Final report")  # 终报


class ReportChannel(models.TextChoices):
    PHONE = "phone", _("By phone")
    WRITTEN = "written", _("In writing")


class ResponseType(models.TextChoices):
    FLOOD = "flood", _("Flood control")
    DROUGHT = "drought", _("Drought relief")
    GEOLOGICAL = "geological", _("Geological disaster")
    FOREST_FIRE = "forest_fire", _("Forest fire")
    EARTHQUAKE = "earthquake", _("Earthquake")
    PRODUCTION_ACCIDENT = "production_accident", _("Production-safety accident")
    OTHER = "other", _("Other")


class ResponseLevel(models.TextChoices):
    """Ⅳ lowest, Ⅰ highest (DOMAIN.md 6.1)."""

    IV = "IV", "Ⅳ"
    III = "III", "Ⅲ"
    II = "II", "Ⅱ"
    I = "I", "Ⅰ"  # noqa: E741


RANK = {"IV": 4, "III": 3, "II": 2, "I": 1}  # a smaller number is a higher level


class ResponseStatus(models.TextChoices):
    ACTIVE = "active", _("In force")
    ENDED = "ended", _("Ended")


class ChangeKind(models.TextChoices):
    START = "start", _("Started")
    RAISE = "raise", _("Raised")  # 升级
    LOWER = "lower", _("Lowered")  # 降级
    END = "end", _("Ended")


class SpecialCategory(models.TextChoices):
    ELDERLY_ALONE = "elderly_alone", _("Elderly living alone")
    SICK = "sick", _("Sick")
    DISABLED = "disabled", _("Disabled")
    PREGNANT = "pregnant", _("Pregnant or postpartum")
    CHILDREN = "children", _("Child")
    LEFT_BEHIND = "left_behind", _("Left-behind")
    OTHER = "other", _("Other")


class RiskArea(models.TextChoices):
    FLASH_FLOOD = "flash_flood", _("Flash-flood area")
    GEOLOGICAL = "geological", _("Geological hazard point")
    LOW_LYING = "low_lying", _("Low-lying area")
