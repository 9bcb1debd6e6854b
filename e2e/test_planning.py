"""The bureau draws 5 enterprises and 2 officers at random (双随机一公开), sees the draw in the
published list, downloads it, and sees the annual plan's progress."""

import io
import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from e2e.conftest import ARTIFACTS, log_in

pytestmark = pytest.mark.e2e


def test_the_bureau_draws_enterprises_and_officers_and_sees_plan_progress(server, page):
    ARTIFACTS.mkdir(exist_ok=True)
    log_in(page, server, "bureau")
    page.goto(server["url"] + "/inspections/planning/")
    expect(page.get_by_test_id("plan-rows")).to_be_visible()  # the demo's plan for this year
    expect(page.get_by_test_id("plan-total")).to_contain_text("%")
    expect(page.locator("[data-testid=plan-rows] progress").first).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "planning-plan.png"), full_page=True)

    page.get_by_test_id("draws-link").click()
    form = page.get_by_test_id("draw-form")
    form.locator("select[name=region]").select_option(label="东岸街道")
    form.locator("input[name=enterprises]").fill("5")
    form.locator("input[name=officers]").fill("2")
    form.locator("input[name=seed]").fill("20261203")
    page.get_by_test_id("draw-submit").click()

    expect(page).to_have_url(re.compile(r"/inspections/planning/draws/\d+/$"))
    expect(page.get_by_test_id("draw-seed")).to_have_text("20261203")
    expect(page.locator("[data-testid=drawn-enterprises] li")).to_have_count(5)
    expect(page.locator("[data-testid=drawn-officers] li")).to_have_count(2)
    page.screenshot(path=str(ARTIFACTS / "planning-draw.png"), full_page=True)

    with page.expect_download() as info:
        page.get_by_test_id("draw-export").click()
    sheet = load_workbook(io.BytesIO(open(info.value.path(), "rb").read())).active
    assert sheet.max_row == 1 + 5 + 2

    page.goto(server["url"] + "/inspections/planning/draws/")
    expect(page.get_by_test_id("draw-list")).to_contain_text("20261203")
