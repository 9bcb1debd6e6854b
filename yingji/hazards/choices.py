"""The hazard closed loop (DOMAIN.md §0.2, §3.4): states, levels, sources and the transition table."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class HazardStatus(models.TextChoices):
    REPORTED = "reported", _("Reported, awaiting rectification")
    RECTIFYING = "rectifying", _("Rectifying")
    AWAITING_REVIEW = "awaiting_review", _("Awaiting acceptance")
    RECTIFIED = "rectified", _("Rectified")
    CLOSED = "closed", _("Closed (written off)")
    CANCELLED = "cancelled", _("Cancelled")


class HazardLevel(models.TextChoices):
    GENERAL = "general", _("General hazard")
    MAJOR = "major", _("Major hazard")


class HazardSource(models.TextChoices):
    SELF_CHECK = "self_check", _("Enterprise self-check")
    INSPECTION = "inspection", _("Supervisory inspection")
    COMPLAINT = "complaint", _("Complaint")
    LEADER_CHECK = "leader_check", _("Leader-led inspection")
    OTHER = "other", _("Other")


class HazardCategory(models.TextChoices):
    UNSAFE_ACT = "unsafe_act", _("Unsafe human behaviour")
    UNSAFE_CONDITION = "unsafe_condition", _("Unsafe physical condition")
    MANAGEMENT = "management", _("Management defect")
    ENVIRONMENT = "environment", _("Environmental factor")
    OTHER = "other", _("Other")


class HazardAction(models.TextChoices):
    ASSIGN = "assign", _("Assign rectification")
    SUBMIT = "submit", _("Submit rectification")
    APPROVE = "approve", _("Accept rectification")
    REJECT = "reject", _("Reject rectification")
    CLOSE = "close", _("Close (write off)")
    RECTIFY_ON_SITE = "rectify_on_site", _("Rectified on site")
    REQUEST_EXTENSION = "request_extension", _("Request extension")
    GRANT_EXTENSION = "grant_extension", _("Grant extension")
    DENY_EXTENSION = "deny_extension", _("Deny extension")
    CANCEL = "cancel", _("Cancel")
    LIST = "list", _("List for supervision (挂牌督办)")


class ListingLevel(models.TextChoices):
    COUNTY = "county", _("County / district")
    CITY = "city", _("City")
    PROVINCE = "province", _("Province")


S = HazardStatus
# action -> (states it may start from, state it leads to; None keeps the state)
TRANSITIONS: dict[str, tuple[frozenset[str], str | None]] = {
    HazardAction.ASSIGN: (frozenset({S.REPORTED}), S.RECTIFYING),
    HazardAction.SUBMIT: (frozenset({S.RECTIFYING}), S.AWAITING_REVIEW),
    HazardAction.APPROVE: (frozenset({S.AWAITING_REVIEW}), S.RECTIFIED),
    HazardAction.REJECT: (frozenset({S.AWAITING_REVIEW}), S.RECTIFYING),
    HazardAction.CLOSE: (frozenset({S.RECTIFIED}), S.CLOSED),
    HazardAction.RECTIFY_ON_SITE: (frozenset({S.REPORTED, S.RECTIFYING}), S.RECTIFIED),
    HazardAction.REQUEST_EXTENSION: (frozenset({S.RECTIFYING}), None),
    HazardAction.GRANT_EXTENSION: (frozenset({S.RECTIFYING}), None),
    HazardAction.DENY_EXTENSION: (frozenset({S.RECTIFYING}), None),
    HazardAction.CANCEL: (frozenset({S.REPORTED, S.RECTIFYING, S.AWAITING_REVIEW}), S.CANCELLED),
    HazardAction.LIST: (frozenset({S.REPORTED, S.RECTIFYING, S.AWAITING_REVIEW}), None),
}

# "整改完成" in reports.
DONE_STATES = frozenset({S.RECTIFIED, S.CLOSED})
OPEN_STATES = frozenset({S.REPORTED, S.RECTIFYING, S.AWAITING_REVIEW})
