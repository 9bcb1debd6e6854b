"""The demo district's assessment: the current year's 安全生产目标责任考核 of the member
departments and streets — accidents, deaths (veto), overdue hazards, dispatch forms and tasks
scored from the records, 工作落实 scored by hand for most units. Deterministic from
ctx.rng("assessments")."""

from decimal import Decimal

from yingji.accounts.choices import OrgKind
from yingji.accounts.models import Organisation, User
from yingji.assessments.models import Item, ManualScore, Scheme
from yingji.core import demo

ITEMS = [
    ("生产安全事故", 20, "accidents", 5, False),
    ("事故死亡", 10, "deaths", 10, True),
    ("隐患逾期未整改", 20, "hazards_overdue", 2, False),
    ("专项行动调度表迟报漏报", 10, "forms_missing", 2, False),
    ("重点任务逾期", 10, "tasks_overdue", 5, False),
    ("工作落实情况", 30, "", 1, False),
]


@demo.generator("assessments", after=["accounts", "accidents", "hazards", "campaigns", "tasks"])
def assessments(ctx: demo.DemoContext) -> None:
    rng = ctx.rng("assessments")
    bureau = User.objects.filter(username="bureau").first()
    if bureau is None:
        return
    units = list(Organisation.objects.filter(region__code__startswith=ctx.district, kind__in=[OrgKind.DEPARTMENT, OrgKind.STREET]))  # fmt: skip
    scheme = Scheme.objects.create(region_id=ctx.district, year=ctx.today.year, name=f"{ctx.today.year}年度安全生产目标责任考核", created_by=bureau)  # fmt: skip
    scheme.units.set(units)
    items = Item.objects.bulk_create(
        Item(scheme=scheme, position=n, label=label, points=points, rule=rule, per=per, veto=veto)
        for n, (label, points, rule, per, veto) in enumerate(ITEMS, 1)
    )
    manual = items[-1]
    ManualScore.objects.bulk_create(
        ManualScore(item=manual, organisation=u, points=Decimal(rng.randrange(22, 31)), reason="按季度督查情况评分", by=bureau)
        for u in units if rng.random() < 0.8
    )  # fmt: skip
