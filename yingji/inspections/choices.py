from django.db import models
from django.utils.translation import gettext_lazy as _


class InspectionType(models.TextChoices):
    DAILY = "daily", _("Daily inspection")
    CAMPAIGN = "campaign", _("Special campaign inspection")
    ENFORCEMENT = "enforcement", _("Enforcement inspection")
    UNANNOUNCED = "unannounced", _("Unannounced inspection (四不两直)")
    SELF_CHECK = "self_check", _("Enterprise self-check")
    LEADER = "leader", _("Leader-led inspection")
    REINSPECTION = "reinspection", _("Re-inspection")
