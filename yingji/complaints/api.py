"""The complaints module's endpoints under /api/v1/ (the router is mounted at the root): the
staff's /complaints (list, intake, detail, workflow actions, events, XLSX export) and the
public side without a token (public_api.py).

The reporter's `reporter_name` and `reporter_phone` are keys of a complaint's answer only on
the detail (and the intake's answer) for the bureau's complaint handlers, each such answer
audited; for everyone else, and on every list and export, the keys are absent."""

import datetime
from decimal import Decimal

from django.http import Http404
from ninja import Field, Query, Router, Schema, Status

from yingji.complaints import export, permissions, selectors, services, workflow
from yingji.complaints.choices import Action, Channel, NotifiedHow, Verification
from yingji.complaints.choices import Status as ComplaintStatus
from yingji.complaints.privacy import reporter_for
from yingji.complaints.public_api import router as public_router
from yingji.core.api import MAX_ID, Page

router = Router(tags=["complaints"])
OptionalId = Field(None, ge=1, le=MAX_ID)


class ComplaintOut(Schema):
    id: int
    receipt: str
    channel: str
    transferred_from: str
    received_on: datetime.date
    region_code: str
    region_name: str
    place: str
    enterprise_id: int | None
    enterprise_name: str
    content: str
    items: int = Field(..., description="件: the separate matters this complaint (one 批次) raises")
    anonymous: bool
    status: str
    handling_unit_id: int | None
    handling_unit_name: str | None
    assigned_on: datetime.date | None
    deadline: datetime.date | None
    overdue: bool
    verification: str | None
    result: str
    verified_on: datetime.date | None
    closed_on: datetime.date | None
    inspection_id: int | None
    hazard_id: int | None
    case_id: int | None
    reward_amount: Decimal | None = Field(..., description="yuan")
    reward_decided_on: datetime.date | None
    reward_paid_on: datetime.date | None
    reporter_notified_on: datetime.date | None
    reporter_notified_how: str | None
    next_actions: list[str] = Field(..., description="the actions the caller may take now")
    reporter_name: str | None = Field(
        None, description="present only for the bureau's complaint handlers (every view audited)"
    )
    reporter_phone: str | None = Field(
        None, description="present only for the bureau's complaint handlers (every view audited)"
    )


class ComplaintPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[ComplaintOut]


def complaint_out(complaint, user, *, with_reporter: bool = False) -> dict:
    c = complaint
    out = {
        "id": c.pk,
        "receipt": c.receipt,
        "channel": c.channel,
        "transferred_from": c.transferred_from,
        "received_on": c.received_on,
        "region_code": c.region_id,
        "region_name": c.region.name,
        "place": c.place,
        "enterprise_id": c.enterprise_id,
        "enterprise_name": c.enterprise.name if c.enterprise_id else c.enterprise_name,
        "content": c.content,
        "items": c.items,
        "anonymous": c.anonymous,
        "status": c.status,
        "handling_unit_id": c.handling_unit_id,
        "handling_unit_name": c.handling_unit.name if c.handling_unit_id else None,
        "assigned_on": c.assigned_on,
        "deadline": c.deadline,
        "overdue": c.overdue,
        "verification": c.verification or None,
        "result": c.result,
        "verified_on": c.verified_on,
        "closed_on": c.closed_on,
        "inspection_id": c.inspection_id,
        "hazard_id": c.hazard_id,
        "case_id": c.case_id,
        "reward_amount": c.reward_amount,
        "reward_decided_on": c.reward_decided_on,
        "reward_paid_on": c.reward_paid_on,
        "reporter_notified_on": c.reporter_notified_on,
        "reporter_notified_how": c.reporter_notified_how or None,
        "next_actions": permissions.actions_for(user, c),
    }
    if with_reporter:
        out |= reporter_for(user, c) or {}
    return out


class ComplaintFilters(Schema):
    region: str | None = Field(None, max_length=12, description="region code prefix")
    status: ComplaintStatus | None = None
    channel: Channel | None = None
    verification: Verification | None = None
    enterprise: int | None = OptionalId
    unit: int | None = Field(None, ge=1, le=MAX_ID, description="handling unit (organisation id)")
    overdue: bool | None = Field(None, description="assigned and not verified by the deadline")
    found_true: bool | None = Field(None, description="verified true or partly true (查实)")
    received_from: datetime.date | None = None
    received_to: datetime.date | None = None
    verified_from: datetime.date | None = None
    verified_to: datetime.date | None = None
    closed_from: datetime.date | None = None
    closed_to: datetime.date | None = None
    paid_from: datetime.date | None = Field(None, description="reward paid from")
    paid_to: datetime.date | None = None
    q: str | None = Field(None, max_length=100, description="content, place, enterprise or receipt")


class ComplaintIn(Schema):
    channel: Channel
    transferred_from: str = Field("", max_length=100, description="for a transfer: the authority")
    received_on: datetime.date | None = Field(None, description="default today")
    region_code: str | None = Field(None, max_length=12, description="default: the enterprise's")
    place: str = Field("", max_length=200)
    enterprise_id: int | None = OptionalId
    enterprise_name: str = Field("", max_length=200, description="the enterprise or place named")
    content: str = Field(..., min_length=1, max_length=5000)
    items: int = Field(1, ge=1, le=999, description="件: the separate matters raised")
    anonymous: bool = False
    reporter_name: str = Field("", max_length=50)
    reporter_phone: str = Field("", max_length=20)


class ActionIn(Schema):
    note: str = Field("", max_length=1000)
    unit_id: int | None = Field(None, ge=1, le=MAX_ID, description="assign: the handling unit")
    deadline: datetime.date | None = Field(None, description="assign: verify by")
    verification: Verification | None = Field(None, description="verify")
    result: str | None = Field(None, max_length=5000, description="verify: told to the reporter")
    verified_on: datetime.date | None = Field(None, description="verify; default today")
    inspection_id: int | None = Field(None, ge=1, le=MAX_ID, description="verify: the inspection")
    hazard_id: int | None = Field(None, ge=1, le=MAX_ID, description="verify: the hazard found")
    case_id: int | None = Field(None, ge=1, le=MAX_ID, description="verify: the enforcement case")
    closed_on: datetime.date | None = Field(None, description="close; default today")
    amount: Decimal | None = Field(None, gt=0, max_digits=12, decimal_places=2, description="reward, yuan")
    decided_on: datetime.date | None = Field(None, description="reward; default today")
    paid_on: datetime.date | None = Field(None, description="pay_reward; default today")
    how: NotifiedHow | None = Field(None, description="notify_reporter")
    notified_on: datetime.date | None = Field(None, description="notify_reporter; default today")


class EventOut(Schema):
    at: datetime.datetime
    actor: str | None
    action: str
    from_status: str
    to_status: str
    note: str

    @staticmethod
    def resolve_actor(obj):
        return str(obj.actor) if obj.actor_id else None


def _complaint(request, complaint_id: int):
    if not 1 <= complaint_id <= MAX_ID:
        raise Http404
    return selectors.complaint_get(user=request.auth, complaint_id=complaint_id)


@router.get("/complaints", response=ComplaintPage, exclude_unset=True)
def complaint_list(request, filters: Query[ComplaintFilters], pagination: Query[Page.Input]):
    """The complaints in the caller's jurisdiction (a department or street: those assigned to
    it). Never the reporter's fields."""
    qs = selectors.complaint_list(user=request.auth, filters=filters.dict())
    start = (pagination.page - 1) * pagination.page_size
    rows = qs[start : start + pagination.page_size]
    return {
        "count": qs.count(),
        "page": pagination.page,
        "page_size": pagination.page_size,
        "results": [complaint_out(c, request.auth) for c in rows],
    }


@router.post("/complaints", response={201: ComplaintOut}, exclude_unset=True)
def complaint_create(request, payload: ComplaintIn):
    """Take a complaint in (the bureau's complaint handlers): one record is one batch (批次)
    of `items` matters (件). Anonymous: no name or phone kept."""
    complaint = services.complaint_create(actor=request.auth, values=payload.dict())
    return Status(201, complaint_out(_complaint(request, complaint.pk), request.auth, with_reporter=True))


@router.get("/complaints/export", response={200: None})
def complaint_export(request, filters: Query[ComplaintFilters]):
    """The list as XLSX (投诉举报台账), with the list's filters; never the reporter's fields."""
    return export.complaint_export_response(
        selectors.complaint_list(user=request.auth, filters=filters.dict())
    )


@router.get("/complaints/{complaint_id}", response=ComplaintOut, exclude_unset=True)
def complaint_detail(request, complaint_id: int):
    """One complaint; the reporter's fields for its complaint handlers only (audited)."""
    return complaint_out(_complaint(request, complaint_id), request.auth, with_reporter=True)


@router.post("/complaints/{complaint_id}/actions/{action}", response=ComplaintOut, exclude_unset=True)
def complaint_act(request, complaint_id: int, action: Action, payload: ActionIn | None = None):
    """assign (unit_id, deadline) → verify (verification, result, links) → close; reward
    (amount) and pay_reward for a complaint found true; notify_reporter (how). An action the
    complaint's state refuses is a 409; the verification is the handling unit's or a
    handler's, every other action a handler's (403)."""
    complaint = _complaint(request, complaint_id)
    data = payload.dict(exclude_none=True) if payload else {}
    workflow.complaint_act(actor=request.auth, complaint=complaint, action=action, data=data)
    return complaint_out(_complaint(request, complaint_id), request.auth)


@router.get("/complaints/{complaint_id}/events", response=list[EventOut])
def complaint_events(request, complaint_id: int):
    return list(_complaint(request, complaint_id).events.select_related("actor"))


router.add_router("", public_router)
