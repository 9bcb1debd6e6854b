"""The demo district's duty desk: three years of a 24-hour roster of day (08–20) and night
(20–08) shifts, each with a leader on duty and an officer — two, and marked strengthened, on
statutory holidays and in the main flood season (June–July) — drawn from the bureau's leaders
and a pool of duty officers; the shifts of the last 90 days handed over and accepted; a duty log
of a few lines a day (some linked to the demo's events and warnings, a couple still to follow
up); and, in the coming week, one night shift nobody has been put on yet, so the roster's
keeper has a gap in their to-do. In bulk, deterministic from ctx.rng("duty")."""

import datetime

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from yingji.accounts.choices import Role
from yingji.accounts.models import User
from yingji.core import demo
from yingji.duty.coverage import statutory_holiday
from yingji.duty.models import Handover, LogEntry, Shift
from yingji.emergency.models import Event
from yingji.warnings.models import EarlyWarning

POOL = ["周志刚", "吴建华", "郑晓燕", "钱卫东", "孙丽萍", "冯俊杰"]
LINES = [
    ("received", "东岸街道值班室", "报告：辖区内强降雨，低洼路段渍水约20厘米，已安排人员值守"),
    ("received", "区气象局", "来电：预计今夜有短时强降水，请做好防范"),
    ("reported", "带班领导", "已将雨情和渍水情况报告带班领导"),
    ("relayed", "各街道值班室", "传达带班领导指示：加强巡查，做好人员转移准备"),
    ("followed", "东岸街道值班室", "跟踪：渍水已排除，道路恢复通行"),
    ("received", "市应急管理局", "通知：做好节假日期间安全防范和值班值守工作"),
    ("received", "群众来电", "反映某小区电动车楼道充电，已转街道核查"),
]
RECENT = 90  # days of the roster handed over and accepted
AHEAD = 14  # days of the roster arranged ahead


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@demo.generator("duty", after=["accounts", "emergency", "warnings"])
def duty(ctx: demo.DemoContext) -> None:
    rng = ctx.rng("duty")
    bureau_user = User.objects.filter(username="bureau").select_related("organisation").first()
    if bureau_user is None or not bureau_user.organisation_id:
        return
    org = bureau_user.organisation
    leaders = list(User.objects.filter(username__in=["leader", "bureau"]).order_by("username"))
    unusable = make_password(None)  # roster names only: they cannot sign in
    pool = [User.objects.get(username="duty")] + User.objects.bulk_create(
        User(username=f"duty{n + 2}", name=name, role=Role.DUTY, organisation=org, password=unusable)
        for n, name in enumerate(POOL)
    )
    shifts = _roster(ctx, rng, org.region_id, leaders, pool)
    _handovers(ctx, shifts)
    _log(ctx, rng, org.region_id, shifts, pool)


def _roster(ctx, rng, region, leaders, pool) -> list[Shift]:
    first = datetime.date(ctx.today.year - 2, 1, 1)
    last = ctx.today + datetime.timedelta(days=AHEAD)
    missing = _at(ctx.today + datetime.timedelta(days=4), 20)  # the gap the roster's keeper must fill
    rows, officers = [], []
    day, n = first, 0
    while day <= last:
        strengthened = statutory_holiday(day) or (6 <= day.month <= 7)
        for start, hours in ((8, 12), (20, 12)):
            at = _at(day, start)
            if at != missing:
                rows.append(Shift(region_id=region, starts_at=at, ends_at=at + datetime.timedelta(hours=hours),
                                  leader=leaders[n % len(leaders)], strengthened=strengthened))  # fmt: skip
                officers.append(rng.sample(pool, k=2 if strengthened else 1))
            n += 1
        day += datetime.timedelta(days=1)
    shifts = Shift.objects.bulk_create(rows)
    through = Shift.officers.through
    through.objects.bulk_create(through(shift_id=s.pk, user_id=u.pk) for s, us in zip(shifts, officers, strict=True) for u in us)  # fmt: skip
    for shift, people in zip(shifts, officers, strict=True):
        shift.demo_officers = people
    return shifts


def _handovers(ctx, shifts) -> None:
    now = timezone.now()
    since = now - datetime.timedelta(days=RECENT)
    done = [(a, b) for a, b in zip(shifts, shifts[1:], strict=False) if since <= a.ends_at <= now and b.starts_at <= now]  # fmt: skip
    Handover.objects.bulk_create(
        Handover(
            shift=a,
            at=a.ends_at,
            by=a.demo_officers[0],
            notes="交接正常",
            accepted_by=b.demo_officers[0],
            accepted_at=a.ends_at,
        )  # fmt: skip
        for a, b in done
    )


def _log(ctx, rng, region, shifts, pool) -> None:
    events = list(Event.objects.filter(region__code__startswith=region).values_list("pk", "occurred_at"))
    warnings = list(EarlyWarning.objects.filter(region_id=region).values_list("pk", "valid_from"))
    now = timezone.now()
    rows = []
    for shift in shifts:
        if shift.starts_at >= now or rng.random() < 0.4:
            continue
        for _ in range(rng.randrange(1, 3)):
            kind, counterpart, content = rng.choice(LINES)
            at = shift.starts_at + datetime.timedelta(minutes=rng.randrange(0, 12 * 60))
            if at >= now:
                continue
            event = next((pk for pk, when in events if abs(when - at) < datetime.timedelta(hours=12)), None)
            warning = next(
                (pk for pk, when in warnings if abs(when - at) < datetime.timedelta(hours=12)), None
            )
            rows.append(LogEntry(region_id=region, shift=shift, at=at, kind=kind, counterpart=counterpart, content=content,
                                 event_id=event, warning_id=warning, by=shift.demo_officers[0]))  # fmt: skip
    still_open = [r for r in rows if r.kind == "received" and now - r.at < datetime.timedelta(days=2)][-2:]
    for row in still_open:
        row.open = True
    LogEntry.objects.bulk_create(rows)
