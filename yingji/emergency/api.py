"""The emergency module's endpoints under /api/v1/ (the router is mounted at the root: each
path names its own collection): events and their information reports, responses with their
level changes and checklist, evacuations, the special-groups register and shelters."""

import datetime
from decimal import Decimal
from typing import Literal

from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from yingji.core.api import MAX_ID, Page
from yingji.core.api import Id as ApiId
from yingji.emergency import permissions, responses, services
from yingji.emergency.api_special import router as special_router
from yingji.emergency.choices import (  # fmt: skip
    EventStatus,
    EventType,
    ReportChannel,
    ReportKind,
    ResponseLevel,
    ResponseStatus,
    ResponseType,
)
from yingji.emergency.models import Evacuation, Event, Response, Shelter
from yingji.regions.scoping import get_for_user

router = Router(tags=["emergency"])
router.add_router("", special_router)
Count = Field(0, ge=0, le=services.MAX_COUNT)
Id = Field(None, ge=1, le=MAX_ID)
Code = Field(..., max_length=12, description="region code")


def _local(value):
    return timezone.localtime(value) if value else None


def _read(user):
    permissions.require(permissions.can_read, user)


Region = Field(None, max_length=12, pattern=r"^\d*$", description="region code prefix")


class EmergencyRegionFilter(Schema):
    region: str | None = Region


class EmergencyEventFilters(EmergencyRegionFilter):
    type: EventType | None = None
    status: EventStatus | None = None


class EmergencyResponseFilters(Schema):
    type: ResponseType | None = None
    level: ResponseLevel | None = None
    status: ResponseStatus | None = None


class EmergencyEvacuationFilters(EmergencyRegionFilter):
    event_id: int | None = Id


# --- shelters ------------------------------------------------------------------------------


class EmergencyShelterOut(Schema):
    id: int
    name: str
    region_code: str = Field(..., alias="region_id")
    place: str
    capacity: int
    facilities: str
    latitude: Decimal | None
    longitude: Decimal | None


class EmergencyShelterIn(Schema):
    name: str = Field(..., max_length=100)
    region_code: str = Code
    place: str = Field(..., max_length=200)
    capacity: int = Field(..., ge=0, le=services.MAX_COUNT)
    facilities: str = ""
    latitude: Decimal | None = Field(None, ge=-90, le=90, max_digits=9, decimal_places=6)
    longitude: Decimal | None = Field(None, ge=-180, le=180, max_digits=9, decimal_places=6)


@router.get("/shelters", response=list[EmergencyShelterOut])
@paginate(Page)
def shelter_list(request, filters: Query[EmergencyRegionFilter]):
    _read(request.auth)
    return Shelter.objects.for_user(request.auth, within=filters.region or None)


@router.post("/shelters", response={201: EmergencyShelterOut})
def shelter_create(request, payload: EmergencyShelterIn):
    return Status(201, services.shelter_create(actor=request.auth, **payload.dict()))


# --- events -------------------------------------------------------------------------------


class EmergencyReportOut(Schema):
    id: int
    kind: str
    channel: str
    made_at: datetime.datetime
    due_at: datetime.datetime | None
    late: bool = Field(..., description="made after its time limit (DOMAIN.md 6.4, configurable)")
    content: str

    @staticmethod
    def resolve_made_at(obj):
        return _local(obj.made_at)

    @staticmethod
    def resolve_due_at(obj):
        return _local(obj.due_at)


class EmergencyEventOut(Schema):
    id: int
    type: str
    title: str
    place: str
    region_code: str = Field(..., alias="region_id")
    region_codes: list[str]
    occurred_at: datetime.datetime
    accident_id: int | None
    dead: int
    missing: int
    injured: int
    losses: Decimal = Field(..., description="万元")
    summary: str
    status: str
    closed_at: datetime.datetime | None
    reports: list[EmergencyReportOut]
    late_reports: int

    @staticmethod
    def resolve_region_codes(obj):
        return [r.code for r in obj.regions.all()]

    @staticmethod
    def resolve_occurred_at(obj):
        return _local(obj.occurred_at)

    @staticmethod
    def resolve_closed_at(obj):
        return _local(obj.closed_at)

    @staticmethod
    def resolve_reports(obj):
        return list(obj.reports.all())

    @staticmethod
    def resolve_late_reports(obj):
        return sum(1 for r in obj.reports.all() if r.late)


class EmergencyEventIn(Schema):
    type: EventType
    title: str = Field(..., max_length=200)
    place: str = Field(..., max_length=200)
    region_code: str = Code
    region_codes: list[str] = Field([], max_length=50, description="the regions affected")
    occurred_at: datetime.datetime | None = Field(None, description="without an offset: Beijing time")
    accident_id: int | None = Field(
        None, ge=1, le=MAX_ID, description="production accidents: the accident record"
    )
    dead: int = Count
    missing: int = Count
    injured: int = Count
    losses: Decimal = Field(Decimal(0), ge=0, max_digits=12, decimal_places=2, description="万元")
    summary: str = ""


class EmergencyEventPatch(Schema):
    title: str | None = Field(None, max_length=200)
    place: str | None = Field(None, max_length=200)
    dead: int | None = Field(None, ge=0, le=services.MAX_COUNT)
    missing: int | None = Field(None, ge=0, le=services.MAX_COUNT)
    injured: int | None = Field(None, ge=0, le=services.MAX_COUNT)
    losses: Decimal | None = Field(None, ge=0, max_digits=12, decimal_places=2)
    summary: str | None = None


class EmergencyReportIn(Schema):
    kind: ReportKind
    channel: ReportChannel
    made_at: datetime.datetime | None = Field(None, description="default now; no offset: Beijing time")
    content: str = Field("", max_length=5000)


class EmergencyCloseIn(Schema):
    closed_at: datetime.datetime | None = None


def _events(user):
    return Event.objects.for_user(user).select_related("region").prefetch_related("reports", "regions")


@router.get("/events", response=list[EmergencyEventOut])
@paginate(Page)
def event_list(request, filters: Query[EmergencyEventFilters]):
    _read(request.auth)
    f = filters.dict()
    qs = _events(request.auth).filter(**{k: f[k] for k in ("type", "status") if f[k]})
    return qs.filter(region__code__startswith=f["region"]) if f["region"] else qs


@router.post("/events", response={201: EmergencyEventOut})
def event_create(request, payload: EmergencyEventIn):
    event = services.event_create(actor=request.auth, **payload.dict())
    return Status(201, get_for_user(_events(request.auth), request.auth, pk=event.pk))


@router.get("/events/{event_id}", response=EmergencyEventOut)
def event_detail(request, event_id: int):
    _read(request.auth)
    return get_for_user(_events(request.auth), request.auth, pk=event_id)


@router.patch("/events/{event_id}", response=EmergencyEventOut)
def event_patch(request, event_id: int, payload: EmergencyEventPatch):
    event = get_for_user(_events(request.auth), request.auth, pk=event_id)
    services.event_update(actor=request.auth, event=event, changes=payload.dict(exclude_unset=True))
    return get_for_user(_events(request.auth), request.auth, pk=event_id)


@router.post("/events/{event_id}/reports", response={201: EmergencyReportOut})
def event_report(request, event_id: int, payload: EmergencyReportIn):
    """信息报送: 首报 (by phone and in writing), 续报, 终报 (after the close); late ones flagged."""
    event = get_for_user(_events(request.auth), request.auth, pk=event_id)
    return Status(201, services.report_add(actor=request.auth, event=event, **payload.dict()))


@router.post("/events/{event_id}/actions/close", response=EmergencyEventOut)
def event_close(request, event_id: int, payload: EmergencyCloseIn | None = None):
    event = get_for_user(_events(request.auth), request.auth, pk=event_id)
    services.event_close(actor=request.auth, event=event, **(payload.dict() if payload else {}))
    return get_for_user(_events(request.auth), request.auth, pk=event_id)


# --- responses ----------------------------------------------------------------------------


class EmergencyChangeOut(Schema):
    kind: str
    from_level: str
    to_level: str
    at: datetime.datetime
    by: str | None
    note: str

    @staticmethod
    def resolve_at(obj):
        return _local(obj.at)

    @staticmethod
    def resolve_by(obj):
        return str(obj.by) if obj.by_id else None


class EmergencyMeasureOut(Schema):
    id: int
    level: str
    text: str
    ticked_at: datetime.datetime | None
    ticked_by: str | None

    @staticmethod
    def resolve_ticked_at(obj):
        return _local(obj.ticked_at)

    @staticmethod
    def resolve_ticked_by(obj):
        return str(obj.ticked_by) if obj.ticked_by_id else None


class EmergencyResponseOut(Schema):
    id: int
    type: str
    level: str
    region_code: str = Field(..., alias="region_id")
    started_at: datetime.datetime
    ended_at: datetime.datetime | None
    status: str
    reason: str
    event_ids: list[int]
    changes: list[EmergencyChangeOut]
    measures: list[EmergencyMeasureOut]

    @staticmethod
    def resolve_started_at(obj):
        return _local(obj.started_at)

    @staticmethod
    def resolve_ended_at(obj):
        return _local(obj.ended_at)

    @staticmethod
    def resolve_event_ids(obj):
        return [e.pk for e in obj.events.all()]

    @staticmethod
    def resolve_changes(obj):
        return list(obj.changes.all())

    @staticmethod
    def resolve_measures(obj):
        return list(obj.measures.all())


class EmergencyResponseIn(Schema):
    type: ResponseType
    level: ResponseLevel
    region_code: str = Code
    started_at: datetime.datetime | None = Field(None, description="default now")
    reason: str = Field("", max_length=5000)
    event_ids: list[ApiId] = Field([], max_length=50)


class EmergencyResponseActionIn(Schema):
    level: ResponseLevel | None = Field(None, description="change_level: the new level")
    at: datetime.datetime | None = Field(None, description="change_level, end: default now")
    note: str = Field("", max_length=2000)
    measure_id: int | None = Field(None, ge=1, le=MAX_ID, description="tick: the measure")


def _responses(user):
    return Response.objects.for_user(user).prefetch_related("events", "changes__by", "measures__ticked_by")


@router.get("/responses", response=list[EmergencyResponseOut])
@paginate(Page)
def response_list(request, filters: Query[EmergencyResponseFilters]):
    _read(request.auth)
    return _responses(request.auth).filter(**{k: v for k, v in filters.dict().items() if v})


@router.post("/responses", response={201: EmergencyResponseOut})
def response_start(request, payload: EmergencyResponseIn):
    response = responses.response_start(actor=request.auth, **payload.dict())
    return Status(201, get_for_user(_responses(request.auth), request.auth, pk=response.pk))


@router.get("/responses/{response_id}", response=EmergencyResponseOut)
def response_detail(request, response_id: int):
    _read(request.auth)
    return get_for_user(_responses(request.auth), request.auth, pk=response_id)


@router.post("/responses/{response_id}/actions/{action}", response=EmergencyResponseOut)
def response_act(
    request,
    response_id: int,
    action: Literal["change_level", "end", "tick"],
    payload: EmergencyResponseActionIn | None = None,
):
    """change_level {"level"} (升级/降级), end, tick {"measure_id"}; 409 on an ended response,
    the same level again, or a measure ticked already."""
    response = get_for_user(_responses(request.auth), request.auth, pk=response_id)
    data = payload.dict() if payload else {}
    if action == "change_level":
        if not data.get("level"):
            raise services.ApplicationError("level", errors={"level": ["This field is required."]})
        responses.response_change_level(actor=request.auth, response=response, level=data["level"], at=data.get("at"), note=data.get("note", ""))  # fmt: skip
    elif action == "end":
        responses.response_end(
            actor=request.auth, response=response, at=data.get("at"), note=data.get("note", "")
        )
    else:
        responses.response_tick(actor=request.auth, response=response, measure_id=data.get("measure_id"))
    return get_for_user(_responses(request.auth), request.auth, pk=response_id)


# --- evacuations --------------------------------------------------------------------------


class EmergencyEvacuationOut(Schema):
    id: int
    event_id: int | None
    region_code: str = Field(..., alias="region_id")
    date: datetime.date
    people: int
    special_group_people: int
    shelter_id: int | None
    returned_on: datetime.date | None
    note: str


class EmergencyEvacuationIn(Schema):
    region_code: str = Field(..., max_length=12, description="the street the people were moved from")
    date: datetime.date
    people: int = Field(..., ge=0, le=services.MAX_COUNT)
    special_group_people: int = Count
    shelter: ApiId | str | None = Field(None, description="a shelter's id, or its exact name")
    event_id: int | None = Id
    note: str = Field("", max_length=2000)


class EmergencyReturnIn(Schema):
    returned_on: datetime.date | None = Field(None, description="default today")


@router.get("/evacuations", response=list[EmergencyEvacuationOut])
@paginate(Page)
def evacuation_list(request, filters: Query[EmergencyEvacuationFilters]):
    _read(request.auth)
    qs = Evacuation.objects.for_user(request.auth, within=filters.region or None)
    return qs.filter(event_id=filters.event_id) if filters.event_id else qs


@router.post("/evacuations", response={201: EmergencyEvacuationOut})
def evacuation_create(request, payload: EmergencyEvacuationIn):
    return Status(201, services.evacuation_create(actor=request.auth, **payload.dict()))


@router.post("/evacuations/{evacuation_id}/actions/return", response=EmergencyEvacuationOut)
def evacuation_return(request, evacuation_id: int, payload: EmergencyReturnIn | None = None):
    evacuation = get_for_user(Evacuation.objects.all(), request.auth, pk=evacuation_id)
    data = payload.dict() if payload else {}
    return services.evacuation_return(actor=request.auth, evacuation=evacuation, **data)
