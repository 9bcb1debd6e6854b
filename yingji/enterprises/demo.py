"""About 2,000 enterprises spread over 芙蓉区's streets and the industries of an urban district,
with the registry facts bureaus track: risk grades mostly 一般 and 低, a few major hazard
sources among fuel and gas sellers, dust and ammonia among workshops and food makers."""

from decimal import Decimal

from stdnum.cn import uscc

from yingji.accounts.choices import OrgKind
from yingji.accounts.models import Organisation
from yingji.core import demo
from yingji.core.industries import Industry as I  # noqa: E741
from yingji.enterprises.choices import EnterpriseStatus, RiskGrade, Scale, StandardisationGrade
from yingji.enterprises.models import Enterprise

# Weight, name ending, employees range: an urban district is mostly trade, services and building.
PROFILE = {
    I.COMMERCE_TRADE: (30, ["商贸有限公司", "超市有限公司", "百货有限公司", "餐饮管理有限公司"], (5, 300)),
    I.CROWDED_PLACES: (16, ["酒店有限公司", "娱乐有限公司", "商业管理有限公司", "影城有限公司"], (10, 400)),
    I.CONSTRUCTION: (10, ["建筑工程有限公司", "建设集团有限公司", "装饰工程有限公司"], (20, 800)),
    I.LIGHT_INDUSTRY: (6, ["食品有限公司", "印务有限公司", "家具有限公司"], (10, 200)),
    I.MACHINERY: (5, ["机电设备有限公司", "机械制造有限公司"], (10, 300)),
    I.ROAD_TRANSPORT: (5, ["物流有限公司", "运输有限公司", "客运有限公司"], (10, 500)),
    I.GAS: (2, ["燃气有限公司", "液化气经营部"], (5, 120)),
    I.HAZARDOUS_CHEMICALS: (3, ["石油加油站", "化工贸易有限公司"], (5, 80)),
    I.SPECIAL_EQUIPMENT: (4, ["电梯工程有限公司", "锅炉安装有限公司"], (5, 100)),
    I.TEXTILE: (2, ["服饰有限公司", "纺织品有限公司"], (10, 200)),
    I.BUILDING_MATERIALS: (2, ["建材有限公司", "混凝土有限公司"], (10, 200)),
    I.TOBACCO: (1, ["烟草零售有限公司"], (3, 30)),
    I.TOURISM: (2, ["文化旅游有限公司", "景区管理有限公司"], (10, 150)),
    I.EDUCATION: (4, ["培训学校", "幼儿园"], (10, 200)),
    I.HEALTHCARE: (4, ["医院", "诊所", "养老服务中心"], (10, 600)),
    I.OTHER: (4, ["物业管理有限公司", "科技有限公司", "服务有限公司"], (5, 200)),
}
BRANDS = list(
    "湘芙星楚岳麓潇橘韶松荷盛恒嘉德润华信诚达远鸿泰安宏兴隆祥瑞丰源鑫万通博雅创新锦程顺和金辉凯越明宇天晟"
)
ROADS = [
    "五一大道",
    "芙蓉中路",
    "八一路",
    "解放西路",
    "人民东路",
    "远大一路",
    "车站北路",
    "韶山北路",
    "东二环一段",
    "营盘东路",
    "晚报大道",
    "古汉路",
    "马王堆路",
    "隆平路",
    "合平路",
    "朝阳路",
    "人民中路",
    "建湘路",
    "蔡锷中路",
]


# Plausible GB/T 4754 codes for each industry's businesses.
GBT4754 = {
    I.COMMERCE_TRADE: ["F5211", "F5212", "H6210", "F5299"],
    I.CROWDED_PLACES: ["H6110", "R9011", "R8760", "L72"],
    I.CONSTRUCTION: ["E4710", "E4819", "E5011"],
    I.LIGHT_INDUSTRY: ["C14", "C2319", "C2110"],
    I.MACHINERY: ["C34", "C35", "C3311"],
    I.ROAD_TRANSPORT: ["G54"],
    I.GAS: ["D45"],
    I.HAZARDOUS_CHEMICALS: ["F5265", "F51"],
    I.SPECIAL_EQUIPMENT: ["E49", "C34"],
    I.TEXTILE: ["C18", "C17"],
    I.BUILDING_MATERIALS: ["C3021", "C30"],
    I.TOBACCO: ["F5227"],
    I.TOURISM: ["N78", "R90"],
    I.EDUCATION: ["P83"],
    I.HEALTHCARE: ["Q84"],
    I.OTHER: ["K7020", "I65", "O80"],
}
# Chance of each special risk, by industry.
DUST = {I.MACHINERY: 0.25, I.LIGHT_INDUSTRY: 0.2, I.TEXTILE: 0.1, I.BUILDING_MATERIALS: 0.15}
CONFINED = {
    I.LIGHT_INDUSTRY: 0.3,
    I.GAS: 0.3,
    I.HAZARDOUS_CHEMICALS: 0.3,
    I.CONSTRUCTION: 0.15,
    I.MACHINERY: 0.1,
    I.COMMERCE_TRADE: 0.03,
    I.OTHER: 0.05,
}
MAJOR_HAZARD_SOURCE = {I.HAZARDOUS_CHEMICALS: 0.25, I.GAS: 0.2}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢谭廖贺龚易"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志红文斌辉海波宇鹏飞琳晨湘岳"


def _uscc(rng) -> str:
    # 9 (工商) + 1 (enterprise) + 430102 + 9-character organisation code, then the check digit.
    body = "91430102" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
    return body + uscc.calc_check_digit(body)


def _name(rng, suffixes: list[str], used: set[str]) -> str:
    while True:
        name = f"长沙{rng.choice(BRANDS)}{rng.choice(BRANDS)}{rng.choice(suffixes)}"
        if name not in used:
            used.add(name)
            return name


def _person(rng) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _mobile(rng) -> str:
    return f"1{rng.choice('3578')}{rng.randrange(10**9):09d}"


def _scale(employees: int) -> str:
    # The industrial thresholds of the statistical size classification, by head count only.
    if employees >= 1000:
        return Scale.LARGE
    if employees >= 300:
        return Scale.MEDIUM
    return Scale.SMALL if employees >= 20 else Scale.MICRO


def _risk(rng, industry: str, major_hazard_source: bool) -> str:
    roll = rng.random()
    if major_hazard_source:
        return RiskGrade.MAJOR if roll < 0.4 else RiskGrade.RELATIVELY_HIGH
    high = industry in (I.HAZARDOUS_CHEMICALS, I.GAS, I.CONSTRUCTION, I.CROWDED_PLACES)
    if roll < (0.02 if high else 0.005):
        return RiskGrade.MAJOR
    if roll < (0.15 if high else 0.05):
        return RiskGrade.RELATIVELY_HIGH
    return RiskGrade.GENERAL if roll < (0.7 if high else 0.45) else RiskGrade.LOW


def _facts(rng, industry: str, name: str, employees: int, departments: dict) -> dict:
    """The registry facts of one enterprise, consistent with each other and with its trade."""
    major = rng.random() < MAJOR_HAZARD_SOURCE.get(industry, 0)
    food = "食品" in name
    ammonia = food and rng.random() < 0.4 or industry == I.COMMERCE_TRADE and rng.random() < 0.01
    big = employees >= 100
    return {
        "gbt4754_code": rng.choice(GBT4754[industry]),
        "scale": _scale(employees),
        "risk_grade": _risk(rng, industry, major),
        "supervising_department_id": departments.get(industry),
        "legal_representative": _person(rng),
        "phone": f"0731-8{rng.randrange(10**7):07d}",
        "safety_manager": _person(rng),
        "safety_manager_phone": _mobile(rng),
        "status": rng.choices(
            [EnterpriseStatus.OPERATING, EnterpriseStatus.SUSPENDED, EnterpriseStatus.CLOSED], [94, 4, 2]
        )[0],
        "is_major_hazard_source": major,
        "major_hazard_source_grade": rng.choice((2, 3, 3, 4, 4, 4)) if major else None,
        "dust_explosion": rng.random() < DUST.get(industry, 0) or food and rng.random() < 0.1,
        "ammonia_refrigeration": ammonia,
        "confined_space": rng.random() < CONFINED.get(industry, 0),
        "safety_director_appointed": big and rng.random() < 0.6 or major,
        "standardisation_grade": rng.choices(
            [
                StandardisationGrade.LEVEL_1,
                StandardisationGrade.LEVEL_2,
                StandardisationGrade.LEVEL_3,
                StandardisationGrade.NONE,
            ],
            [1, 6, 25, 68] if big or major else [0, 1, 12, 87],
        )[0],
        "liability_insurance": rng.random() < (0.9 if major or industry in DUST else 0.45),
    }


def _departments(ctx: demo.DemoContext) -> dict[str, int]:
    """Industry -> the first member department (in the committee's order) supervising it."""
    by_industry: dict[str, int] = {}
    departments = Organisation.objects.filter(kind=OrgKind.DEPARTMENT, region_id=ctx.district).order_by("pk")
    for pk, industries in departments.values_list("pk", "industries"):
        for industry in industries:
            by_industry.setdefault(industry, pk)
    return by_industry


@demo.generator("enterprises", after=["organisations"])
def enterprises(ctx: demo.DemoContext) -> None:
    rng = ctx.rng("enterprises")
    industries = list(PROFILE)
    weights = [PROFILE[i][0] for i in industries]
    streets = ctx.shared["streets"]
    departments = _departments(ctx)
    names: set[str] = set()
    codes: set[str] = set()
    rows = []
    for _ in range(ctx.count("enterprises")):
        industry = rng.choices(industries, weights)[0]
        _weight, suffixes, (low, high) = PROFILE[industry]
        code = _uscc(rng)
        while code in codes:
            code = _uscc(rng)
        codes.add(code)
        name = _name(rng, suffixes, names)
        employees = rng.randrange(low, high)
        rows.append(
            Enterprise(
                uscc=code,
                name=name,
                region_id=rng.choice(streets),
                address=f"长沙市芙蓉区{rng.choice(ROADS)}{rng.randrange(1, 600)}号",
                industry=industry,
                employees=employees,
                latitude=Decimal(f"{rng.uniform(28.165, 28.225):.6f}"),
                longitude=Decimal(f"{rng.uniform(112.975, 113.115):.6f}"),
                **_facts(rng, industry, name, employees, departments),
            )
        )
    Enterprise.objects.bulk_create(rows, batch_size=1000)
    # The demo enterprise account belongs to an operating business.
    ctx.shared["demo_enterprise"] = (
        Enterprise.objects.filter(region__code__startswith=ctx.district, status=EnterpriseStatus.OPERATING)
        .order_by("pk")
        .first()
    )
