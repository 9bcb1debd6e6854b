"""The emergency module's business rules: every door (API, pages, demo aside) writes through
these, each change audited in the same transaction."""

import datetime
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from yingji.audit.services import audit_action, audit_created, audit_updated, snapshot
from yingji.core import dates
from yingji.core.errors import ApplicationError, Conflict
from yingji.emergency import deadlines, permissions
from yingji.emergency.choices import (
    RANK,
    ChangeKind,
    EventStatus,
    EventType,
    ReportChannel,
    ReportKind,
    ResponseLevel,
    ResponseStatus,
    ResponseType,
)
from yingji.emergency.measures import higher, measures_for
from yingji.emergency.models import (
    Evacuation,
    Event,
    EventReport,
    Response,
    ResponseChange,
    ResponseMeasure,
    Shelter,
)
from yingji.regions.models import Region
from yingji.regions.scoping import Jurisdiction

MAX_COUNT = 10_000_000
MAX_ID = 2**63 - 1


class Errors(dict):
    def add(self, field: str, message: str) -> None:
        self.setdefault(field, []).append(message)

    def raise_if_any(self) -> None:
        if self:
            raise ApplicationError(next(iter(self.values()))[0], errors=dict(self))


def text(errors: Errors, field: str, value, *, required=False, max_length=None) -> str:
    value = "" if value is None else str(value).strip()
    if "\x00" in value:
        errors.add(field, _("Text cannot contain NUL characters."))
    elif required and not value:
        errors.add(field, _("This field is required."))
    elif max_length and len(value) > max_length:
        errors.add(field, _("At most %(n)d characters.") % {"n": max_length})
    return value


def region_in(errors: Errors, user, code, field: str = "region_code", *, street=False) -> Region | None:
    code = str(code or "").strip()
    region = Region.objects.filter(code=code).first() if code.isdigit() and len(code) <= 12 else None
    if region is None:
        errors.add(field, _("Unknown region code %(code)s.") % {"code": code[:12]})
    elif street and len(code) < 9:
        errors.add(field, _("Choose a street (or a community in it)."))
    elif not Jurisdiction.of(user).contains_region(code):
        errors.add(field, _("This region is not in your jurisdiction."))
    else:
        return region
    return None


def count(errors: Errors, field: str, value) -> int:
    try:
        number = int(value if value not in (None, "") else 0)
    except (TypeError, ValueError):
        errors.add(field, _("Enter a whole number."))
        return 0
    if not 0 <= number <= MAX_COUNT:
        errors.add(field, _("Enter a number from 0 to %(n)d.") % {"n": MAX_COUNT})
    return number


def moment(errors: Errors, field: str, value, *, default_now=True) -> datetime.datetime | None:
    if value in (None, ""):
        return timezone.now() if default_now else None
    if isinstance(value, str):
        try:
            value = datetime.datetime.fromisoformat(value)
        except ValueError:
            errors.add(field, _("Enter a time as YYYY-MM-DDTHH:MM."))
            return None
    if timezone.is_naive(value):  # without an offset: Beijing time
        value = timezone.make_aware(value)
    if problem := dates.past_time_problem(value):
        errors.add(field, problem)
        return None
    return value


def _choice(errors: Errors, field: str, value, choices) -> str:
    if value not in choices.values:
        errors.add(field, _("Choose one of: %(values)s.") % {"values": ", ".join(choices.values)})
    return value


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


# --- responses ------------------------------------------------------------------------------


def _add_measures(response, level: str) -> None:
    ResponseMeasure.objects.bulk_create(
        ResponseMeasure(response=response, level=level, position=i, text=t)
        for i, t in enumerate(measures_for(response, level))
    )


def _events(errors: Errors, actor, event_ids) -> list[Event]:
    ids = [i for i in event_ids or [] if isinstance(i, int) and 0 < i <= MAX_ID]
    events = list(Event.objects.for_user(actor).filter(pk__in=ids))
    if len(events) != len(set(ids)):
        errors.add("event_ids", _("No such event in your jurisdiction."))
    return events


@transaction.atomic
def response_start(*, actor, type, level, region_code, started_at=None, reason="", event_ids=()):
    permissions.require(permissions.can_write_responses, actor)
    errors = Errors()
    response = Response(
        type=_choice(errors, "type", type, ResponseType),
        level=_choice(errors, "level", level, ResponseLevel),
        region=region_in(errors, actor, region_code),
        started_at=moment(errors, "started_at", started_at),
        reason=text(errors, "reason", reason, max_length=5000),
        created_by=actor,
    )
    events = _events(errors, actor, event_ids)
    errors.raise_if_any()
    if Response.objects.filter(type=type, region=response.region, status=ResponseStatus.ACTIVE).exists():
        raise Conflict(_("A response of this type is in force in this region: change its level instead."))
    response.save()
    response.events.set(events)
    ResponseChange.objects.create(response=response, kind=ChangeKind.START, to_level=level, at=response.started_at, by=actor, note=response.reason)  # fmt: skip
    _add_measures(response, level)
    audit_created(actor=actor, obj=response)
    return response


@transaction.atomic
def response_change_level(*, actor, response, level, at=None, note=""):
    """升级 or 降级: the new level's measures join the checklist; the history keeps who and when."""
    permissions.require(permissions.can_write_responses, actor)
    errors = Errors()
    _choice(errors, "level", level, ResponseLevel)
    when = moment(errors, "at", at)
    note = text(errors, "note", note, max_length=2000)
    if when and when < response.started_at:
        errors.add("at", _("A change cannot come before the response started."))
    errors.raise_if_any()
    if response.status == ResponseStatus.ENDED:
        raise Conflict(_("The response has ended."))
    if level == response.level:
        raise Conflict(_("The response is at this level already."))
    before = snapshot(response)
    kind = ChangeKind.RAISE if higher(level, response.level) else ChangeKind.LOWER
    ResponseChange.objects.create(response=response, kind=kind, from_level=response.level, to_level=level, at=when, by=actor, note=note)  # fmt: skip
    response.level = level
    response.save()
    if not response.measures.filter(level=level).exists():
        _add_measures(response, level)
    audit_action(actor=actor, obj=response, action=f"response.{kind}", before=before)
    return response


@transaction.atomic
def response_end(*, actor, response, at=None, note=""):
    permissions.require(permissions.can_write_responses, actor)
    errors = Errors()
    when = moment(errors, "at", at)
    note = text(errors, "note", note, max_length=2000)
    if when and when < response.started_at:
        errors.add("at", _("A response cannot end before it started."))
    errors.raise_if_any()
    if response.status == ResponseStatus.ENDED:
        raise Conflict(_("The response has ended already."))
    before = snapshot(response)
    response.status, response.ended_at = ResponseStatus.ENDED, when
    response.save()
    ResponseChange.objects.create(response=response, kind=ChangeKind.END, from_level=response.level, at=when, by=actor, note=note)  # fmt: skip
    audit_action(actor=actor, obj=response, action="response.end", before=before)
    return response


@transaction.atomic
def response_tick(*, actor, response, measure_id):
    permissions.require(permissions.can_write_responses, actor)
    valid = isinstance(measure_id, int) and 0 < measure_id <= MAX_ID
    measure = response.measures.filter(pk=measure_id).first() if valid else None
    if measure is None:
        raise ApplicationError(
            _("No such measure in this response."),
            errors={"measure_id": [_("No such measure in this response.")]},
        )
    if response.status == ResponseStatus.ENDED:
        raise Conflict(_("The response has ended."))
    if measure.ticked_at:
        raise Conflict(_("This measure is ticked already."))
    before = snapshot(response)
    measure.ticked_at, measure.ticked_by = timezone.now(), actor
    measure.save()
    audit_action(actor=actor, obj=response, action="response.tick", before=before, extra={"measure": measure.pk, "text": measure.text})  # fmt: skip
    return response


def activations(response) -> list[str]:
    """The levels this response started at or was raised to (启动Ⅳ级、Ⅲ级 as reports count them)."""
    return [c.to_level for c in response.changes.all() if c.kind in (ChangeKind.START, ChangeKind.RAISE)]


# --- evacuations ----------------------------------------------------------------------------


def _shelter(errors: Errors, actor, value) -> Shelter | None:
    """A shelter by id, or by its exact name, among the shelters the user can see."""
    if value in (None, ""):
        return None
    qs = Shelter.objects.for_user(actor)
    if isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit()):
        found = qs.filter(pk=int(value)).first() if 0 < int(value) <= MAX_ID else None
    else:
        found = qs.filter(name=str(value).strip()[:100]).order_by("pk").first()
    if found is None:
        errors.add("shelter", _("No such shelter in your jurisdiction."))
    return found


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
    if evacuation.returned_on:
        raise Conflict(_("The return is recorded already."))
    day = dates.past_date(returned_on, "returned_on", not_before=evacuation.date, name=_("evacuation date")) or dates.today()  # fmt: skip
    before = snapshot(evacuation)
    evacuation.returned_on = day
    evacuation.save()
    audit_action(actor=actor, obj=evacuation, action="evacuation.return", before=before)
    return evacuation


LEVEL_ORDER = sorted(ResponseLevel.values, key=lambda v: -RANK[v])  # Ⅳ, Ⅲ, Ⅱ, Ⅰ
