"""A drill-down in the browser: the bureau follows a number of the dashboard's map to its
hazards, sees every filter the list applies as a chip, removes the street's chip and the list
widens to the whole district; on a phone the rows are cards with the deadline in view and the
filter form is folded away."""

import re

import pytest
from playwright.sync_api import expect

from e2e.conftest import ARTIFACTS
from e2e.test_dashboard import DONGAN, click_on_street, listed_count, log_in

pytestmark = pytest.mark.e2e


def test_a_drill_down_shows_its_filters_as_chips_and_removing_one_widens_the_list(server, page, browser):
    log_in(page, server)
    page.get_by_test_id("map-indicator").select_option("hazards.overdue")
    expect(page.get_by_test_id("map")).to_have_attribute("data-indicator", "hazards.overdue")
    click_on_street(page, DONGAN)
    expect(page).to_have_url(re.compile(rf"overdue_on=.*region={DONGAN}"))
    in_the_street = listed_count(page)

    chips = page.get_by_test_id("chip")
    cutoff = re.search(r"overdue_on=([\d-]+)", page.url).group(1)
    expect(page.locator('[data-testid="chip"][data-filter="region"]')).to_contain_text("东岸街道")
    expect(page.locator('[data-testid="chip"][data-filter="overdue_on"]')).to_contain_text(cutoff)
    expect(page.locator('[data-testid="chip"][data-filter="counted"]')).to_have_count(1)
    expect(chips).to_have_count(3)  # nothing applies that has no chip
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "drilldown-chips.png"), full_page=True)

    page.locator('[data-testid="chip"][data-filter="region"]').click()
    expect(page).not_to_have_url(re.compile(r"region="))
    expect(chips).to_have_count(2)
    expect(page.locator('[data-testid="chip"][data-filter="overdue_on"]')).to_contain_text(cutoff)
    in_the_district = listed_count(page)
    assert in_the_district > in_the_street > 0

    # The same list on a phone: cards with their deadline, the filter form folded.
    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", is_mobile=True)
    small = phone.new_page()
    small.context.add_cookies(page.context.cookies())
    small.goto(page.url)
    expect(small.locator("details.filter-fold")).not_to_have_attribute("open", "")
    expect(small.locator("details.filter-fold form")).to_be_hidden()
    expect(small.get_by_test_id("chip")).to_have_count(2)
    first = small.locator("table.cards-on-phone tbody tr").first
    expect(first.locator("td.deadline")).to_be_visible()
    title, deadline = (
        first.locator("td.card-title").bounding_box(),
        first.locator("td.deadline").bounding_box(),
    )
    enterprise = first.locator("td").nth(1).bounding_box()
    assert title["y"] < deadline["y"] < enterprise["y"]  # the deadline right under the title
    assert deadline["width"] < 400  # one card in the phone's width, no table to scroll
    small.screenshot(path=str(ARTIFACTS / "drilldown-phone.png"), full_page=True)
    phone.close()
