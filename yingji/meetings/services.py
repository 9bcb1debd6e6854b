"""Meetings and interviews: recorded by the committee office; each decision of a meeting and each
commitment of an interviewed unit becomes a task of the owner unit (tasks.services), tracked to
its end like any other."""

from django.db import transaction
from django.utils.translation import gettext as _

from yingji.audit.services import audit_created
from yingji.core.inputs import MAX_ID, Errors, choice, day, region_in, text, unit_in
from yingji.enterprises.models import Enterprise
from yingji.meetings.models import Interview, InterviewReason, Meeting, MeetingKind
from yingji.tasks import permissions
from yingji.tasks.models import TaskSource
from yingji.tasks.services import check_task

MAX_DECISIONS = 50


def _tasks(errors: Errors, actor, items, field: str, source: str) -> list:
    if not isinstance(items, list | tuple) or len(items) > MAX_DECISIONS:
        errors.add(field, _("At most %(n)d items.") % {"n": MAX_DECISIONS})
        return []
    made = []
    for n, item in enumerate(items, 1):
        item = item if isinstance(item, dict) else {}
        sub = Errors()
        task = check_task(sub, actor, organisation=item.get("unit_id"), title=item.get("title"), due_on=item.get("due_on"), detail=item.get("detail", ""), source=source)  # fmt: skip
        for key, messages in sub.items():
            errors.setdefault(f"{field}.{n}.{key}", []).extend(messages)
        made.append(task)
    return made


def _save_tasks(actor, tasks) -> list:
    for task in tasks:
        task.save()
        audit_created(actor=actor, obj=task)
    return tasks


@transaction.atomic
def meeting_create(
    *, actor, region_code, kind, title, held_on, chair, attendees="", minutes="", decisions=()
):
    permissions.require(permissions.can_keep(actor))
    errors = Errors()
    meeting = Meeting(
        region=region_in(errors, actor, region_code), kind=choice(errors, "kind", kind, MeetingKind),
        title=text(errors, "title", title, required=True, max_length=200), held_on=day(errors, "held_on", held_on),
        chair=text(errors, "chair", chair, required=True, max_length=50), attendees=text(errors, "attendees", attendees, max_length=5000),
        minutes=text(errors, "minutes", minutes, max_length=50000), created_by=actor,
    )  # fmt: skip
    tasks = _tasks(errors, actor, list(decisions or []), "decisions", TaskSource.MEETING)
    errors.raise_if_any()
    meeting.save()
    meeting.decisions.set(_save_tasks(actor, tasks))
    audit_created(actor=actor, obj=meeting)
    return meeting


@transaction.atomic
def interview_create(*, actor, reason, held_on, by_whom, unit_id=None, enterprise_id=None, attendees="", detail="", commitments=()):  # fmt: skip
    """约谈 of a unit or a street (its commitments become its tasks) or of an enterprise."""
    permissions.require(permissions.can_keep(actor))
    errors = Errors()
    interview = Interview(
        reason=choice(errors, "reason", reason, InterviewReason), held_on=day(errors, "held_on", held_on),
        by_whom=text(errors, "by_whom", by_whom, required=True, max_length=100),
        attendees=text(errors, "attendees", attendees, max_length=5000), detail=text(errors, "detail", detail, max_length=50000),
        created_by=actor,
    )  # fmt: skip
    if (unit_id is None) == (enterprise_id is None):
        errors.add("unit_id", _("Interview either a unit or an enterprise."))
    elif unit_id is not None:
        interview.organisation = unit_in(errors, actor, unit_id, "unit_id")
        interview.region_id = interview.organisation.region_id if interview.organisation else None
    else:
        valid = isinstance(enterprise_id, int) and 0 < enterprise_id <= MAX_ID
        interview.enterprise = (
            Enterprise.objects.for_user(actor).filter(pk=enterprise_id).first() if valid else None
        )
        if interview.enterprise is None:
            errors.add("enterprise_id", _("No such enterprise in your jurisdiction."))
        else:
            interview.region_id = interview.enterprise.region_id
    tasks = _tasks(errors, actor, list(commitments or []), "commitments", TaskSource.INTERVIEW)
    if tasks and interview.enterprise_id:
        errors.add(
            "commitments",
            _("An enterprise's commitments are followed up by inspection, not as a unit's tasks."),
        )
    errors.raise_if_any()
    interview.save()
    interview.commitments.set(_save_tasks(actor, tasks))
    audit_created(actor=actor, obj=interview)
    return interview
