import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from yingji.jobs import schedule
from yingji.jobs.models import Job
from yingji.jobs.prune import prune_finished
from yingji.jobs.services import job_start
from yingji.jobs.tests.work import count_rows

pytestmark = pytest.mark.django_db


def test_finished_work_is_kept_ninety_days(inspector):
    old, recent = (job_start(inspector, "count", count_rows, rows=1) for _ in range(2))
    call_command("worker", "--once", stdout=None)
    Job.objects.filter(pk=old.pk).update(finished_at=timezone.now() - datetime.timedelta(days=91))
    queued = job_start(inspector, "count", count_rows, rows=1)

    prune_finished()

    assert set(Job.objects.values_list("pk", flat=True)) == {recent.pk, queued.pk}


def test_the_schedule_prunes_every_night():
    entry = {e.name: e for e in schedule.registered()}["jobs.prune"]
    assert entry.daily_at == datetime.time(3, 30)
