"""Three flood seasons of 芙蓉区: two shelters a street, two or three events each June–July with
their 首报 (a few written ones late), one or two flood-control responses a year (Ⅳ, some raised
to Ⅲ, then lowered and ended; the checklist, from the district plan when preparedness has one,
mostly ticked), evacuations by street with their return, and a special-groups register of about
200 people (a few without all of the 四个一).
In bulk, deterministic from ctx.rng("emergency")."""

import datetime

from django.utils import timezone

from yingji.accounts.models import User
from yingji.core import demo
from yingji.emergency.choices import ChangeKind, EventStatus, ReportChannel, ReportKind, ResponseStatus
from yingji.emergency.measures import measures_for
from yingji.emergency.models import (
    Evacuation,
    Event,
    EventReport,
    Response,
    ResponseChange,
    ResponseMeasure,
    Shelter,
    SpecialPerson,
)
from yingji.regions.models import Region

SHELTERS = ["小学", "社区服务中心", "中学体育馆"]
EVENTS = [
    ("flood", "强降雨致{street}内涝"),
    ("flood", "{street}低洼地段渍水"),
    ("geological", "{street}边坡滑塌"),
]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = ["奶奶", "爷爷", "阿姨", "大爷", "婆婆", "小宝", "小红", "伯伯"]
CATEGORIES = ["elderly_alone"] * 4 + ["sick", "disabled", "pregnant", "children", "left_behind"] * 1
AREAS = ["low_lying"] * 3 + ["flash_flood", "geological"]
PEOPLE = 200


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


@demo.generator("emergency", after=["accounts", "accidents", "preparedness"])
def emergency(ctx: demo.DemoContext) -> None:
    rng = ctx.rng("emergency")
    streets = ctx.shared.get("streets") or []
    if not streets:
        return
    names = {r.code: r.name.removesuffix("街道") for r in Region.objects.filter(code__in=streets)}
    ctx.shared["emergency_street_names"] = names
    users = {u.username: u for u in User.objects.filter(username__in=["bureau", "duty", "street"])}
    bureau, duty = users.get("bureau"), users.get("duty")
    shelters = Shelter.objects.bulk_create(
        Shelter(name=f"{names[code]}{SHELTERS[(n + rng.randrange(2)) % 3] if n else SHELTERS[0]}", region_id=code, place=f"{code[-3:]}路{n + 1}号",
                capacity=rng.randrange(200, 900, 50), facilities="床位、饮用水、应急照明、医疗点",
                latitude=28.19 + rng.random() / 50, longitude=112.98 + rng.random() / 50)
        for code in streets for n in range(2)
    )  # fmt: skip
    by_street = {}
    for s in shelters:
        by_street.setdefault(s.region_id, []).append(s)
    for year in range(ctx.today.year - 2, ctx.today.year + 1):
        _season(ctx, rng, year, streets, by_street, bureau, duty)
    _register(ctx, rng, streets, by_street)


def _season(ctx, rng, year, streets, by_street, bureau, duty) -> None:
    events, reports, evacuations = [], [], []
    for n in range(rng.choice([2, 3])):
        day = datetime.date(year, 6, 1) + datetime.timedelta(days=rng.randrange(0, 55))
        if day >= ctx.today:
            continue
        street = rng.choice(streets)
        kind, title = EVENTS[n % len(EVENTS)]
        occurred = _at(day, rng.randrange(1, 20), rng.randrange(60))
        events.append(Event(type=kind, title=title.format(street=ctx.shared["emergency_street_names"][street]), place=f"{street[-3:]}路段",
                            region_id=street, occurred_at=occurred, injured=rng.randrange(0, 3),
                            losses=rng.randrange(5, 200), status=EventStatus.CLOSED,
                            closed_at=occurred + datetime.timedelta(days=3), created_by=duty))  # fmt: skip
    Event.objects.bulk_create(events)
    for event in events:
        late = rng.random() < 0.2
        for channel, minutes, limit in ((ReportChannel.PHONE, rng.randrange(5, 29), 30), (ReportChannel.WRITTEN, rng.randrange(80, 150) if late else rng.randrange(35, 59), 60)):  # fmt: skip
            made = event.occurred_at + datetime.timedelta(minutes=minutes)
            due = event.occurred_at + datetime.timedelta(minutes=limit)
            reports.append(EventReport(event=event, kind=ReportKind.FIRST, channel=channel, made_at=made, due_at=due, late=made > due, made_by=duty))  # fmt: skip
        final = event.closed_at + datetime.timedelta(hours=rng.randrange(2, 20))
        reports.append(EventReport(event=event, kind=ReportKind.FINAL, channel=ReportChannel.WRITTEN, made_at=final, due_at=event.closed_at + datetime.timedelta(hours=24), made_by=duty))  # fmt: skip
        for street in rng.sample(streets, k=min(len(streets), rng.randrange(2, 5))):
            people = rng.randrange(8, 120)
            evacuations.append(Evacuation(event=event, region_id=street, date=event.occurred_at.date(), people=people,
                                          special_group_people=rng.randrange(0, max(1, people // 8)),
                                          shelter=rng.choice(by_street[street]), created_by=bureau,
                                          returned_on=event.occurred_at.date() + datetime.timedelta(days=rng.randrange(1, 4))))  # fmt: skip
    EventReport.objects.bulk_create(reports)
    Evacuation.objects.bulk_create(evacuations)
    _responses(ctx, rng, events, bureau, duty)


def _responses(ctx, rng, events, bureau, duty) -> None:
    floods = sorted((e for e in events if e.type == "flood"), key=lambda e: e.occurred_at)[:2]
    changes, measures = [], []
    for i, event in enumerate(floods):
        raised = i == 0 and rng.random() < 0.7
        start = event.occurred_at + datetime.timedelta(hours=1)
        end = start + datetime.timedelta(days=3)
        response = Response.objects.create(type="flood", level="IV", region_id=ctx.district, started_at=start,
                                           ended_at=end, status=ResponseStatus.ENDED, reason="强降雨持续，启动防汛Ⅳ级应急响应",
                                           created_by=bureau)  # fmt: skip
        response.events.add(event)
        changes.append(
            ResponseChange(response=response, kind=ChangeKind.START, to_level="IV", at=start, by=bureau)
        )
        levels = ["IV"]
        if raised:
            changes += [
                ResponseChange(
                    response=response,
                    kind=ChangeKind.RAISE,
                    from_level="IV",
                    to_level="III",
                    at=start + datetime.timedelta(hours=20),
                    by=bureau,
                    note="水位超警戒",
                ),  # fmt: skip
                ResponseChange(
                    response=response,
                    kind=ChangeKind.LOWER,
                    from_level="III",
                    to_level="IV",
                    at=start + datetime.timedelta(days=2),
                    by=bureau,
                ),  # fmt: skip
            ]
            levels.append("III")
        changes.append(
            ResponseChange(response=response, kind=ChangeKind.END, from_level="IV", at=end, by=bureau)
        )
        for level in levels:
            for n, text in enumerate(measures_for(response, level)):
                ticked = rng.random() < 0.85
                measures.append(ResponseMeasure(response=response, level=level, position=n, text=text,
                                                ticked_at=start + datetime.timedelta(hours=n + 1) if ticked else None,
                                                ticked_by=duty if ticked else None))  # fmt: skip
    ResponseChange.objects.bulk_create(changes)
    ResponseMeasure.objects.bulk_create(measures)


def _register(ctx, rng, streets, by_street) -> None:
    registered = datetime.date(ctx.today.year - 2, 3, 15)
    people = []
    for n in range(PEOPLE):
        street = streets[n % len(streets)]
        incomplete = n % 37 == 5  # a few without all of the 四个一
        birth = datetime.date(1940, 1, 1) + datetime.timedelta(days=rng.randrange(0, 30000))
        number = f"{ctx.district}{birth:%Y%m%d}{rng.randrange(100, 999)}{rng.choice('0123456789X')}"
        people.append(SpecialPerson(region_id=street, name=rng.choice(SURNAMES) + rng.choice(GIVEN),
                                    category=rng.choice(CATEGORIES), risk_area=rng.choice(AREAS), id_number=number,
                                    id_last4=number[-4:], address=f"{street[-3:]}路{rng.randrange(1, 300)}号",
                                    responsible_person="" if incomplete else f"{rng.choice(SURNAMES)}网格员",
                                    route=f"沿{street[-3:]}路步行至安置点", shelter=rng.choice(by_street[street]),
                                    contact="" if incomplete and n % 2 else f"138{rng.randrange(10**7, 10**8)}",
                                    registered_on=registered))  # fmt: skip
    SpecialPerson.objects.bulk_create(people)
