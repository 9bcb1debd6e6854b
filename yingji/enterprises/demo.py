"""About 2,000 enterprises spread over 芙蓉区's streets and the industries of an urban district."""

from decimal import Decimal

from stdnum.cn import uscc

from yingji.core import demo
from yingji.core.industries import Industry as I  # noqa: E741
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


@demo.generator("enterprises", after=["organisations"])
def enterprises(ctx: demo.DemoContext) -> None:
    rng = ctx.rng("enterprises")
    industries = list(PROFILE)
    weights = [PROFILE[i][0] for i in industries]
    streets = ctx.shared["streets"]
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
        rows.append(
            Enterprise(
                uscc=code,
                name=_name(rng, suffixes, names),
                region_id=rng.choice(streets),
                address=f"长沙市芙蓉区{rng.choice(ROADS)}{rng.randrange(1, 600)}号",
                industry=industry,
                employees=rng.randrange(low, high),
                latitude=Decimal(f"{rng.uniform(28.165, 28.225):.6f}"),
                longitude=Decimal(f"{rng.uniform(112.975, 113.115):.6f}"),
            )
        )
    Enterprise.objects.bulk_create(rows, batch_size=1000)
    ctx.shared["demo_enterprise"] = (
        Enterprise.objects.filter(region__code__startswith=ctx.district).order_by("pk").first()
    )
