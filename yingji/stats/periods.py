"""Reporting periods: month, quarter, half-year, year, year-to-date, any range; and the
periods they are compared with (同比: the same dates a year earlier; 环比: the one before)."""

import calendar
import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from yingji.core.errors import ApplicationError


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # inclusive
    kind: str = "range"  # month, quarter, half, year, ytd, range

    def __post_init__(self):
        if self.end < self.start:
            raise ApplicationError(
                _("The period ends before it starts."),
                errors={"to": [_("The period ends before it starts.")]},
            )

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def year_before(self) -> "Period":
        return Period(_shift_year(self.start, -1), _shift_year(self.end, -1), self.kind)

    def previous(self) -> "Period":
        if self.kind in ("month", "quarter", "half", "year"):
            months = {"month": 1, "quarter": 3, "half": 6, "year": 12}[self.kind]
            start = _shift_months(self.start, -months)
            return Period(start, month_end(_shift_months(start, months - 1)), self.kind)
        end = self.start - datetime.timedelta(days=1)
        return Period(end - datetime.timedelta(days=self.days - 1), end, "range")


def _shift_year(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _shift_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def month_end(day: datetime.date) -> datetime.date:
    """The last day of the day's month."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


PERIOD_CODE = re.compile(r"^(year|ytd|H[12]|Q[1-4]|M(0[1-9]|1[0-2]))$")


def period_of(year: int, code: str, *, today: datetime.date | None = None) -> Period:
    """year 2026 with H1 / H2 / Q1..Q4 / M01..M12 / year / ytd."""
    if not PERIOD_CODE.match(code or ""):
        message = _("Period is one of year, ytd, H1, H2, Q1–Q4, M01–M12.")
        raise ApplicationError(message, errors={"period": [message]})
    if code == "year":
        return Period(datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year")
    if code == "ytd":
        today = today or datetime.date.today()  # noqa: DTZ011 (callers pass the local date)
        end = min(today, datetime.date(year, 12, 31))
        return Period(datetime.date(year, 1, 1), end, "ytd")
    if code[0] == "H":
        first = 1 if code == "H1" else 7
        return Period(datetime.date(year, first, 1), month_end(datetime.date(year, first + 5, 1)), "half")
    if code[0] == "Q":
        first = 3 * int(code[1]) - 2
        return Period(datetime.date(year, first, 1), month_end(datetime.date(year, first + 2, 1)), "quarter")
    month = int(code[1:])
    return Period(datetime.date(year, month, 1), month_end(datetime.date(year, month, 1)), "month")


def whole_months(period: Period) -> tuple[Period | None, list[Period]]:
    """The whole calendar months inside the period, and the partial months left at either end
    (1 January to 4 December: January–November whole, 1–4 December partial). None when no
    month lies wholly inside."""
    first = period.start if period.start.day == 1 else _shift_months(period.start, 1)
    last = period.end if is_month_end(period.end) else period.end.replace(day=1) - datetime.timedelta(days=1)
    if first > last:
        return None, [period]
    ends = []
    if period.start < first:
        ends.append(Period(period.start, first - datetime.timedelta(days=1)))
    if period.end > last:
        ends.append(Period(last + datetime.timedelta(days=1), period.end))
    return Period(first, last, period.kind), ends


def is_month_end(day: datetime.date) -> bool:
    return day == month_end(day)


def late_in_month(day: datetime.date) -> bool:
    """Fewer of its month's days lie after it than up to it (the 28th; the 16th of a 31-day
    month; not the 15th): counting up to it reads fewer records as the whole month less the
    days after it than as the days up to it."""
    return (month_end(day) - day).days < day.day


def months_less_days(
    period: Period, today: datetime.date | None = None
) -> tuple[Period | None, list[Period], list[Period]]:
    """As whole_months, but a partial month at an end of the period with fewer of its days
    outside the period than inside it is taken whole, less the days outside (at the period's
    end: it ends late_in_month): 1–28 December is December less 29–31 December (three days of
    records to read instead of 28). So is a month whose days outside all lie after `today`
    (a period ending today): nothing is recorded in the future (entry refuses it), so the
    days taken away are a range with no records. Returns the whole months, the partial
    months to add and the days to take away; only a sum can take away (units counted
    distinct cannot)."""
    middle, ends = whole_months(period)
    months = [middle] if middle else []
    added, taken = [], []
    for end in ends:
        outside = _outside(end)
        future = outside is not None and today is not None and outside.start > today
        if outside is not None and (outside.days < end.days or future):
            months.append(Period(end.start.replace(day=1), month_end(end.start)))
            taken.append(outside)
        else:
            added.append(end)
    if not months:
        return None, ends, []
    whole = Period(min(m.start for m in months), max(m.end for m in months), period.kind)
    return whole, added, taken


def _outside(part: Period) -> Period | None:
    """The rest of the one month a partial month at a period's end lies in: None when it lies
    across months or leaves days on both sides (a few days inside one month)."""
    first, last = part.start.replace(day=1), month_end(part.start)
    if part.end > last:
        return None
    if part.start == first and part.end < last:
        return Period(part.end + datetime.timedelta(days=1), last)
    if part.end == last and part.start > first:
        return Period(first, part.start - datetime.timedelta(days=1))
    return None
