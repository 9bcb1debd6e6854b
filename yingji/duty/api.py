"""The duty module's endpoints under /api/v1/ (the router is mounted at the root: each
path names its own collection): the roster with its actions (swap, hand_over, accept), the
coverage check, and the duty log with its close action."""

import datetime
from typing import Literal

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from yingji.core.api import MAX_ID, Page
from yingji.core.errors import ApplicationError
from yingji.duty import coverage, permissions, services
from yingji.duty.choices import EntryKind, SwapPosition
from yingji.duty.models import LogEntry, Shift
from yingji.regions.scoping import Jurisdiction, get_for_user

router = Router(tags=["duty"])
RegionPrefix = Field(None, max_length=12, pattern=r"^\d*$", description="region code prefix")
Username = Field(..., max_length=150)
MAX_DAYS = 366


def _local(value):
    return timezone.localtime(value) if value else None


def _read(user):
    permissions.require(permissions.can_read, user)


class SwapOut(Schema):
    position: str
    out_user: str
    in_user: str
    reason: str
    at: datetime.datetime

    @staticmethod
    def resolve_out_user(obj):
        return obj.out_user.username

    @staticmethod
    def resolve_in_user(obj):
        return obj.in_user.username

    @staticmethod
    def resolve_at(obj):
        return _local(obj.created_at)


class HandoverOut(Schema):
    at: datetime.datetime
    by: str
    notes: str
    open_item_ids: list[int]
    accepted_by: str | None
    accepted_at: datetime.datetime | None

    @staticmethod
    def resolve_at(obj):
        return _local(obj.at)

    @staticmethod
    def resolve_by(obj):
        return obj.by.username

    @staticmethod
    def resolve_open_item_ids(obj):
        return sorted(e.pk for e in obj.open_items.all())

    @staticmethod
    def resolve_accepted_by(obj):
        return obj.accepted_by.username if obj.accepted_by_id else None

    @staticmethod
    def resolve_accepted_at(obj):
        return _local(obj.accepted_at)


class ShiftOut(Schema):
    id: int
    region_code: str = Field(..., alias="region_id")
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    leader: str
    officers: list[str]
    strengthened: bool
    note: str
    swaps: list[SwapOut]
    handover: HandoverOut | None

    @staticmethod
    def resolve_starts_at(obj):
        return _local(obj.starts_at)

    @staticmethod
    def resolve_ends_at(obj):
        return _local(obj.ends_at)

    @staticmethod
    def resolve_leader(obj):
        return obj.leader.username

    @staticmethod
    def resolve_officers(obj):
        return sorted(u.username for u in obj.officers.all())

    @staticmethod
    def resolve_swaps(obj):
        return list(obj.swaps.all())

    @staticmethod
    def resolve_handover(obj):
        return getattr(obj, "handover", None)


class ShiftIn(Schema):
    region_code: str = Field(..., max_length=12)
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    leader: str = Field(..., max_length=150, description="the leader on duty's username")
    officers: list[str] = Field(..., min_length=1, max_length=6, description="the duty officers' usernames")
    strengthened: bool = Field(False, description="节假日、汛期加强值守: up to six officers")
    note: str = Field("", max_length=200)


class ShiftActionIn(Schema):
    position: SwapPosition | None = Field(None, description="swap")
    out_user: str | None = Field(None, max_length=150, description="swap: who stands down")
    in_user: str | None = Field(None, max_length=150, description="swap: who stands in")
    reason: str = Field("", max_length=200)
    notes: str = Field("", max_length=5000, description="hand_over")


class RosterFilters(Schema):
    region: str | None = RegionPrefix
    date_from: datetime.date | None = Field(None, alias="from")
    date_to: datetime.date | None = Field(None, alias="to")


def _shifts(user, within=None):
    qs = Shift.objects.for_user(user, within=within).select_related(
        "leader", "handover__by", "handover__accepted_by"
    )
    return qs.prefetch_related("officers", "swaps__out_user", "swaps__in_user", "handover__open_items")


@router.get("/duty/roster", response=list[ShiftOut])
@paginate(Page)
def roster(request, filters: Query[RosterFilters]):
    _read(request.auth)
    qs = _shifts(request.auth, filters.region or None)
    if filters.date_from:
        qs = qs.filter(ends_at__date__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(starts_at__date__lte=filters.date_to)
    return qs


@router.post("/duty/roster", response={201: ShiftOut})
def shift_create(request, payload: ShiftIn):
    shift = services.shift_create(actor=request.auth, **payload.dict())
    return Status(201, get_for_user(_shifts(request.auth), request.auth, pk=shift.pk))


@router.get("/duty/roster/{shift_id}", response=ShiftOut)
def shift_detail(request, shift_id: int):
    _read(request.auth)
    return get_for_user(_shifts(request.auth), request.auth, pk=shift_id)


@router.post("/duty/roster/{shift_id}/actions/{action}", response=ShiftOut)
def shift_act(request, shift_id: int, action: Literal["swap", "hand_over", "accept"], payload: ShiftActionIn | None = None):  # fmt: skip
    """swap {"position", "out_user", "in_user", "reason"}; hand_over {"notes"} (交班, with the
    open items); accept (接班, by someone on the next shift). 409 on a shift that is over, handed
    over or accepted already."""
    shift = get_for_user(_shifts(request.auth), request.auth, pk=shift_id)
    data = payload.dict() if payload else {}
    if action == "swap":
        services.shift_swap(actor=request.auth, shift=shift, position=data.get("position"), out_user=data.get("out_user"), in_user=data.get("in_user"), reason=data.get("reason", ""))  # fmt: skip
    elif action == "hand_over":
        services.hand_over(actor=request.auth, shift=shift, notes=data.get("notes", ""))
    else:
        services.accept(actor=request.auth, shift=shift)
    return get_for_user(_shifts(request.auth), request.auth, pk=shift_id)


class GapOut(Schema):
    start: datetime.datetime
    end: datetime.datetime


class CoverageOut(Schema):
    region_code: str
    date_from: datetime.date = Field(..., alias="from")
    date_to: datetime.date = Field(..., alias="to")
    complete: bool
    gap_hours: float
    gaps: list[GapOut]
    holidays_not_strengthened: list[datetime.date]


class CoverageFilters(Schema):
    region: str | None = Field(None, max_length=12, pattern=r"^\d*$", description="default: your own region")
    date_from: datetime.date = Field(..., alias="from")
    date_to: datetime.date = Field(..., alias="to")


@router.get("/duty/coverage", response=CoverageOut)
def duty_coverage(request, filters: Query[CoverageFilters]):
    """The hours from `from` to `to` no shift of the region's roster covers (24-hour duty)."""
    _read(request.auth)
    region = filters.region or Jurisdiction.of(request.auth).region or ""
    errors = {}
    if not region or not Jurisdiction.of(request.auth).contains_region(region):
        errors["region"] = [_("This region is not in your jurisdiction.")]
    if not 2000 <= filters.date_from.year <= 2100:
        errors["from"] = [_("Enter a date from 2000 to 2100.")]
    elif not filters.date_from <= filters.date_to <= filters.date_from + datetime.timedelta(days=MAX_DAYS):
        errors["to"] = [_("Give a window of 1 to %(n)d days.") % {"n": MAX_DAYS}]
    if errors:
        raise ApplicationError(next(iter(errors.values()))[0], errors=errors)
    result = coverage.coverage_for(request.auth, region, filters.date_from, filters.date_to)
    return {
        "region_code": region, "from": filters.date_from, "to": filters.date_to, "complete": result.complete,
        "gap_hours": float(result.gap_hours), "holidays_not_strengthened": result.holidays_not_strengthened,
        "gaps": [{"start": _local(a), "end": _local(b)} for a, b in result.gaps],
    }  # fmt: skip


# --- the log ----------------------------------------------------------------------------------


class LogOut(Schema):
    id: int
    region_code: str = Field(..., alias="region_id")
    shift_id: int | None
    at: datetime.datetime
    kind: str
    counterpart: str
    content: str
    event_id: int | None
    warning_id: int | None
    open: bool
    closed_at: datetime.datetime | None
    closing_note: str
    by: str | None

    @staticmethod
    def resolve_at(obj):
        return _local(obj.at)

    @staticmethod
    def resolve_closed_at(obj):
        return _local(obj.closed_at)

    @staticmethod
    def resolve_by(obj):
        return obj.by.username if obj.by_id else None


class LogIn(Schema):
    kind: EntryKind
    content: str = Field(..., max_length=5000)
    at: datetime.datetime | None = Field(None, description="default now")
    counterpart: str = Field("", max_length=100, description="the caller, or the unit reported to")
    region_code: str | None = Field(None, max_length=12, description="default: your own region")
    event_id: int | None = Field(None, ge=1, le=MAX_ID)
    warning_id: int | None = Field(None, ge=1, le=MAX_ID)
    open: bool = Field(False, description="to follow up: handed over until closed")


class LogCloseIn(Schema):
    note: str = Field(..., max_length=500)


class LogFilters(Schema):
    region: str | None = RegionPrefix
    kind: EntryKind | None = None
    open: bool | None = Field(None, description="true: the items still to follow up")


@router.get("/duty/log", response=list[LogOut])
@paginate(Page)
def log_list(request, filters: Query[LogFilters]):
    _read(request.auth)
    qs = LogEntry.objects.for_user(request.auth, within=filters.region or None).select_related("by")
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.open is not None:
        qs = qs.filter(open=True, closed_at__isnull=True) if filters.open else qs.exclude(open=True, closed_at__isnull=True)  # fmt: skip
    return qs


@router.post("/duty/log", response={201: LogOut})
def log_add(request, payload: LogIn):
    return Status(201, services.log_add(actor=request.auth, **payload.dict()))


@router.post("/duty/log/{entry_id}/actions/close", response=LogOut)
def log_close(request, entry_id: int, payload: LogCloseIn):
    entry = get_for_user(LogEntry.objects.all(), request.auth, pk=entry_id)
    return services.log_close(actor=request.auth, entry=entry, note=payload.note)
