"""应急响应: start, 升级/降级, end, and the checklist of each level's measures ticked with who
and when. A refused transition is a 409 (Conflict)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from yingji.audit.services import audit_action, audit_created, snapshot
from yingji.core.errors import ApplicationError, Conflict
from yingji.emergency import permissions
from yingji.emergency.choices import ChangeKind, ResponseLevel, ResponseStatus, ResponseType
from yingji.emergency.inputs import MAX_ID, Errors, _choice, moment, region_in, text
from yingji.emergency.measures import higher, measures_for
from yingji.emergency.models import Event, Response, ResponseChange, ResponseMeasure


def _locked(response) -> Response:
    """The response re-read under a row lock: two officers raising it at once do not both pass."""
    return Response.objects.select_for_update().get(pk=response.pk)


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
    response = _locked(response)
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
    response = _locked(response)
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
    response = _locked(response)
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
