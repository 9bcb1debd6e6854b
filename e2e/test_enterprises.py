"""The registry in a browser: a bureau user filters by risk grade, opens a record, edits it,
exports the list and meets an import that is refused as a whole."""

import pytest
from openpyxl import Workbook
from playwright.sync_api import expect

from e2e.conftest import ARTIFACTS

pytestmark = pytest.mark.e2e


def _log_in(page, server, username):
    page.goto(server["url"] + "/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(server["accounts"][username])
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_test_id("welcome")).to_be_visible()


def test_bureau_filters_opens_edits_exports_and_meets_a_refused_import(server, page, tmp_path):
    _log_in(page, server, "bureau")
    page.goto(server["url"] + "/enterprises/")
    filters = page.get_by_test_id("enterprise-filters")
    filters.get_by_label("风险等级").select_option("major")
    filters.get_by_role("button", name="筛选").click()
    badges = page.get_by_test_id("risk-grade")
    expect(badges.first).to_have_text("重大风险")
    assert set(badges.all_inner_texts()) == {"重大风险"}
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "enterprises-major-risk.png"), full_page=True)

    page.locator("table.enterprises tbody a").first.click()
    expect(page.get_by_test_id("hazards")).to_be_visible()
    page.get_by_test_id("edit").click()
    page.get_by_label("风险等级").select_option("relatively_high")
    page.get_by_role("button", name="保存").click()
    expect(page.locator(".message")).to_have_text("已保存。")
    expect(page.get_by_test_id("history")).to_contain_text("风险等级: 重大风险 → 较大风险")
    page.screenshot(path=str(ARTIFACTS / "enterprise-record.png"), full_page=True)

    page.goto(server["url"] + "/enterprises/")
    with page.expect_download() as download:
        page.get_by_test_id("export").click()
    assert download.value.suggested_filename.endswith(".xlsx")

    book = Workbook()
    book.active.append(["统一社会信用代码", "单位名称", "区划代码", "行业领域"])
    book.active.append(["91430102000000001X", "错码有限公司", "430102015", "商贸"])
    path = tmp_path / "bad.xlsx"
    book.save(path)
    page.goto(server["url"] + "/enterprises/import/")
    page.locator("input[name=file]").set_input_files(str(path))
    page.get_by_role("button", name="导入").click()
    problems = page.get_by_test_id("problems")
    expect(problems).to_contain_text("未导入任何数据")
    expect(problems.locator("tbody tr")).to_have_count(1)
    expect(problems.locator("tbody tr td").nth(1)).to_have_text("统一社会信用代码")
