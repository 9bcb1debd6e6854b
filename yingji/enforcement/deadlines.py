"""The deadline of each step of a case (DOMAIN.md §5.3, 《行政处罚法》 2021).

Art. 85: the periods of 2, 3, 5 and 7 days in the law are working days, not counting statutory
holidays; longer periods (15 days to pay, 90 days to decide) are calendar days. As for every
period in days (民法典 Art. 201), the day the period starts from is not counted.

Working days come from chinese-calendar (public holidays and make-up working days). For a
year it does not know (it raises NotImplementedError), the administrator's HolidayDay table
entered from the State Council's notice is used, and where that is empty too, Monday to
Friday; a deadline counted through such a year is provisional, and says so.
"""

import datetime
from dataclasses import dataclass
from functools import lru_cache

import chinese_calendar
from django.utils.translation import gettext_lazy as _

from yingji.enforcement.choices import CaseStatus

# Art. 63–64: the party asks for a hearing within 5 (working) days of the notice; the same
# window is given for the statement and defence (陈述申辩), which the law leaves open.
STATEMENT_WORKING_DAYS = 5
# Art. 61: served within 7 (working) days when the party was not present at the decision.
SERVICE_WORKING_DAYS = 7
# Art. 67 (fine paid within 15 days of receiving the decision) and Art. 60 (decided within
# 90 days of filing): calendar days.
PAYMENT_DAYS = 15
DECISION_DAYS = 90
# Art. 72: 3 % of the fine per day overdue, never more than the fine.
SURCHARGE_RATE_PER_DAY = 3
# Art. 36: no penalty 2 years after the act (5 years where life, health or finance was harmed).
LIMITATION_YEARS = 2


@dataclass(frozen=True)
class Deadline:
    due: datetime.date
    provisional: bool = False  # counted through a year of unknown holidays
    basis: str = ""


def _calendar_knows(year: int) -> bool:
    try:
        chinese_calendar.is_workday(datetime.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


@lru_cache(maxsize=64)
def _known(year: int) -> bool:
    return _calendar_knows(year)


def _table(year: int) -> dict[datetime.date, bool]:
    from yingji.enforcement.models import HolidayDay

    rows = HolidayDay.objects.filter(day__year=year).values_list("day", "is_workday")
    return dict(rows)


def is_working_day(day: datetime.date, table: dict | None = None) -> tuple[bool, bool]:
    """(whether the day is a working day, whether that is provisional)."""
    if _known(day.year):
        return chinese_calendar.is_workday(day), False
    table = _table(day.year) if table is None else table
    if day in table:
        return table[day], True
    return day.weekday() < 5, True


def add_working_days(start: datetime.date, days: int) -> Deadline:
    """The day on which `days` working days after `start` end (start itself not counted)."""
    day, counted, provisional = start, 0, False
    tables: dict[int, dict] = {}
    while counted < days:
        day += datetime.timedelta(days=1)
        if not _known(day.year) and day.year not in tables:
            tables[day.year] = _table(day.year)
        working, unsure = is_working_day(day, tables.get(day.year))
        provisional |= unsure
        counted += working
    return Deadline(day, provisional)


def add_days(start: datetime.date, days: int) -> Deadline:
    return Deadline(start + datetime.timedelta(days=days))


def statement_window(notice_on: datetime.date) -> Deadline:
    found = add_working_days(notice_on, STATEMENT_WORKING_DAYS)
    return Deadline(found.due, found.provisional, str(_("statement and hearing request: 5 working days")))


def decision_deadline(filed_on: datetime.date) -> Deadline:
    return Deadline(add_days(filed_on, DECISION_DAYS).due, False, str(_("decision: 90 days from filing")))


def service_deadline(decided_on: datetime.date) -> Deadline:
    found = add_working_days(decided_on, SERVICE_WORKING_DAYS)
    return Deadline(found.due, found.provisional, str(_("service: 7 working days")))


def payment_deadline(served_on: datetime.date) -> Deadline:
    return Deadline(add_days(served_on, PAYMENT_DAYS).due, False, str(_("payment: 15 days from service")))


def limitation_ends(act_on: datetime.date) -> datetime.date:
    try:
        return act_on.replace(year=act_on.year + LIMITATION_YEARS)
    except ValueError:  # 29 February
        return act_on.replace(year=act_on.year + LIMITATION_YEARS, day=28)


def surcharge(fine, due: datetime.date, paid_on: datetime.date):
    """加处罚款 for a fine paid after its due day: 3 % a day, capped at the fine."""
    from decimal import Decimal

    late_days = max((paid_on - due).days, 0)
    return min(Decimal(fine) * SURCHARGE_RATE_PER_DAY * late_days / 100, Decimal(fine)).quantize(
        Decimal("0.01")
    )


def step_deadline(case) -> Deadline | None:
    """The deadline of the step the case is in, for whoever must act next."""
    status = case.status
    if status in (CaseStatus.INVESTIGATION, CaseStatus.REVIEW, CaseStatus.REVIEWED, CaseStatus.HEARING):
        return decision_deadline(case.filed_on) if case.filed_on else None
    if status == CaseStatus.NOTICE and case.notice_on:
        # The bureau waits for the window, then decides within the 90 days.
        return decision_deadline(case.filed_on) if case.filed_on else statement_window(case.notice_on)
    if status == CaseStatus.DECISION and case.filed_on:
        return decision_deadline(case.filed_on)
    if status == CaseStatus.SERVICE and case.decided_on:
        return service_deadline(case.decided_on)
    if status == CaseStatus.EXECUTION and case.served_on and case.fine_outstanding > 0:
        return payment_deadline(case.served_on)
    return None
