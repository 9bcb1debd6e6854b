"""The schedule socket: apps register periodic work from AppConfig.ready(); the worker runs it.

    from yingji.jobs.schedule import register_periodic
    register_periodic("reminders", send_reminders, daily_at=datetime.time(7, 0))

Each run takes a slot (the start of its period, in local time) and claims it by inserting a
PeriodicRun row that is unique per (name, slot): two workers, or a worker restarted within the
period, never run an entry twice for one slot. A slot missed while no worker ran is run once when
one starts again (only the latest, never a backlog); a run that fails is logged and recorded and
waits for the next slot, so the registered work should itself be idempotent.
"""

import dataclasses
import datetime
import logging
import traceback
from collections.abc import Callable

from django.db import IntegrityError, transaction
from django.utils import timezone

from yingji.jobs.models import PeriodicRun

logger = logging.getLogger(__name__)

# `every` slots count from this local midnight, so every=timedelta(days=1) starts at midnight.
_EPOCH = datetime.date(2000, 1, 3)  # a Monday


@dataclasses.dataclass(frozen=True)
class Entry:
    name: str
    func: Callable[[], object]
    every: datetime.timedelta | None = None
    daily_at: datetime.time | None = None

    def slot(self, now: datetime.datetime) -> datetime.datetime:
        """The start of the period that `now` falls in: the run this entry owes at `now`."""
        local = timezone.localtime(now)
        if self.every is not None:
            epoch = timezone.make_aware(datetime.datetime.combine(_EPOCH, datetime.time()), local.tzinfo)
            return epoch + (local - epoch) // self.every * self.every
        day = local.date()
        slot = timezone.make_aware(datetime.datetime.combine(day, self.daily_at), local.tzinfo)
        if slot > local:
            previous = day - datetime.timedelta(days=1)
            slot = timezone.make_aware(datetime.datetime.combine(previous, self.daily_at), local.tzinfo)
        return slot


_registry: dict[str, Entry] = {}


def register_periodic(
    name: str,
    func: Callable[[], object],
    *,
    every: datetime.timedelta | None = None,
    daily_at: datetime.time | None = None,
) -> None:
    """Run `func()` every `every`, or each day at `daily_at` (local time), in the worker."""
    if (every is None) == (daily_at is None):
        raise ValueError("register_periodic needs exactly one of every= or daily_at=.")
    if every is not None and every <= datetime.timedelta(0):
        raise ValueError("every= must be a positive interval.")
    if not callable(func):
        raise TypeError(f"{func!r} is not callable.")
    known = _registry.get(name)
    if known is not None and _qualname(known.func) != _qualname(func):
        raise ValueError(f"The schedule entry {name!r} is registered already, for {_qualname(known.func)}.")
    _registry[name] = Entry(name=name, func=func, every=every, daily_at=daily_at)


def registered() -> list[Entry]:
    return sorted(_registry.values(), key=lambda entry: entry.name)


def run_due(now: datetime.datetime | None = None) -> list[str]:
    """Run every entry whose current slot no worker has claimed yet; the names of those run."""
    now = now or timezone.now()
    ran = []
    for entry in registered():
        run = _claim(entry.name, entry.slot(now))
        if run is None:
            continue
        ran.append(entry.name)
        try:
            entry.func()
        except Exception:
            logger.exception("Scheduled %s failed", entry.name)
            run.error = traceback.format_exc(limit=5)
        run.finished_at = timezone.now()
        run.save(update_fields=["finished_at", "error"])
    return ran


def _claim(name: str, slot: datetime.datetime) -> PeriodicRun | None:
    try:
        with transaction.atomic():
            return PeriodicRun.objects.create(name=name, slot=slot)
    except IntegrityError:
        return None


def _qualname(func: Callable) -> str:
    return f"{getattr(func, '__module__', '?')}.{getattr(func, '__qualname__', repr(func))}"
