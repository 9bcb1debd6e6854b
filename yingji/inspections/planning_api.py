"""/api/v1/enforcement-plans and /api/v1/random-draws: the annual enforcement plan and
双随机一公开 random selection (mounted at the root: each path names its collection)."""

import datetime

from django.utils import timezone
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from yingji.core.api import Id, Page
from yingji.core.industries import Industry
from yingji.enterprises.choices import RiskGrade
from yingji.inspections import planning_services as services

router = Router(tags=["inspections"])


class PlanRowIn(Schema):
    risk_grade: RiskGrade
    industry: Industry
    planned: int = Field(..., ge=0, le=services.MAX_PLANNED)
    frequency: int = Field(1, ge=1, le=365, description="inspections per enterprise a year")


class PlanIn(Schema):
    year: int = Field(..., ge=2000, le=2100)
    note: str = Field("", max_length=2000)
    rows: list[PlanRowIn] = Field(..., max_length=500)


class PlanRowsIn(Schema):
    rows: list[PlanRowIn] = Field(..., max_length=500)


class ProgressRowOut(Schema):
    risk_grade: str
    industry: str
    planned: int
    frequency: int
    inspected: int = Field(..., description="distinct enterprises inspected by supervisors this year")
    percent: float | None


class TotalsOut(Schema):
    planned: int
    inspected: int
    percent: float | None


class PlanOut(Schema):
    id: int
    year: int
    organisation_id: int
    organisation_name: str = Field(..., alias="organisation.name")
    region_code: str = Field(..., alias="region_id")
    note: str


class PlanDetailOut(Schema):
    id: int
    year: int
    organisation_id: int
    organisation_name: str
    region_code: str = Field(..., alias="region_id")
    note: str
    rows: list[ProgressRowOut]
    totals: TotalsOut


def _detail(plan):
    rows = services.plan_progress(plan, until=timezone.localdate())
    return {
        "id": plan.id,
        "year": plan.year,
        "organisation_id": plan.organisation_id,
        "organisation_name": plan.organisation.name,
        "region_id": plan.region_id,
        "note": plan.note,
        "rows": rows,
        "totals": services.progress_totals(rows),
    }


@router.get("/enforcement-plans", response=list[PlanOut])
@paginate(Page)
def plan_list(request):
    """年度监督检查计划 the user may see (their region and the regions above it plan there)."""
    return services.plans_for(request.auth)


@router.post("/enforcement-plans", response={201: PlanDetailOut})
def plan_create(request, payload: PlanIn):
    """A bureau's plan for a year (one per bureau and year): enterprises to inspect by risk grade × industry."""
    plan = services.plan_create(
        actor=request.auth, year=payload.year, note=payload.note, rows=[r.dict() for r in payload.rows]
    )
    return Status(201, _detail(plan))


@router.get("/enforcement-plans/{plan_id}", response=PlanDetailOut)
def plan_detail(request, plan_id: Id):
    """The plan with its progress: distinct enterprises inspected per row, up to today."""
    return _detail(services.plan_get(user=request.auth, plan_id=plan_id))


@router.patch("/enforcement-plans/{plan_id}", response=PlanDetailOut)
def plan_update(request, plan_id: Id, payload: PlanRowsIn):
    """Add or change rows (matched by risk grade and industry)."""
    plan = services.plan_get(user=request.auth, plan_id=plan_id)
    services.plan_set_rows(actor=request.auth, plan=plan, rows=[r.dict() for r in payload.rows])
    return _detail(plan)


class DrawIn(Schema):
    region: str = Field(..., min_length=2, max_length=12, pattern=r"^\d+$")
    industry: Industry | None = None
    risk_grade: RiskGrade | None = None
    enterprises: int = Field(..., ge=1, le=10_000)
    officers: int = Field(..., ge=0, le=100)
    seed: int | None = Field(None, ge=0, le=services.MAX_SEED)


class DrawOut(Schema):
    id: int
    seed: int
    region_code: str = Field(..., alias="region_id")
    industry: str
    risk_grade: str
    drawn_on: datetime.date
    candidates: int
    enterprise_ids: list[int]
    officer_ids: list[int]


@router.post("/random-draws", response={201: DrawOut})
def draw_create(request, payload: DrawIn):
    """双随机: draw N enterprises of the region (filtered by industry and risk grade) and M
    inspectors. Without a seed one is chosen and recorded; the same seed over the same registry
    draws the same lists."""
    record = services.random_draw(
        actor=request.auth,
        region=payload.region,
        industry=payload.industry or "",
        risk_grade=payload.risk_grade or "",
        enterprises=payload.enterprises,
        officers=payload.officers,
        seed=payload.seed,
    )
    return Status(201, record)


@router.get("/random-draws", response=list[DrawOut])
@paginate(Page)
def draw_list(request):
    """The draws published (公示) within the user's jurisdiction, newest first."""
    return services.RandomDraw.objects.for_user(request.auth)


@router.get("/random-draws/{draw_id}", response=DrawOut)
def draw_detail(request, draw_id: Id):
    return services.draw_get(user=request.auth, draw_id=draw_id)
