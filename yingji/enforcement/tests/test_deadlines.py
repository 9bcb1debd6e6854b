"""Step deadlines (DOMAIN.md 0.5, §5.3): working days by the official calendar, make-up working
days counted; a year chinese-calendar does not know uses the administrator's holiday table,
else Monday–Friday, and such a deadline is provisional."""

import datetime

import pytest

from yingji.enforcement import deadlines
from yingji.enforcement.models import HolidayDay
from yingji.enforcement.tests.factories import open_case, walk

pytestmark = pytest.mark.django_db
D = datetime.date


def test_service_within_seven_working_days_crosses_the_national_day_holiday():
    # Decided Wednesday 30 September 2026: 1–7 October are holidays; Saturday 10 October is a
    # make-up working day. Working days: 10-8, 10-9, 10-10, 10-12, 10-13, 10-14, 10-15.
    found = deadlines.service_deadline(D(2026, 9, 30))
    assert found == deadlines.Deadline(D(2026, 10, 15), False, found.basis)


def test_calendar_day_periods_ignore_holidays():
    assert deadlines.payment_deadline(D(2026, 9, 30)).due == D(2026, 10, 15)
    assert deadlines.decision_deadline(D(2026, 7, 1)).due == D(2026, 9, 29)


def test_a_year_the_library_does_not_know_counts_monday_to_friday_provisionally():
    # Thursday 30 December 2026 + 5 working days: 12-31, then 2027 (unknown) 1-1 Fri, 1-4 … 1-6.
    found = deadlines.statement_window(D(2026, 12, 30))
    assert found.due == D(2027, 1, 6) and found.provisional


def test_the_holiday_table_stands_in_for_the_official_2027_schedule():
    HolidayDay.objects.create(day=D(2027, 1, 1), name="元旦")
    found = deadlines.statement_window(D(2026, 12, 30))
    assert found.due == D(2027, 1, 7) and found.provisional  # 1 January off: one day later
    HolidayDay.objects.create(day=D(2027, 1, 2), is_workday=True, name="元旦调休")
    assert deadlines.statement_window(D(2026, 12, 30)).due == D(2027, 1, 6)  # a make-up Saturday


def test_a_deadline_inside_a_known_year_is_not_provisional():
    assert not deadlines.statement_window(D(2026, 6, 1)).provisional


def test_the_limitation_period_is_two_years():
    assert deadlines.limitation_ends(D(2024, 2, 29)) == D(2026, 2, 28)


def test_a_case_served_late_in_december_has_a_provisional_step_marked(bureau, officer, crew, enterprises):
    case = walk(open_case(officer, enterprises["A"], crew), officer=officer, approver=bureau,
                until="approve_decision", today=D(2026, 12, 28))  # fmt: skip
    assert case.status == "service" and case.due_provisional
    assert case.due_on == D(2027, 1, 6)  # 12-29, 12-30, 12-31, 1-1, 1-4, 1-5, 1-6 (Mon–Fri)
    HolidayDay.objects.create(day=D(2027, 1, 1), name="元旦")
    from yingji.enforcement.workflow import recompute_provisional_deadlines

    assert recompute_provisional_deadlines() == 1
    case.refresh_from_db()
    assert case.due_on == D(2027, 1, 7)


def test_overdue_steps_are_flagged_and_listed(api, bureau, officer, crew, enterprises):
    late = walk(open_case(officer, enterprises["A"], crew), officer=officer, approver=bureau,
                until="approve_decision", today=D(2026, 3, 2))  # fmt: skip
    walk(open_case(officer, enterprises["B"], crew), officer=officer, approver=bureau, until="approve_filing")
    assert late.overdue_on(D(2026, 12, 3))
    listed = api(bureau).get("/api/v1/cases", {"overdue": "true"}).json()
    assert [c["id"] for c in listed["results"]] == [late.pk] and listed["results"][0]["overdue"]
    assert listed["results"][0]["due_basis"] == "送达：7个工作日"
