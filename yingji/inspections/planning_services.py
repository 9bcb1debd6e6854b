"""Writes and reads of the annual enforcement plan and of 双随机一公开 draws (DOMAIN.md §5.5).

Only the bureau (and admin) plans and draws; streets and departments read within their
jurisdiction. Every write is audited in its transaction."""

import datetime
import random
import secrets

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from yingji.accounts.choices import Role
from yingji.accounts.models import User
from yingji.audit.services import audit_action, audit_created, snapshot
from yingji.core.errors import ApplicationError
from yingji.enterprises.models import Enterprise
from yingji.inspections.choices import InspectionType
from yingji.inspections.models import Inspection
from yingji.inspections.planning_models import EnforcementPlan, PlanRow, RandomDraw
from yingji.regions.models import Region
from yingji.regions.scoping import Jurisdiction

PLANNERS = frozenset({Role.ADMIN, Role.BUREAU})
MAX_SEED = 2**62
MAX_PLANNED = 100_000


def can_plan(user) -> bool:
    """The bureau plans and draws; everyone else reads."""
    return user.is_authenticated and user.role in PLANNERS


def _require_planner(user) -> None:
    if not can_plan(user):
        raise PermissionDenied(_("Only the bureau plans inspections and draws."))


def _region_in_scope(user, code: str, field: str = "region") -> Region:
    jurisdiction = Jurisdiction.of(user)
    region = Region.objects.filter(pk=code).first()
    if region is None or jurisdiction.narrower(code) != code:
        raise ApplicationError(
            _("The region is not in your jurisdiction."), errors={field: [_("Not in your jurisdiction.")]}
        )
    return region


# --- plans ---------------------------------------------------------------------------------


def _set_rows(plan: EnforcementPlan, rows: list[dict]) -> None:
    seen = set()
    for n, row in enumerate(rows):
        key = (row["risk_grade"], row["industry"])
        if key in seen:
            raise ApplicationError(
                _("Each risk grade and industry appears once."), errors={f"rows.{n}": [_("Repeated row.")]}
            )
        seen.add(key)
        PlanRow.objects.update_or_create(
            plan=plan,
            risk_grade=row["risk_grade"],
            industry=row["industry"],
            defaults={"planned": row["planned"], "frequency": row.get("frequency") or 1},
        )


@transaction.atomic
def plan_create(*, actor, year: int, rows: list[dict], note: str = "") -> EnforcementPlan:
    _require_planner(actor)
    org = actor.organisation
    if org is None:
        raise ApplicationError(_("An administrator plans through a bureau account."))
    if EnforcementPlan.objects.filter(organisation=org, year=year).exists():
        raise ApplicationError(
            _("Your organisation already has a plan for this year."), errors={"year": [_("Already planned.")]}
        )
    plan = EnforcementPlan.objects.create(
        organisation=org, region_id=org.region_id, year=year, starts_on=datetime.date(year, 1, 1), note=note
    )
    _set_rows(plan, rows)
    audit_created(actor=actor, obj=plan)
    return plan


@transaction.atomic
def plan_set_rows(*, actor, plan: EnforcementPlan, rows: list[dict]) -> EnforcementPlan:
    """Add or change rows (a row with planned 0 stays, as a deliberate zero)."""
    _require_planner(actor)
    before = snapshot(plan) | {"rows": _rows_snapshot(plan)}
    _set_rows(plan, rows)
    plan.save(update_fields=["updated_at"])
    audit_action(actor=actor, obj=plan, action="update", before=before, extra={"rows": _rows_snapshot(plan)})
    return plan


def _rows_snapshot(plan) -> list:
    return list(plan.rows.values("risk_grade", "industry", "planned", "frequency"))


def plan_progress(plan: EnforcementPlan, *, until: datetime.date | None = None) -> list[dict]:
    """Each row with the distinct enterprises of its grade and industry inspected by supervisors
    in the plan's region during its year (self-checks do not count)."""
    end = datetime.date(plan.year, 12, 31)
    if until is not None:
        end = min(end, until)
    done = (
        Inspection.objects.filter(
            region__code__startswith=plan.region_id,
            inspected_on__range=(plan.starts_on, end),
        )
        .exclude(type=InspectionType.SELF_CHECK)
        .values("enterprise__risk_grade", "industry")
        .annotate(n=Count("enterprise", distinct=True))
    )
    inspected = {(d["enterprise__risk_grade"], d["industry"]): d["n"] for d in done}
    out = []
    for row in plan.rows.all():
        n = inspected.get((row.risk_grade, row.industry), 0)
        out.append(
            {
                "risk_grade": row.risk_grade,
                "industry": row.industry,
                "planned": row.planned,
                "frequency": row.frequency,
                "inspected": n,
                "percent": round(100 * min(n, row.planned) / row.planned, 1) if row.planned else None,
            }
        )
    return out


def progress_totals(rows: list[dict]) -> dict:
    planned = sum(r["planned"] for r in rows)
    inspected = sum(min(r["inspected"], r["planned"]) for r in rows)
    return {
        "planned": planned,
        "inspected": inspected,
        "percent": round(100 * inspected / planned, 1) if planned else None,
    }


# --- draws ---------------------------------------------------------------------------------


def candidates(*, region: str, industry: str = "", risk_grade: str = ""):
    """The registry's enterprises a draw chooses from, in a stable order (by id)."""
    qs = Enterprise.objects.in_region(region)
    if industry:
        qs = qs.filter(industry=industry)
    if risk_grade:
        qs = qs.filter(risk_grade=risk_grade)
    return qs.order_by("id")


def officer_candidates(*, region: str):
    """Inspectors (执法人员名录库) of the organisations governing the region or above it."""
    prefixes = [region[:n] for n in range(2, len(region) + 1, 2)] + [region]
    return (
        User.objects.filter(role=Role.INSPECTOR, is_active=True, organisation__region_id__in=set(prefixes))
        .order_by("id")
        .only("id")
    )


def draw(ids: list[int], n: int, seed: int) -> list[int]:
    """n of the ids (sorted first), chosen by random.Random(seed): the same seed, the same draw."""
    return sorted(
        random.Random(seed).sample(  # noqa: S311 (reproducible by design)
            sorted(ids), n
        )
    )


@transaction.atomic
def random_draw(
    *,
    actor,
    region: str,
    industry: str = "",
    risk_grade: str = "",
    enterprises: int,
    officers: int,
    seed: int | None = None,
) -> RandomDraw:
    _require_planner(actor)
    _region_in_scope(actor, region)
    pool = list(
        candidates(region=region, industry=industry, risk_grade=risk_grade).values_list("id", flat=True)
    )
    if enterprises > len(pool):
        raise ApplicationError(
            _("Only %(n)d enterprises match; cannot draw %(m)d.") % {"n": len(pool), "m": enterprises},
            errors={"enterprises": [_("At most %(n)d enterprises match the filters.") % {"n": len(pool)}]},
        )
    people = list(officer_candidates(region=region).values_list("id", flat=True))
    if officers > len(people):
        raise ApplicationError(
            _("Only %(n)d inspectors are registered; cannot draw %(m)d.") % {"n": len(people), "m": officers},
            errors={"officers": [_("At most %(n)d inspectors are available.") % {"n": len(people)}]},
        )
    if seed is None:
        seed = secrets.randbelow(MAX_SEED)
    rng_enterprises = draw(pool, enterprises, seed)
    rng_officers = draw(people, officers, seed + 1)
    record = RandomDraw.objects.create(
        region_id=region,
        industry=industry,
        risk_grade=risk_grade,
        seed=seed,
        drawn_on=timezone.localdate(),
        drawn_by=actor,
        candidates=len(pool),
        enterprise_count=len(rng_enterprises),
        enterprise_ids=rng_enterprises,
        officer_ids=rng_officers,
    )
    audit_created(actor=actor, obj=record)
    return record


def draw_get(*, user, draw_id: int) -> RandomDraw:
    record = RandomDraw.objects.for_user(user).filter(pk=draw_id).first()
    if record is None:
        raise Http404
    return record


def draw_rows(record: RandomDraw) -> tuple[list, list]:
    """The drawn enterprises and officers, as published (公示)."""
    ents = {e.id: e for e in Enterprise.objects.filter(pk__in=record.enterprise_ids).select_related("region")}
    users = {u.id: u for u in User.objects.filter(pk__in=record.officer_ids)}
    return (
        [ents[i] for i in record.enterprise_ids if i in ents],
        [users[i] for i in record.officer_ids if i in users],
    )


def plan_get(*, user, plan_id: int) -> EnforcementPlan:
    plan = EnforcementPlan.objects.for_user(user).filter(pk=plan_id).first()
    if plan is None:
        raise Http404
    return plan


def plans_for(user):
    return EnforcementPlan.objects.for_user(user).select_related("organisation")
