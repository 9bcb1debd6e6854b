"""Three years of complaints for 芙蓉区, about sixty a year as a district's 12350 desk and web
form bring them: most about a named enterprise, a quarter of them leading to the inspection
that found one of the demo's hazards; the older ones verified and closed (some late), a few
rewarded and paid; the last weeks' still awaiting assignment or verification. In bulk."""

import datetime
from decimal import Decimal

from yingji.accounts.choices import OrgKind
from yingji.accounts.models import Organisation
from yingji.complaints.choices import Channel, Status
from yingji.complaints.models import Complaint, ComplaintEvent
from yingji.complaints.services import new_receipt
from yingji.core import demo
from yingji.enterprises.models import Enterprise
from yingji.hazards.models import Hazard

PER_YEAR = 60
CHANNELS = [Channel.HOTLINE_12350] * 5 + [Channel.WEB] * 3 + [Channel.LETTER, Channel.VISIT, Channel.TRANSFER]
MATTERS = ["车间内违规存放油漆、稀释剂等易燃物品", "夜间违规动火作业，未见监护人员", "消防通道被货物堵塞",
           "有限空间作业未检测未通风", "员工未经培训上岗操作叉车", "违规使用液化气钢瓶，存放于地下室",
           "工地脚手架未设安全网", "仓库住人，“三合一”场所", "粉尘车间未清扫，除尘设施停用",
           "电动车在楼道内充电", "商场安全出口上锁", "油烟管道长期未清洗"]  # fmt: skip
NAMES = ["张先生", "李女士", "王先生", "刘女士", "陈先生", "杨女士", "赵先生", "黄女士"]
RESULTS = {
    "true": "经核查，举报情况属实。已责令该单位立即整改，并依法查处。",
    "partly_true": "经核查，举报情况部分属实。已责令该单位限期整改。",
    "false": "经现场核查，未发现举报所述问题，举报情况不属实。",
}
TRANSFERRERS = ["市应急管理局", "区信访局", "12345市民服务热线"]


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour % 24), datetime.UTC)


@demo.generator("complaints", after=["hazards", "inspections", "accounts"])
def complaints(ctx: demo.DemoContext) -> None:
    rng = ctx.rng("complaints")
    bureau = Organisation.objects.get(kind=OrgKind.BUREAU, region_id=ctx.district)
    streets = {
        o.region_id: o
        for o in Organisation.objects.filter(kind=OrgKind.STREET, region__code__startswith=ctx.district)
    }
    enterprises = list(
        Enterprise.objects.filter(region__code__startswith=ctx.district).values_list(
            "id", "name", "region_id"
        )
    )
    by_id = {e[0]: e for e in enterprises}
    hazards = list(Hazard.objects.filter(region__code__startswith=ctx.district, inspection__isnull=False)
                   .values_list("id", "enterprise_id", "inspection_id", "found_at", "inspection__inspected_on"))  # fmt: skip
    start = ctx.today - datetime.timedelta(days=3 * 365)
    rows, plans = [], []
    for n in range(PER_YEAR * 3):
        linked = hazards and rng.random() < 0.25
        hazard = inspection = None
        if linked:
            hazard, enterprise_id, inspection, found, inspected = rng.choice(hazards)
            day = min(found, inspected) - datetime.timedelta(days=rng.randrange(2, 8))
            enterprise = by_id.get(enterprise_id)
        else:
            day = start + datetime.timedelta(days=rng.randrange((ctx.today - start).days + 1))
            enterprise = rng.choice(enterprises) if enterprises and rng.random() < 0.7 else None
        if n >= PER_YEAR * 3 - 6:  # the last few: taken in during the last weeks
            day, linked, hazard, inspection = (
                ctx.today - datetime.timedelta(days=[0, 2, 5, 12, 20, 28][n % 6]),
                False,
                None,
                None,
            )
        if not start <= day <= ctx.today:
            continue
        region = enterprise[2] if enterprise else rng.choice(sorted(streets) or [ctx.district])
        anonymous = rng.random() < 0.3
        channel = rng.choice(CHANNELS)
        c = Complaint(
            receipt=new_receipt(), channel=channel, received_on=day, region_id=region,
            transferred_from=rng.choice(TRANSFERRERS) if channel == Channel.TRANSFER else "",
            place=f"{rng.choice(['东', '西', '南', '北'])}{rng.randrange(1, 300)}号", enterprise_id=enterprise[0] if enterprise else None,
            enterprise_name=enterprise[1] if enterprise else "", content=rng.choice(MATTERS),
            items=rng.choice([1, 1, 1, 1, 2, 2, 3]), anonymous=anonymous,
            reporter_name="" if anonymous else rng.choice(NAMES),
            reporter_phone="" if anonymous else f"13{rng.randrange(100000000, 999999999)}",
        )  # fmt: skip
        events = [("create", "", Status.RECEIVED, day, "")]
        _handle(rng, c, events, ctx.today, streets.get(region[:9]) or bureau, linked, hazard, inspection)
        rows.append(c)
        plans.append(events)
    Complaint.objects.bulk_create(rows, batch_size=500)
    ComplaintEvent.objects.bulk_create(
        [ComplaintEvent(complaint=c, at=_at(day, 1 + i), action=action, from_status=before, to_status=after, note=note)
         for c, events in zip(rows, plans, strict=True) for i, (action, before, after, day, note) in enumerate(events)],
        batch_size=1000,
    )  # fmt: skip


def _handle(rng, c, events, today, unit, linked, hazard, inspection) -> None:
    """The complaint's steps as far as its age takes it."""
    age = (today - c.received_on).days
    if age < 2:
        return
    c.status, c.handling_unit, c.assigned_on = (
        Status.ASSIGNED,
        unit,
        c.received_on + datetime.timedelta(days=1),
    )
    c.deadline = c.assigned_on + datetime.timedelta(days=15)
    events.append(("assign", Status.RECEIVED, Status.ASSIGNED, c.assigned_on, unit.name))
    took = rng.randrange(3, 14) if rng.random() < 0.9 else rng.randrange(16, 30)
    verified = c.assigned_on + datetime.timedelta(days=took)
    if verified > today or age < 10:
        return  # still being verified (past the deadline, some of them)
    c.verification = "true" if linked else rng.choice(["true", "partly_true", "false", "false"])
    c.result, c.verified_on, c.status = RESULTS[c.verification], verified, Status.VERIFIED
    c.hazard_id, c.inspection_id = hazard, inspection
    events.append(("verify", Status.ASSIGNED, Status.VERIFIED, verified, ""))
    closed = verified + datetime.timedelta(days=rng.randrange(1, 6))
    if closed > today:
        return
    c.status, c.closed_on = Status.CLOSED, closed
    events.append(("close", Status.VERIFIED, Status.CLOSED, closed, ""))
    if not c.anonymous:
        c.reporter_notified_on, c.reporter_notified_how = closed, rng.choice(["phone", "sms"])
        events.append(("notify_reporter", Status.CLOSED, Status.CLOSED, closed, ""))
    if c.verification != "false" and rng.random() < 0.25:
        c.reward_amount = Decimal(rng.choice([200, 500, 500, 1000, 2000, 3000]))
        c.reward_decided_on = closed + datetime.timedelta(days=rng.randrange(3, 15))
        if c.reward_decided_on > today:
            c.reward_amount = c.reward_decided_on = None
            return
        events.append(("reward", Status.CLOSED, Status.CLOSED, c.reward_decided_on, f"{c.reward_amount}"))
        paid = c.reward_decided_on + datetime.timedelta(days=rng.randrange(5, 30))
        if paid <= today:
            c.reward_paid_on = paid
            events.append(("pay_reward", Status.CLOSED, Status.CLOSED, paid, ""))
