"""专项整治, 周调度: a member department opens this week's dispatch form from its to-do, pre-filled
from its own records, and submits it; the committee office sees the lights — last week's two
red — and downloads the roll-up as XLSX with its 合计 row."""

import datetime
import io
import re
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from e2e.conftest import ARTIFACTS, log_in

pytestmark = pytest.mark.e2e


def test_a_department_submits_its_weekly_form_and_the_office_rolls_it_up(server, browser):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(
        viewport={"width": 1280, "height": 800}, locale="zh-CN", accept_downloads=True
    )
    page = context.new_page()
    log_in(page, server, "department")
    page.get_by_role("link", name=re.compile("报送调度表：岁末年初安全生产专项整治")).first.click()
    form = page.get_by_test_id("dispatch-form")
    expect(form).to_be_visible()
    product = page.get_by_test_id("product-hazards")
    expect(product).to_contain_text("系统统计为")
    found = form.get_by_test_id("field-hazards").input_value()
    assert found.isdigit()  # pre-filled with the product's figure
    form.locator("textarea[name=work]").fill("开展燃气安全专项检查")
    page.get_by_test_id("submit-form").click()
    expect(page.get_by_test_id("submitted")).to_contain_text("已于")
    page.screenshot(path=str(ARTIFACTS / "campaign-form.png"), full_page=True)
    campaign_url = re.sub(r"form/.*$", "", page.url)
    context.close()

    context = browser.new_context(
        viewport={"width": 1280, "height": 800}, locale="zh-CN", accept_downloads=True
    )
    page = context.new_page()
    log_in(page, server, "bureau")
    page.goto(campaign_url)
    lights = page.get_by_test_id("lights")
    expect(lights).to_be_visible()
    columns = lights.locator("thead th").count() - 1
    last_week = lights.locator(f"tbody tr td:nth-child({columns})")  # the last period past due
    expect(last_week.locator("[data-light=red]")).to_have_count(2)
    housing = lights.locator("tbody tr", has_text="区住房和城乡建设局")
    # This week's, just in: green before Friday 16:00 Beijing time (the demo's due hour), red after (late).
    now = datetime.datetime.now(ZoneInfo("Asia/Shanghai"))
    friday = (now - datetime.timedelta(days=now.weekday() - 4)).replace(
        hour=16, minute=0, second=0, microsecond=0
    )
    light = "green" if now <= friday else "red"
    expect(housing.locator("td").last.locator(f"[data-light={light}]")).to_have_count(1)
    with page.expect_download() as download:
        page.get_by_test_id("rollup-xlsx").click()
    sheet = load_workbook(io.BytesIO(open(download.value.path(), "rb").read())).active  # noqa: SIM115
    assert sheet["A1"].value.startswith("岁末年初安全生产专项整治调度汇总表")
    rows = {row[1].value: row for row in sheet.iter_rows(min_row=3) if row[1].value}
    assert "合计" in rows and "区住房和城乡建设局" in rows
    page.screenshot(path=str(ARTIFACTS / "campaign-rollup.png"), full_page=True)
    context.close()
