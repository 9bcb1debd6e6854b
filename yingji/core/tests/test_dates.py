"""The dates rule every module shares (core/dates.py): a day something happened lies between
2000-01-01 and today (Asia/Shanghai), after what it follows; a deadline not before its start
nor more than five years after it."""

import datetime

import pytest
from django.utils import timezone, translation

from yingji.core import dates
from yingji.core.errors import ApplicationError

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_the_earliest_date_is_the_first_of_2000():
    assert dates.EARLIEST == datetime.date(2000, 1, 1)


@pytest.mark.parametrize(
    ("day", "problem"),
    [
        (TODAY, None),
        (datetime.date(2000, 1, 1), None),
        (TODAY + DAY, "This date is in the future."),
        (datetime.date(2031, 1, 1) if TODAY.year < 2031 else TODAY + DAY, "This date is in the future."),
        (datetime.date(1999, 12, 31), "This date cannot be before 2000-01-01."),
        (datetime.date(1, 1, 1), "This date cannot be before 2000-01-01."),
    ],
)
def test_a_day_that_happened(day, problem):
    assert dates.past_problem(day) == problem


def test_a_day_that_happened_after_another():
    found = datetime.date(2026, 3, 5)
    assert dates.past_problem(found, not_before=found, on=found) is None
    assert (
        dates.past_problem(found - DAY, not_before=found, name="date found", on=found)
        == "This date cannot be before the date found (2026-03-05)."
    )
    assert (
        dates.past_problem(found - DAY, not_before=found, on=found)
        == "This date cannot be before 2026-03-05."
    )


@pytest.mark.parametrize(
    ("deadline", "problem"),
    [
        (datetime.date(2026, 3, 5), None),
        (datetime.date(2031, 3, 5), None),
        (
            datetime.date(2031, 3, 6),
            "This date cannot be more than 5 years after the date found (2026-03-05).",
        ),
        (datetime.date(2026, 3, 4), "This date cannot be before the date found (2026-03-05)."),
        (datetime.date(1999, 12, 31), "This date cannot be before 2000-01-01."),
    ],
)
def test_a_deadline_may_lie_ahead_but_not_years_ahead(deadline, problem):
    assert dates.deadline_problem(deadline, start=datetime.date(2026, 3, 5), name="date found") == problem


def test_five_years_after_a_29th_of_february_is_the_28th():
    assert dates.deadline_problem(datetime.date(2029, 2, 28), start=datetime.date(2024, 2, 29)) is None
    assert dates.deadline_problem(datetime.date(2029, 3, 1), start=datetime.date(2024, 2, 29)) is not None


def test_today_is_the_date_in_china_not_in_utc(monkeypatch, settings):
    # 17:30 UTC on 5 March is 01:30 on 6 March in Changsha: the 6th is today, not the future.
    settings.TIME_ZONE = "Asia/Shanghai"
    moment = datetime.datetime(2026, 3, 5, 17, 30, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    assert dates.today() == datetime.date(2026, 3, 6)
    assert dates.past_problem(datetime.date(2026, 3, 6)) is None
    assert dates.past_problem(datetime.date(2026, 3, 7)) == "This date is in the future."


def test_times_too():
    now = timezone.now()
    assert dates.past_time_problem(now - datetime.timedelta(minutes=1), now=now) is None
    assert (
        dates.past_time_problem(now + datetime.timedelta(minutes=1), now=now) == "This time is in the future."
    )
    early = timezone.make_aware(datetime.datetime(1999, 12, 31, 23, 0))  # noqa: DTZ001 (made aware here)
    assert dates.past_time_problem(early, now=now) == "This date cannot be before 2000-01-01."


def test_past_date_and_deadline_date_raise_the_400_naming_the_field():
    assert dates.past_date("2026-03-05", "found_at") == datetime.date(2026, 3, 5)
    assert dates.past_date("", "found_at") is None
    for value, message in (
        ("0001-01-01", "This date cannot be before 2000-01-01."),
        ("5.3.", "Enter a date"),
    ):
        with pytest.raises(ApplicationError) as error:
            dates.past_date(value, "found_at")
        assert list(error.value.errors) == ["found_at"]
        assert error.value.errors["found_at"][0].startswith(message)
    with pytest.raises(ApplicationError) as error:
        dates.deadline_date(datetime.date(2032, 1, 1), "deadline", start=datetime.date(2026, 3, 5))
    assert list(error.value.errors) == ["deadline"]


@pytest.mark.parametrize(
    ("text", "refused_with"),
    [
        ("0001-01-01T00:00:00+03:00", "This date cannot be before 2000-01-01."),  # Beijing time overflows
        ("1999-12-31T23:00:00-12:00", None),  # 2000-01-01 19:00 in Beijing: allowed
        ("9999-12-31T23:59:00-03:00", "At most a year ahead."),
    ],
)
def test_times_at_the_edges_of_the_calendar_are_refused_not_a_crash(text, refused_with):
    """The fuzzer's roster shift starting in year 1 at +03:00 was a 500 (found this stop)."""
    from yingji.core.inputs import Errors, planned

    errors = Errors()
    with translation.override("en"):
        value = planned(errors, "starts_at", text, horizon=datetime.timedelta(days=365))
    assert errors == ({"starts_at": [refused_with]} if refused_with else {})
    assert (value is None) == bool(refused_with)


def test_a_past_time_in_year_one_is_too_early():
    with translation.override("en"):
        problem = dates.past_time_problem(datetime.datetime.fromisoformat("0001-01-01T00:00:00+03:00"))
    assert problem == "This date cannot be before 2000-01-01."
