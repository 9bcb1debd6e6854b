"""Dates people enter: one rule for every module and every door (pages, API, CLI, imports).

- A day something happened (a hazard found, rectified, accepted, listed; an inspection; an
  accident, its report, an investigation step) lies between EARLIEST and today, and not before
  the day it follows (rectified after found, accepted after rectified…).
- A deadline may lie ahead, but not before the day it counts from, and not more than
  DEADLINE_YEARS after it (a typo such as 2206 for 2026 is caught; no rectification runs longer).

"Today" is the local date of TIME_ZONE (Asia/Shanghai): at 07:00 in Changsha it is already
tomorrow in UTC terms for nobody but the server. Services call these checks, so the pages,
the API, the CLI and the imports all get the same answer; the `*_problem` functions give the
message for callers that gather every problem, `past_date` and `deadline_date` raise the 400.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from yingji.core.errors import ApplicationError

# Before this a date is a typo, not a record: Order 16 (the hazard rules) dates from 2007 and no
# county keeps live files older than the century.
EARLIEST = datetime.date(2000, 1, 1)
DEADLINE_YEARS = 5


def today() -> datetime.date:
    return timezone.localdate()


def too_early() -> str:
    return _("This date cannot be before %(date)s.") % {"date": EARLIEST.isoformat()}


def _before(floor: datetime.date, name: str) -> str:
    if name:
        return _("This date cannot be before the %(name)s (%(date)s).") % {
            "name": name,
            "date": floor.isoformat(),
        }
    return _("This date cannot be before %(date)s.") % {"date": floor.isoformat()}


def past_problem(
    day: datetime.date,
    *,
    not_before: datetime.date | None = None,
    name: str = "",
    on: datetime.date | None = None,
) -> str | None:
    """Why `day` cannot be a day something happened: after today (`on`), before EARLIEST, or
    before `not_before` (the day it follows, called `name`); None when it can."""
    if day > (on or today()):
        return _("This date is in the future.")
    if day < EARLIEST:
        return too_early()
    if not_before is not None and day < not_before:
        return _before(not_before, name)
    return None


def deadline_problem(day: datetime.date, *, start: datetime.date, name: str = "") -> str | None:
    """Why `day` cannot be a deadline counted from `start` (called `name`): before it, before
    EARLIEST, or more than DEADLINE_YEARS after it; None when it can."""
    if day < EARLIEST:
        return too_early()
    if day < start:
        return _before(start, name)
    if day > _years_after(start, DEADLINE_YEARS):
        values = {"years": DEADLINE_YEARS, "date": start.isoformat()}
        if name:
            return _("This date cannot be more than %(years)d years after the %(name)s (%(date)s).") % (
                values | {"name": name}
            )
        return _("This date cannot be more than %(years)d years after %(date)s.") % values
    return None


def local_day(moment: datetime.datetime) -> datetime.date:
    """The day of a moment in the local time zone. A moment far outside the years we keep keeps
    its own day: converting 0001-01-01T00:00+03:00 (or year 9999) would overflow, and either way
    it is refused as too early or too far ahead."""
    if timezone.is_naive(moment) or not EARLIEST.year - 1 <= moment.year <= 9998:
        return moment.date()
    return timezone.localdate(moment)


def past_time_problem(moment: datetime.datetime, *, now: datetime.datetime | None = None) -> str | None:
    """The same for a time (an accident, a report): not after now, not before EARLIEST (local)."""
    if moment > (now or timezone.now()):
        return _("This time is in the future.")
    if local_day(moment) < EARLIEST:
        return too_early()
    return None


def query_date(value: str | None) -> datetime.date | None:
    """A ?from=…&to=… day of a list's link; one that does not parse is ignored (None)."""
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def parse_date(value, field: str) -> datetime.date | None:
    """A date from a date or an ISO string (a JSON body, a form); None when empty."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise _error(field, _("Enter a date as YYYY-MM-DD.")) from None


def past_date(
    value, field: str, *, not_before: datetime.date | None = None, name: str = ""
) -> datetime.date | None:
    """`value` as a day something happened, or a 400 naming `field`; None when empty."""
    day = parse_date(value, field)
    if day is not None and (problem := past_problem(day, not_before=not_before, name=name)):
        raise _error(field, problem)
    return day


def deadline_date(value, field: str, *, start: datetime.date, name: str = "") -> datetime.date | None:
    """`value` as a deadline counted from `start`, or a 400 naming `field`; None when empty."""
    day = parse_date(value, field)
    if day is not None and (problem := deadline_problem(day, start=start, name=name)):
        raise _error(field, problem)
    return day


def _years_after(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _error(field: str, message: str) -> ApplicationError:
    return ApplicationError(message, errors={field: [message]})
