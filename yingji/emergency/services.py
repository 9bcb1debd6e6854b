"""The emergency module's business rules: every door (API, pages, demo aside) writes through
these, each change audited in the same transaction."""

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from yingji.audit.services import audit_action, audit_created, audit_updated, snapshot
from yingji.core import dates
from yingji.core.errors import ApplicationError, Conflict
from yingji.emergency import deadlines, permissions
from yingji.emergency.choices import (
    EventStatus,
    EventType,
    ReportChannel,
    ReportKind,
)
from yingji.emergency.inputs import (  # noqa: F401
    MAX_COUNT,
    MAX_ID,
    Errors,
    _choice,
    _shelter,
    count,
    moment,
    region_in,
    text,
)
from yingji.emergency.models import (
    Evacuation,
    Event,
    EventReport,
    Shelter,
)

# --- shelters -------------------------------------------------------------------------------


@transaction.atomic
def shelter_create(
    *, actor, name, region_code, place, capacity, facilities="", latitude=None, longitude=None
):
    permissions.require(permissions.can_write_shelters, actor)
    errors = Errors()
    shelter = Shelter(
        name=text(errors, "name", name, required=True, max_length=100),
        region=region_in(errors, actor, region_code),
        place=text(errors, "place", place, required=True, max_length=200),
        capacity=count(errors, "capacity", capacity),
        facilities=text(errors, "facilities", facilities),
        latitude=latitude,
        longitude=longitude,
    )
    errors.raise_if_any()
    if Shelter.objects.filter(region=shelter.region, name=shelter.name).exists():
        raise ApplicationError(
            _("A shelter of this name exists in the region."),
            errors={"name": [_("A shelter of this name exists in the region.")]},
        )
    shelter.save()
    audit_created(actor=actor, obj=shelter)
    return shelter


# --- events and information reports ---------------------------------------------------------


def _losses(errors: Errors, value) -> Decimal:
    try:
        amount = Decimal(str(value if value not in (None, "") else 0))
    except InvalidOperation:
        errors.add("losses", _("Enter an amount in 10,000 yuan."))
        return Decimal(0)
    if not amount.is_finite() or not Decimal(0) <= amount < Decimal(10) ** 10:
        errors.add("losses", _("Enter an amount in 10,000 yuan."))
        return Decimal(0)
    return amount.quantize(Decimal("0.01"))


@transaction.atomic
def event_create(*, actor, type, title, place, region_code, occurred_at, region_codes=(), accident_id=None,
                 dead=0, missing=0, injured=0, losses=0, summary=""):  # fmt: skip
    permissions.require(permissions.can_write_events, actor)
    errors = Errors()
    event = Event(
        type=_choice(errors, "type", type, EventType),
        title=text(errors, "title", title, required=True, max_length=200),
        place=text(errors, "place", place, required=True, max_length=200),
        region=region_in(errors, actor, region_code),
        occurred_at=moment(errors, "occurred_at", occurred_at),
        dead=count(errors, "dead", dead),
        missing=count(errors, "missing", missing),
        injured=count(errors, "injured", injured),
        losses=_losses(errors, losses),
        summary=text(errors, "summary", summary),
        created_by=actor,
    )
    regions = [r for code in region_codes or [] if (r := region_in(errors, actor, code, "region_codes"))]
    if accident_id is not None:
        from yingji.accidents.models import Accident

        accident = Accident.objects.for_user(actor).filter(pk=accident_id).first()
        if accident is None:
            errors.add("accident_id", _("No such accident in your jurisdiction."))
        elif type != EventType.PRODUCTION_ACCIDENT:
            errors.add("accident_id", _("Only a production-safety accident event links an accident."))
        event.accident = accident
    errors.raise_if_any()
    event.save()
    event.regions.set(regions)
    audit_created(actor=actor, obj=event)
    return event


@transaction.atomic
def event_update(*, actor, event, changes: dict):
    """Casualties, losses and the summary as they become known."""
    permissions.require(permissions.can_write_events, actor)
    if event.status == EventStatus.CLOSED:
        raise Conflict(_("The event is closed."))
    before = snapshot(event)
    errors = Errors()
    for name in ("dead", "missing", "injured"):
        if name in changes:
            setattr(event, name, count(errors, name, changes[name]))
    if "losses" in changes:
        event.losses = _losses(errors, changes["losses"])
    for name, limit in (("summary", None), ("place", 200), ("title", 200)):
        if name in changes:
            setattr(
                event, name, text(errors, name, changes[name], required=name != "summary", max_length=limit)
            )
    errors.raise_if_any()
    event.save()
    audit_updated(actor=actor, obj=event, before=before)
    return event


@transaction.atomic
def event_close(*, actor, event, closed_at=None):
    permissions.require(permissions.can_write_events, actor)
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status == EventStatus.CLOSED:
        raise Conflict(_("The event is closed already."))
    errors = Errors()
    at = moment(errors, "closed_at", closed_at)
    if at and at < event.occurred_at:
        errors.add("closed_at", _("The event cannot close before it occurred."))
    errors.raise_if_any()
    before = snapshot(event)
    event.status, event.closed_at = EventStatus.CLOSED, at
    event.save()
    audit_action(actor=actor, obj=event, action="close", before=before)
    return event


@transaction.atomic
def report_add(*, actor, event, kind, channel, made_at=None, content=""):
    """Record a 首报, 续报 or 终报; its deadline and whether it was late come from the rules."""
    permissions.require(permissions.can_write_events, actor)
    event = Event.objects.select_for_update().get(pk=event.pk)
    errors = Errors()
    _choice(errors, "kind", kind, ReportKind)
    _choice(errors, "channel", channel, ReportChannel)
    at = moment(errors, "made_at", made_at)
    content = text(errors, "content", content, max_length=5000)
    if at and at < event.occurred_at:
        errors.add("made_at", _("A report cannot be made before the event occurred."))
    errors.raise_if_any()
    made = list(event.reports.all())
    if kind == ReportKind.FIRST and any(r.kind == kind and r.channel == channel for r in made):
        raise Conflict(_("This first report is recorded already."))
    if kind == ReportKind.FINAL and event.status != EventStatus.CLOSED:
        raise Conflict(_("A final report follows the event's close."))
    if kind == ReportKind.FINAL and any(r.kind == kind for r in made):
        raise Conflict(_("The final report is recorded already."))
    if kind == ReportKind.FOLLOW_UP and not any(r.kind == ReportKind.FIRST for r in made):
        raise Conflict(_("A follow-up report comes after the first report."))
    previous = max((r.made_at for r in made), default=None)
    due = deadlines.due_at(event, kind, channel, previous=previous)
    report = EventReport.objects.create(
        event=event, kind=kind, channel=channel, made_at=at, due_at=due,
        late=bool(due and at > due), content=content, made_by=actor,
    )  # fmt: skip
    audit_created(actor=actor, obj=report)
    return report


# --- evacuations ----------------------------------------------------------------------------


@transaction.atomic
def evacuation_create(*, actor, region_code, date, people, special_group_people=0, shelter=None, event_id=None, note=""):  # fmt: skip
    permissions.require(permissions.can_write_evacuations, actor)
    errors = Errors()
    evacuation = Evacuation(
        region=region_in(errors, actor, region_code, street=True),
        people=count(errors, "people", people),
        special_group_people=count(errors, "special_group_people", special_group_people),
        shelter=_shelter(errors, actor, shelter),
        note=text(errors, "note", note, max_length=2000),
        created_by=actor,
    )
    try:
        evacuation.date = dates.past_date(date, "date")
    except ApplicationError as e:
        errors.update(e.errors)
    if evacuation.date is None and "date" not in errors:
        errors.add("date", _("This field is required."))
    if evacuation.special_group_people > evacuation.people:
        errors.add("special_group_people", _("Cannot be more than the people moved."))
    if event_id is not None:
        valid = isinstance(event_id, int) and 0 < event_id <= MAX_ID
        evacuation.event = Event.objects.for_user(actor).filter(pk=event_id).first() if valid else None
        if evacuation.event is None:
            errors.add("event_id", _("No such event in your jurisdiction."))
    errors.raise_if_any()
    evacuation.save()
    audit_created(actor=actor, obj=evacuation)
    return evacuation


@transaction.atomic
def evacuation_return(*, actor, evacuation, returned_on=None):
    """返回: the people went home."""
    permissions.require(permissions.can_write_evacuations, actor)
    evacuation = Evacuation.objects.select_for_update().get(pk=evacuation.pk)
    if evacuation.returned_on:
        raise Conflict(_("The return is recorded already."))
    day = dates.past_date(returned_on, "returned_on", not_before=evacuation.date, name=_("evacuation date")) or dates.today()  # fmt: skip
    before = snapshot(evacuation)
    evacuation.returned_on = day
    evacuation.save()
    audit_action(actor=actor, obj=evacuation, action="evacuation.return", before=before)
    return evacuation
