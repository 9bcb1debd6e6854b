"""The demo district's lists: four to six duty items for each member department, two or three key
tasks a year for each department and street, most done in time, a few late or still open.
Deterministic from ctx.rng("tasks")."""

import datetime

from yingji.accounts.choices import OrgKind
from yingji.accounts.models import Organisation, User
from yingji.core import demo
from yingji.tasks.models import DutyItem, Task

DUTIES = [
    ("负责本行业领域安全生产监督管理工作", "《中华人民共和国安全生产法》第十条"),
    ("组织开展本行业领域安全生产隐患排查治理", "《安全生产法》第四十一条"),
    ("督促本行业领域生产经营单位落实安全生产主体责任", "《地方党政领导干部安全生产责任制规定》"),
    ("组织本行业领域安全生产宣传教育和培训", "《安全生产法》第十三条"),
    ("参与本行业领域生产安全事故应急救援和调查处理", "《生产安全事故报告和调查处理条例》"),
    ("按要求报送本行业领域安全生产信息", "区安委会工作规则"),
]
TASKS = ["开展安全生产治本攻坚三年行动", "完成重大事故隐患专项排查整治", "组织开展应急演练", "开展安全生产月活动",
         "推进企业安全生产标准化建设", "开展岁末年初安全检查"]  # fmt: skip


@demo.generator("tasks", after=["accounts"])
def tasks(ctx: demo.DemoContext) -> None:
    rng = ctx.rng("tasks")
    bureau = User.objects.filter(username="bureau").first()
    units = list(Organisation.objects.filter(region__code__startswith=ctx.district, kind__in=[OrgKind.DEPARTMENT, OrgKind.STREET]).order_by("kind", "name"))  # fmt: skip
    DutyItem.objects.bulk_create(
        DutyItem(organisation=u, position=n + 1, content=content, basis=basis)
        for u in units if u.kind == OrgKind.DEPARTMENT for n, (content, basis) in enumerate(DUTIES[: rng.randrange(4, 7)])
    )  # fmt: skip
    rows = []
    for year in range(ctx.today.year - 2, ctx.today.year + 1):
        for u in units:
            for title in rng.sample(TASKS, k=rng.randrange(2, 4)):
                due = datetime.date(year, rng.randrange(3, 13), 1) + datetime.timedelta(
                    days=rng.randrange(0, 27)
                )
                done = None
                if due < ctx.today and rng.random() < 0.9:
                    done = min(ctx.today, due - datetime.timedelta(days=rng.randrange(-10, 20)))
                rows.append(
                    Task(
                        organisation=u,
                        title=title,
                        year=due.year,
                        due_on=due,
                        done_on=done,
                        created_by=bureau,
                    )
                )
    Task.objects.bulk_create(rows)
