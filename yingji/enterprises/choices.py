"""Code lists of the enterprise registry. The codes are the API's and never change; the
labels are the UI's. The workbook's Chinese spellings live in workbook.py."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EnterpriseStatus(models.TextChoices):
    OPERATING = "operating", _("Operating")
    SUSPENDED = "suspended", _("Suspended")
    CLOSED = "closed", _("Closed")


class Scale(models.TextChoices):
    """企业规模, by the statistical classification of enterprise size."""

    LARGE = "large", _("Large enterprise")
    MEDIUM = "medium", _("Medium-sized enterprise")
    SMALL = "small", _("Small enterprise")
    MICRO = "micro", _("Micro enterprise")


class RiskGrade(models.TextChoices):
    """安全风险等级 (DOMAIN.md §4.1): the four colours of the risk map."""

    MAJOR = "major", _("Major risk")
    RELATIVELY_HIGH = "relatively_high", _("Relatively high risk")
    GENERAL = "general", _("General risk")
    LOW = "low", _("Low risk")


RISK_COLOURS = {
    RiskGrade.MAJOR: "red",
    RiskGrade.RELATIVELY_HIGH: "orange",
    RiskGrade.GENERAL: "yellow",
    RiskGrade.LOW: "blue",
}


class MajorHazardGrade(models.IntegerChoices):
    """重大危险源 grade (一级 is the most dangerous)."""

    GRADE_1 = 1, _("Grade 1")
    GRADE_2 = 2, _("Grade 2")
    GRADE_3 = 3, _("Grade 3")
    GRADE_4 = 4, _("Grade 4")


class StandardisationGrade(models.TextChoices):
    """安全生产标准化 grade reached by the enterprise."""

    LEVEL_1 = "level_1", _("Standardisation level 1")
    LEVEL_2 = "level_2", _("Standardisation level 2")
    LEVEL_3 = "level_3", _("Standardisation level 3")
    NONE = "none", _("No standardisation grade")


# The yes/no facts the bureaus track, in the order pages and the workbook show them.
FLAGS = (
    "is_major_hazard_source",
    "dust_explosion",
    "ammonia_refrigeration",
    "confined_space",
    "safety_director_appointed",
    "liability_insurance",
)
