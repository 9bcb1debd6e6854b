"""Three years of hazards for 芙蓉区: most general hazards rectified in time, some overdue,
a handful of major hazards listed for supervision. Written in bulk, timeline included."""

import datetime
from decimal import Decimal

from yingji.accounts.choices import OrgKind
from yingji.accounts.models import Organisation, User
from yingji.core import demo
from yingji.core.industries import Industry as I  # noqa: E741
from yingji.enterprises.models import Enterprise
from yingji.hazards.choices import HazardLevel, HazardSource, HazardStatus
from yingji.hazards.models import Hazard, HazardEvent

HAZARDS_PER_ENTERPRISE_YEAR = 2.0
COMMON = [
    ("消防通道堆放杂物，疏散通道不畅通", "物的不安全状态", "疏散通道"),
    ("灭火器压力不足，未按期检查", "物的不安全状态", "仓库"),
    ("应急照明及疏散指示标志损坏", "物的不安全状态", "楼梯间"),
    ("电气线路私拉乱接，未穿管保护", "物的不安全状态", "配电间"),
    ("未建立隐患排查治理台账", "管理缺陷", "办公室"),
    ("从业人员未经安全培训上岗", "管理缺陷", "生产车间"),
    ("安全警示标志缺失", "物的不安全状态", "作业现场"),
    ("应急预案未按规定演练", "管理缺陷", "办公室"),
]
BY_INDUSTRY = {
    I.CONSTRUCTION: [
        ("脚手架连墙件缺失", "物的不安全状态", "外脚手架"),
        ("基坑临边防护不到位", "物的不安全状态", "基坑"),
        ("塔吊司机无特种作业操作证", "人的不安全行为", "塔吊"),
    ],
    I.GAS: [
        ("燃气管道未设置泄漏报警装置", "物的不安全状态", "厨房"),
        ("液化气钢瓶超期未检", "物的不安全状态", "气瓶间"),
    ],
    I.HAZARDOUS_CHEMICALS: [
        ("储罐区可燃气体检测报警器失效", "物的不安全状态", "储罐区"),
        ("加油站卸油未执行静电接地", "人的不安全行为", "卸油口"),
    ],
    I.CROWDED_PLACES: [
        ("安全出口上锁", "物的不安全状态", "安全出口"),
        ("消防控制室值班人员无证上岗", "人的不安全行为", "消防控制室"),
    ],
    I.MACHINERY: [
        ("机械设备防护罩缺失", "物的不安全状态", "车间"),
        ("粉尘涉爆区域使用非防爆电气", "物的不安全状态", "抛光间"),
    ],
    I.LIGHT_INDUSTRY: [
        ("有限空间作业未执行先通风再检测后作业", "人的不安全行为", "污水池"),
        ("涉氨制冷车间氨气报警装置失效", "物的不安全状态", "冷库"),
    ],
    I.COMMERCE_TRADE: [
        ("仓库货物超高堆放", "物的不安全状态", "仓库"),
        ("商场防火卷帘下堆放商品", "物的不安全状态", "卖场"),
    ],
}
MAJOR_INDUSTRIES = {
    I.HAZARDOUS_CHEMICALS,
    I.GAS,
    I.CONSTRUCTION,
    I.CROWDED_PLACES,
    I.MACHINERY,
    I.LIGHT_INDUSTRY,
}
SOURCES = [
    (HazardSource.INSPECTION, 55),
    (HazardSource.SELF_CHECK, 30),
    (HazardSource.LEADER_CHECK, 6),
    (HazardSource.COMPLAINT, 5),
    (HazardSource.OTHER, 4),
]
# Rectifications submitted in the last days still wait for acceptance (验收): each role opens the
# demo with work waiting for it, as on a real Monday morning.
RECENT_DAYS = 6
RESPONSIBLE = ["王建军", "李红", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏"]


@demo.generator("hazards", after=["enterprises", "accounts", "inspections"])
def hazards(ctx: demo.DemoContext) -> None:
    rng = ctx.rng("hazards")
    enterprises = list(
        Enterprise.objects.filter(region__code__startswith=ctx.district).values_list(
            "id", "region_id", "industry"
        )
    )
    bureau = Organisation.objects.get(kind=OrgKind.BUREAU, region_id=ctx.district)
    inspector = User.objects.filter(username="inspector").first()
    start = ctx.today - datetime.timedelta(days=3 * 365)
    count = int(len(enterprises) * HAZARDS_PER_ENTERPRISE_YEAR * 3)
    by_id = {e[0]: e for e in enterprises}
    inspections = [i for i in ctx.shared.get("inspections", []) if i[1] in by_id]
    rows, plans = [], []
    for _ in range(count):
        inspection_id = None
        if inspections and rng.random() < 0.55:  # most hazards are found by inspections
            inspection_id, enterprise_id, found = rng.choice(inspections)
            _id, region, industry = by_id[enterprise_id]
            source = HazardSource.INSPECTION
        else:
            enterprise_id, region, industry = rng.choice(enterprises)
            found = start + datetime.timedelta(days=rng.randrange((ctx.today - start).days + 1))
            source = rng.choices([s for s, _w in SOURCES], [w for _s, w in SOURCES])[0]
        major = industry in MAJOR_INDUSTRIES and rng.random() < 0.005
        description, category, location = rng.choice(COMMON + BY_INDUSTRY.get(industry, []))
        hazard = Hazard(
            enterprise_id=enterprise_id,
            region_id=region,
            industry=industry,
            description=description,
            category=category,
            location=location,
            found_at=found,
            inspection_id=inspection_id,
            level=HazardLevel.MAJOR if major else HazardLevel.GENERAL,
            source=source,
            reported_by=inspector,
        )
        plans.append(_life(rng, hazard, ctx.today, bureau))
        rows.append(hazard)
    extra = _demo_enterprise_work(ctx, inspector) + _open_major(ctx, enterprises, inspector, bureau)
    rows += [h for h, _events in extra]
    plans += [events for _h, events in extra]
    Hazard.objects.bulk_create(rows, batch_size=2000)
    HazardEvent.objects.bulk_create(
        [
            HazardEvent(hazard=h, actor=inspector, **event)
            for h, events in zip(rows, plans, strict=True)
            for event in events
        ],
        batch_size=5000,
    )


def _demo_enterprise_work(ctx: demo.DemoContext, inspector) -> list[tuple[Hazard, list[dict]]]:
    """The demo enterprise's user opens with work: a hazard due in three days, one whose
    evidence the inspector sent back, and one for which it asked more time (the bureau decides)."""
    enterprise = ctx.shared.get("demo_enterprise")
    if enterprise is None:
        return []
    found = ctx.today - datetime.timedelta(days=11)
    at = lambda day: datetime.datetime.combine(day, datetime.time(10, 30), datetime.UTC)  # noqa: E731
    work = []
    for (description, category, location), deadline, step in (
        (COMMON[1], ctx.today + datetime.timedelta(days=3), ""),
        (COMMON[3], ctx.today + datetime.timedelta(days=5), "reject"),
        (COMMON[7], ctx.today + datetime.timedelta(days=8), "request_extension"),
    ):
        hazard = Hazard(
            enterprise_id=enterprise.pk,
            region_id=enterprise.region_id,
            industry=enterprise.industry,
            description=description,
            category=category,
            location=location,
            found_at=found,
            level=HazardLevel.GENERAL,
            source=HazardSource.INSPECTION,
            reported_by=inspector,
            status=HazardStatus.RECTIFYING,
            deadline=deadline,
            measures="按整改通知书要求落实整改",
            responsible=RESPONSIBLE[0],
        )
        events = [
            _at_step("register", "", HazardStatus.REPORTED, at(found)),
            _at_step("assign", "reported", "rectifying", at(found)),
        ]
        if step == "request_extension":  # the drill needs a contractor: more time asked
            hazard.extension_requested_until = deadline + datetime.timedelta(days=20)
            events.append(_at_step(step, "rectifying", "rectifying", at(ctx.today)))
        if step == "reject":
            submitted = found + datetime.timedelta(days=4)
            events += [
                _at_step("submit", "rectifying", "awaiting_review", at(submitted)),
                _at_step(
                    "reject", "awaiting_review", "rectifying", at(submitted + datetime.timedelta(days=1))
                )
                | {"note": "照片未显示整改后的线路，请补充穿管保护后的现场照片"},
            ]
        work.append((hazard, events))
    return work


def _open_major(ctx: demo.DemoContext, enterprises, inspector, bureau) -> list[tuple[Hazard, list[dict]]]:
    """A major hazard under treatment, listed by the bureau three weeks ago: what the district's
    leaders follow (their to-do list) while it stays open."""
    site = next((e for e in enterprises if e[2] == I.CONSTRUCTION), None)
    if site is None:
        return []
    found = ctx.today - datetime.timedelta(days=21)
    listed = found + datetime.timedelta(days=2)
    at = lambda day: datetime.datetime.combine(day, datetime.time(10, 0), datetime.UTC)  # noqa: E731
    hazard = Hazard(
        enterprise_id=site[0],
        region_id=site[1],
        industry=site[2],
        description="深基坑支护结构出现裂缝且未停止作业",
        category="物的不安全状态",
        location="基坑",
        found_at=found,
        level=HazardLevel.MAJOR,
        source=HazardSource.INSPECTION,
        reported_by=inspector,
        status=HazardStatus.RECTIFYING,
        deadline=found + datetime.timedelta(days=90),
        measures="停止基坑作业，委托专业单位加固支护并监测",
        responsible=RESPONSIBLE[2],
        listing_level="county",
        listed_by=bureau,
        listed_on=listed,
    )
    events = [
        _at_step("register", "", HazardStatus.REPORTED, at(found)),
        _at_step("assign", "reported", "rectifying", at(found)),
        _at_step("list", "rectifying", "rectifying", at(listed)),
    ]
    return [(hazard, events)]


def _life(rng, h: Hazard, today: datetime.date, bureau) -> list[dict]:
    """Decide how far the hazard got, fill its dates, and return its timeline."""
    age = (today - h.found_at).days
    at = lambda day: datetime.datetime.combine(day, datetime.time(10, rng.randrange(60)), datetime.UTC)  # noqa: E731
    events = [{"action": "register", "to_status": HazardStatus.REPORTED, "at": at(h.found_at)}]
    roll = rng.random()
    if h.level == HazardLevel.GENERAL and roll < 0.35:  # most general hazards are put right on the spot
        h.rectified_at = h.verified_at = h.found_at
        h.status, h.measures, h.verifier = HazardStatus.RECTIFIED, "当场整改", "李执法"
        events.append(
            {
                "action": "rectify_on_site",
                "from_status": "reported",
                "to_status": "rectified",
                "at": at(h.found_at),
            }
        )
        return events + _closed(rng, h, today, at)
    h.deadline = h.found_at + datetime.timedelta(
        days=rng.randrange(60, 121) if h.level == HazardLevel.MAJOR else rng.randrange(7, 31)
    )
    h.measures, h.responsible = "按整改通知书要求落实整改", rng.choice(RESPONSIBLE)
    h.funds = Decimal(rng.randrange(2, 200) * 100 * (20 if h.level == HazardLevel.MAJOR else 1))
    h.status = HazardStatus.RECTIFYING
    events.append(
        {"action": "assign", "from_status": "reported", "to_status": "rectifying", "at": at(h.found_at)}
    )
    if h.level == HazardLevel.MAJOR and rng.random() < 0.6:
        h.listing_level, h.listed_by, h.listed_on = "county", bureau, h.found_at + datetime.timedelta(days=2)
        events.append(
            {"action": "list", "from_status": "rectifying", "to_status": "rectifying", "at": at(h.listed_on)}
        )
    late = rng.random() < 0.08  # a few finish after the deadline, a few not at all
    done_on = h.found_at + datetime.timedelta(
        days=rng.randrange(1, (h.deadline - h.found_at).days + (20 if late else 1))
    )
    if done_on > today or (age > 60 and rng.random() < 0.03):
        if h.deadline >= today and rng.random() < 0.15:  # asked for more time, not yet decided
            h.extension_requested_until = h.deadline + datetime.timedelta(days=rng.randrange(7, 31))
            events.append(_at_step("request_extension", "rectifying", "rectifying", at(today)))
        return events  # still open: overdue when its deadline has passed
    if (today - done_on).days < RECENT_DAYS:  # put right this week: the evidence waits for 验收
        h.status = HazardStatus.AWAITING_REVIEW
        return events + [_at_step("submit", "rectifying", "awaiting_review", at(done_on))]
    h.rectified_at, h.verified_at, h.verifier = (
        done_on,
        min(done_on + datetime.timedelta(days=2), today),
        "李执法",
    )
    h.status = HazardStatus.RECTIFIED
    events += [
        {"action": "submit", "from_status": "rectifying", "to_status": "awaiting_review", "at": at(done_on)},
        {
            "action": "approve",
            "from_status": "awaiting_review",
            "to_status": "rectified",
            "at": at(h.verified_at),
        },
    ]
    return events + _closed(rng, h, today, at)


def _at_step(action: str, before: str, after: str, moment: datetime.datetime) -> dict:
    return {"action": action, "from_status": before, "to_status": after, "at": moment}


def _closed(rng, h: Hazard, today: datetime.date, at) -> list[dict]:
    closed_on = h.verified_at + datetime.timedelta(days=rng.randrange(0, 10))
    if closed_on > today or rng.random() < 0.3:
        return []
    h.closed_at, h.status = closed_on, HazardStatus.CLOSED
    return [{"action": "close", "from_status": "rectified", "to_status": "closed", "at": at(closed_on)}]
