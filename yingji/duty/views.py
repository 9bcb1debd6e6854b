"""The duty desk: who is on duty now and next, the warnings in force, open events and the
information reports due, the items to follow up, today's log with its form, hand-over and
acceptance; and the roster of a month with its coverage gaps, the form to add a shift and swaps.
Every write goes through services, as the API's does."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from yingji.accounts.choices import Role
from yingji.accounts.models import User
from yingji.core.errors import ApplicationError
from yingji.duty import coverage, permissions, services
from yingji.duty.choices import EntryKind, SwapPosition
from yingji.duty.models import Handover, LogEntry, Shift
from yingji.emergency.choices import EventStatus
from yingji.emergency.models import Event
from yingji.emergency.todo import reports_due
from yingji.regions.scoping import Jurisdiction, get_for_user
from yingji.regions.selectors import region_choices
from yingji.warnings.choices import Status
from yingji.warnings.models import EarlyWarning


def _staff(request):
    if not permissions.can_read(request.user):
        raise PermissionDenied


def _int(value):
    value = (value or "").strip()
    return int(value) if value.isdigit() and len(value) < 18 else None


@login_required
@require_http_methods(["GET", "POST"])
def desk(request):
    _staff(request)
    user, now = request.user, timezone.now()
    errors, values = {}, {}
    if request.method == "POST":
        values = request.POST.dict()
        try:
            services.log_add(actor=user, kind=values.get("kind"), content=values.get("content"), at=values.get("at") or None,
                             counterpart=values.get("counterpart", ""), event_id=_int(values.get("event_id")),
                             warning_id=_int(values.get("warning_id")), open=values.get("open") == "on")  # fmt: skip
            messages.success(request, _("Entered in the duty log."))
            return redirect("duty:desk")
        except ApplicationError as e:
            errors = e.errors
    shifts = Shift.objects.for_user(user).select_related("leader").prefetch_related("officers")
    current = shifts.filter(starts_at__lte=now, ends_at__gt=now).first()
    following = shifts.filter(starts_at__gt=now).order_by("starts_at").first()
    handover = Handover.objects.filter(shift=current).first() if current else None
    previous = Handover.objects.for_user(user).filter(accepted_at__isnull=True, shift__ends_at__lte=now + datetime.timedelta(hours=1)).select_related("shift", "by").order_by("-at").first()  # fmt: skip
    log = (
        LogEntry.objects.for_user(user).select_related("by").filter(at__gte=now - datetime.timedelta(days=1))
    )
    return render(request, "duty/desk.html", {
        "current": current, "following": following, "handover": handover, "previous": previous,
        "on_current": current is not None and (current.leader_id == user.pk or user in current.officers.all()),
        "warnings": EarlyWarning.objects.for_user(user).filter(status=Status.IN_FORCE).order_by("-valid_from")[:10],
        "events": Event.objects.for_user(user).filter(status=EventStatus.OPEN)[:10],
        "reports": reports_due(user, now), "open_items": LogEntry.objects.for_user(user).filter(open=True, closed_at__isnull=True).order_by("at")[:50],
        "log": log[:100], "kinds": EntryKind.choices, "errors": errors, "values": values,
        "can_log": permissions.can_write_log(user), "can_roster": permissions.can_write_roster(user),
    })  # fmt: skip


@login_required
@require_POST
def desk_act(request, action):
    _staff(request)
    try:
        if action == "close":
            entry = get_for_user(
                LogEntry.objects.all(), request.user, pk=_int(request.POST.get("entry_id")) or 0
            )
            services.log_close(actor=request.user, entry=entry, note=request.POST.get("note", ""))
        elif action in ("hand_over", "accept"):
            shift = get_for_user(
                Shift.objects.all(), request.user, pk=_int(request.POST.get("shift_id")) or 0
            )
            if action == "hand_over":
                services.hand_over(actor=request.user, shift=shift, notes=request.POST.get("notes", ""))
            else:
                services.accept(actor=request.user, shift=shift)
        else:
            raise PermissionDenied
        messages.success(request, _("Done."))
    except ApplicationError as e:
        messages.error(request, " ".join(m for ms in e.errors.values() for m in ms) or str(e))
    return redirect("duty:desk")


def _people(user):
    """The accounts a roster may name: the office's own staff (its jurisdiction, not enterprises)."""
    region = Jurisdiction.of(user).region
    if not region:
        return User.objects.none()
    roles = (Role.BUREAU, Role.LEADER, Role.DUTY, Role.INSPECTOR, Role.STREET)
    return User.objects.filter(is_active=True, role__in=roles, organisation__region__code__startswith=region)[
        :300
    ]


def _month(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(f"{value}-01")
    except ValueError:
        return timezone.localdate().replace(day=1)


@login_required
@require_http_methods(["GET", "POST"])
def roster(request):
    _staff(request)
    user = request.user
    first = _month(request.GET.get("month", ""))
    last = (first + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    region = Jurisdiction.of(user).region or ""
    errors, values = {}, {}
    if request.method == "POST":
        values = request.POST.dict()
        try:
            if values.get("do") == "swap":
                shift = get_for_user(Shift.objects.all(), user, pk=_int(values.get("shift_id")) or 0)
                services.shift_swap(actor=user, shift=shift, position=values.get("position"), out_user=values.get("out_user"), in_user=values.get("in_user"), reason=values.get("reason", ""))  # fmt: skip
            else:
                services.shift_create(actor=user, region_code=values.get("region_code") or region, starts_at=values.get("starts_at"),
                                      ends_at=values.get("ends_at"), leader=values.get("leader"),
                                      officers=[n.strip() for n in values.get("officers", "").replace("，", ",").split(",") if n.strip()],
                                      strengthened=values.get("strengthened") == "on", note=values.get("note", ""))  # fmt: skip
            messages.success(request, _("Roster saved."))
            return redirect(f"{request.path}?month={first:%Y-%m}")
        except ApplicationError as e:
            errors = e.errors
    shifts = Shift.objects.for_user(user).filter(starts_at__date__lte=last, ends_at__date__gte=first)
    result = coverage.coverage_for(user, region, first, last) if region else None
    return render(request, "duty/roster.html", {
        "shifts": shifts.select_related("leader", "region").prefetch_related("officers", "swaps__out_user", "swaps__in_user"),
        "month": first, "previous": (first - datetime.timedelta(days=1)).replace(day=1), "next": last + datetime.timedelta(days=1),
        "coverage": result, "errors": errors, "values": values, "positions": SwapPosition.choices,
        "regions": region_choices(user), "can_write": permissions.can_write_roster(user), "people": _people(user),
    })  # fmt: skip
