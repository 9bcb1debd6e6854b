"""The nightly tidy-up of background work.

Finished work is kept for a while (users look a job up, operators a traceback), then deleted.
"""

import datetime

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
    Job.objects.filter(finished_at__lt=cutoff).delete()
    PeriodicRun.objects.filter(started_at__lt=cutoff).delete()
