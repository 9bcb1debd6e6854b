"""The duty desk's rules: shifts (one leader on duty, one or two officers; more only on a
strengthened shift), swaps, the log with its open items, hand-over and acceptance. Called by the
API, the pages and the demo alike; a refused step is a 409, bad input a 400 naming the field."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from yingji.audit.services import audit_action, audit_created, snapshot
from yingji.core.errors import Conflict
from yingji.core.inputs import MAX_ID, Errors, account_in, choice, moment, planned, region_in, text
from yingji.duty import permissions
from yingji.duty.choices import EntryKind, SwapPosition
from yingji.duty.models import Handover, LogEntry, Shift, Swap

MAX_SHIFT = datetime.timedelta(hours=24)
HORIZON = datetime.timedelta(days=400)  # a roster is planned at most about a year ahead
OFFICERS = (1, 2)  # DOMAIN.md 6.4: one leader on duty and one or two officers a shift
STRENGTHENED_OFFICERS = 6


@transaction.atomic
def shift_create(*, actor, region_code, starts_at, ends_at, leader, officers, strengthened=False, note=""):
    permissions.require(permissions.can_write_roster, actor)
    errors = Errors()
    region = region_in(errors, actor, region_code)
    start = planned(errors, "starts_at", starts_at, horizon=HORIZON, required=True)
    end = planned(errors, "ends_at", ends_at, horizon=HORIZON, required=True)
    if start and end and not start < end <= start + MAX_SHIFT:
        errors.add("ends_at", _("A shift ends after it starts and lasts at most 24 hours."))
    chief = account_in(errors, actor, "leader", leader)
    names = list(dict.fromkeys(officers or [])) if isinstance(officers, list | tuple) else []
    most = STRENGTHENED_OFFICERS if strengthened else OFFICERS[1]
    if not OFFICERS[0] <= len(names) <= most:
        errors.add(
            "officers", _("A shift has from %(a)d to %(b)d duty officers.") % {"a": OFFICERS[0], "b": most}
        )
    people = [p for p in (account_in(errors, actor, "officers", n) for n in names[:most]) if p]
    if chief and chief in people:
        errors.add("officers", _("The leader on duty is not also an officer of the shift."))
    note = text(errors, "note", note, max_length=200)
    if region and start and end and not errors:
        clash = Shift.objects.filter(region=region, starts_at__lt=end, ends_at__gt=start).first()
        if clash:
            errors.add("starts_at", _("Overlaps the shift from %(at)s.") % {"at": f"{timezone.localtime(clash.starts_at):%Y-%m-%d %H:%M}"})  # fmt: skip
    errors.raise_if_any()
    shift = Shift.objects.create(region=region, starts_at=start, ends_at=end, leader=chief, strengthened=bool(strengthened), note=note, created_by=actor)  # fmt: skip
    shift.officers.set(people)
    audit_created(actor=actor, obj=shift)
    return shift


@transaction.atomic
def shift_swap(*, actor, shift, position, out_user, in_user, reason):
    """换班: someone stands in for the leader on duty or an officer; the swap is kept."""
    permissions.require(permissions.can_write_roster, actor)
    shift = Shift.objects.select_for_update().get(pk=shift.pk)
    errors = Errors()
    choice(errors, "position", position, SwapPosition)
    out_ = account_in(errors, actor, "out_user", out_user)
    in_ = account_in(errors, actor, "in_user", in_user)
    reason = text(errors, "reason", reason, required=True, max_length=200)
    errors.raise_if_any()
    officers = set(shift.officers.all())
    if shift.ends_at <= timezone.now():
        raise Conflict(_("The shift is over."))
    on_it = shift.leader_id == out_.pk if position == SwapPosition.LEADER else out_ in officers
    if not on_it:
        raise Conflict(_("%(name)s is not on this shift in that position.") % {"name": out_})
    if in_.pk == shift.leader_id or in_ in officers:
        raise Conflict(_("%(name)s is on this shift already.") % {"name": in_})
    before = snapshot(shift) | {"officers": sorted(u.pk for u in officers)}
    if position == SwapPosition.LEADER:
        shift.leader = in_
        shift.save()
    else:
        shift.officers.remove(out_)
        shift.officers.add(in_)
    Swap.objects.create(shift=shift, position=position, out_user=out_, in_user=in_, reason=reason, by=actor)
    audit_action(actor=actor, obj=shift, action="duty.swap", before=before, extra={"position": position, "out": out_.username, "in": in_.username})  # fmt: skip
    return shift


def shift_at(region_code: str, at: datetime.datetime) -> Shift | None:
    return Shift.objects.filter(region_id=region_code, starts_at__lte=at, ends_at__gt=at).first()


def _own_region(actor) -> str | None:
    return actor.organisation.region_id if actor.organisation_id else None


def _linked(errors: Errors, actor, field, model, value):
    if value in (None, ""):
        return None
    valid = isinstance(value, int) and 0 < value <= MAX_ID
    found = model.objects.for_user(actor).filter(pk=value).first() if valid else None
    if found is None:
        errors.add(field, _("No such record in your jurisdiction."))
    return found


@transaction.atomic
def log_add(*, actor, kind, content, at=None, counterpart="", region_code=None, event_id=None, warning_id=None, open=False):  # fmt: skip
    """A line of the duty log, filed under the shift on duty at the time."""
    from yingji.emergency.models import Event
    from yingji.warnings.models import EarlyWarning

    permissions.require(permissions.can_write_log, actor)
    errors = Errors()
    region = region_in(errors, actor, region_code or _own_region(actor))
    entry = LogEntry(
        region=region, kind=choice(errors, "kind", kind, EntryKind), at=moment(errors, "at", at),
        counterpart=text(errors, "counterpart", counterpart, max_length=100),
        content=text(errors, "content", content, required=True, max_length=5000),
        event=_linked(errors, actor, "event_id", Event, event_id),
        warning=_linked(errors, actor, "warning_id", EarlyWarning, warning_id), open=bool(open), by=actor,
    )  # fmt: skip
    errors.raise_if_any()
    entry.shift = shift_at(region.code, entry.at)
    entry.save()
    audit_created(actor=actor, obj=entry)
    return entry


@transaction.atomic
def log_close(*, actor, entry, note=""):
    """An open item followed up to its end (办结)."""
    permissions.require(permissions.can_write_log, actor)
    entry = LogEntry.objects.select_for_update().get(pk=entry.pk)
    errors = Errors()
    note = text(errors, "note", note, required=True, max_length=500)
    errors.raise_if_any()
    if not entry.open:
        raise Conflict(_("This entry needs no follow-up."))
    if entry.closed_at:
        raise Conflict(_("This entry is closed already."))
    before = snapshot(entry)
    entry.closed_at, entry.closing_note = timezone.now(), note
    entry.save()
    audit_action(actor=actor, obj=entry, action="duty.close", before=before)
    return entry


def open_items(region_code: str):
    return LogEntry.objects.filter(region__code__startswith=region_code, open=True, closed_at__isnull=True)


def _on_shift(actor, shift) -> bool:
    return actor.pk == shift.leader_id or shift.officers.filter(pk=actor.pk).exists()


@transaction.atomic
def hand_over(*, actor, shift, notes=""):
    """交班: the outgoing leader or officer hands over, with every item still open."""
    permissions.require(permissions.can_write_log, actor)
    shift = Shift.objects.select_for_update().get(pk=shift.pk)
    errors = Errors()
    notes = text(errors, "notes", notes, max_length=5000)
    errors.raise_if_any()
    if not (_on_shift(actor, shift) or permissions.can_write_roster(actor)):
        raise PermissionDenied(_("Only someone on this shift hands it over."))
    if Handover.objects.filter(shift=shift).exists():
        raise Conflict(_("This shift has been handed over already."))
    if shift.starts_at > timezone.now():
        raise Conflict(_("The shift has not started."))
    handover = Handover.objects.create(shift=shift, at=timezone.now(), by=actor, notes=notes)
    handover.open_items.set(open_items(shift.region_id))
    audit_created(actor=actor, obj=handover)
    return handover


@transaction.atomic
def accept(*, actor, shift):
    """接班: someone of the next shift accepts what the outgoing one handed over."""
    permissions.require(permissions.can_write_log, actor)
    handover = Handover.objects.select_for_update().filter(shift=shift).first()
    if handover is None:
        raise Conflict(_("The shift has not been handed over yet."))
    if handover.accepted_at:
        raise Conflict(_("The hand-over has been accepted already."))
    following = Shift.objects.filter(region_id=shift.region_id, starts_at__gte=shift.ends_at - datetime.timedelta(hours=1)).exclude(pk=shift.pk).order_by("starts_at").first()  # fmt: skip
    if not ((following and _on_shift(actor, following)) or permissions.can_write_roster(actor)):
        raise PermissionDenied(_("Only someone on the next shift accepts the hand-over."))
    before = snapshot(handover)
    handover.accepted_by, handover.accepted_at = actor, timezone.now()
    handover.save()
    audit_action(actor=actor, obj=handover, action="duty.accept", before=before)
    return handover


def on_duty(user, at=None) -> Q:
    """The shifts the user is on (as leader or officer) at `at`."""
    at = at or timezone.now()
    return Q(starts_at__lte=at, ends_at__gt=at) & (Q(leader=user) | Q(officers=user))
