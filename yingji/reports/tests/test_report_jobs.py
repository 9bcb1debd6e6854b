"""A city's or a province's report from the web page is made by the worker: the page shows the
job's progress bar instead of a preview, and the file is served to its user alone."""

import io

import pytest
from django.core.management import call_command
from django.test import Client

from yingji.accounts.tests.factories import web_login
from yingji.jobs.models import Job
from yingji.notifications.models import Notification

pytestmark = pytest.mark.django_db
PAGE = "/reports/work-summary/"
CITY = {"region": "4301", "year": 2026, "period": "H1"}


def browser(user) -> Client:
    client = Client()
    assert web_login(client, user.username)
    return client


def test_a_citys_page_shows_no_preview_and_starts_nothing_until_a_document_is_chosen(admin):
    page = browser(admin).get(PAGE, CITY)

    assert page.status_code == 200
    text = page.content.decode()
    assert 'data-testid="report-background"' in text and 'data-testid="report-preview"' not in text
    assert not Job.objects.exists()


def test_a_citys_summary_is_made_by_the_worker_and_served_to_its_user_alone(admin, bureau):
    client = browser(admin)

    page = client.get(PAGE, CITY | {"format": "md"})

    job = Job.objects.get()
    assert (job.user, job.kind, job.state) == (admin, "report", "queued")
    assert f'hx-get="/jobs/{job.pk}/progress/"' in page.content.decode()

    call_command("worker", "--once", stdout=io.StringIO())

    job.refresh_from_db()
    assert job.state == "done"
    assert job.result["filename"] == "work-summary-4301-2026-H1.md"
    note = Notification.objects.get(user=admin)
    assert note.url == f"/jobs/{job.pk}/file/"
    download = client.get(note.url)
    assert download.status_code == 200
    assert "work-summary-4301-2026-H1.md" in download["Content-Disposition"]
    assert b"".join(download.streaming_content).decode().startswith("#")
    assert browser(bureau).get(note.url).status_code == 404


def test_a_citys_table_is_made_by_the_worker(admin):
    browser(admin).get(PAGE, CITY | {"table": "hazard-table"})
    call_command("worker", "--once", stdout=io.StringIO())

    job = Job.objects.get()
    assert job.state == "done" and job.result["filename"] == "hazard-table-4301-2026-H1.xlsx"


def test_a_region_outside_the_jurisdiction_starts_no_job(bureau):
    page = browser(bureau).get(PAGE, CITY | {"format": "docx"})

    assert page.status_code == 200 and "4301" in page.content.decode()
    assert not Job.objects.exists()
