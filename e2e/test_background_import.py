"""The bureau imports a ledger too large for a request (2,100 rows, past the default 2,000): the
page shows a progress bar that the worker started by `yingji serve` moves to its end, and the
navigation's badge then tells of the notification, which links to the hazards imported."""

import re

import openpyxl
import pytest
from playwright.sync_api import expect

from e2e.conftest import ARTIFACTS
from e2e.test_ledger import FOUND, api, hazard_count

pytestmark = pytest.mark.e2e
ROWS = 2100


def large_ledger(path, enterprise) -> None:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["序号", "单位名称", "统一社会信用代码", "隐患描述", "隐患等级", "发现日期", "状态"])
    for n in range(1, ROWS + 1):
        sheet.append(
            [n, enterprise["name"], enterprise["uscc"], f"后台导入测试隐患{n}", "一般", FOUND, "待整改"]
        )
    book.save(path)


def test_a_large_ledger_imports_in_the_background_and_ends_with_a_notification(server, page, tmp_path):
    token = api(
        server, "/api/v1/auth/token", body={"username": "bureau", "password": server["accounts"]["bureau"]}
    )["token"]
    enterprise = api(server, "/api/v1/enterprises", token=token)["results"][0]
    before = hazard_count(server, token)
    unread = api(server, "/api/v1/notifications?unread=1", token=token)["count"]
    path = tmp_path / "大台账.xlsx"
    large_ledger(path, enterprise)

    page.goto(server["url"] + "/login/")
    page.get_by_label("用户名").fill("bureau")
    page.get_by_label("密码").fill(server["accounts"]["bureau"])
    page.get_by_role("button", name="登录").click()
    page.goto(server["url"] + "/hazards/ledger/import/")
    page.get_by_label("台账文件").set_input_files(str(path))
    page.get_by_role("button", name="导入", exact=True).click()

    # The page answers at once with the job's progress bar, which polls until the job ends.
    expect(page).to_have_url(re.compile(r"/hazards/ledger/import/\?job=\d+$"))
    job = page.get_by_test_id("ledger-job")
    expect(job.locator("progress")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "ledger-background-progress.png"), full_page=True)
    expect(job.locator(".job-done")).to_be_visible(timeout=90_000)
    expect(job.locator(".job-done a")).to_have_attribute("href", "/hazards/")
    assert hazard_count(server, token) == before + ROWS

    # The next page load shows the unread badge; the notification links to the hazards.
    page.goto(server["url"] + "/hazards/")
    expect(page.get_by_test_id("unread-badge")).to_have_text(str(unread + 1))
    page.goto(server["url"] + "/notifications/")
    expect(page.locator("tr.unread a[href='/hazards/']")).to_have_count(1)
    page.screenshot(path=str(ARTIFACTS / "ledger-background-notification.png"), full_page=True)
