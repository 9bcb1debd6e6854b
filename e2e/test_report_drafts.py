"""The bureau's office words its half-year summary: it opens a draft, rewrites the production-
accident paragraph around its bound number, an accident is recorded meanwhile, and on reload
the number has followed the records while the office's sentence stayed. It finalises the
report, downloads the DOCX and the PDF the worker made with LibreOffice."""

import re
import shutil
import subprocess

import pytest
from playwright.sync_api import expect

from e2e.conftest import ARTIFACTS
from e2e.test_accidents import log_in

pytestmark = pytest.mark.e2e
SITUATION = '[data-slot="1/situation/0"]'
OWN_SENTENCE = "我局对每起事故均逐起挂牌督办、跟踪问责。"
FILENAME = "芙蓉区2026年上半年安全生产工作总结"


def record_an_accident(page, server) -> None:
    """A production accident in May 2026, recorded through the API as a street's report would be."""
    password = server["accounts"]["bureau"]
    token = page.request.post(
        server["url"] + "/api/v1/auth/token", data={"username": "bureau", "password": password}
    ).json()["token"]
    occurred = "2026-05-12T09:30:00"  # Beijing time, as the API takes it
    response = page.request.post(
        server["url"] + "/api/v1/accidents",
        headers={"Authorization": f"Bearer {token}"},
        data={
            "occurred_at": occurred,
            "region_code": "430102015",
            "place": "五一大道368号在建工地",
            "kind": "production",
            "category": "09",
            "deaths": 0,
            "missing": 0,
            "serious_injuries": 0,
            "minor_injuries": 1,
            "direct_loss": "20000",
            "summary": "一名工人在脚手架作业时坠落受伤。",
            "reported_at": occurred,
        },
    )
    assert response.status == 201, response.text()


def count_shown(page) -> int:
    return int(page.locator(f'{SITUATION} .draft-read a.bound[title="p.count.value"]').inner_text())


def test_the_office_words_the_summary_and_finalises_it(server, page, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    log_in(page, server, "bureau")
    page.goto(server["url"] + "/reports/work-summary/?region=430102&year=2026&period=H1")
    page.get_by_test_id("save-as-draft").get_by_role("button").click()

    expect(page).to_have_url(re.compile(r"/reports/drafts/\d+/$"))
    expect(page.get_by_test_id("draft-title")).to_have_text(
        "长沙市芙蓉区应急管理局2026年上半年安全生产工作总结"
    )
    # Chinese once scripts/zh/drafts.py is merged into the catalogue; English until then.
    explained = re.compile(
        "高亮数字随记录自动更新；您改写的文字保留。|Highlighted numbers update with the records"
    )
    expect(page.get_by_test_id("draft-explain")).to_have_text(explained)
    before = count_shown(page)

    paragraph = page.locator(SITUATION)
    paragraph.get_by_test_id("rewrite").click()
    editor = paragraph.get_by_test_id("editor")
    expect(editor).to_be_visible()  # the numbers are tokens in the editor
    expect(editor.locator('.token[data-name="p.count.value"]')).to_have_text(str(before))
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(OWN_SENTENCE)
    page.screenshot(path=str(ARTIFACTS / "report-draft-editing.png"), full_page=True)
    paragraph.get_by_test_id("save-paragraph").click()

    expect(page.locator(f"{SITUATION} [data-testid=edited-flag]")).to_be_visible()
    expect(page.locator(f"{SITUATION} .draft-read")).to_contain_text(OWN_SENTENCE)

    record_an_accident(page, server)
    page.reload()

    assert count_shown(page) == before + 1  # the bound number followed the records
    expect(page.locator(f"{SITUATION} .draft-read")).to_contain_text(
        OWN_SENTENCE
    )  # the office's words stayed
    history = page.get_by_test_id("draft-history")
    expect(history.locator("tbody tr")).to_have_count(2)

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_test_id("finalise").click()
    expect(page.get_by_test_id("finalise")).to_have_count(0)
    expect(page.get_by_test_id("save-paragraph")).to_have_count(0)
    page.screenshot(path=str(ARTIFACTS / "report-draft-finalised.png"), full_page=True)

    with page.expect_download() as docx_download:
        page.get_by_test_id("draft-download-docx").click()
    assert docx_download.value.suggested_filename == f"{FILENAME}.docx"
    docx = tmp_path / "report.docx"
    docx_download.value.save_as(docx)

    page.get_by_test_id("make-pdf").click()
    expect(page.get_by_test_id("pdf-job").locator(".job-done")).to_be_visible(timeout=120_000)
    page.reload()
    with page.expect_download() as pdf_download:
        page.get_by_test_id("draft-download-pdf").click()
    assert pdf_download.value.suggested_filename == f"{FILENAME}.pdf"
    pdf = tmp_path / "report.pdf"
    pdf_download.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert OWN_SENTENCE in text.replace("\n", "").replace(" ", "")

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf"]
        + ["--outdir", str(tmp_path / "out"), str(docx)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert (tmp_path / "out" / "report.pdf").read_bytes().startswith(b"%PDF")


def test_the_office_words_a_part_with_labels_instead_of_template_syntax(server, page):
    log_in(page, server, "bureau")
    page.goto(server["url"] + "/reports/wording/")

    editor = page.get_by_test_id("wording-editor-situation")
    expect(editor).to_be_visible()
    expect(page.locator("textarea[name=situation]")).to_be_hidden()
    count = editor.locator('.token[data-src="{{ p.count.value }}"]')
    expect(count).to_have_text(re.compile(r"^【.+】$"))  # a label, not {{ p.count.value }}
    expect(editor).not_to_contain_text("{{")

    editor.focus()
    page.keyboard.press("Control+End")
    page.keyboard.type("我局持续加强监管。")
    preview = page.get_by_test_id("wording-preview-situation")
    expect(preview).to_contain_text("我局持续加强监管。")
    expect(preview).not_to_contain_text("【")  # filled with this year's numbers
    page.screenshot(path=str(ARTIFACTS / "report-wording-editor.png"), full_page=True)
