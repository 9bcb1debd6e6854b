"""The nightly tidy-up of background work.

Finished work is kept for a while (users look a job up, operators a traceback), then deleted.
"""

import datetime

from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks_db.models import DBTaskResult

from yingji.jobs.models import Job, PeriodicRun

KEEP = datetime.timedelta(days=90)
# A job still `running` after this long lost its worker (killed, machine restarted): say so.
STALE = datetime.timedelta(hours=12)


def prune_finished(now: datetime.datetime | None = None) -> None:
    now = now or timezone.now()
    Job.objects.filter(state=Job.State.RUNNING, started_at__lt=now - STALE).update(
        state=Job.State.FAILED,
        finished_at=now,
        message=_("The worker stopped while this job ran; please start it again."),
    )
    cutoff = now - KEEP
    DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    old = Job.objects.filter(finished_at__lt=cutoff)
    _delete_files(old)
    old.delete()
    PeriodicRun.objects.filter(started_at__lt=cutoff).delete()


def _delete_files(jobs) -> None:
    """The files a job kept (an upload it was to import, the file it exported) go with it."""
    for params, result in jobs.values_list("params", "result").iterator():
        for values in (params, result):
            path = values.get("path") if isinstance(values, dict) else None
            if path and default_storage.exists(path):
                default_storage.delete(path)
