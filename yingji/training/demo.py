"""Three years of 宣传培训 in 芙蓉区: the bureau's and the streets' training and lectures through
the year, 防灾减灾日 (5·12), 安全生产月 (June), 五进 and other publicity with the materials handed
out, a special-operations exam sitting a month, and a few communities on their way to being
named 综合减灾示范社区. In bulk."""

import datetime

from yingji.accounts.choices import OrgKind
from yingji.accounts.models import Organisation
from yingji.core import demo
from yingji.training.choices import CommunityLevel, CommunityStatus, SpecialOperation, TrainingKind
from yingji.training.models import DemoCommunity, Exam, TrainingEvent

TRAINING_TITLES = ["企业主要负责人安全生产培训", "有限空间作业安全培训", "消防安全知识讲座", "危险化学品安全管理培训",
                   "安全生产法专题讲座", "燃气安全使用讲座", "建筑施工安全培训", "新员工三级安全教育培训"]  # fmt: skip
PUBLICITY = [(TrainingKind.TALK, "防灾减灾知识宣讲"), (TrainingKind.PUBLICITY, "安全宣传咨询日"),
             (TrainingKind.FIVE_INTO, "安全宣传“五进”活动"), (TrainingKind.CONTEST, "安全生产知识竞赛")]  # fmt: skip
AUDIENCES = ["辖区企业负责人", "企业安全管理人员", "社区居民", "中小学生", "从业人员", "网格员"]
COMMUNITIES = ["东岸社区", "朝阳社区", "韭菜园社区", "马王堆社区", "文艺路社区", "荷花池社区"]


@demo.generator("training", after=["accounts"])
def training(ctx: demo.DemoContext) -> None:
    rng = ctx.rng("training")
    orgs = list(Organisation.objects.filter(kind__in=[OrgKind.BUREAU, OrgKind.STREET], region__code__startswith=ctx.district)
                .values_list("name", "region_id"))  # fmt: skip
    if not orgs:
        return
    bureau = next((o for o in orgs if o[1] == ctx.district), orgs[0])
    start = ctx.today - datetime.timedelta(days=3 * 365)
    events = []

    def add(kind, title, day, org, sessions, people, copies):
        if start <= day <= ctx.today:
            events.append(TrainingEvent(kind=kind, title=title, held_on=day, organiser=org[0], region_id=org[1],
                                        audience=rng.choice(AUDIENCES), sessions=sessions, participants=people,
                                        materials=copies))  # fmt: skip

    for year in range(start.year, ctx.today.year + 1):
        for _n in range(36):
            day = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(365))
            kind = TrainingKind.TRAINING if rng.random() < 0.6 else TrainingKind.LECTURE
            sessions = rng.randrange(1, 4)
            add(
                kind,
                rng.choice(TRAINING_TITLES),
                day,
                rng.choice(orgs),
                sessions,
                sessions * rng.randrange(30, 120),
                rng.randrange(0, 300),
            )
        for _n in range(24):
            day = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(365))
            kind, title = rng.choice(PUBLICITY)
            add(
                kind,
                title,
                day,
                rng.choice(orgs),
                rng.randrange(1, 6),
                rng.randrange(50, 600),
                rng.randrange(200, 3000),
            )
        add(
            TrainingKind.DISASTER_DAY,
            f"{year}年“5·12”防灾减灾日宣传活动",
            datetime.date(year, 5, 12),
            bureau,
            12,
            3000,
            20000,
        )
        add(
            TrainingKind.SAFETY_MONTH,
            f"{year}年“安全生产月”系列活动",
            datetime.date(year, 6, 16),
            bureau,
            20,
            5000,
            30000,
        )
    TrainingEvent.objects.bulk_create(events)
    exams, day = [], start.replace(day=15)
    while day <= ctx.today:
        if day >= start:
            sat = rng.randrange(60, 200)
            exams.append(Exam(held_on=day, operation=rng.choice(SpecialOperation.values[:-1]), region_id=ctx.district,
                              organiser="芙蓉区特种作业考试点", candidates=sat, passed=int(sat * rng.uniform(0.75, 0.95))))  # fmt: skip
        day = (day.replace(day=1) + datetime.timedelta(days=32)).replace(day=15)
    Exam.objects.bulk_create(exams)
    streets = [o for o in orgs if o[1] != ctx.district] or [bureau]
    communities = []
    for n, name in enumerate(COMMUNITIES):
        named = n < 3 and start.year + n < ctx.today.year
        communities.append(DemoCommunity(
            name=name, region_id=streets[n % len(streets)][1], started_on=start + datetime.timedelta(days=60 * n),
            status=CommunityStatus.NAMED if named else CommunityStatus.CREATING,
            level=[CommunityLevel.NATIONAL, CommunityLevel.PROVINCIAL, CommunityLevel.CITY][n] if named else "",
            named_year=start.year + n + 1 if named else None,
        ))  # fmt: skip
    DemoCommunity.objects.bulk_create(communities)
