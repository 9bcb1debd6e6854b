"""Background jobs: long work started from the web, run by the worker, watched through its progress.

    job = job_start(request.user, "ledger_import", import_ledger_job, import_id=record.pk)

    def import_ledger_job(job, *, import_id):   # runs in the worker
        for done, row in enumerate(rows, 1):
            ...
            job_progress(job, done, len(rows))
        return {"created": created, "url": "/hazards/ledger/"}   # the job's result (JSON)

The function receives the Job and the params (JSON values only: they are stored). What it returns
becomes the job's result; an exception ends the job `failed` with the exception's text as its
message, so raise errors worded for the user. Call job_progress outside the work's own
transaction (per batch), or the progress stays invisible until the work commits.
"""

import time
from collections.abc import Callable

from django.utils import timezone

from yingji.jobs.models import Job

PROGRESS_EVERY_SECONDS = 1.0  # a million rows must not mean a million writes


class JobFailed(Exception):
    """Raised by a job function to end `failed` with a result the page shows (e.g. the problems
    of a file's rows), besides its message."""

    def __init__(self, message: str, result: dict | None = None):
        super().__init__(message)
        self.result = result


def job_start(user, kind: str, func: Callable | str, **params) -> Job:
    """Record a queued job for `user` and hand it to the worker; answers at once."""
    from yingji.jobs.tasks import run_job  # the task module imports this one's helpers

    path = func if isinstance(func, str) else f"{func.__module__}.{func.__qualname__}"
    job = Job.objects.create(kind=kind, user=user, func=path, params=params)
    # Same database, same transaction as the Job row: the worker sees both or neither.
    result = run_job.enqueue(job.pk)
    job.task_id = str(result.id)
    job.save(update_fields=["task_id"])
    return job


def job_progress(job: Job, done: int, total: int | None = None, message: str | None = None) -> None:
    """Report how far the job is; written at most once a second, and always when done == total."""
    job.done, job.total = done, total if total is not None else job.total
    if message is not None:
        job.message = message
    now = time.monotonic()
    last = getattr(job, "_progress_written", None)
    finished = job.total is not None and job.done >= job.total
    if last is not None and now - last < PROGRESS_EVERY_SECONDS and not finished:
        return
    job._progress_written = now
    Job.objects.filter(pk=job.pk).update(done=job.done, total=job.total, message=job.message)


def mark_running(job: Job) -> None:
    job.state, job.started_at = Job.State.RUNNING, timezone.now()
    job.save(update_fields=["state", "started_at"])


def mark_done(job: Job, result) -> None:
    job.state, job.result, job.finished_at = Job.State.DONE, result, timezone.now()
    if job.total is not None:
        job.done = job.total
    job.save(update_fields=["state", "result", "finished_at", "done", "message"])


def mark_failed(job: Job, exc: BaseException) -> None:
    job.state, job.finished_at = Job.State.FAILED, timezone.now()
    job.message = str(exc) or type(exc).__name__
    job.result = getattr(exc, "result", None)
    job.save(update_fields=["state", "finished_at", "message", "done", "total", "result"])


def jobs_of(user):
    """The user's own jobs: nobody watches another's."""
    if not getattr(user, "is_authenticated", False):
        return Job.objects.none()
    return Job.objects.filter(user_id=user.pk)
