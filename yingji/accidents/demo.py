"""Three years of accidents in 芙蓉区 at an urban district's rates: a few production accidents a
year (mostly one death or injuries only), a few dozen road traffic accidents, one or two dozen
fires, the odd natural disaster; some reported late, some with follow-up reports (one of them
after the legal window), investigations closed with their follow-up measures."""

import datetime
from decimal import Decimal
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone, translation

from yingji.accidents import deadlines, grading
from yingji.accidents.choices import AccidentDomain as D
from yingji.accidents.choices import AccidentKind as K
from yingji.accidents.choices import InvestigationStatus, ReportSource, UpdateKind
from yingji.accidents.models import Accident, AccidentMeasure, AccidentReport, AccidentUpdate
from yingji.core import demo
from yingji.core.industries import INDUSTRY_MINING_COMMERCE, Industry
from yingji.enterprises.demo import ROADS
from yingji.enterprises.models import Enterprise

BEIJING = ZoneInfo("Asia/Shanghai")
YEARS = 3
# Accidents a year (low, high) by kind; an urban district sees a forest fire once in years.
RATES = {K.PRODUCTION: (3, 6), K.ROAD_TRAFFIC: (20, 40), K.FIRE: (10, 25), K.NATURAL_DISASTER: (0, 2)}
FOREST_FIRE_CHANCE = 0.5  # in the three years
STEP_LATE_SHARE = 0.05  # a level passing the report on after its two hours
# Production accidents: domain weight, the industries of its enterprises, GB 6441 categories.
PRODUCTION = {
    D.CONSTRUCTION: (40, {Industry.CONSTRUCTION}, ["09", "10", "01", "04", "05"]),
    D.INDUSTRY_MINING_COMMERCE: (30, set(INDUSTRY_MINING_COMMERCE), ["03", "19", "05", "07", "01"]),
    D.ROAD_TRANSPORT: (15, {Industry.ROAD_TRANSPORT}, ["02"]),
    D.FIRE: (5, {Industry.CROWDED_PLACES, Industry.COMMERCE_TRADE}, ["08"]),
    D.OTHER: (10, {Industry.SPECIAL_EQUIPMENT, Industry.GAS, Industry.OTHER}, ["04", "18", "20"]),
}
SUMMARIES = {
    "01": "施工现场物料坠落砸中作业人员。",
    "02": "货运车辆在作业中与行人发生碰撞。",
    "03": "员工在设备运转中清理物料，手部被卷入。",
    "04": "塔吊吊运钢筋时吊物脱落。",
    "05": "维修人员带电作业触电。",
    "07": "操作人员被高温物料烫伤。",
    "08": "经营场所电气线路故障引发火灾。",
    "09": "作业人员在脚手架上作业时坠落。",
    "10": "基坑边坡局部坍塌。",
    "18": "餐饮店液化气钢瓶泄漏遇明火爆燃。",
    "19": "作业人员进入污水井有限空间作业中毒窒息。",
    "20": "作业过程中发生其他伤害。",
}
FIRE_PLACES = ["居民楼", "临街商铺", "老旧小区", "电动自行车停放点", "出租屋", "餐饮店后厨"]
DISASTERS = [
    ("06", "强降雨致低洼路段积水，一人落水"),
    ("10", "持续降雨致老旧围墙倒塌"),
    ("20", "雷雨大风致广告牌掉落"),
]
POLICE = "长沙市公安局交通警察支队芙蓉大队"
FIRE_SERVICE = "芙蓉区消防救援大队"


class Unit(NamedTuple):
    """An enterprise as the generator needs it (tuples load far faster than model instances)."""

    id: int
    name: str
    address: str
    industry: str
    region_id: str


def _at(rng, day: datetime.date) -> datetime.datetime:
    hour = rng.choices(range(24), weights=[1] * 6 + [4] * 16 + [2] * 2)[0]
    return datetime.datetime(day.year, day.month, day.day, hour, rng.randrange(60), tzinfo=BEIJING)


def _reported(rng, occurred: datetime.datetime, late_share: float) -> datetime.datetime:
    if rng.random() < late_share:
        return occurred + datetime.timedelta(minutes=rng.randrange(75, 8 * 60))
    return occurred + datetime.timedelta(minutes=rng.randrange(8, 58))


def _production(rng, streets: list[str], enterprises: dict) -> dict:
    domains = list(PRODUCTION)
    domain = rng.choices(domains, [PRODUCTION[d][0] for d in domains])[0]
    _weight, industries, categories = PRODUCTION[domain]
    candidates = [e for industry in industries for e in enterprises.get(industry, [])] or enterprises[None]
    enterprise = rng.choice(candidates)
    category = rng.choice(categories)
    deaths = rng.choices([0, 1, 2], [35, 60, 5])[0]
    return {
        "kind": K.PRODUCTION,
        "domain": domain,
        "enterprise_id": enterprise.id,
        "region_id": enterprise.region_id,
        "industry": enterprise.industry,
        "category": category,
        "place": enterprise.address or enterprise.name,
        "summary": SUMMARIES[category],
        "deaths": deaths,
        "serious_injuries": rng.choices([0, 1, 2, 3], [40, 35, 20, 5])[0] if deaths < 2 else 0,
        "minor_injuries": rng.choices([0, 1, 2], [60, 30, 10])[0],
        "direct_loss": Decimal(rng.randrange(80, 1800) * 1000),
        "report_source": rng.choices(
            [ReportSource.UNIT, ReportSource.EMERGENCY_CALL, ReportSource.PUBLIC], [70, 20, 10]
        )[0],
    }


def _road(rng, streets: list[str], enterprises: dict) -> dict:
    deaths = rng.choices([0, 1, 2], [75, 22, 3])[0]
    return {
        "kind": K.ROAD_TRAFFIC,
        "category": "02",
        "region_id": rng.choice(streets),
        "place": f"{rng.choice(ROADS)}与{rng.choice(ROADS)}交叉路口",
        "summary": rng.choice(
            ["小型汽车与电动自行车碰撞。", "两车追尾。", "车辆与行人发生碰撞。", "摩托车侧翻。"]
        ),
        "deaths": deaths,
        "serious_injuries": rng.choices([0, 1, 2], [50, 40, 10])[0],
        "minor_injuries": rng.choices([0, 1, 2, 3], [30, 40, 20, 10])[0],
        "direct_loss": Decimal(rng.randrange(2, 90) * 1000),
        "report_source": rng.choice([ReportSource.POLICE, ReportSource.EMERGENCY_CALL]),
    }


def _fire(rng, streets: list[str], enterprises: dict) -> dict:
    return {
        "kind": K.FIRE,
        "category": "08",
        "region_id": rng.choice(streets),
        "place": f"{rng.choice(ROADS)}{rng.randrange(1, 400)}号{rng.choice(FIRE_PLACES)}",
        "summary": rng.choice(
            ["电气线路短路引燃可燃物。", "电动自行车充电起火。", "厨房用火不慎。", "遗留火种引燃杂物。"]
        ),
        "deaths": rng.choices([0, 1], [96, 4])[0],
        "serious_injuries": rng.choices([0, 1], [90, 10])[0],
        "minor_injuries": rng.choices([0, 1, 2], [75, 20, 5])[0],
        "direct_loss": Decimal(rng.randrange(3, 400) * 1000),
        "report_source": rng.choice([ReportSource.FIRE_RESCUE, ReportSource.EMERGENCY_CALL]),
    }


def _disaster(rng, streets: list[str], enterprises: dict) -> dict:
    category, summary = rng.choice(DISASTERS)
    return {
        "kind": K.NATURAL_DISASTER,
        "category": category,
        "region_id": rng.choice(streets),
        "place": f"{rng.choice(ROADS)}沿线",
        "summary": summary,
        "deaths": rng.choices([0, 1], [85, 15])[0],
        "serious_injuries": rng.choices([0, 1], [80, 20])[0],
        "minor_injuries": rng.randrange(0, 3),
        "direct_loss": Decimal(rng.randrange(10, 300) * 1000),
        "report_source": ReportSource.STREET,
    }


def _forest_fire(rng, streets: list[str], enterprises: dict) -> dict:
    return {
        "kind": K.FOREST_FIRE,
        "category": "08",
        "region_id": rng.choice(streets),
        "place": "浏阳河风光带林地",
        "summary": "林下枯枝落叶被遗留火种引燃，过火面积约0.3公顷。",
        "direct_loss": Decimal(rng.randrange(5, 40) * 1000),
        "report_source": ReportSource.PUBLIC,
    }


MAKERS = {
    K.PRODUCTION: _production,
    K.ROAD_TRAFFIC: _road,
    K.FIRE: _fire,
    K.NATURAL_DISASTER: _disaster,
    K.FOREST_FIRE: _forest_fire,
}


def _investigate(rng, accident: Accident, age: int, measures: list, names: dict) -> None:
    """Where the investigation stands, by the accident's age in days."""
    occurred_on = deadlines.occurred_on(accident.occurred_at)
    if accident.kind != K.PRODUCTION:
        if age > 60:  # handled by the police, the fire service or the flood-control office
            body = {K.ROAD_TRAFFIC: POLICE, K.FIRE: FIRE_SERVICE}.get(accident.kind, "芙蓉区防汛抗旱指挥部")
            accident.status, accident.investigation_body = InvestigationStatus.CLOSED, body
            accident.closed_on = occurred_on + datetime.timedelta(days=rng.randrange(20, 55))
        return
    if age < 3:
        return
    accident.status = InvestigationStatus.INVESTIGATING
    with translation.override(settings.LANGUAGE_CODE):  # the authority's Chinese name
        accident.investigation_body = accident.investigating_authority
    accident.investigation_team = (
        "组长：区应急管理局分管副局长；成员：区应急管理局、公安分局、人社局、总工会及行业主管部门"
    )
    accident.investigation_started_on = occurred_on + datetime.timedelta(days=rng.randrange(1, 3))
    report_after = rng.randrange(35, 80)
    if report_after > deadlines.INVESTIGATION_DAYS:
        accident.extension_days, accident.extension_reason = 30, "需进行技术鉴定"
    if age <= report_after:
        return
    accident.status = InvestigationStatus.REPORT_APPROVED
    accident.report_approved_on = occurred_on + datetime.timedelta(days=report_after)
    accident.conclusion = "经调查认定，该起事故是一起一般生产安全责任事故。"
    accident.responsibility_findings = (
        "事故单位安全生产主体责任落实不到位，对现场作业人员安全教育培训不到位。"
    )
    items = ["开展全员安全生产教育培训", "完善并落实现场安全管理制度", "对同类作业场所开展隐患排查"]
    closed = age > report_after + 20
    for index, item in enumerate(items[: rng.randrange(2, 4)]):
        done = closed and (index == 0 or rng.random() < 0.85)
        measures.append(
            AccidentMeasure(
                accident=accident,
                description=item,
                responsible=names.get(accident.enterprise_id, ""),
                due_on=accident.report_approved_on + datetime.timedelta(days=30),
                completed_on=accident.report_approved_on + datetime.timedelta(days=rng.randrange(5, 25))
                if done
                else None,
            )
        )
    if closed:
        accident.status = InvestigationStatus.CLOSED
        accident.closed_on = accident.report_approved_on + datetime.timedelta(days=rng.randrange(10, 20))


def _steps(rng, accident: Accident) -> list[AccidentReport]:
    """The report climbing the chain: the first report reaches the county level, each level
    passes it on, now and then after its two hours (迟报); none is dated ahead of now."""
    steps, made_at, now = [], accident.reported_at, timezone.now()
    for level, _deadline in accident.report_chain:
        if made_at > now:
            break
        steps.append(AccidentReport(accident=accident, level=level, made_at=made_at))
        late = rng.random() < STEP_LATE_SHARE
        made_at += datetime.timedelta(minutes=rng.randrange(125, 240) if late else rng.randrange(15, 110))
    return steps


def _initial(accident: Accident) -> AccidentUpdate:
    return AccidentUpdate(
        accident=accident,
        kind=UpdateKind.INITIAL,
        changed_on=deadlines.occurred_on(accident.occurred_at),
        reported_at=accident.reported_at,
        reason="首报",
        grade=accident.grade,
        counts=True,
        **accident.figures(),
    )


def _died_later(accident: Accident, changed_on: datetime.date, counts: bool, reason: str) -> AccidentUpdate:
    """A seriously injured person dies: a follow-up report (续报)."""
    figures = accident.figures() | {
        "deaths": accident.deaths + 1,
        "serious_injuries": accident.serious_injuries - 1,
    }
    update = AccidentUpdate(
        accident=accident,
        kind=UpdateKind.UPDATE,
        changed_on=changed_on,
        reported_at=datetime.datetime.combine(changed_on, datetime.time(16, 0), tzinfo=BEIJING),
        reason=reason,
        before={k: str(v) if k == "direct_loss" else v for k, v in accident.figures().items()},
        grade=grading.grade(
            figures["deaths"] + figures["missing"], figures["serious_injuries"], figures["direct_loss"]
        ),
        counts=counts,
        **figures,
    )
    if counts:
        accident.deaths, accident.serious_injuries, accident.grade = (
            figures["deaths"],
            figures["serious_injuries"],
            update.grade,
        )
    return update


@demo.generator("accidents", after=["enterprises"])
def accidents(ctx: demo.DemoContext) -> None:
    rng = ctx.rng("accidents")
    streets = ctx.shared["streets"]
    enterprises: dict = {None: []}
    fields = ("id", "name", "address", "industry", "region_id")
    for row in Enterprise.objects.filter(region__code__startswith=ctx.district).values_list(*fields):
        unit = Unit(*row)
        enterprises.setdefault(unit.industry, []).append(unit)
        enterprises[None].append(unit)
    names = {unit.id: unit.name for unit in enterprises[None]}
    kinds = [
        kind
        for kind, (low, high) in RATES.items()
        for _ in range(YEARS)
        for _ in range(rng.randint(low, high))
    ]
    if rng.random() < FOREST_FIRE_CHANCE:
        kinds.append(K.FOREST_FIRE)
    rows = []
    for kind in kinds:
        day = ctx.today - datetime.timedelta(days=1 + rng.randrange(YEARS * 365))
        rows.append((day, MAKERS[kind](rng, streets, enterprises)))
    rows.sort(key=lambda row: row[0])

    accidents, measures = [], []
    for day, values in rows:
        occurred = _at(rng, day)
        accident = Accident(
            occurred_at=occurred,
            reported_at=_reported(rng, occurred, late_share=0.2 if values["kind"] == K.PRODUCTION else 0.08),
            industry=values.pop("industry", Industry.OTHER),
            domain=values.pop("domain", ""),
            **values,
        )
        accident.grade = grading.grade(
            accident.deaths_and_missing, accident.serious_injuries, accident.direct_loss
        )
        accidents.append(accident)
    # Follow-up reports: some injured die within the window; one dies after it (recorded, not counted).
    updates = []
    injured = [
        a
        for a in accidents
        if a.serious_injuries and (ctx.today - deadlines.occurred_on(a.occurred_at)).days > 40
    ]
    late_death = rng.choice([a for a in injured if a.kind == K.PRODUCTION] or injured)
    for accident in rng.sample(injured, k=min(len(injured), max(3, len(injured) // 10))):
        if accident is late_death:
            continue
        days = rng.randrange(1, deadlines.update_window_days(accident.kind, accident.domain) + 1)
        changed_on = deadlines.occurred_on(accident.occurred_at) + datetime.timedelta(days=days)
        updates.append(_died_later(accident, changed_on, True, "重伤人员经抢救无效死亡"))
    after_window = late_death.update_window_end + datetime.timedelta(days=5)
    updates.append(_died_later(late_death, after_window, False, "重伤人员在事故发生后逾期死亡"))
    for accident in accidents:
        _investigate(
            rng, accident, (ctx.today - deadlines.occurred_on(accident.occurred_at)).days, measures, names
        )

    Accident.objects.bulk_create(accidents, batch_size=500)
    initial = [_initial(a) for a in accidents]
    # The first report holds the figures as first reported, before any follow-up.
    for update in updates:
        first = next(u for u in initial if u.accident is update.accident)
        for name, value in update.before.items():
            setattr(first, name, Decimal(value) if name == "direct_loss" else value)
        first.grade = grading.grade(first.deaths + first.missing, first.serious_injuries, first.direct_loss)
    AccidentUpdate.objects.bulk_create(initial + updates, batch_size=500)
    AccidentMeasure.objects.bulk_create(measures, batch_size=500)
    steps = [step for accident in accidents for step in _steps(rng, accident)]
    AccidentReport.objects.bulk_create(steps, batch_size=500)
