"""A ledger too large for a request, from the web pages: imported by the worker with a progress
bar, all or nothing, ending with a notification that links to the result; an export of more
hazards than a request should stream, written by the worker for its user alone to download."""

import io

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.test import Client
from python_calamine import CalamineWorkbook

from yingji.accounts.tests.factories import web_login
from yingji.hazards import ledger_jobs
from yingji.hazards.models import Hazard
from yingji.hazards.tests.factories import hazard_factory
from yingji.hazards.tests.test_ledger import ledger_file, row
from yingji.imports import background
from yingji.imports.models import ImportRecord
from yingji.jobs import services
from yingji.jobs.models import Job
from yingji.notifications.models import Notification

pytestmark = pytest.mark.django_db
PAGE = "/hazards/ledger/import/"


@pytest.fixture(autouse=True)
def thresholds(settings, monkeypatch):
    # Files of more than 3 rows (header included) and exports of more than 2 hazards go to the worker.
    settings.YINGJI_BACKGROUND_IMPORT_ROWS = 3
    settings.YINGJI_BACKGROUND_EXPORT_ROWS = 2
    monkeypatch.setattr(services, "PROGRESS_EVERY_SECONDS", 0)


@pytest.fixture
def reported(monkeypatch):
    """Every progress report of the ledger's jobs, as (done, total, message)."""
    seen = []

    def spy(job, done, total=None, message=None):
        services.job_progress(job, done, total, message)
        seen.append((job.done, job.total, job.message))

    monkeypatch.setattr(ledger_jobs, "job_progress", spy)
    return seen


def browser(user) -> Client:
    client = Client()
    assert web_login(client, user.username)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def named(data: bytes, name: str = "台账.xlsx"):
    f = io.BytesIO(data)
    f.name = name
    return f


def work() -> None:
    call_command("worker", "--once", stdout=io.StringIO())


def test_a_large_ledger_is_imported_by_the_worker_with_progress_and_a_notification(
    street, enterprises, reported
):
    a = enterprises["A"]
    client = browser(street)

    answer = client.post(PAGE, {"file": named(ledger_file([row(a)] * 5))})

    job = Job.objects.get()
    assert answer.status_code == 302 and answer["Location"] == f"{PAGE}?job={job.pk}"
    assert (job.user, job.kind, job.state) == (street, "ledger_import", "queued")
    assert not Hazard.objects.exists(), "nothing imported while the browser waits"
    page = client.get(answer["Location"]).content.decode()
    assert 'data-testid="ledger-job"' in page and f'hx-get="/jobs/{job.pk}/progress/"' in page

    work()

    job.refresh_from_db()
    assert job.state == "done"
    assert job.result == {"created": 5, "url": "/hazards/"}
    assert (job.done, job.total, job.message) == (10, 10, "Imported 5 hazards.")
    # Read, then the rows checked, then (before the write's transaction) the rows to write.
    assert reported == [
        (0, None, "Reading the file…"),
        (5, 10, "Checking rows…"),
        (5, 10, "Writing 5 hazards…"),
        (10, 10, "Imported 5 hazards."),
    ]
    assert Hazard.objects.filter(enterprise=a, reported_by=street).count() == 5
    assert ImportRecord.objects.get().created == 5
    assert not default_storage.exists(job.params["path"]), "the kept file is deleted"
    note = Notification.objects.get()
    assert (note.user, note.kind, note.url, note.body) == (street, "job_finished", "/hazards/", job.message)
    assert "/hazards/" in client.get(f"/jobs/{job.pk}/progress/").content.decode()


def test_a_large_file_with_bad_rows_ends_failed_with_its_rows_problems(street, enterprises):
    a = enterprises["A"]
    client = browser(street)
    rows = [row(a)] * 3 + [row(a, 隐患描述=None), row(a, 隐患等级=None)]

    answer = client.post(PAGE, {"file": named(ledger_file(rows))})
    work()

    job = Job.objects.get()
    assert job.state == "failed"
    assert job.message == "2 problems in the file; nothing was imported."
    assert job.result == {
        "file": [],
        "rows": [
            {"row": 5, "column": "隐患描述", "message": "Required."},
            {"row": 6, "column": "隐患等级", "message": "Required."},
        ],
        "row_count": 2,
        "url": f"{PAGE}?job={job.pk}",
    }
    assert not Hazard.objects.exists() and not ImportRecord.objects.exists()
    note = Notification.objects.get()
    assert (note.user, note.kind, note.url) == (street, "job_finished", f"{PAGE}?job={job.pk}")
    page = client.get(answer["Location"]).content.decode()
    assert 'data-testid="job-row-errors"' in page and "Required." in page


def test_a_failed_job_lists_the_first_200_problems_on_the_page(street, enterprises):
    a = enterprises["A"]
    client = browser(street)

    client.post(PAGE, {"file": named(ledger_file([row(a, 隐患等级=None)] * 250))})
    work()

    job = Job.objects.get()
    assert len(job.result["rows"]) == 200 and job.result["row_count"] == 250
    page = client.get(f"{PAGE}?job={job.pk}").content.decode()
    assert "The first 200 of 250 problems are listed." in page


def test_a_small_file_is_still_imported_while_the_browser_waits(street, enterprises):
    a = enterprises["A"]

    answer = browser(street).post(PAGE, {"file": named(ledger_file([row(a)]))})

    assert answer.status_code == 302 and answer["Location"] == PAGE
    assert Hazard.objects.count() == 1 and not Job.objects.exists()


def test_a_large_file_imported_before_is_asked_about_before_any_job(street, enterprises):
    a = enterprises["A"]
    data = ledger_file([row(a)] * 5)
    client = browser(street)
    client.post(PAGE, {"file": named(data)})
    work()

    again = client.post(PAGE, {"file": named(data)})

    assert again.status_code == 200 and 'data-testid="ledger-duplicate"' in again.content.decode()
    assert Job.objects.count() == 1


def test_another_users_job_and_its_page_are_404(street, other_street, bureau, enterprises):
    a = enterprises["A"]
    browser(street).post(PAGE, {"file": named(ledger_file([row(a)] * 5))})
    job = Job.objects.get()

    for user in (other_street, bureau):
        client = browser(user)
        assert client.get(f"{PAGE}?job={job.pk}").status_code == 404
        assert client.get(f"/jobs/{job.pk}/progress/").status_code == 404


def test_rows_are_counted_without_parsing_the_file(enterprises):
    a = enterprises["A"]
    assert background.count_rows(ledger_file([row(a)] * 4)) == 5  # the header and 4 rows
    assert background.count_rows("隐患描述,隐患等级\n甲,一般\n乙,一般\n".encode()) == 4
    assert background.count_rows(b"PK\x03\x04 not a zip") == 0


# Export ----------------------------------------------------------------------------------


def test_a_large_export_is_written_by_the_worker_for_its_user_alone(street, other_street, enterprises):
    for description in ("甲隐患", "乙隐患", "丙隐患"):
        hazard_factory(actor=street, enterprise=enterprises["A"], description=description)
    client = browser(street)

    answer = client.get("/hazards/ledger/export/")

    job = Job.objects.get()
    assert answer.status_code == 200 and 'data-testid="ledger-export-job"' in answer.content.decode()
    assert client.get(f"/jobs/{job.pk}/file/").status_code == 404, "no file before the worker writes it"

    work()

    job.refresh_from_db()
    assert job.state == "done" and job.result["rows"] == 3
    note = Notification.objects.get(user=street)
    assert note.url == f"/jobs/{job.pk}/file/"
    download = client.get(note.url)
    assert download.status_code == 200
    sheet = CalamineWorkbook.from_object(io.BytesIO(b"".join(download.streaming_content)))
    descriptions = [r[3] for r in sheet.get_sheet_by_index(0).to_python()[1:]]
    assert descriptions == ["甲隐患", "乙隐患", "丙隐患"]
    assert browser(other_street).get(note.url).status_code == 404


def test_a_small_export_still_streams_at_once(street, enterprises):
    hazard_factory(actor=street, enterprise=enterprises["A"])

    answer = browser(street).get("/hazards/ledger/export/?format=csv")

    assert answer.status_code == 200 and answer["Content-Type"].startswith("text/csv")
    assert not Job.objects.exists()


def test_progress_is_written_outside_the_imports_transaction_so_the_page_sees_it(
    street, enterprises, monkeypatch
):
    # Written inside the import's transaction, the bar would stay still until the import ended:
    # each report is made at the depth of transactions the test itself runs in, none deeper.
    depths = []

    def spy(job, done, total=None, message=None):
        depths.append(len(connection.atomic_blocks))
        services.job_progress(job, done, total, message)

    monkeypatch.setattr(ledger_jobs, "job_progress", spy)
    browser(street).post(PAGE, {"file": named(ledger_file([row(enterprises["A"])] * 5))})
    outside = len(connection.atomic_blocks)

    work()

    assert Job.objects.get().state == "done"
    assert depths == [outside] * 4
