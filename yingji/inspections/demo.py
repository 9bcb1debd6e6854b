"""Three years of inspections for 芙蓉区: each enterprise inspected 1–4 times a year (the
high-risk industries more) by the bureau, its street office or its supervising department,
1–3 inspectors each (two or more for enforcement: an enforcement check needs two officers).
The last quarter's inspections carry checklist results. Written in bulk.

For the hazards generator, `ctx.shared` gets "inspections": [(id, enterprise_id, date)], and
"inspection_failures": [(result_id, inspection_id, enterprise_id, date, finding, category)],
the failed items that a hazard may be linked to (InspectionResult.hazard)."""

import datetime

from yingji.accounts.choices import OrgKind
from yingji.accounts.models import Organisation, User
from yingji.core import demo
from yingji.core.industries import Industry as I  # noqa: E741
from yingji.enterprises.models import Enterprise
from yingji.inspections.checklists import load_checklists
from yingji.inspections.choices import InspectionType as T
from yingji.inspections.choices import Outcome
from yingji.inspections.models import ChecklistItem, ChecklistTemplate, Inspection, InspectionResult

YEARS = 3
HIGH_RISK = {I.HAZARDOUS_CHEMICALS, I.GAS, I.CONSTRUCTION, I.CROWDED_PLACES}
PER_YEAR = ([1, 2, 3, 4], [30, 35, 25, 10])  # times an enterprise is inspected a year
PER_YEAR_HIGH_RISK = ([2, 3, 4], [35, 40, 25])
TYPES = [
    (T.DAILY, 44),
    (T.CAMPAIGN, 20),
    (T.ENFORCEMENT, 12),
    (T.UNANNOUNCED, 8),
    (T.REINSPECTION, 9),
    (T.LEADER, 3),
    (T.SELF_CHECK, 4),
]
INSPECTORS = {T.ENFORCEMENT: (2, 3), T.UNANNOUNCED: (2, 3), T.LEADER: (2, 4), T.SELF_CHECK: (1, 2)}
WITH_RESULTS_DAYS = 90
FAIL_RATE = 0.06  # of ordinary items; the demo fails no major-hazard criterion
NOTES = {
    T.DAILY: "现场检查，查阅台账资料",
    T.CAMPAIGN: "安全生产专项整治检查",
    T.ENFORCEMENT: "依法开展执法检查，制作现场检查记录",
    T.UNANNOUNCED: "四不两直暗查暗访",
    T.REINSPECTION: "对前次检查发现问题整改情况进行复查",
    T.LEADER: "区领导带队检查",
    T.SELF_CHECK: "企业自查",
}


def _departments(ctx) -> dict[str, Organisation]:
    """Each industry's supervising department (the first one listing it)."""
    by_industry: dict[str, Organisation] = {}
    for org in Organisation.objects.filter(kind=OrgKind.DEPARTMENT, region_id=ctx.district).order_by("pk"):
        for industry in org.industries:
            by_industry.setdefault(industry, org)
    return by_industry


@demo.generator("inspections", after=["enterprises", "accounts"])
def inspections(ctx: demo.DemoContext) -> None:
    rng = ctx.rng("inspections")
    load_checklists(ChecklistTemplate, ChecklistItem)
    templates = {}
    for template in ChecklistTemplate.objects.prefetch_related("items"):
        for industry in template.industries:
            templates.setdefault(industry, template)
    bureau = Organisation.objects.get(kind=OrgKind.BUREAU, region_id=ctx.district)
    streets = {
        o.region_id: o
        for o in Organisation.objects.filter(kind=OrgKind.STREET, region__code__startswith=ctx.district)
    }
    departments = _departments(ctx)
    users = {
        u.username: u
        for u in User.objects.filter(username__in=["inspector", "leader", "street", "department"])
    }
    # The demo accounts take part in their organisation's inspections: (user, organisation, share).
    takes_part = [
        (users.get("inspector"), bureau, 0.6),
        (users.get("street"), users["street"].organisation if "street" in users else None, 0.5),
        (users.get("department"), users["department"].organisation if "department" in users else None, 0.5),
    ]
    start = ctx.today - datetime.timedelta(days=YEARS * 365)
    rows = []
    enterprises = Enterprise.objects.filter(region__code__startswith=ctx.district).order_by("pk")
    for enterprise_id, region, industry in enterprises.values_list("id", "region_id", "industry"):
        times, weights = PER_YEAR_HIGH_RISK if industry in HIGH_RISK else PER_YEAR
        for year in range(YEARS):
            first = start + datetime.timedelta(days=365 * year + 1)
            for _ in range(rng.choices(times, weights)[0]):
                kind = rng.choices([t for t, _w in TYPES], [w for _t, w in TYPES])[0]
                low, high = INSPECTORS.get(kind, (1, 3))
                if kind == T.SELF_CHECK:
                    org = None
                elif kind in (T.ENFORCEMENT, T.LEADER) or rng.random() < 0.4:
                    org = bureau
                else:
                    org = departments.get(industry) if rng.random() < 0.35 else None
                    org = org or streets.get(region, bureau)
                rows.append(
                    Inspection(
                        enterprise_id=enterprise_id,
                        region_id=region,
                        industry=industry,
                        inspected_on=min(first + datetime.timedelta(days=rng.randrange(365)), ctx.today),
                        type=kind,
                        inspector_count=rng.randint(low, high),
                        notes=NOTES[kind],
                        template=templates.get(industry),
                        organisation=org,
                    )
                )
    for row in rows:
        for user, org, share in takes_part:
            if user and org and row.organisation_id == org.pk and rng.random() < share:
                row.created_by = user
                break
    Inspection.objects.bulk_create(rows, batch_size=2000)
    _inspectors(rng, rows, users)
    ctx.shared["inspections"] = [(r.pk, r.enterprise_id, r.inspected_on) for r in rows]
    ctx.shared["inspection_failures"] = _results(rng, rows, ctx.today)


def _inspectors(rng, rows: list[Inspection], users: dict) -> None:
    """The demo accounts named as inspectors where they took part, the leader on leader-led ones."""
    through = Inspection.inspectors.through
    links = [through(inspection_id=r.pk, user_id=r.created_by_id) for r in rows if r.created_by_id]
    leader = users.get("leader")
    if leader:
        links += [through(inspection_id=r.pk, user_id=leader.pk) for r in rows if r.type == T.LEADER]
    through.objects.bulk_create(links, batch_size=5000, ignore_conflicts=True)


def _results(rng, rows: list[Inspection], today: datetime.date) -> list[tuple]:
    """Checklist answers for the last quarter's inspections; returns the failed ones."""
    recent = [r for r in rows if r.template_id and (today - r.inspected_on).days <= WITH_RESULTS_DAYS]
    items = {
        t.pk: list(t.items.filter(active=True).order_by("order"))
        for t in ChecklistTemplate.objects.filter(pk__in={r.template_id for r in recent})
    }
    results = []
    for inspection in recent:
        for item in items[inspection.template_id]:
            roll = rng.random()
            if item.is_major_criterion:
                outcome = Outcome.PASS if roll < 0.6 else Outcome.NOT_APPLICABLE
            else:
                outcome = (
                    Outcome.FAIL
                    if roll < FAIL_RATE
                    else Outcome.NOT_APPLICABLE
                    if roll < 0.12
                    else Outcome.PASS
                )
            results.append(InspectionResult(inspection=inspection, item=item, outcome=outcome))
    InspectionResult.objects.bulk_create(results, batch_size=5000)
    return [
        (
            r.pk,
            r.inspection.pk,
            r.inspection.enterprise_id,
            r.inspection.inspected_on,
            r.item.finding or r.item.text,
            r.item.hazard_category,
        )
        for r in results
        if r.outcome == Outcome.FAIL
    ]
from yingji.inspections import planning_demo  # noqa: E402,F401 (plans and 双随机 draws)
