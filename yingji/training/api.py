"""The training module's endpoints under /api/v1/ (the router is mounted at the root):
/trainings (training and publicity events), /exams (special-operations exam sittings),
/demo-communities (综合减灾示范社区)."""

import datetime

from django.http import Http404
from ninja import Field, Query, Router, Schema, Status

from yingji.core.api import MAX_ID, Page
from yingji.training import selectors, services
from yingji.training.choices import CommunityLevel, CommunityStatus, SpecialOperation, TrainingKind
from yingji.training.models import DemoCommunity, Exam, TrainingEvent

router = Router(tags=["training"])
Count = Field(0, ge=0, le=services.MAX_COUNT)


class TrainingDated(Schema):
    region: str | None = Field(None, max_length=12, description="region code prefix")
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


class TrainingEventFilters(TrainingDated):
    kind: TrainingKind | None = None


class SpecialExamFilters(TrainingDated):
    operation: SpecialOperation | None = None


class CommunityFilters(Schema):
    region: str | None = Field(None, max_length=12)
    status: CommunityStatus | None = None


class TrainingEventIn(Schema):
    kind: TrainingKind
    title: str = Field(..., min_length=1, max_length=200)
    held_on: datetime.date | None = Field(None, description="default today")
    organiser: str = Field("", max_length=100, description="default: the caller's organisation")
    region_code: str = Field(..., min_length=2, max_length=12)
    audience: str = Field("", max_length=200)
    sessions: int = Field(1, ge=1, le=services.MAX_COUNT, description="场次")
    participants: int = Count
    materials: int = Field(0, ge=0, le=services.MAX_COUNT, description="宣传资料, copies")
    note: str = Field("", max_length=2000)


class TrainingEventOut(Schema):
    id: int
    kind: str
    title: str
    held_on: datetime.date
    organiser: str
    region_code: str
    region_name: str
    audience: str
    sessions: int
    participants: int
    materials: int
    note: str


class SpecialExamIn(Schema):
    held_on: datetime.date | None = Field(None, description="default today")
    operation: SpecialOperation
    region_code: str = Field(..., min_length=2, max_length=12)
    organiser: str = Field("", max_length=100, description="the exam centre")
    candidates: int = Field(..., ge=1, le=services.MAX_COUNT)
    passed: int = Field(..., ge=0, le=services.MAX_COUNT)


class SpecialExamOut(Schema):
    id: int
    held_on: datetime.date
    operation: str
    region_code: str
    organiser: str
    candidates: int
    passed: int


class CommunityIn(Schema):
    name: str = Field(..., min_length=1, max_length=100)
    region_code: str = Field(..., min_length=2, max_length=12)
    status: CommunityStatus = CommunityStatus.CREATING
    level: CommunityLevel | None = Field(None, description="when named")
    named_year: int | None = Field(None, ge=2000, le=2100, description="when named")
    started_on: datetime.date | None = Field(None, description="default today")
    note: str = Field("", max_length=2000)


class CommunityNameIn(Schema):
    level: CommunityLevel
    named_year: int = Field(..., ge=2000, le=2100)


class CommunityOut(Schema):
    id: int
    name: str
    region_code: str
    region_name: str
    status: str
    level: str | None
    named_year: int | None
    started_on: datetime.date
    note: str


def _page(qs, pagination, out):
    start = (pagination.page - 1) * pagination.page_size
    return {"count": qs.count(), "page": pagination.page, "page_size": pagination.page_size,
            "results": [out(o) for o in qs[start : start + pagination.page_size]]}  # fmt: skip


def event_out(e) -> dict:
    return {"id": e.pk, "kind": e.kind, "title": e.title, "held_on": e.held_on, "organiser": e.organiser,
            "region_code": e.region_id, "region_name": e.region.name, "audience": e.audience,
            "sessions": e.sessions, "participants": e.participants, "materials": e.materials, "note": e.note}  # fmt: skip


def exam_out(e) -> dict:
    return {"id": e.pk, "held_on": e.held_on, "operation": e.operation, "region_code": e.region_id,
            "organiser": e.organiser, "candidates": e.candidates, "passed": e.passed}  # fmt: skip


def community_out(c) -> dict:
    return {"id": c.pk, "name": c.name, "region_code": c.region_id, "region_name": c.region.name,
            "status": c.status, "level": c.level or None, "named_year": c.named_year,
            "started_on": c.started_on, "note": c.note}  # fmt: skip


def _get(model, request, pk: int):
    if not 1 <= pk <= MAX_ID:
        raise Http404
    return selectors.get(model, user=request.auth, pk=pk)


class TrainingEventPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[TrainingEventOut]


class SpecialExamPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[SpecialExamOut]


class CommunityPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[CommunityOut]


@router.get("/trainings", response=TrainingEventPage)
def event_list(request, filters: Query[TrainingEventFilters], pagination: Query[Page.Input]):
    """Training and publicity events (培训、讲座、宣讲、宣传活动、竞赛、安全生产月、防灾减灾日、五进)."""
    return _page(selectors.event_list(user=request.auth, filters=filters.dict()), pagination, event_out)


@router.post("/trainings", response={201: TrainingEventOut})
def event_create(request, payload: TrainingEventIn):
    """Record an event (the bureau, a department or a street office, in its region)."""
    event = services.event_create(actor=request.auth, values=payload.dict())
    return Status(201, event_out(_get(TrainingEvent, request, event.pk)))


@router.get("/trainings/{event_id}", response=TrainingEventOut)
def event_detail(request, event_id: int):
    return event_out(_get(TrainingEvent, request, event_id))


@router.get("/exams", response=SpecialExamPage)
def exam_list(request, filters: Query[SpecialExamFilters], pagination: Query[Page.Input]):
    """Special-operations exam sittings (特种作业考试): candidates and passes."""
    return _page(selectors.exam_list(user=request.auth, filters=filters.dict()), pagination, exam_out)


@router.post("/exams", response={201: SpecialExamOut})
def exam_create(request, payload: SpecialExamIn):
    """Record a sitting (the bureau)."""
    return Status(201, exam_out(services.exam_create(actor=request.auth, values=payload.dict())))


@router.get("/exams/{exam_id}", response=SpecialExamOut)
def exam_detail(request, exam_id: int):
    return exam_out(_get(Exam, request, exam_id))


@router.get("/demo-communities", response=CommunityPage)
def community_list(request, filters: Query[CommunityFilters], pagination: Query[Page.Input]):
    """Demonstration communities (综合减灾示范社区) being created or named."""
    return _page(
        selectors.community_list(user=request.auth, filters=filters.dict()), pagination, community_out
    )


@router.post("/demo-communities", response={201: CommunityOut})
def community_create(request, payload: CommunityIn):
    community = services.community_create(actor=request.auth, values=payload.dict())
    return Status(201, community_out(_get(DemoCommunity, request, community.pk)))


@router.get("/demo-communities/{community_id}", response=CommunityOut)
def community_detail(request, community_id: int):
    return community_out(_get(DemoCommunity, request, community_id))


@router.post("/demo-communities/{community_id}/name", response=CommunityOut)
def community_name(request, community_id: int, payload: CommunityNameIn):
    """创建中 → 已命名 with the level and the year (409 when already named)."""
    community = services.community_name(
        actor=request.auth, community=_get(DemoCommunity, request, community_id), values=payload.dict()
    )
    return community_out(community)
