"""Preparedness in 芙蓉区 over three years: the 县乡村 teams (the district's 突击队 of 50-odd, a team
of about 30 per street, some a few short, a village team in a few communities' streets),
professional and social teams, an expert pool, the district's plans (总体, 专项, 部门, 基层) with
their measures per response level — one overdue for review and one a drill found wanting — and
drills through each year with an annual drill plan. The information officers are the warnings
demo's contacts register. In bulk."""

import datetime

from yingji.accounts.models import User
from yingji.core import demo
from yingji.preparedness.choices import DrillType, ExpertField, PlanLevel, PlanType, TeamLevel
from yingji.preparedness.models import Drill, DrillTarget, Expert, Plan, Team, TeamMember
from yingji.preparedness.services import plan_review_due
from yingji.regions.models import Region

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红斌波辉鹏宇浩"
CERTIFICATES = ["救生员证", "冲锋舟驾驶证", "急救员证", "电工作业证", "高处作业证", "消防员职业资格证"]
EQUIPMENT = [
    "冲锋舟 2艘",
    "救生衣 60件",
    "抽水泵 4台",
    "发电机 2台",
    "应急照明灯 20盏",
    "铁锹 50把",
    "沙袋 2000个",
]
MEASURES = {
    "IV": [
        "区防指办公室24小时值班，密切监视雨情水情",
        "各街道巡查险工险段，做好转移准备",
        "抢险队伍在岗待命",
    ],
    "III": ["区防指副指挥长到岗指挥", "预置抢险队伍和物资至重点区域", "转移低洼地带和危险区域群众"],
    "II": ["区防指指挥长坐镇指挥，启动24小时领导带班", "全区抢险队伍集结，应转尽转"],
    "I": ["区委区政府主要领导指挥，全区进入紧急防汛期", "请求市防指和驻军支援"],
}
PLANS = [  # title, level, type, approved (years ago, month), filed, measures
    ("芙蓉区突发事件总体应急预案", PlanLevel.OVERALL, PlanType.OTHER, (2, 3), True, True),
    ("芙蓉区防汛应急预案", PlanLevel.SPECIAL, PlanType.FLOOD, (1, 4), True, True),
    ("芙蓉区生产安全事故应急预案", PlanLevel.SPECIAL, PlanType.PRODUCTION_ACCIDENT, (3, 2), True, True),
    ("芙蓉区地震应急预案", PlanLevel.SPECIAL, PlanType.EARTHQUAKE, (2, 9), True, False),
    ("芙蓉区地质灾害应急预案", PlanLevel.SPECIAL, PlanType.GEOLOGICAL, (0, 3), True, True),
    ("芙蓉区危险化学品事故应急预案", PlanLevel.DEPARTMENT, PlanType.PRODUCTION_ACCIDENT, (1, 7), True, False),
    ("芙蓉区建筑施工安全事故应急预案", PlanLevel.DEPARTMENT, PlanType.PRODUCTION_ACCIDENT, (0, 8), False, False),
]  # fmt: skip
DRILLS = ["防汛抢险综合应急演练", "群众转移避险演练", "危化品泄漏处置桌面推演", "地震应急疏散演练",
          "消防灭火和应急疏散演练", "有限空间作业事故救援演练", "燃气泄漏事故应急演练"]  # fmt: skip


def _name(rng) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _phone(rng) -> str:
    return f"1{rng.choice('3589')}{rng.randrange(10**9):09d}"


def _team(sizes: list[int], *, size: int, **fields) -> Team:
    sizes.append(size)
    return Team(**fields)


def _years_ago(today: datetime.date, years: int, month: int) -> datetime.date:
    return datetime.date(today.year - years, month, 15)


@demo.generator("preparedness", after=["accounts"])
def preparedness(ctx: demo.DemoContext) -> None:
    rng = ctx.rng("preparedness")
    district = Region.objects.filter(code=ctx.district).first()
    if district is None:
        return
    streets = list(Region.objects.filter(code__startswith=ctx.district, level="street").order_by("code"))
    bureau = User.objects.filter(username="bureau").first()
    start = ctx.today - datetime.timedelta(days=3 * 365)
    sizes: list[int] = []
    teams = [_team(sizes, name="芙蓉区应急抢险突击队", level=TeamLevel.COUNTY, specialty="防汛抢险", region=district,
                  founded_on=start, size=55)]  # fmt: skip
    for n, street in enumerate(streets):
        teams.append(_team(sizes, name=f"{street.name}应急抢险突击队", level=TeamLevel.TOWNSHIP, specialty="防汛抢险",
                          region=street, founded_on=start, size=30 if n % 5 else 24))  # fmt: skip
        if n % 3 == 0:
            teams.append(_team(sizes, name=f"{street.name}社区应急分队", level=TeamLevel.VILLAGE, specialty="巡查转移",
                              region=street, founded_on=start + datetime.timedelta(days=200), size=rng.choice((8, 12))))  # fmt: skip
    for name, level, specialty, size in (("芙蓉区蓝天救援队", TeamLevel.SOCIAL, "水域救援", 40),
                                         ("长沙燃气芙蓉抢修队", TeamLevel.ENTERPRISE, "燃气抢修", 18),
                                         ("芙蓉区危化品应急救援队", TeamLevel.PROFESSIONAL, "危险化学品", 25)):  # fmt: skip
        teams.append(
            _team(
                sizes,
                name=name,
                level=level,
                specialty=specialty,
                region=district,
                founded_on=start,
                size=size,
            )
        )
    for t in teams:
        t.leader, t.phone = _name(rng), _phone(rng)
        t.equipment = rng.sample(EQUIPMENT, 3)
    teams = Team.objects.bulk_create(teams)
    members = []
    for t, size in zip(teams, sizes, strict=True):
        for n in range(size):
            certs = rng.sample(CERTIFICATES, rng.choice((0, 0, 1, 2)))
            members.append(TeamMember(team=t, name=_name(rng), phone=f"139{t.pk % 1000:03d}{n:05d}",
                                      position="队长" if n == 0 else "队员", certificates=certs))  # fmt: skip
    TeamMember.objects.bulk_create(members, batch_size=1000)

    Expert.objects.bulk_create(
        Expert(name=_name(rng), field=rng.choice(ExpertField.values), phone=_phone(rng), region=district,
               employer=rng.choice(["中南大学", "湖南大学", "长沙市应急管理局", "湖南省安科院", "区住建局"]),
               title=rng.choice(["教授", "高级工程师", "工程师", "主任医师"]), available=rng.random() > 0.15,
               joined_on=start + datetime.timedelta(days=rng.randrange(900)))
        for _ in range(24)
    )  # fmt: skip

    plans = []
    for title, level, type_, (years, month), filed, measures in PLANS:
        approved = _years_ago(ctx.today, years, month)
        if approved > ctx.today:
            approved = approved.replace(year=approved.year - 1)
        p = Plan(title=title, level=level, type=type_, region=district, version=f"{ctx.today.year - years}版",
                 approved_on=approved, filed_on=approved + datetime.timedelta(days=20) if filed else None,
                 filed_with="长沙市应急管理局" if filed else "", owner=bureau, measures=MEASURES if measures else {})  # fmt: skip
        if p.filed_on and p.filed_on > ctx.today:
            p.filed_on = ctx.today
        plans.append(p)
    drills = []
    for year in range(start.year, ctx.today.year + 1):
        for street in [district, *streets]:
            DrillTarget.objects.get_or_create(
                region=street, year=year, defaults={"target": 4 if street == district else 2}
            )
        for _n in range(14):
            day = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(365))
            if not start <= day <= ctx.today:
                continue
            region = rng.choice([district, district, *streets])
            title = rng.choice(DRILLS)
            drills.append(Drill(title=f"{region.name}{title}", held_on=day, region=region,
                                type=rng.choice(DrillType.values), participants=rng.randrange(40, 400),
                                organiser=f"{region.name}应急管理局" if region == district else f"{region.name}办事处",
                                scenario="模拟强降雨导致内涝，低洼地带群众需转移", evaluation="响应迅速，组织有序",
                                follow_ups=["完善转移路线图"] if rng.random() < 0.3 else [], created_by=bureau))  # fmt: skip
    # A flood drill last season found the flood plan wanting: its review falls due on that day.
    flood = plans[1]
    found = datetime.date(ctx.today.year if ctx.today.month > 6 else ctx.today.year - 1, 6, 18)
    flood.needs_revision, flood.revision_flagged_on = True, found
    flood.revision_reason = "演练发现部分社区转移路线不清、预警叫应不到位"
    for p in plans:
        p.review_due = plan_review_due(p)
    plans = Plan.objects.bulk_create(plans)
    drills.append(Drill(title="芙蓉区防汛抢险和群众转移避险综合应急演练", held_on=found, region=district,
                        type=DrillType.COMBINED, participants=600, plan=plans[1], organiser="芙蓉区防汛抗旱指挥部",
                        scenario="模拟浏阳河超警戒水位，沿线社区群众转移", evaluation="总体有序，部分环节衔接不畅",
                        problems=flood.revision_reason, follow_ups=["修订防汛应急预案", "更新社区转移路线图"],
                        created_by=bureau))  # fmt: skip
    Drill.objects.bulk_create(drills, batch_size=500)
