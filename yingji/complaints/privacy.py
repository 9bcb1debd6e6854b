"""The reporter's name and phone: kept out of every answer, page, export and audit snapshot,
except the complaint's own page and API detail for its complaint handlers, each such view
audited as `complaint.reporter_viewed`."""

from yingji.audit.services import audit_record, snapshot
from yingji.complaints.permissions import may_see_reporter

REPORTER_FIELDS = ("reporter_name", "reporter_phone")


def safe_snapshot(complaint) -> dict:
    """The audit snapshot without the reporter's identity (only whether it was given)."""
    values = snapshot(complaint)
    for name in REPORTER_FIELDS:
        values[name] = "(given)" if values.get(name) else ""
    return values


def reporter_for(user, complaint) -> dict | None:
    """{"reporter_name", "reporter_phone"} for a handler, the view audited; None for anyone else."""
    if not may_see_reporter(user, complaint):
        return None
    audit_record(
        actor=user,
        action="complaint.reporter_viewed",
        obj=complaint,
        before=None,
        after={"fields": list(REPORTER_FIELDS)},
    )
    return {name: getattr(complaint, name) for name in REPORTER_FIELDS}
