"""Demo plans and 双随机 draws for 芙蓉区: a plan for each of the three years (every major-risk
enterprise, most relatively-high ones and a share of the others; the frequencies are demo values,
the real tables are provincial), and about ten draws a year over its streets."""

import datetime
from collections import Counter

from yingji.accounts.choices import OrgKind, Role
from yingji.accounts.models import Organisation, User
from yingji.core import demo
from yingji.enterprises.models import Enterprise
from yingji.inspections.planning_models import EnforcementPlan, PlanRow, RandomDraw
from yingji.inspections.planning_services import draw
from yingji.regions.models import Region

YEARS = 3
COVERAGE = {"major": (1.0, 4), "relatively_high": (0.8, 2), "general": (0.5, 1), "low": (0.3, 1)}
DRAWS_A_YEAR = 10
# 执法人员名录库: the bureau's officers a draw picks from, beside the demo's own inspector account
# (they cannot log in).
OFFICERS = ["王建军", "张丽", "刘洋", "陈志强", "杨帆", "赵敏", "黄磊", "周婷"]


def _officers(bureau) -> None:
    people = []
    for n, name in enumerate(OFFICERS, 1):
        user = User(username=f"zf{n:02d}", role=Role.INSPECTOR, organisation=bureau, name=name)
        user.set_unusable_password()
        people.append(user)
    User.objects.bulk_create(people, ignore_conflicts=True)


@demo.generator("enforcement_plans", after=["inspections"])
def enforcement_plans(ctx: demo.DemoContext) -> None:
    rng = ctx.rng("enforcement_plans")
    bureau = Organisation.objects.get(kind=OrgKind.BUREAU, region_id=ctx.district)
    _officers(bureau)
    drawer = User.objects.filter(role=Role.BUREAU, organisation=bureau).order_by("pk").first()
    officers = sorted(
        User.objects.filter(role=Role.INSPECTOR, organisation=bureau).values_list("pk", flat=True)
    )
    registry = list(
        Enterprise.objects.filter(region__code__startswith=ctx.district)
        .order_by("pk")
        .values_list("pk", "region_id", "industry", "risk_grade")
    )
    graded = Counter((grade, industry) for _, _, industry, grade in registry if grade)
    streets = list(
        Region.objects.filter(code__startswith=ctx.district, level="street")
        .order_by("code")
        .values_list("code", flat=True)
    )
    rows, draws = [], []
    for year in range(ctx.today.year - YEARS + 1, ctx.today.year + 1):
        plan = EnforcementPlan.objects.create(
            organisation=bureau,
            region_id=ctx.district,
            year=year,
            starts_on=datetime.date(year, 1, 1),
            note="按照分类分级原则，重大风险企业全覆盖",
        )
        for (grade, industry), n in sorted(graded.items()):
            share, frequency = COVERAGE[grade]
            rows.append(
                PlanRow(
                    plan=plan,
                    risk_grade=grade,
                    industry=industry,
                    planned=max(1, round(n * share)),
                    frequency=frequency,
                )
            )
        days = (min(ctx.today, datetime.date(year, 12, 31)) - datetime.date(year, 1, 1)).days + 1
        for _ in range(round(DRAWS_A_YEAR * days / 365)):
            region = rng.choice(streets) if streets else ctx.district
            pool = [pk for pk, code, _, _ in registry if code.startswith(region)]
            if len(pool) < 2:
                continue
            seed = rng.randrange(2**40)
            chosen = draw(pool, min(len(pool), rng.randint(3, 8)), seed)
            people = draw(officers, min(2, len(officers)), seed + 1)
            draws.append(
                RandomDraw(
                    region_id=region,
                    seed=seed,
                    drawn_on=datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(days)),
                    drawn_by=drawer,
                    candidates=len(pool),
                    enterprise_count=len(chosen),
                    enterprise_ids=chosen,
                    officer_ids=people,
                )
            )
    PlanRow.objects.bulk_create(rows)
    RandomDraw.objects.bulk_create(draws)
