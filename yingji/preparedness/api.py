"""The preparedness module's endpoints under /api/v1/ (the router is mounted at the root: each
path names its own collection): teams and members, experts, information officers and their A/B
coverage, contingency plans, drills and the annual drill plan."""

from django.http import FileResponse, Http404
from ninja import File, Query, Router, Status, UploadedFile

from yingji.core.api import MAX_ID, Page
from yingji.core.errors import ApplicationError
from yingji.preparedness import schemas as s
from yingji.preparedness import selectors, services, team_import
from yingji.preparedness.models import Drill, Expert, Plan

router = Router(tags=["preparedness"])


def _page(qs, pagination, out) -> dict:
    start = (pagination.page - 1) * pagination.page_size
    return {"count": qs.count(), "page": pagination.page, "page_size": pagination.page_size,
            "results": [out(x) for x in qs[start : start + pagination.page_size]]}  # fmt: skip


def _id(value: int) -> int:
    if not 1 <= value <= MAX_ID:
        raise Http404
    return value


# Teams -----------------------------------------------------------------------------------------


def team_out(t) -> dict:
    from yingji.preparedness.choices import minimum_strength

    return {"id": t.pk, "name": t.name, "level": t.level, "specialty": t.specialty, "region_code": t.region_id,
            "region_name": t.region.name, "leader": t.leader, "phone": t.phone, "equipment": t.equipment,
            "founded_on": t.founded_on, "member_count": t.member_count,
            "minimum": minimum_strength().get(t.level), "shortfall": selectors.shortfall(t)}  # fmt: skip


def team_detail_out(t) -> dict:
    return team_out(t) | {"members": list(t.members.all())}


@router.get("/teams", response=s.TeamPage)
def team_list(request, filters: Query[s.TeamFilters], pagination: Query[Page.Input]):
    """Rescue teams (应急救援队伍) in the caller's jurisdiction, with their strength against the
    minimum of their level (县50, 乡30, 村10 by default)."""
    qs = selectors.team_list(user=request.auth, filters=filters.dict())
    return _page(qs, pagination, team_out)


@router.post("/teams", response={201: s.TeamDetail})
def team_create(request, payload: s.TeamIn):
    team = services.team_create(actor=request.auth, values=payload.dict())
    return Status(201, team_detail_out(selectors.team_get(user=request.auth, pk=team.pk)))


@router.post("/teams/import", response={201: s.TeamImportOut})
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


@router.get("/teams/{team_id}", response=s.TeamDetail)
def team_detail(request, team_id: int):
    return team_detail_out(selectors.team_get(user=request.auth, pk=_id(team_id)))


@router.get("/teams/{team_id}/members", response=list[s.TeamMemberOut])
def member_list(request, team_id: int):
    return list(selectors.team_get(user=request.auth, pk=_id(team_id)).members.all())


@router.post("/teams/{team_id}/members", response={201: s.TeamMemberOut})
def member_add(request, team_id: int, payload: s.TeamMemberIn):
    team = selectors.team_get(user=request.auth, pk=_id(team_id))
    return Status(201, services.member_add(actor=request.auth, team=team, values=payload.dict()))


# Experts ---------------------------------------------------------------------------------------


def expert_out(e) -> dict:
    return {"id": e.pk, "name": e.name, "field": e.field, "employer": e.employer, "title": e.title,
            "phone": e.phone, "region_code": e.region_id, "available": e.available, "joined_on": e.joined_on}  # fmt: skip


@router.get("/experts", response=s.ExpertPage)
def expert_list(request, filters: Query[s.ExpertFilters], pagination: Query[Page.Input]):
    """The expert pool (专家库) by field, with availability."""
    return _page(selectors.expert_list(user=request.auth, filters=filters.dict()), pagination, expert_out)


@router.post("/experts", response={201: s.ExpertOut})
def expert_create(request, payload: s.ExpertIn):
    return Status(201, expert_out(services.expert_create(actor=request.auth, values=payload.dict())))


@router.get("/experts/{expert_id}", response=s.ExpertOut)
def expert_detail(request, expert_id: int):
    return expert_out(selectors.get(Expert, user=request.auth, pk=_id(expert_id)))


@router.patch("/experts/{expert_id}", response=s.ExpertOut)
def expert_patch(request, expert_id: int, payload: s.ExpertPatch):
    expert = selectors.get(Expert, user=request.auth, pk=_id(expert_id))
    return expert_out(
        services.expert_set_available(actor=request.auth, expert=expert, available=payload.available)
    )


# Information officers --------------------------------------------------------------------------


@router.get("/info-officers", response=list[s.InfoOfficerOut])
def officer_list(request, filters: Query[s.InfoOfficerFilter]):
    """The disaster information officers (灾害信息员): the contacts register's info_officer rows
    (written through /api/v1/contacts)."""
    return [{"id": c.pk, "region_code": c.region_id, "region_name": c.region.name, "name": c.name,
             "phone": c.phone, "slot": c.slot, "position": c.position}
            for c in selectors.info_officers(user=request.auth, region=filters.region)[:2000]]  # fmt: skip


@router.get("/info-officers/coverage", response=s.InfoOfficerCoverage)
def officer_coverage(request, filters: Query[s.InfoOfficerFilter]):
    """Each street (and community) with whether it has an A and a B information officer."""
    rows = selectors.coverage(user=request.auth, region=filters.region)
    covered = sum(1 for r in rows if r["covered"])
    return {"covered": covered, "uncovered": len(rows) - covered, "results": rows}


# Plans -----------------------------------------------------------------------------------------


def plan_out(p) -> dict:
    return {"id": p.pk, "title": p.title, "level": p.level, "type": p.type, "region_code": p.region_id,
            "version": p.version, "approved_on": p.approved_on, "filed_on": p.filed_on, "filed_with": p.filed_with,
            "owner_id": p.owner_id, "measures": p.measures, "needs_revision": p.needs_revision,
            "revision_reason": p.revision_reason, "review_due": p.review_due, "has_file": bool(p.file)}  # fmt: skip


def _plan_values(payload) -> dict:
    values = payload.dict()
    values["measures"] = {k: v for k, v in (values.get("measures") or {}).items() if v}
    return values


@router.get("/plans", response=s.ContingencyPlanPage)
def plan_list(request, filters: Query[s.ContingencyPlanFilters], pagination: Query[Page.Input]):
    """Contingency plans (应急预案), the soonest review first."""
    return _page(selectors.plan_list(user=request.auth, filters=filters.dict()), pagination, plan_out)


@router.post("/plans", response={201: s.ContingencyPlanOut})
def plan_create(request, payload: s.ContingencyPlanIn):
    return Status(201, plan_out(services.plan_create(actor=request.auth, values=_plan_values(payload))))


@router.get("/plans/{plan_id}", response=s.ContingencyPlanOut)
def plan_detail(request, plan_id: int):
    return plan_out(selectors.get(Plan, user=request.auth, pk=_id(plan_id)))


@router.post("/plans/{plan_id}/revisions", response=s.ContingencyPlanOut)
def plan_revise(request, plan_id: int, payload: s.ContingencyPlanRevise):
    """A new version of the plan; its review falls due three years after the new approval."""
    plan = selectors.get(Plan, user=request.auth, pk=_id(plan_id))
    values = _plan_values(payload)
    if payload.measures is None:
        values.pop("measures")
    return plan_out(services.plan_revise(actor=request.auth, plan=plan, values=values))


@router.post("/plans/{plan_id}/file", response=s.ContingencyPlanOut)
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


def drill_out(d) -> dict:
    return {"id": d.pk, "title": d.title, "date": d.held_on, "type": d.type, "region_code": d.region_id,
            "participants": d.participants, "plan_id": d.plan_id, "organiser": d.organiser, "scenario": d.scenario,
            "evaluation": d.evaluation, "problems": d.problems, "follow_ups": d.follow_ups}  # fmt: skip


@router.get("/drills", response=s.DrillPage)
def drill_list(request, filters: Query[s.DrillFilters], pagination: Query[Page.Input]):
    """Drills (应急演练), newest first."""
    return _page(selectors.drill_list(user=request.auth, filters=filters.dict()), pagination, drill_out)


@router.post("/drills", response={201: s.DrillOut})
def drill_create(request, payload: s.DrillIn):
    """Record a drill; with plan_needs_revision the plan's review falls due on the drill's day."""
    return Status(201, drill_out(services.drill_create(actor=request.auth, values=payload.dict())))


@router.get("/drills/progress", response=list[s.DrillProgressRow])
def drill_progress(request, filters: Query[s.DrillYearFilter]):
    """The annual drill plan and the drills held against it."""
    return selectors.drill_progress(user=request.auth, year=filters.year)


@router.put("/drills/targets", response=s.DrillProgressRow)
def drill_target(request, payload: s.DrillTargetIn):
    row = services.drill_target_set(actor=request.auth, values=payload.dict())
    return next(
        r
        for r in selectors.drill_progress(user=request.auth, year=row.year)
        if r["region_code"] == row.region_id
    )


@router.get("/drills/{drill_id}", response=s.DrillOut)
def drill_detail(request, drill_id: int):
    return drill_out(selectors.get(Drill, user=request.auth, pk=_id(drill_id)))
