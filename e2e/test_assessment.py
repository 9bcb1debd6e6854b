"""考核 and 通报: the committee office opens this year's assessment, sees the units ranked with
the points each item cost them, issues the ranking notice and downloads it as DOCX, numbered."""

import io
import re

import pytest
from docx import Document
from playwright.sync_api import expect

from e2e.conftest import ARTIFACTS, log_in

pytestmark = pytest.mark.e2e


def test_the_office_ranks_the_units_and_downloads_the_notice(server, browser):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(
        viewport={"width": 1280, "height": 800}, locale="zh-CN", accept_downloads=True
    )
    page = context.new_page()
    log_in(page, server, "bureau")
    page.goto(server["url"] + "/assessments/")
    page.get_by_test_id("schemes").get_by_role("link").first.click()
    first = page.get_by_test_id("rank-1")
    expect(first).to_be_visible()
    leader = first.locator("td").nth(1).inner_text().split()[0]
    page.screenshot(path=str(ARTIFACTS / "assessment-ranking.png"), full_page=True)
    page.get_by_test_id("issue-notice").click()
    expect(page.locator("body")).to_contain_text(re.compile(r"通报芙安委办通〔\d{4}〕1号已印发"))
    with page.expect_download() as download:
        page.get_by_test_id("notices").get_by_role("link", name="DOCX").first.click()
    text = "\n".join(
        p.text for p in Document(io.BytesIO(open(download.value.path(), "rb").read())).paragraphs
    )  # noqa: SIM115
    assert re.search(r"关于\d{4}年度安全生产工作考核结果的通报", text)
    assert f"第1名：{leader}（" in text
    context.close()
