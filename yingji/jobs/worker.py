"""The worker: the schedule's due entries, then the queued tasks, again every few seconds.

Tasks are Django's own (django.tasks) stored by django-tasks-db's DatabaseBackend; this loop
claims them as its db_worker does (SELECT … FOR UPDATE SKIP LOCKED on PostgreSQL, an exclusive
transaction on SQLite) and runs each through db_worker's Worker.run_task, which records the
outcome on the task's row. Only the loop is ours, so that one process also runs the schedule.
"""

import datetime
import logging
import signal
import threading

from django.conf import settings
from django.db import DatabaseError, OperationalError, close_old_connections
from django.tasks import DEFAULT_TASK_BACKEND_ALIAS
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from yingji.jobs import schedule

logger = logging.getLogger(__name__)


class YingjiWorker:
    def __init__(self, *, interval: float | None = None, worker_id: str | None = None):
        self.interval = settings.YINGJI_WORKER_INTERVAL if interval is None else interval
        self.worker_id = worker_id or get_random_string(32)
        self.tasks = Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=False,
            max_tasks=None,
            worker_id=self.worker_id,
            excluded_queue_names=[],
        )
        self.stopping = threading.Event()

    def run_once(self, now: datetime.datetime | None = None) -> dict:
        """Run what the schedule owes at `now`, then every queued task; what was run."""
        ran = schedule.run_due(now)
        count = 0
        while not self.stopping.is_set() and self._run_next_task():
            count += 1
        return {"scheduled": ran, "tasks": count}

    def run_forever(self) -> None:
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        logger.info("Worker %s started, looking for work every %ss", self.worker_id, self.interval)
        while not self.stopping.is_set():
            close_old_connections()
            try:
                self.run_once()
            except DatabaseError:
                # The database went away, stayed locked or is not migrated yet: try again next round.
                logger.exception("Worker round failed")
            close_old_connections()
            self.stopping.wait(self.interval)
        logger.info("Worker %s stopped", self.worker_id)

    def _stop(self, signum, frame) -> None:
        # A running task finishes first; the loop then ends.
        self.stopping.set()

    def _run_next_task(self) -> bool:
        tasks = DBTaskResult.objects.ready().filter(backend_name=DEFAULT_TASK_BACKEND_ALIAS)
        try:
            with exclusive_transaction(tasks.db):
                task_result = tasks.get_locked()
                if task_result is None:
                    return False
                task_result.claim(self.worker_id)
        except OperationalError as exc:
            if is_locked_database_exception(exc):
                return False
            raise
        self.tasks.run_task(task_result)
        return True


def now_from_option(value: str | None) -> datetime.datetime | None:
    if not value:
        return None
    moment = datetime.datetime.fromisoformat(value)
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment
