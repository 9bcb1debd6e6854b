"""Demo organisations and one account per role for 芙蓉区."""

from django.contrib.auth.hashers import make_password

from yingji.accounts.choices import OrgKind, Role
from yingji.accounts.models import Organisation, User
from yingji.core import demo
from yingji.core.industries import Industry as I  # noqa: E741
from yingji.regions.models import Region

# Member units of the district work-safety committee (区安委会成员单位) and what they supervise.
DEPARTMENTS = [
    ("区住房和城乡建设局", [I.CONSTRUCTION, I.GAS]),
    ("区交通运输局", [I.ROAD_TRANSPORT, I.WATERWAY_TRANSPORT]),
    ("区消防救援大队", [I.CROWDED_PLACES]),
    ("区市场监督管理局", [I.SPECIAL_EQUIPMENT]),
    ("区商务局", [I.COMMERCE_TRADE]),
    (
        "区科技和工业信息化局",
        [I.MACHINERY, I.LIGHT_INDUSTRY, I.TEXTILE, I.BUILDING_MATERIALS, I.METALLURGY, I.NONFERROUS],
    ),
    ("区教育局", [I.EDUCATION]),
    ("区卫生健康局", [I.HEALTHCARE]),
    ("区文化旅游体育局", [I.TOURISM]),
    ("区城市管理和综合执法局", [I.GAS]),
    ("区农业农村局", [I.AGRICULTURAL_MACHINERY, I.FISHING_VESSELS]),
    ("区烟草专卖局", [I.TOBACCO]),
    ("长沙市公安局芙蓉分局", [I.CIVIL_EXPLOSIVES, I.FIREWORKS]),
    ("长沙市公安局交通警察支队芙蓉大队", [I.ROAD_TRANSPORT]),
    ("区发展和改革局", []),
    ("区委宣传部", []),
    ("区委政法委", []),
    ("区民政局", []),
    ("区司法局", []),
    ("区财政局", []),
    ("区人力资源和社会保障局", []),
    ("长沙市自然资源和规划局芙蓉分局", []),
    ("长沙市生态环境局芙蓉分局", []),
    ("区水利局", []),
    ("区退役军人事务局", []),
    ("区审计局", []),
    ("区国有资产事务中心", []),
    ("区统计局", []),
    ("区医疗保障局", []),
    ("区信访局", []),
    ("区总工会", []),
    ("区融媒体中心", []),
    ("区人民武装部", []),
    ("国网长沙供电公司芙蓉分部", []),
    ("长沙新奥燃气芙蓉服务中心", []),
    ("区气象服务中心", []),
]

BUREAU_NAME = "芙蓉区应急管理局"


@demo.generator("organisations")
def organisations(ctx: demo.DemoContext) -> None:
    district = ctx.district
    orgs = [Organisation(name=BUREAU_NAME, kind=OrgKind.BUREAU, region_id=district)]
    orgs += [
        Organisation(name=name, kind=OrgKind.DEPARTMENT, region_id=district, industries=sorted(industries))
        for name, industries in DEPARTMENTS
    ]
    streets = list(Region.objects.filter(parent_id=district).order_by("code"))
    orgs += [Organisation(name=_office_name(s.name), kind=OrgKind.STREET, region_id=s.code) for s in streets]
    Organisation.objects.bulk_create(orgs)
    ctx.shared["streets"] = [s.code for s in streets]


def _office_name(street: str) -> str:
    return f"{street}办事处" if street.endswith(("街道", "乡", "镇")) else f"{street}管委会"


def _password(rng, role: str) -> str:
    words = ["Furong", "Xiangjiang", "Yuelu", "Changsha", "Dongting", "Juzizhou"]
    return f"{rng.choice(words)}-{role[:3].title()}-{rng.randrange(1000, 9999)}"


# One account per role: username, display name, organisation (None: admin).
ACCOUNTS = [
    (Role.ADMIN, "admin", "系统管理员", None),
    (Role.BUREAU, "bureau", "王安平", BUREAU_NAME),
    (Role.INSPECTOR, "inspector", "李执法", BUREAU_NAME),
    (Role.DEPARTMENT, "department", "赵建设", "区住房和城乡建设局"),
    (Role.STREET, "street", "周东岸", "东岸街道办事处"),
    (Role.ENTERPRISE, "enterprise", "陈安全", None),
    (Role.LEADER, "leader", "刘区长", BUREAU_NAME),
    (Role.DUTY, "duty", "孙值班", BUREAU_NAME),
]


@demo.generator("accounts", after=["organisations", "enterprises"])
def accounts(ctx: demo.DemoContext) -> None:
    rng = ctx.rng("accounts")
    by_name = {o.name: o for o in Organisation.objects.filter(region__code__startswith=ctx.district)}
    enterprise = ctx.shared["demo_enterprise"]
    enterprise_org = Organisation.objects.create(
        name=enterprise.name, kind=OrgKind.ENTERPRISE, region_id=enterprise.region_id, enterprise=enterprise
    )
    users = []
    for role, username, name, org_name in ACCOUNTS:
        org = enterprise_org if role == Role.ENTERPRISE else by_name.get(org_name)
        password = _password(rng, role)
        users.append(
            User(username=username, name=name, role=role, organisation=org, password=make_password(password))
        )
        ctx.accounts.append((role, username, password, org.name if org else "—"))
    User.objects.bulk_create(users)
