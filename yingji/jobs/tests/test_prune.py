import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone, translation

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


def test_a_job_left_running_by_a_lost_worker_ends_failed_after_twelve_hours(inspector):
    now = timezone.now()
    lost = Job.objects.create(
        kind="count",
        user=inspector,
        func="x.y",
        state="running",
        started_at=now - datetime.timedelta(hours=13),
    )
    busy = Job.objects.create(
        kind="count",
        user=inspector,
        func="x.y",
        state="running",
        started_at=now - datetime.timedelta(hours=2),
    )

    with translation.override("en"):
        prune_finished(now)

    lost.refresh_from_db()
    busy.refresh_from_db()
    assert (lost.state, lost.finished_at) == ("failed", now)
    assert lost.message == "The worker stopped while this job ran; please start it again."
    assert busy.state == "running"


def test_the_files_of_pruned_jobs_are_deleted_with_them(inspector):
    kept = default_storage.save("imports/x/台账.xlsx", ContentFile(b"upload"))
    exported = default_storage.save("exports/1/台账.xlsx", ContentFile(b"export"))
    recent = default_storage.save("exports/2/台账.xlsx", ContentFile(b"export"))
    old = timezone.now() - datetime.timedelta(days=91)
    for params, result, finished in (
        ({"path": kept}, None, old),
        ({}, {"path": exported}, old),
        ({}, {"path": recent}, timezone.now()),
    ):
        Job.objects.create(
            kind="x",
            user=inspector,
            func="x.y",
            state="done",
            params=params,
            result=result,
            finished_at=finished,
        )

    prune_finished()

    assert [default_storage.exists(p) for p in (kept, exported, recent)] == [False, False, True]
