"""The schedule: each registered entry runs once per slot, whatever the number of workers."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from yingji.jobs import schedule
from yingji.jobs.models import PeriodicRun
from yingji.jobs.worker import YingjiWorker

CALLS: list[str] = []


def count_hourly():
    CALLS.append("hourly")


def count_morning():
    CALLS.append("morning")


def broken():
    raise RuntimeError("the gateway is down")


def at(text: str) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.fromisoformat(text))  # Asia/Shanghai


@pytest.fixture(autouse=True)
def empty_schedule(monkeypatch):
    monkeypatch.setattr(schedule, "_registry", {})
    CALLS.clear()


@pytest.mark.django_db
def test_an_interval_entry_runs_once_per_period():
    schedule.register_periodic("hourly", count_hourly, every=datetime.timedelta(hours=1))

    assert schedule.run_due(at("2026-12-03 10:05")) == ["hourly"]
    assert schedule.run_due(at("2026-12-03 10:55")) == []
    assert schedule.run_due(at("2026-12-03 11:00")) == ["hourly"]
    assert CALLS == ["hourly", "hourly"]


@pytest.mark.django_db
def test_a_daily_entry_runs_once_a_day_at_its_local_time():
    schedule.register_periodic("morning", count_morning, daily_at=datetime.time(7, 0))

    assert schedule.run_due(at("2026-12-03 07:30")) == ["morning"]
    assert schedule.run_due(at("2026-12-03 18:00")) == []
    assert schedule.run_due(at("2026-12-04 06:59")) == []  # still the slot of 3 December 07:00
    assert schedule.run_due(at("2026-12-04 07:00")) == ["morning"]
    slots = [timezone.localtime(run.slot) for run in PeriodicRun.objects.order_by("slot")]
    assert [slot.strftime("%Y-%m-%d %H:%M") for slot in slots] == ["2026-12-03 07:00", "2026-12-04 07:00"]


@pytest.mark.django_db
def test_a_slot_claimed_by_another_worker_is_not_run_again():
    schedule.register_periodic("morning", count_morning, daily_at=datetime.time(7, 0))
    PeriodicRun.objects.create(name="morning", slot=at("2026-12-03 07:00"))  # the other worker

    assert YingjiWorker().run_once(at("2026-12-03 08:00")) == {"scheduled": [], "tasks": 0}
    assert CALLS == []


@pytest.mark.django_db
def test_a_restarted_worker_does_not_repeat_the_days_run():
    schedule.register_periodic("morning", count_morning, daily_at=datetime.time(7, 0))
    out = StringIO()

    call_command("worker", "--once", "--now", "2026-12-03T07:01", stdout=out)
    call_command("worker", "--once", "--now", "2026-12-03T09:30", stdout=out)

    assert CALLS == ["morning"]
    assert "Scheduled runs: morning;" in out.getvalue()
    assert "Scheduled runs: none due;" in out.getvalue()


@pytest.mark.django_db
def test_a_failing_entry_is_recorded_and_the_others_still_run():
    schedule.register_periodic("broken", broken, every=datetime.timedelta(minutes=10))
    schedule.register_periodic("hourly", count_hourly, every=datetime.timedelta(hours=1))

    assert schedule.run_due(at("2026-12-03 10:00")) == ["broken", "hourly"]
    assert CALLS == ["hourly"]
    run = PeriodicRun.objects.get(name="broken")
    assert "the gateway is down" in run.error
    assert run.finished_at is not None
    assert schedule.run_due(at("2026-12-03 10:05")) == []  # it waits for the next slot


def test_an_entry_needs_exactly_one_kind_of_period():
    with pytest.raises(ValueError):
        schedule.register_periodic("neither", count_hourly)
    with pytest.raises(ValueError):
        schedule.register_periodic(
            "both", count_hourly, every=datetime.timedelta(hours=1), daily_at=datetime.time(7)
        )
    with pytest.raises(ValueError):
        schedule.register_periodic("never", count_hourly, every=datetime.timedelta(0))


def test_one_name_is_one_function():
    schedule.register_periodic("reminders", count_morning, daily_at=datetime.time(7, 0))
    schedule.register_periodic("reminders", count_morning, daily_at=datetime.time(7, 0))  # ready() again

    with pytest.raises(ValueError):
        schedule.register_periodic("reminders", count_hourly, daily_at=datetime.time(7, 0))


def test_bad_options_of_the_command_are_refused():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("worker", "--once", "--now", "yesterday")
    with pytest.raises(CommandError):
        call_command("worker", "--now", "2026-12-03T07:00")
