"""The depot's manager (the demo's bureau account) sees the supplies below their minimum on the
list, issues sand bags to a flood event from the warehouse's page, and
the stock falls by what was issued; issuing more than is left is refused and changes nothing."""

import re

import pytest
from playwright.sync_api import expect

from e2e.conftest import ARTIFACTS, log_in

pytestmark = pytest.mark.e2e


def _held(page, item: str) -> int:
    cells = page.locator(f'[data-testid=stock] tr[data-item="{item}"] [data-testid=quantity]')
    return sum(int(text) for text in cells.all_inner_texts())


def test_the_manager_issues_supplies_to_an_event_and_the_stock_falls(server, page):
    ARTIFACTS.mkdir(exist_ok=True)
    log_in(page, server, "bureau")
    page.goto(server["url"] + "/supplies/")
    expect(page.get_by_test_id("below-minimum")).to_be_visible()
    page.get_by_role("link", name="芙蓉区应急物资储备库").first.click()
    expect(page).to_have_url(re.compile(r"/supplies/\d+/$"))
    before = _held(page, "沙袋")
    assert before > 100
    page.screenshot(path=str(ARTIFACTS / "supplies-warehouse.png"), full_page=True)

    form = page.get_by_test_id("movement-form")
    form.locator("[name=kind]").select_option("out")
    form.locator("[name=item]").select_option("沙袋")
    form.locator("[name=quantity]").fill("100")
    form.locator("[name=event_id]").fill("1")
    form.locator("[name=note]").fill("东岸街道防汛抢险")
    page.get_by_test_id("save-movement").click()
    expect(page.locator(".message").first).to_contain_text("沙袋")
    assert _held(page, "沙袋") == before - 100
    expect(page.get_by_test_id("movements").locator("tbody tr").first).to_contain_text("东岸街道防汛抢险")

    form = page.get_by_test_id("movement-form")
    form.locator("[name=kind]").select_option("out")
    form.locator("[name=item]").select_option("沙袋")
    form.locator("[name=quantity]").fill(str(before))
    page.get_by_test_id("save-movement").click()
    expect(page.locator(".message").first).to_contain_text(str(before - 100))
    assert _held(page, "沙袋") == before - 100
    page.screenshot(path=str(ARTIFACTS / "supplies-issued.png"), full_page=True)
