"""The kinds of notification and which outside channels each goes by when a user has chosen
nothing: in-app only, and SMS as well for what cannot wait (an accident)."""

from django.utils.translation import gettext_lazy as _

HAZARD_ASSIGNED = "hazard_assigned"
EVIDENCE_SUBMITTED = "evidence_submitted"
EVIDENCE_REJECTED = "evidence_rejected"
EXTENSION_DECIDED = "extension_decided"
MAJOR_HAZARD = "major_hazard"
ACCIDENT_REGISTERED = "accident_registered"
ACCIDENT_GRADE_RAISED = "accident_grade_raised"
HAZARD_DUE = "hazard_due"
HAZARD_OVERDUE = "hazard_overdue"
ACCIDENT_DUE = "accident_due"
JOB_FINISHED = "job_finished"

LABELS = {
    HAZARD_ASSIGNED: _("Hazard assigned for rectification"),
    EVIDENCE_SUBMITTED: _("Rectification evidence submitted"),
    EVIDENCE_REJECTED: _("Rectification evidence rejected"),
    EXTENSION_DECIDED: _("Extension request decided"),
    MAJOR_HAZARD: _("Major hazard registered or listed"),
    ACCIDENT_REGISTERED: _("Accident registered"),
    ACCIDENT_GRADE_RAISED: _("Accident grade raised"),
    HAZARD_DUE: _("Hazard deadline in 3 days"),
    HAZARD_OVERDUE: _("Hazard overdue"),
    ACCIDENT_DUE: _("Accident deadline due"),
    JOB_FINISHED: _("Background job finished"),
}

URGENT = {ACCIDENT_REGISTERED, ACCIDENT_GRADE_RAISED}


def register_kind(key: str, label, *, urgent: bool = False) -> str:
    """A module's own kind of notification (from its AppConfig.ready or todo.py); urgent ones go
    by SMS as well unless the user chose otherwise."""
    LABELS[key] = label
    if urgent:
        URGENT.add(key)
    return key


def default_channels(kind: str) -> set[str]:
    return {"sms"} if kind in URGENT else set()
