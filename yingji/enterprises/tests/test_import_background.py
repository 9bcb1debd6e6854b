"""An enterprise workbook too large for a request, from the web page: imported by the worker,
all or nothing, ending with a notification that links to the list or to the file's problems."""

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from yingji.accounts.tests.factories import web_login
from yingji.enterprises.models import Enterprise
from yingji.enterprises.tests.factories import make_uscc, xlsx
from yingji.imports.models import ImportRecord
from yingji.jobs.models import Job
from yingji.notifications.models import Notification

pytestmark = pytest.mark.django_db
PAGE = "/enterprises/import/"
HEADER = ["统一社会信用代码", "单位名称", "区划代码", "行业领域"]


@pytest.fixture(autouse=True)
def threshold(settings):
    settings.YINGJI_BACKGROUND_IMPORT_ROWS = 3  # more than 3 rows, header included


def browser(user) -> Client:
    client = Client()
    assert web_login(client, user.username)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def work() -> None:
    call_command("worker", "--once", stdout=io.StringIO())


def test_a_large_workbook_is_imported_by_the_worker_and_the_user_told(bureau):
    names = ["甲商贸有限公司", "乙商贸有限公司", "丙商贸有限公司", "丁商贸有限公司"]
    client = browser(bureau)

    answer = client.post(
        PAGE, {"file": xlsx([HEADER] + [[make_uscc(), n, "430102015", "商贸"] for n in names])}
    )

    job = Job.objects.get()
    assert answer.status_code == 302 and answer["Location"] == f"{PAGE}?job={job.pk}"
    assert not Enterprise.objects.exists(), "nothing imported while the browser waits"
    assert 'data-testid="import-job"' in client.get(answer["Location"]).content.decode()

    work()

    job.refresh_from_db()
    assert job.state == "done"
    assert job.result == {"created": 4, "updated": 0, "url": "/enterprises/"}
    assert job.message == "Imported: 4 registered, 0 changed, 0 unchanged."
    assert sorted(Enterprise.objects.values_list("name", flat=True)) == sorted(names)
    assert ImportRecord.objects.get().created == 4
    note = Notification.objects.get()
    assert (note.user, note.kind, note.url) == (bureau, "job_finished", "/enterprises/")


def test_a_large_workbook_with_a_bad_row_imports_nothing_and_lists_it(bureau):
    rows = [[make_uscc(), f"商贸{n}有限公司", "430102015", "商贸"] for n in range(3)]
    rows.append([make_uscc(), "", "430102015", "商贸"])
    client = browser(bureau)

    answer = client.post(PAGE, {"file": xlsx([HEADER] + rows)})
    work()

    job = Job.objects.get()
    assert job.state == "failed"
    assert [(e["row"], e["column"]) for e in job.result["rows"]] == [(5, "单位名称")]
    assert job.result["url"] == f"{PAGE}?job={job.pk}"
    assert not Enterprise.objects.exists() and not ImportRecord.objects.exists()
    assert Notification.objects.get().url == f"{PAGE}?job={job.pk}"
    assert 'data-testid="job-row-errors"' in client.get(answer["Location"]).content.decode()


def test_another_users_import_job_is_404(bureau, outsider, street):
    rows = [[make_uscc(), f"商贸{n}有限公司", "430102015", "商贸"] for n in range(4)]
    browser(bureau).post(PAGE, {"file": xlsx([HEADER] + rows)})
    job = Job.objects.get()

    for user in (outsider, street):
        assert browser(user).get(f"{PAGE}?job={job.pk}").status_code == 404
