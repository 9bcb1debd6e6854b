"""The demo district's meetings and interviews: each year two plenary meetings of the committee,
a few topical and dispatch meetings (a decision or two each, as tasks of member units), and two or
three interviews after accidents or over hazards. Deterministic from ctx.rng("meetings")."""

import datetime

from yingji.accounts.choices import OrgKind
from yingji.accounts.models import Organisation, User
from yingji.core import demo
from yingji.meetings.models import Interview, Meeting
from yingji.tasks.models import Task, TaskSource

KINDS = [
    ("plenary", "区安委会全体会议", 2),
    ("topical", "安全生产专题会议", 3),
    ("dispatch", "安全生产调度会议", 4),
]
DECISIONS = ["开展城镇燃气安全专项整治", "加强汛期安全防范", "开展有限空间作业专项检查", "落实节假日值班值守"]


@demo.generator("meetings", after=["accounts", "tasks"])
def meetings(ctx: demo.DemoContext) -> None:
    rng = ctx.rng("meetings")
    bureau = User.objects.filter(username="bureau").first()
    units = list(Organisation.objects.filter(region__code__startswith=ctx.district, kind__in=[OrgKind.DEPARTMENT, OrgKind.STREET]))  # fmt: skip
    if not units:
        return
    for year in range(ctx.today.year - 2, ctx.today.year + 1):
        for kind, title, count in KINDS:
            for n in range(count):
                held = datetime.date(year, 1 + (n * 12 // count), rng.randrange(5, 25))
                if held >= ctx.today:
                    continue
                meeting = Meeting.objects.create(region_id=ctx.district, kind=kind, title=f"{year}年{title}（第{n + 1}次）", held_on=held,
                                                 chair="区长" if kind == "plenary" else "分管副区长", created_by=bureau,
                                                 minutes="会议听取了近期安全生产工作情况汇报，研究部署下一阶段重点工作。")  # fmt: skip
                decided = [Task(organisation=rng.choice(units), title=rng.choice(DECISIONS), year=year, source=TaskSource.MEETING, created_by=bureau,
                                due_on=min(held + datetime.timedelta(days=60), datetime.date(year, 12, 31)),
                                done_on=held + datetime.timedelta(days=rng.randrange(20, 55)) if held + datetime.timedelta(days=55) < ctx.today else None)
                           for _ in range(rng.randrange(1, 3))]  # fmt: skip
                meeting.decisions.set(Task.objects.bulk_create(decided))
        streets = [u for u in units if u.kind == OrgKind.STREET]
        for _ in range(rng.randrange(2, 4)):
            held = datetime.date(year, rng.randrange(1, 13), rng.randrange(1, 28))
            if held < ctx.today and streets:
                Interview.objects.create(region_id=(s := rng.choice(streets)).region_id, organisation=s, reason=rng.choice(["accident", "hazards"]),
                                         held_on=held, by_whom="区安委办", detail="通报有关情况，提出整改要求。", created_by=bureau)  # fmt: skip
