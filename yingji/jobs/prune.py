"""Finished background work is kept for a while (users look a job up, operators a traceback), then deleted."""

import datetime

from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from yingji.jobs.models import Job, PeriodicRun

KEEP = datetime.timedelta(days=90)


def prune_finished(now: datetime.datetime | None = None) -> None:
    cutoff = (now or timezone.now()) - KEEP
    DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    Job.objects.filter(finished_at__lt=cutoff).delete()
    PeriodicRun.objects.filter(started_at__lt=cutoff).delete()
