import datetime

import pytest

from yingji.core.errors import ApplicationError
from yingji.stats.periods import Period, period_of

D = datetime.date


@pytest.mark.parametrize(
    ("code", "start", "end"),
    [
        ("year", D(2026, 1, 1), D(2026, 12, 31)),
        ("H1", D(2026, 1, 1), D(2026, 6, 30)),
        ("H2", D(2026, 7, 1), D(2026, 12, 31)),
        ("Q1", D(2026, 1, 1), D(2026, 3, 31)),
        ("Q4", D(2026, 10, 1), D(2026, 12, 31)),
        ("M02", D(2026, 2, 1), D(2026, 2, 28)),
        ("ytd", D(2026, 1, 1), D(2026, 11, 22)),
    ],
)
def test_named_periods(code, start, end):
    period = period_of(2026, code, today=D(2026, 11, 22))
    assert (period.start, period.end) == (start, end)


def test_year_on_year_is_the_same_dates_a_year_earlier():
    h1 = period_of(2026, "H1").year_before()
    assert (h1.start, h1.end) == (D(2025, 1, 1), D(2025, 6, 30))
    leap = Period(D(2024, 2, 1), D(2024, 2, 29), "month").year_before()
    assert leap.end == D(2023, 2, 28)


@pytest.mark.parametrize(
    ("code", "start", "end"),
    [
        ("M03", D(2026, 2, 1), D(2026, 2, 28)),
        ("Q1", D(2025, 10, 1), D(2025, 12, 31)),
        ("H2", D(2026, 1, 1), D(2026, 6, 30)),
    ],
)
def test_the_previous_period(code, start, end):
    previous = period_of(2026, code).previous()
    assert (previous.start, previous.end) == (start, end)


def test_a_range_is_compared_with_the_days_just_before():
    previous = Period(D(2026, 3, 11), D(2026, 3, 20)).previous()
    assert (previous.start, previous.end) == (D(2026, 3, 1), D(2026, 3, 10))


@pytest.mark.parametrize("code", ["H3", "Q5", "M13", "half", ""])
def test_unknown_period_codes_are_400(code):
    with pytest.raises(ApplicationError) as error:
        period_of(2026, code)
    assert "period" in error.value.errors


def test_a_period_ending_before_it_starts_is_refused():
    with pytest.raises(ApplicationError):
        Period(D(2026, 2, 1), D(2026, 1, 1))
