"""Background jobs: queued by job_start, run by the worker, watched through GET /api/v1/jobs/<id>."""

import pytest
from django.core.management import call_command
from django.test import Client
from django_tasks_db.models import DBTaskResult

from yingji.accounts.tests.factories import web_login
from yingji.jobs import services
from yingji.jobs.models import Job
from yingji.jobs.services import job_progress, job_start
from yingji.jobs.tests import work
from yingji.jobs.tests.work import count_rows

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def every_progress_written(monkeypatch):
    monkeypatch.setattr(services, "PROGRESS_EVERY_SECONDS", 0)
    work.SEEN.clear()


def test_a_job_waits_queued_until_the_worker_runs_it(api, inspector):
    job = job_start(inspector, "count", count_rows, rows=3)

    answer = api(inspector).get(f"/api/v1/jobs/{job.pk}")

    assert answer.status_code == 200
    body = answer.json()
    assert body["state"] == "queued"
    assert body["progress"] == {"done": 0, "total": None}
    assert body["result"] is None and body["finished_at"] is None
    assert DBTaskResult.objects.get(id=job.task_id).status == "READY"


def test_the_worker_runs_the_job_reporting_progress_and_result(api, inspector):
    job = job_start(inspector, "count", count_rows, rows=3)

    call_command("worker", "--once", stdout=None)

    assert work.SEEN == [
        {"state": "running", "done": 1, "total": 3},
        {"state": "running", "done": 2, "total": 3},
        {"state": "running", "done": 3, "total": 3},
    ]
    body = api(inspector).get(f"/api/v1/jobs/{job.pk}").json()
    assert body["id"] == job.pk and body["kind"] == "count"
    assert body["state"] == "done"
    assert body["progress"] == {"done": 3, "total": 3}
    assert body["message"] == "row 3"
    assert body["result"] == {"counted": 3, "url": "/hazards/"}
    assert body["finished_at"] is not None
    assert DBTaskResult.objects.get(id=job.task_id).status == "SUCCESSFUL"


def test_a_failing_job_ends_failed_with_its_message(api, inspector):
    job = job_start(
        inspector, "refuse", "yingji.jobs.tests.work.refuse", reason="第3行：统一社会信用代码无效"
    )

    call_command("worker", "--once", stdout=None)

    body = api(inspector).get(f"/api/v1/jobs/{job.pk}").json()
    assert body["state"] == "failed"
    assert body["message"] == "第3行：统一社会信用代码无效"
    assert body["progress"] == {"done": 1, "total": 4}
    assert body["result"] is None and body["finished_at"] is not None
    assert DBTaskResult.objects.get(id=job.task_id).status == "FAILED"


def test_only_the_user_who_started_a_job_sees_it(api, inspector, bureau, outsider):
    job = job_start(inspector, "count", count_rows, rows=1)

    assert api(bureau).get(f"/api/v1/jobs/{job.pk}").status_code == 404
    assert api(outsider).get(f"/api/v1/jobs/{job.pk}").status_code == 404
    assert api().get(f"/api/v1/jobs/{job.pk}").status_code == 401
    assert api(inspector).get(f"/api/v1/jobs/{job.pk + 1}").status_code == 404


def test_progress_is_written_at_most_once_a_second_but_always_at_the_end(monkeypatch, inspector):
    monkeypatch.setattr(services, "PROGRESS_EVERY_SECONDS", 3600)
    job = Job.objects.create(kind="count", user=inspector, func="x.y")

    job_progress(job, 1, 100)
    job_progress(job, 50, 100)
    assert Job.objects.get(pk=job.pk).done == 1
    job_progress(job, 100, 100)
    assert Job.objects.get(pk=job.pk).done == 100


def test_the_progress_bar_polls_until_the_job_ends(client, inspector, bureau):
    job = job_start(inspector, "count", count_rows, rows=2)
    assert web_login(client, "inspector")
    url = f"/jobs/{job.pk}/progress/"

    waiting = client.get(url).content.decode()
    assert 'hx-trigger="every 2s"' in waiting and f'hx-get="{url}"' in waiting

    call_command("worker", "--once", stdout=None)
    done = client.get(url).content.decode()
    assert "hx-trigger" not in done
    assert 'href="/hazards/"' in done

    other = Client()
    assert web_login(other, "bureau")
    assert other.get(url).status_code == 404


def test_the_schema_documents_the_job_endpoint(api, inspector):
    schema = api(inspector).get("/api/v1/schema").json()
    operation = schema["paths"]["/api/v1/jobs/{job_id}"]["get"]
    assert {"200", "404"} <= set(operation["responses"])
    job_out = schema["components"]["schemas"]["JobOut"]["properties"]
    assert set(job_out) == {
        "id",
        "kind",
        "state",
        "progress",
        "message",
        "result",
        "created_at",
        "finished_at",
    }


def test_the_running_worker_survives_a_database_error_and_stops_on_sigterm(monkeypatch, inspector):
    import signal

    from yingji.jobs import worker as worker_module
    from yingji.jobs.worker import YingjiWorker

    monkeypatch.setattr(worker_module, "close_old_connections", lambda: None)  # keeps the test's transaction
    job = job_start(inspector, "count", count_rows, rows=2)
    worker = YingjiWorker(interval=0.01)
    rounds = []
    real_run_once = worker.run_once

    def run_once(now=None):
        rounds.append(now)
        if len(rounds) == 1:
            raise worker_module.DatabaseError("database is locked")
        return real_run_once(now)

    def wait(timeout):
        if len(rounds) == 2:
            signal.raise_signal(signal.SIGTERM)  # as systemd stops the service

    monkeypatch.setattr(worker, "run_once", run_once)
    monkeypatch.setattr(worker.stopping, "wait", wait)
    previous = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    try:
        worker.run_forever()
    finally:
        signal.signal(signal.SIGTERM, previous[0])
        signal.signal(signal.SIGINT, previous[1])

    assert len(rounds) == 2
    assert Job.objects.get(pk=job.pk).state == Job.State.DONE


def test_the_end_of_a_job_is_signalled_for_its_notification(inspector):
    from yingji.jobs.signals import job_finished

    ended = []

    def receiver(sender, job, **kwargs):
        ended.append((job.kind, job.state, job.user.username))

    job_finished.connect(receiver)
    try:
        job_start(inspector, "count", count_rows, rows=1)
        job_start(inspector, "refuse", "yingji.jobs.tests.work.refuse", reason="bad file")
        call_command("worker", "--once", stdout=None)
    finally:
        job_finished.disconnect(receiver)

    assert sorted(ended) == [("count", "done", "inspector"), ("refuse", "failed", "inspector")]
