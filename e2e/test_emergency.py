"""The duty desk starts a Ⅳ-level flood-control response and raises it to Ⅲ; a street records
the people it moved; the work summary counts them in its emergency paragraph."""

import re

import pytest
from playwright.sync_api import expect

from e2e.conftest import ARTIFACTS, log_in

pytestmark = pytest.mark.e2e
DISTRICT, DONGAN = "430102", "430102015"


def test_a_response_is_raised_a_street_evacuates_and_the_summary_counts_it(server, page, browser):
    ARTIFACTS.mkdir(exist_ok=True)
    log_in(page, server, "duty")
    page.goto(server["url"] + "/emergency/responses/")
    form = page.get_by_test_id("response-form")
    form.locator("select[name=type]").select_option("flood")
    form.locator("select[name=level]").select_option("IV")
    form.locator("select[name=region_code]").select_option(DISTRICT)
    form.locator("textarea[name=reason]").fill("芙蓉区持续强降雨")
    page.get_by_test_id("start-response").click()

    expect(page).to_have_url(re.compile(r"/emergency/responses/\d+/$"))
    expect(page.get_by_test_id("response-level")).to_have_text("Ⅳ")
    measures = page.get_by_test_id("measures").locator("li")
    expect(measures.first).to_be_visible()
    page.get_by_test_id("measures").locator("button").first.click()
    expect(page.get_by_test_id("ticked").first).to_contain_text("孙值班")

    form = page.get_by_test_id("change-level-form")
    form.locator("select[name=level]").select_option("III")
    form.locator("input[name=note]").fill("湘江水位超警戒")
    page.get_by_test_id("change-level").click()
    expect(page.get_by_test_id("response-level")).to_have_text("Ⅲ")
    history = page.get_by_test_id("level-history").locator("li")
    expect(history).to_have_count(2)
    expect(history.nth(1)).to_contain_text("湘江水位超警戒")
    page.screenshot(path=str(ARTIFACTS / "emergency-response.png"), full_page=True)

    # The street records the people it moved.
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    street = context.new_page()
    log_in(street, server, "street")
    street.goto(server["url"] + "/emergency/evacuations/")
    before = int(street.get_by_test_id("evacuation-totals").get_attribute("data-people"))
    form = street.get_by_test_id("evacuation-form")
    form.locator("select[name=region_code]").select_option(DONGAN)
    form.locator("input[name=people]").fill("37")
    form.locator("input[name=special_group_people]").fill("5")
    form.locator("select[name=shelter]").select_option(index=1)
    street.get_by_test_id("save-evacuation").click()
    expect(street.get_by_test_id("evacuation-totals")).to_have_attribute("data-people", str(before + 37))
    expect(street.get_by_test_id("evacuations").locator("tbody tr").first).to_contain_text("37")
    street.screenshot(path=str(ARTIFACTS / "emergency-evacuation.png"), full_page=True)
    context.close()

    # The bureau's work summary counts the district's people moved this year, the street's 37 in them.
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    page = context.new_page()
    log_in(page, server, "bureau")
    page.goto(server["url"] + "/emergency/evacuations/")
    total = int(page.get_by_test_id("evacuation-totals").get_attribute("data-people"))
    year = page.evaluate("new Date().getFullYear()")
    page.goto(server["url"] + f"/reports/work-summary/?region={DISTRICT}&year={year}&period=year")
    expect(page.locator("body")).to_contain_text(re.compile(rf"应急避险转移{total}人（其中特殊群体\d+人）"))
    expect(page.locator("body")).to_contain_text(re.compile(r"启动防汛应急响应Ⅳ级\d+次、Ⅲ级[1-9]\d*次"))
    page.screenshot(path=str(ARTIFACTS / "emergency-summary.png"), full_page=True)
    context.close()
