"""The campaigns module's codes: how often participants report, what a form field holds, and
the lights of the roll-up."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Cycle(models.TextChoices):
    DAILY = "daily", _("Daily")  # 日跟踪
    WEEKLY = "weekly", _("Weekly")  # 周调度
    MONTHLY = "monthly", _("Monthly")


class FieldKind(models.TextChoices):
    NUMBER = "number", _("Number")
    TEXT = "text", _("Text")


class Light(models.TextChoices):
    GREEN = "green", _("Submitted")
    YELLOW = "yellow", _("Due within a day")
    RED = "red", _("Missing or late")
    NONE = "none", _("Not due yet")
