"""/api/v1/reports/drafts: create, read, edit by slot, 定稿, versions and downloads; the PDF
is made by LibreOffice in the worker."""

import datetime
import io
import shutil
import subprocess
import zipfile
from urllib.parse import quote

import pytest
from django.core.management import call_command
from docx import Document as DocxDocument

from yingji.jobs.models import Job
from yingji.reports.tests.test_drafts import OWN_SENTENCE, SITUATION, accident

pytestmark = pytest.mark.django_db
URL = "/api/v1/reports/drafts"
H1 = {"region": "430102", "year": 2026, "period": "H1"}
FILENAME = "芙蓉区2026年上半年安全生产工作总结"


def situation(body: dict) -> dict:
    return next(p for s in body["sections"] for p in s["paragraphs"] if p["slot"] == SITUATION)


@pytest.fixture
def draft(api, bureau, enterprises):
    accident(datetime.date(2026, 3, 1))
    response = api(bureau).post(URL, H1, content_type="application/json")
    assert response.status_code == 201
    return response.json()


def test_a_draft_lists_its_paragraphs_by_slot_with_values_and_links(draft):
    assert draft["title"] == "长沙市芙蓉区应急管理局2026年上半年安全生产工作总结"
    assert (draft["region_code"], draft["period_label"], draft["status"]) == (
        "430102",
        "2026年上半年",
        "draft",
    )
    shown = situation(draft)
    assert shown["values"]["p.count.value"] == "1" and shown["links"]["p.count.value"].startswith("/")
    assert "{{ p.count.value }}" in shown["text"] and "共发生生产安全事故1起" in shown["rendered"]


def test_patch_keeps_the_offices_text_and_the_next_read_refreshes_its_number(api, bureau, draft):
    client = api(bureau)
    patch = {"paragraphs": [{"slot": SITUATION, "text": OWN_SENTENCE}]}
    saved = client.patch(f"{URL}/{draft['id']}", patch, content_type="application/json")
    assert saved.status_code == 200 and situation(saved.json())["edited"]

    accident(datetime.date(2026, 4, 1))

    body = client.get(f"{URL}/{draft['id']}").json()
    assert situation(body)["rendered"] == "上半年全区共发生生产安全事故2起，我局对每起事故均挂牌督办。"
    versions = client.get(f"{URL}/{draft['id']}/versions").json()
    assert [(v["number"], v["action"], v["actor"]) for v in versions] == [
        (2, "edit", "bureau"),
        (1, "create", "bureau"),
    ]
    assert versions[0]["changes"][0]["after"] == OWN_SENTENCE


def test_patch_answers_400_with_the_reason_by_slot(api, bureau, draft):
    patch = {"paragraphs": [{"slot": SITUATION, "text": "共{{ p.nothing }}起"}]}

    refused = api(bureau).patch(f"{URL}/{draft['id']}", patch, content_type="application/json")

    assert refused.status_code == 400
    assert refused.json() == {"errors": {SITUATION: ["未知的占位符“p.nothing”。"]}}


def test_finalise_freezes_and_later_changes_are_409(api, bureau, draft):
    client = api(bureau)
    final = client.post(f"{URL}/{draft['id']}/actions/finalise")
    assert final.status_code == 200 and final.json()["status"] == "final" and final.json()["as_of"]
    docx = client.get(f"{URL}/{draft['id']}/download", {"format": "docx"}).content

    accident(datetime.date(2026, 4, 1))

    assert situation(client.get(f"{URL}/{draft['id']}").json()) == situation(final.json())
    again = client.get(f"{URL}/{draft['id']}/download", {"format": "docx"}).content
    texts = lambda content: [p.text for p in DocxDocument(io.BytesIO(content)).paragraphs]  # noqa: E731
    assert texts(again) == texts(docx)
    patch = {"paragraphs": [{"slot": SITUATION, "text": OWN_SENTENCE}]}
    assert client.patch(f"{URL}/{draft['id']}", patch, content_type="application/json").status_code == 409
    assert client.post(f"{URL}/{draft['id']}/actions/finalise").status_code == 409


def test_downloads_carry_the_chinese_file_name(api, bureau, draft):
    client = api(bureau)
    docx = client.get(f"{URL}/{draft['id']}/download", {"format": "docx"})
    md = client.get(f"{URL}/{draft['id']}/download", {"format": "md"})

    assert zipfile.is_zipfile(io.BytesIO(docx.content))
    assert docx["Content-Disposition"] == f"attachment; filename*=utf-8''{quote(FILENAME)}.docx"
    assert md.content.decode().startswith("# 长沙市芙蓉区应急管理局2026年上半年安全生产工作总结")
    assert client.get(f"{URL}/{draft['id']}/download", {"format": "pdf"}).status_code == 409  # not made yet
    assert client.get(f"{URL}/{draft['id']}/download", {"format": "exe"}).status_code == 400


def test_scoping_and_roles(api, bureau, outsider, street, draft):
    other = api(outsider)
    assert other.get(f"{URL}/{draft['id']}").status_code == 404
    assert other.get(URL).json()["count"] == 0
    assert other.post(URL, H1, content_type="application/json").status_code == 404
    assert api(street).get(f"{URL}/{draft['id']}").status_code == 403
    assert api(bureau).get(URL).json()["count"] == 1


def test_bad_input_is_400(api, bureau):
    client = api(bureau)
    for body in ({"region": "430102"}, {"region": "430102", "year": 2026, "period": "H7"}):
        assert client.post(URL, body, content_type="application/json").status_code == 400


@pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice is not installed"
)
def test_the_worker_makes_the_pdf_with_libreoffice(api, bureau, draft):
    client = api(bureau)
    started = client.post(f"{URL}/{draft['id']}/actions/pdf")
    assert started.status_code == 202 and started.json()["state"] == "queued"

    call_command("worker", "--once", stdout=io.StringIO())

    job = Job.objects.get(pk=started.json()["id"])
    assert job.state == "done", job.message
    assert job.result["filename"] == f"{FILENAME}.pdf"
    pdf = client.get(f"{URL}/{draft['id']}/download", {"format": "pdf"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf["Content-Disposition"] == f"attachment; filename*=utf-8''{quote(FILENAME)}.pdf"
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf.content, capture_output=True, check=True).stdout
    assert "共发生生产安全事故1起" in text.decode().replace("\n", "").replace(" ", "")

    accident(datetime.date(2026, 4, 1))  # the report now reads otherwise: that PDF is stale

    assert client.get(f"{URL}/{draft['id']}/download", {"format": "pdf"}).status_code == 409


def test_a_draft_over_a_window_is_created_with_from_and_to(api, bureau, enterprises):
    body = {"region": "430102", "from": "2026-01-01", "to": "2026-03-31"}

    created = api(bureau).post(URL, body, content_type="application/json")

    assert created.status_code == 201
    assert (created.json()["start"], created.json()["end"]) == ("2026-01-01", "2026-03-31")
    reversed_window = {"region": "430102", "from": "2026-03-31", "to": "2026-01-01"}
    assert api(bureau).post(URL, reversed_window, content_type="application/json").status_code == 400


@pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice is not installed"
)
def test_the_pdf_of_a_finalised_report_is_served_after_records_change(api, bureau, draft):
    client = api(bureau)
    client.post(f"{URL}/{draft['id']}/actions/finalise")
    client.post(f"{URL}/{draft['id']}/actions/pdf")
    call_command("worker", "--once", stdout=io.StringIO())
    first = client.get(f"{URL}/{draft['id']}/download", {"format": "pdf"}).content

    accident(datetime.date(2026, 4, 1))

    again = client.get(f"{URL}/{draft['id']}/download", {"format": "pdf"})
    assert again.status_code == 200 and again.content == first
