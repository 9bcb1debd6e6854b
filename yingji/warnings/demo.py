"""The demo district's warnings: a contacts register (per street two 防汛责任人 A/B, two 网格员
and a 灾害信息员, all escalating to the district's 分管领导; the demo street account is its
street's A), three years of warnings from April to September — rainstorms, flash floods and
geological warnings, some raised and lowered, each step told to every responsible person of its
streets, most acknowledged within minutes, a few late or never — and a cold-wave warning in
force today with one 叫应 outstanding, so the duty officer's to-do has a call to make.
In bulk, deterministic from ctx.rng("warnings")."""

import datetime

from django.utils import timezone

from yingji.accounts.models import User
from yingji.core import demo
from yingji.warnings import stages
from yingji.warnings.choices import RANK, AckChannel, ChangeKind, Level, Status
from yingji.warnings.models import Contact, EarlyWarning, Recipient, WarningArea, WarningChange

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚"
ROLES = [("flood_chief", "A", "街道党工委副书记"), ("flood_chief", "B", "街道应急办主任"),
         ("grid", "", "网格员"), ("grid", "", "网格员"), ("info_officer", "", "灾害信息员")]  # fmt: skip
TYPES = [("rainstorm", "气象部门发布：预计未来6小时{area}将出现50毫米以上降雨，请做好防范。", "meteorology")] * 5 + [
    ("flash_flood", "水文部门发布：{area}山洪灾害风险较高，请加强巡查，做好人员转移准备。", "hydrology"),
    ("geological", "自然资源部门发布：{area}地质灾害气象风险较高，请加强隐患点巡查。", "natural_resources"),
]  # fmt: skip
LEVELS = [Level.BLUE] * 4 + [Level.YELLOW] * 3 + [Level.ORANGE] * 2 + [Level.RED]


def _name(rng) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))


def _phone(rng) -> str:
    return f"13{rng.randrange(0, 10)}{rng.randrange(10**7, 10**8)}"


@demo.generator("warnings", after=["accounts", "emergency"])
def warnings(ctx: demo.DemoContext) -> None:
    rng = ctx.rng("warnings")
    streets = ctx.shared.get("streets") or []
    if not streets:
        return
    users = {u.username: u for u in User.objects.filter(username__in=["duty", "street"])}
    register = _register(rng, ctx.district, streets, users.get("street"))
    for year in range(ctx.today.year - 2, ctx.today.year + 1):
        _season(ctx, rng, year, streets, register, users.get("duty"))
    _in_force(ctx, rng, streets, register, users.get("duty"))


def _register(rng, district, streets, street_user) -> dict[str, list[Contact]]:
    leader = Contact.objects.create(region_id=district, name=_name(rng), phone=_phone(rng), role="leader", position="区应急管理局分管副局长")  # fmt: skip
    home = street_user.organisation.region_id if street_user and street_user.organisation_id else None
    contacts = [
        Contact(region_id=code, name=_name(rng), phone=_phone(rng), role=role, slot=slot, position=position,
                superior=leader, user=street_user if code == home and n == 0 else None)
        for code in streets for n, (role, slot, position) in enumerate(ROLES)
    ]  # fmt: skip
    by_street: dict[str, list[Contact]] = {}
    for c in Contact.objects.bulk_create(contacts):
        by_street.setdefault(c.region_id, []).append(c)
    return by_street


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _season(ctx, rng, year, streets, register, duty) -> None:
    for _ in range(rng.randrange(14, 22)):
        day = datetime.date(year, 4, 1) + datetime.timedelta(days=rng.randrange(0, 180))
        if day >= ctx.today:
            continue
        issued = _at(day, rng.randrange(6, 22), rng.randrange(60))
        area = rng.sample(streets, k=min(len(streets), rng.randrange(2, 6)))
        level = rng.choice(LEVELS)
        steps = [(ChangeKind.ISSUE, "", level, issued)]
        if level in (Level.YELLOW, Level.ORANGE) and rng.random() < 0.3:
            up = Level.values[RANK[level] + 1]
            steps.append(
                (ChangeKind.RAISE, level, up, issued + datetime.timedelta(hours=rng.randrange(2, 8)))
            )
            steps.append((ChangeKind.LOWER, up, level, steps[-1][3] + datetime.timedelta(hours=rng.randrange(4, 12))))  # fmt: skip
        lifted = steps[-1][3] + datetime.timedelta(hours=rng.randrange(6, 30))
        _warning(ctx, rng, area, steps, lifted, register, duty)


def _warning(ctx, rng, area, steps, lifted, register, duty, *, late_one=False) -> EarlyWarning:
    kind, content, source = rng.choice(TYPES)
    names = "、".join(ctx.shared.get("emergency_street_names", {}).get(code, code) for code in area)
    first, last = steps[0], steps[-1]
    warning = EarlyWarning.objects.create(
        type=kind, level=last[2], stage="warning", region_id=ctx.district, valid_from=first[3],
        valid_to=lifted if lifted else first[3] + datetime.timedelta(days=2), content=content.format(area=names),
        source=source, status=Status.LIFTED if lifted else Status.IN_FORCE, lifted_at=lifted, issued_by=duty,
    )  # fmt: skip
    WarningArea.objects.bulk_create(WarningArea(warning=warning, region_id=code) for code in area)
    window = stages.stage("warning").ack_window
    rows = []
    for kind_, before, after, at in steps:
        change = WarningChange.objects.create(warning=warning, kind=kind_, from_level=before, to_level=after, at=at, by=duty)  # fmt: skip
        for code in area:
            for contact in register[code]:
                minutes = (
                    rng.choice([2, 3, 5, 8, 10, 12, 15, 20, 25, 28, 35, 50]) if rng.random() < 0.96 else None
                )
                if late_one and contact.user_id:
                    minutes = None
                rows.append(Recipient(warning=warning, change=change, contact=contact, region_id=code, name=contact.name,
                                      phone=contact.phone, sent_at=at, sms_sent_at=at, due_at=at + window,
                                      acknowledged_at=at + datetime.timedelta(minutes=minutes) if minutes else None,
                                      ack_channel=rng.choice([AckChannel.LINK] * 3 + [AckChannel.APP, AckChannel.CALL]) if minutes else "",
                                      escalated_at=at + window if minutes is None or minutes > 30 else None))  # fmt: skip
    if lifted:
        WarningChange.objects.create(
            warning=warning, kind=ChangeKind.LIFT, from_level=last[2], at=lifted, by=duty
        )
    Recipient.objects.bulk_create(rows)
    return warning


def _in_force(ctx, rng, streets, register, duty) -> None:
    """A cold wave today, to the demo street and one more; the street account has not answered."""
    if ctx.today != timezone.localdate():
        return  # a demo built for another day has nothing in force
    home = next((code for code, people in register.items() if any(c.user_id for c in people)), streets[0])
    area = [home] + [s for s in streets if s != home][:1]
    now = timezone.now() - datetime.timedelta(hours=1)
    warning = _warning(ctx, rng, area, [(ChangeKind.ISSUE, "", Level.BLUE, now)], None, register, duty, late_one=True)  # fmt: skip
    warning.type, warning.content = (
        "cold_wave",
        "气象部门发布：受强冷空气影响，未来24小时气温将下降8℃以上，请做好防寒防冻。",
    )
    warning.save()
