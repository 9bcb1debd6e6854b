"""24-hour coverage (DOMAIN.md 6.4: uninterrupted duty): the hours of a window no shift covers,
and the statutory holidays (chinese-calendar) without strengthened duty."""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

import chinese_calendar
from django.utils import timezone

from yingji.duty.models import Shift


@dataclass
class Coverage:
    start: datetime.datetime
    end: datetime.datetime
    gaps: list[tuple[datetime.datetime, datetime.datetime]] = field(default_factory=list)
    holidays_not_strengthened: list[datetime.date] = field(default_factory=list)

    @property
    def gap_hours(self) -> Decimal:
        seconds = sum((b - a).total_seconds() for a, b in self.gaps)
        return (Decimal(seconds) / 3600).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def gap_hours_text(self) -> str:
        """12, 7.5 — as a report writes hours, without a trailing .0."""
        return f"{self.gap_hours.normalize():f}"

    @property
    def complete(self) -> bool:
        return not self.gaps


def gaps_in(intervals, start: datetime.datetime, end: datetime.datetime) -> list[tuple]:
    """The parts of [start, end) that none of the (from, to) intervals covers."""
    gaps, cursor = [], start
    for a, b in sorted(intervals):
        if b <= cursor:
            continue
        if a >= end:
            break
        if a > cursor:
            gaps.append((cursor, a))
        cursor = max(cursor, b)
    if cursor < end:
        gaps.append((cursor, end))
    return gaps


def day_bounds(first: datetime.date, last: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """From the first day's local midnight to the midnight after the last day."""
    start = timezone.make_aware(datetime.datetime.combine(first, datetime.time()))
    return start, timezone.make_aware(
        datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time())
    )


def coverage(shifts, region_code: str, first: datetime.date, last: datetime.date) -> Coverage:
    """How the shifts of one region (a bureau's or a street's own roster) cover the days."""
    start, end = day_bounds(first, last)
    rows = list(
        shifts.filter(region_id=region_code, starts_at__lt=end, ends_at__gt=start).values_list(
            "starts_at", "ends_at", "strengthened"
        )
    )
    result = Coverage(start, end, gaps=gaps_in([(a, b) for a, b, _s in rows], start, end))
    strengthened = {timezone.localdate(a) for a, _b, s in rows if s} | {
        timezone.localdate(b - datetime.timedelta(seconds=1)) for _a, b, s in rows if s
    }
    day = first
    while day <= last:
        if statutory_holiday(day) and day not in strengthened:
            result.holidays_not_strengthened.append(day)
        day += datetime.timedelta(days=1)
    return result


def statutory_holiday(day: datetime.date) -> bool:
    try:
        is_holiday, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:  # a year the library does not know yet
        return False
    return bool(is_holiday and name)


def coverage_for(user, region_code: str, first: datetime.date, last: datetime.date) -> Coverage:
    return coverage(Shift.objects.for_user(user), region_code, first, last)
