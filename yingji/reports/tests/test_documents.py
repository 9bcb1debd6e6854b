"""The DOCX opens in LibreOffice (converted to PDF here), in GB/T 9704 layout; API and CLI."""

import io
import shutil
import subprocess
import zipfile
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from docx import Document as DocxDocument

from yingji.reports.summary import build_summary
from yingji.reports.writers import to_docx

pytestmark = pytest.mark.django_db


@pytest.fixture
def docx_bytes(bureau, enterprises):
    return to_docx(build_summary(user=bureau, region_code="430102", year=2026, period_code="H1"))


def test_the_docx_has_official_document_layout(docx_bytes):
    doc = DocxDocument(io.BytesIO(docx_bytes))
    section = doc.sections[0]
    measured = [
        section.page_width,
        section.page_height,
        section.top_margin,
        section.bottom_margin,
        section.left_margin,
        section.right_margin,
    ]
    assert [round(m.mm) for m in measured] == [210, 297, 37, 35, 28, 26]  # A4; GB/T 9704 margins
    title = doc.paragraphs[0].runs[0]
    assert (
        title.font.size.pt == 22
        and title.element.rPr.rFonts.get(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia"
        )
        == "方正小标宋简体"
    )
    body = doc.paragraphs[3].runs[0]  # the title takes two lines, then a blank one
    east_asian = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia"
    assert body.font.size.pt == 16 and body.element.rPr.rFonts.get(east_asian) == "仿宋_GB2312"
    assert body.font.name == "仿宋"  # what LibreOffice and WPS use where 仿宋_GB2312 is missing


def test_libreoffice_opens_it(docx_bytes, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is installed by scripts/install-test-deps"
    source = tmp_path / "summary.docx"
    source.write_bytes(docx_bytes)
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pdf = tmp_path / "summary.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = text.replace("\n", "").replace(" ", "")
    assert "芙蓉区应急管理局2026年上半年安全生产工作总结" in text and "二、主要工作开展情况" in text


def test_the_api_answers_each_format(api, bureau, enterprises):
    client = api(bureau)
    params = {"region": "430102", "year": 2026, "period": "H1"}
    docx = client.get("/api/v1/reports/work-summary", params | {"format": "docx"})
    assert docx.status_code == 200 and "wordprocessingml" in docx["Content-Type"]
    assert zipfile.is_zipfile(io.BytesIO(docx.content))
    md = client.get("/api/v1/reports/work-summary", params | {"format": "md"})
    assert md.content.decode().startswith("# 长沙市芙蓉区应急管理局2026年上半年")
    assert client.get("/api/v1/reports/work-summary", params | {"period": "H9"}).status_code == 400
    assert client.get("/api/v1/reports/work-summary", params | {"region": "430103"}).status_code == 404


def test_the_command_writes_a_file_and_refuses_bad_input(admin, tmp_path):
    out = tmp_path / "s.docx"
    call_command(
        "report",
        "work-summary",
        "--region",
        "430102",
        "--year",
        "2026",
        "--period",
        "H1",
        "--format",
        "docx",
        "-o",
        str(out),
    )
    assert zipfile.is_zipfile(out)
    with pytest.raises(CommandError) as error:
        call_command("report", "work-summary", "--region", "999999", "--year", "2026")
    assert error.value.returncode == 2


def test_the_page_previews_and_downloads(client, bureau, street, enterprises):
    from yingji.accounts.tests.factories import web_login

    web_login(client, "bureau")
    page = client.get("/reports/work-summary/", {"region": "430102", "year": 2026, "period": "H1"})
    assert "二、主要工作开展情况" in page.content.decode()
    download = client.get(
        "/reports/work-summary/", {"region": "430102", "year": 2026, "period": "H1", "format": "docx"}
    )
    assert download["Content-Disposition"] == "attachment; filename*=utf-8''" + quote("芙蓉区2026年上半年安全生产工作总结.docx")
    client.post("/logout/")
    web_login(client, "street")
    assert client.get("/reports/work-summary/").status_code == 403
