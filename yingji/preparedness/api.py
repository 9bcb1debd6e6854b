"""The preparedness module's endpoints under /api/v1/ (the router is mounted at the root: each
path names its own collection): teams and members, experts, information officers and their A/B
coverage, contingency plans, drills and the annual drill plan."""

import datetime

from django.http import FileResponse, Http404
from ninja import Field, File, Query, Router, Schema, Status, UploadedFile

from yingji.core.api import MAX_ID, Page
from yingji.core.errors import ApplicationError
from yingji.preparedness import selectors, services, team_import
from yingji.preparedness.choices import DrillType, ExpertField, PlanLevel, PlanType, TeamLevel
from yingji.preparedness.models import Drill, Expert, Plan

router = Router(tags=["preparedness"])
Region = Field(None, max_length=12, description="region code prefix")


def _page(qs, pagination, out) -> dict:
    start = (pagination.page - 1) * pagination.page_size
    return {"count": qs.count(), "page": pagination.page, "page_size": pagination.page_size,
            "results": [out(x) for x in qs[start : start + pagination.page_size]]}  # fmt: skip


def _id(value: int) -> int:
    if not 1 <= value <= MAX_ID:
        raise Http404
    return value


# Teams -----------------------------------------------------------------------------------------


class TeamMemberOut(Schema):
    id: int
    name: str
    phone: str
    position: str
    certificates: list[str]


class TeamMemberIn(Schema):
    name: str = Field(..., min_length=1, max_length=50)
    phone: str = Field(..., min_length=1, max_length=20)
    position: str = Field("", max_length=50)
    certificates: list[str] = Field(default_factory=list, max_length=100)


class TeamOut(Schema):
    id: int
    name: str
    level: str
    specialty: str
    region_code: str
    region_name: str
    leader: str
    phone: str
    equipment: list[str]
    founded_on: datetime.date
    member_count: int
    minimum: int | None
    shortfall: int


class TeamDetail(TeamOut):
    members: list[TeamMemberOut]


class TeamIn(Schema):
    name: str = Field(..., min_length=1, max_length=100)
    level: TeamLevel
    region_code: str = Field(..., min_length=2, max_length=12)
    specialty: str = Field("", max_length=100)
    leader: str = Field("", max_length=50)
    phone: str = Field("", max_length=20)
    equipment: list[str] = Field(default_factory=list, max_length=100)
    founded_on: datetime.date | None = Field(None, description="default today")


class TeamFilters(Schema):
    region: str | None = Region
    level: TeamLevel | None = None
    short: bool = Field(False, description="only teams below their level's minimum strength")


class TeamPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[TeamOut]


class TeamImportOut(Schema):
    teams: int
    members: int


def team_out(t) -> dict:
    from yingji.preparedness.choices import minimum_strength

    return {"id": t.pk, "name": t.name, "level": t.level, "specialty": t.specialty, "region_code": t.region_id,
            "region_name": t.region.name, "leader": t.leader, "phone": t.phone, "equipment": t.equipment,
            "founded_on": t.founded_on, "member_count": t.member_count,
            "minimum": minimum_strength().get(t.level), "shortfall": selectors.shortfall(t)}  # fmt: skip


def team_detail_out(t) -> dict:
    return team_out(t) | {"members": list(t.members.all())}


@router.get("/teams", response=TeamPage)
def team_list(request, filters: Query[TeamFilters], pagination: Query[Page.Input]):
    """Rescue teams (应急救援队伍) in the caller's jurisdiction, with their strength against the
    minimum of their level (县50, 乡30, 村10 by default)."""
    qs = selectors.team_list(user=request.auth, filters=filters.dict())
    return _page(qs, pagination, team_out)


@router.post("/teams", response={201: TeamDetail})
def team_create(request, payload: TeamIn):
    team = services.team_create(actor=request.auth, values=payload.dict())
    return Status(201, team_detail_out(selectors.team_get(user=request.auth, pk=team.pk)))


@router.post("/teams/import", response={201: TeamImportOut})
def team_import_xlsx(request, file: File[UploadedFile]):
    """Teams and their members from XLSX (队伍名称, 级别, 所属区域, 姓名, 电话, 职务, 证书): all rows or
    none; every problem is answered with its row and column."""
    try:
        result = team_import.import_teams(actor=request.auth, data=file.read())
    except team_import.ImportRejected as rejected:
        raise ApplicationError(
            rejected.problems[0].text(), errors={"file": [p.text() for p in rejected.problems]}
        ) from None
    return Status(201, {"teams": result.teams, "members": result.members})


@router.get("/teams/{team_id}", response=TeamDetail)
def team_detail(request, team_id: int):
    return team_detail_out(selectors.team_get(user=request.auth, pk=_id(team_id)))


@router.get("/teams/{team_id}/members", response=list[TeamMemberOut])
def member_list(request, team_id: int):
    return list(selectors.team_get(user=request.auth, pk=_id(team_id)).members.all())


@router.post("/teams/{team_id}/members", response={201: TeamMemberOut})
def member_add(request, team_id: int, payload: TeamMemberIn):
    team = selectors.team_get(user=request.auth, pk=_id(team_id))
    return Status(201, services.member_add(actor=request.auth, team=team, values=payload.dict()))


# Experts ---------------------------------------------------------------------------------------


class ExpertOut(Schema):
    id: int
    name: str
    field: str
    employer: str
    title: str
    phone: str
    region_code: str
    available: bool
    joined_on: datetime.date


class ExpertIn(Schema):
    name: str = Field(..., min_length=1, max_length=50)
    field: ExpertField
    phone: str = Field(..., min_length=1, max_length=20)
    region_code: str = Field(..., min_length=2, max_length=12)
    employer: str = Field("", max_length=100)
    title: str = Field("", max_length=50)
    available: bool = True
    joined_on: datetime.date | None = None


class ExpertPatch(Schema):
    available: bool


class ExpertFilters(Schema):
    region: str | None = Region
    field: ExpertField | None = None
    available: bool | None = None


class ExpertPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[ExpertOut]


def expert_out(e) -> dict:
    return {"id": e.pk, "name": e.name, "field": e.field, "employer": e.employer, "title": e.title,
            "phone": e.phone, "region_code": e.region_id, "available": e.available, "joined_on": e.joined_on}  # fmt: skip


@router.get("/experts", response=ExpertPage)
def expert_list(request, filters: Query[ExpertFilters], pagination: Query[Page.Input]):
    """The expert pool (专家库) by field, with availability."""
    return _page(selectors.expert_list(user=request.auth, filters=filters.dict()), pagination, expert_out)


@router.post("/experts", response={201: ExpertOut})
def expert_create(request, payload: ExpertIn):
    return Status(201, expert_out(services.expert_create(actor=request.auth, values=payload.dict())))


@router.get("/experts/{expert_id}", response=ExpertOut)
def expert_detail(request, expert_id: int):
    return expert_out(selectors.get(Expert, user=request.auth, pk=_id(expert_id)))


@router.patch("/experts/{expert_id}", response=ExpertOut)
def expert_patch(request, expert_id: int, payload: ExpertPatch):
    expert = selectors.get(Expert, user=request.auth, pk=_id(expert_id))
    return expert_out(
        services.expert_set_available(actor=request.auth, expert=expert, available=payload.available)
    )


# Information officers --------------------------------------------------------------------------


class InfoOfficerOut(Schema):
    id: int
    region_code: str
    region_name: str
    name: str
    phone: str
    slot: str
    position: str


class InfoOfficerCoverageRow(Schema):
    region_code: str
    region_name: str
    level: str
    has_a: bool
    has_b: bool
    covered: bool


class InfoOfficerCoverage(Schema):
    covered: int
    uncovered: int
    results: list[InfoOfficerCoverageRow]


class InfoOfficerFilter(Schema):
    region: str | None = Region


@router.get("/info-officers", response=list[InfoOfficerOut])
def officer_list(request, filters: Query[InfoOfficerFilter]):
    """The disaster information officers (灾害信息员): the contacts register's info_officer rows
    (written through /api/v1/contacts)."""
    return [{"id": c.pk, "region_code": c.region_id, "region_name": c.region.name, "name": c.name,
             "phone": c.phone, "slot": c.slot, "position": c.position}
            for c in selectors.info_officers(user=request.auth, region=filters.region)[:2000]]  # fmt: skip


@router.get("/info-officers/coverage", response=InfoOfficerCoverage)
def officer_coverage(request, filters: Query[InfoOfficerFilter]):
    """Each street (and community) with whether it has an A and a B information officer."""
    rows = selectors.coverage(user=request.auth, region=filters.region)
    covered = sum(1 for r in rows if r["covered"])
    return {"covered": covered, "uncovered": len(rows) - covered, "results": rows}


# Plans -----------------------------------------------------------------------------------------


class PlanMeasures(Schema):
    IV: list[str] = Field(default_factory=list, max_length=100)
    III: list[str] = Field(default_factory=list, max_length=100)
    II: list[str] = Field(default_factory=list, max_length=100)
    I: list[str] = Field(default_factory=list, max_length=100)  # noqa: E741


class ContingencyPlanOut(Schema):
    id: int
    title: str
    level: str
    type: str
    region_code: str
    version: str
    approved_on: datetime.date
    filed_on: datetime.date | None
    filed_with: str
    owner_id: int | None
    measures: dict[str, list[str]]
    needs_revision: bool
    revision_reason: str
    review_due: datetime.date
    has_file: bool


class ContingencyPlanIn(Schema):
    title: str = Field(..., min_length=1, max_length=200)
    level: PlanLevel
    type: PlanType
    region_code: str = Field(..., min_length=2, max_length=12)
    approved_on: datetime.date
    version: str = Field("1", max_length=20)
    filed_on: datetime.date | None = None
    filed_with: str = Field("", max_length=100)
    measures: PlanMeasures | None = None


class ContingencyPlanRevise(Schema):
    version: str = Field(..., min_length=1, max_length=20)
    approved_on: datetime.date
    filed_on: datetime.date | None = None
    filed_with: str = Field("", max_length=100)
    measures: PlanMeasures | None = None


class ContingencyPlanFilters(Schema):
    region: str | None = Region
    level: PlanLevel | None = None
    type: PlanType | None = None
    overdue: bool = Field(False, description="only plans past their review date")


class ContingencyPlanPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[ContingencyPlanOut]


def plan_out(p) -> dict:
    return {"id": p.pk, "title": p.title, "level": p.level, "type": p.type, "region_code": p.region_id,
            "version": p.version, "approved_on": p.approved_on, "filed_on": p.filed_on, "filed_with": p.filed_with,
            "owner_id": p.owner_id, "measures": p.measures, "needs_revision": p.needs_revision,
            "revision_reason": p.revision_reason, "review_due": p.review_due, "has_file": bool(p.file)}  # fmt: skip


def _plan_values(payload) -> dict:
    values = payload.dict()
    values["measures"] = {k: v for k, v in (values.get("measures") or {}).items() if v}
    return values


@router.get("/plans", response=ContingencyPlanPage)
def plan_list(request, filters: Query[ContingencyPlanFilters], pagination: Query[Page.Input]):
    """Contingency plans (应急预案), the soonest review first."""
    return _page(selectors.plan_list(user=request.auth, filters=filters.dict()), pagination, plan_out)


@router.post("/plans", response={201: ContingencyPlanOut})
def plan_create(request, payload: ContingencyPlanIn):
    return Status(201, plan_out(services.plan_create(actor=request.auth, values=_plan_values(payload))))


@router.get("/plans/{plan_id}", response=ContingencyPlanOut)
def plan_detail(request, plan_id: int):
    return plan_out(selectors.get(Plan, user=request.auth, pk=_id(plan_id)))


@router.post("/plans/{plan_id}/revisions", response=ContingencyPlanOut)
def plan_revise(request, plan_id: int, payload: ContingencyPlanRevise):
    """A new version of the plan; its review falls due three years after the new approval."""
    plan = selectors.get(Plan, user=request.auth, pk=_id(plan_id))
    values = _plan_values(payload)
    if payload.measures is None:
        values.pop("measures")
    return plan_out(services.plan_revise(actor=request.auth, plan=plan, values=values))


@router.post("/plans/{plan_id}/file", response=ContingencyPlanOut)
def plan_file_upload(request, plan_id: int, file: File[UploadedFile]):
    """Attach the plan's text (PDF or a scan)."""
    plan = selectors.get(Plan, user=request.auth, pk=_id(plan_id))
    return plan_out(services.plan_attach(actor=request.auth, plan=plan, upload=file))


@router.get("/plans/{plan_id}/file", response={200: None})
def plan_file_download(request, plan_id: int):
    plan = selectors.get(Plan, user=request.auth, pk=_id(plan_id))
    if not plan.file:
        raise Http404
    return FileResponse(plan.file.open("rb"), as_attachment=True, content_type=plan.file_type)


# Drills ----------------------------------------------------------------------------------------


class DrillOut(Schema):
    id: int
    title: str
    date: datetime.date
    type: str
    region_code: str
    participants: int
    plan_id: int | None
    organiser: str
    scenario: str
    evaluation: str
    problems: str
    follow_ups: list[str]


class DrillIn(Schema):
    title: str = Field(..., min_length=1, max_length=200)
    date: datetime.date
    type: DrillType
    region_code: str = Field(..., min_length=2, max_length=12)
    participants: int = Field(..., ge=1, le=services.MAX_COUNT)
    plan_id: int | None = Field(None, ge=1, le=MAX_ID)
    organiser: str = Field("", max_length=100)
    scenario: str = Field("", max_length=5000)
    evaluation: str = Field("", max_length=5000)
    problems: str = Field("", max_length=5000)
    follow_ups: list[str] = Field(default_factory=list, max_length=100)
    plan_needs_revision: bool = Field(False, description="the problems found call for revising the plan")


class DrillFilters(Schema):
    region: str | None = Region
    type: DrillType | None = None
    year: int | None = Field(None, ge=2000, le=2100)


class DrillPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[DrillOut]


class DrillTargetIn(Schema):
    region_code: str = Field(..., min_length=2, max_length=12)
    year: int = Field(..., ge=2000, le=2100)
    target: int = Field(..., ge=0, le=10000)


class DrillProgressRow(Schema):
    region_code: str
    region_name: str
    target: int
    held: int


def drill_out(d) -> dict:
    return {"id": d.pk, "title": d.title, "date": d.held_on, "type": d.type, "region_code": d.region_id,
            "participants": d.participants, "plan_id": d.plan_id, "organiser": d.organiser, "scenario": d.scenario,
            "evaluation": d.evaluation, "problems": d.problems, "follow_ups": d.follow_ups}  # fmt: skip


@router.get("/drills", response=DrillPage)
def drill_list(request, filters: Query[DrillFilters], pagination: Query[Page.Input]):
    """Drills (应急演练), newest first."""
    return _page(selectors.drill_list(user=request.auth, filters=filters.dict()), pagination, drill_out)


@router.post("/drills", response={201: DrillOut})
def drill_create(request, payload: DrillIn):
    """Record a drill; with plan_needs_revision the plan's review falls due on the drill's day."""
    return Status(201, drill_out(services.drill_create(actor=request.auth, values=payload.dict())))


class DrillYearFilter(Schema):
    year: int = Field(..., ge=2000, le=2100)


@router.get("/drills/progress", response=list[DrillProgressRow])
def drill_progress(request, filters: Query[DrillYearFilter]):
    """The annual drill plan and the drills held against it."""
    return selectors.drill_progress(user=request.auth, year=filters.year)


@router.put("/drills/targets", response=DrillProgressRow)
def drill_target(request, payload: DrillTargetIn):
    row = services.drill_target_set(actor=request.auth, values=payload.dict())
    return next(
        r
        for r in selectors.drill_progress(user=request.auth, year=row.year)
        if r["region_code"] == row.region_id
    )


@router.get("/drills/{drill_id}", response=DrillOut)
def drill_detail(request, drill_id: int):
    return drill_out(selectors.get(Drill, user=request.auth, pk=_id(drill_id)))
