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


class Outcome(models.TextChoices):
    PASS = "pass", _("Pass")
    FAIL = "fail", _("Fail")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


# The source a hazard found in an inspection is registered with (DOMAIN.md §0.2).
HAZARD_SOURCE = {
    InspectionType.SELF_CHECK: "self_check",
    InspectionType.LEADER: "leader_check",
}
DEFAULT_HAZARD_SOURCE = "inspection"
