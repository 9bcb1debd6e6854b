"""The bureau records a drill with its participants on the form, finds it on the drill list with
the year's totals grown by it, and the work summary's 演练 sentence counts it."""

import re

import pytest
from playwright.sync_api import expect

from e2e.conftest import ARTIFACTS, log_in

pytestmark = pytest.mark.e2e
DISTRICT = "430102"


def _totals(page) -> tuple[int, int]:
    totals = page.get_by_test_id("totals")
    return int(totals.get_attribute("data-count")), int(totals.get_attribute("data-participants"))


def test_the_bureau_records_a_drill_and_the_summary_counts_it(server, browser):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    page = context.new_page()
    log_in(page, server, "bureau")
    today = page.evaluate("new Date().toISOString().slice(0, 10)")
    year = today[:4]
    page.goto(server["url"] + f"/preparedness/drills/?year={year}")
    count, participants = _totals(page)
    assert count > 0

    page.get_by_role("link", name=re.compile("Record a drill|录入演练|记录演练")).click()
    form = page.get_by_test_id("preparedness-form")
    form.locator("[name=title]").fill("东岸街道防汛转移避险实战演练")
    form.locator("[name=date]").fill(today)
    form.locator("[name=type]").select_option("field")
    form.locator("[name=region_code]").select_option(DISTRICT)
    form.locator("[name=participants]").fill("237")
    form.locator("[name=organiser]").fill("芙蓉区应急管理局")
    form.locator("[name=problems]").fill("个别社区转移路线标识不清")
    form.locator("[name=follow_ups]").fill("更新转移路线标识")
    page.screenshot(path=str(ARTIFACTS / "preparedness-drill-form.png"), full_page=True)
    form.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/preparedness/drills/\d+/$"))
    expect(page.get_by_test_id("participants")).to_have_text("237")

    page.goto(server["url"] + f"/preparedness/drills/?year={year}")
    assert _totals(page) == (count + 1, participants + 237)
    expect(page.locator("table tbody tr").first).to_contain_text("东岸街道防汛转移避险实战演练")

    page.goto(server["url"] + f"/reports/work-summary/?region={DISTRICT}&year={year}&period=year")
    expect(page.locator("body")).to_contain_text(f"开展应急演练{count + 1}次、{participants + 237}余人参加")
    page.screenshot(path=str(ARTIFACTS / "preparedness-summary.png"), full_page=True)
    context.close()
