"""An overdue hazard becomes a case: the inspector opens it from the hazard page with two
officers, the bureau approves the filing, the review and the decision, the inspector gives the
notice, serves the decision, downloads the 行政处罚决定书 and records the fine as paid."""

import re

import pytest
from playwright.sync_api import expect

from e2e.conftest import ARTIFACTS, log_in

pytestmark = pytest.mark.e2e


def act(page, action: str, **fields) -> None:
    page.get_by_test_id(f"action-{action}").click()
    form = page.locator(f"form[action$='/actions/{action}/']")
    for name, value in fields.items():
        if value is True:
            form.locator(f"[name={name}]").check()
        else:
            form.locator(f"[name={name}]").fill(value)
    form.get_by_test_id(f"do-{action}").click()
    expect(page.locator(".message").first).to_be_visible()


def test_an_overdue_hazard_becomes_a_case_decided_served_and_paid(server, browser, page):
    ARTIFACTS.mkdir(exist_ok=True)
    log_in(page, server, "inspector")
    page.goto(server["url"] + "/hazards/?overdue=true")
    page.locator("table tbody tr td.card-title a").first.click()
    page.get_by_test_id("file-case").click()
    expect(page.get_by_test_id("case-form")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "enforcement-form.png"), full_page=True)
    page.get_by_test_id("violation-code").select_option("hazard_not_eliminated")
    page.get_by_test_id("officer").nth(0).check()
    page.get_by_test_id("officer").nth(1).check()
    page.get_by_test_id("open-case").click()
    expect(page).to_have_url(re.compile(r"/enforcement/\d+/$"))
    case_url = page.url
    expect(page.get_by_test_id("case-status")).to_have_text(re.compile("filing|立案审批"))
    expect(page.get_by_test_id("case-hazard")).to_be_visible()  # the case links back to the hazard

    bureau = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-US").new_page()
    log_in(bureau, server, "bureau")
    bureau.goto(case_url)
    act(bureau, "approve_filing", note="同意立案")

    page.goto(case_url)
    page.get_by_test_id("penalty-kind").select_option("fine")
    page.get_by_test_id("penalty-amount").fill("20000")
    page.get_by_test_id("add-penalty").click()
    expect(page.get_by_test_id("penalties")).to_contain_text("20,000")
    act(page, "end_investigation")

    bureau.goto(case_url)
    act(bureau, "approve_review")
    page.goto(case_url)
    act(page, "give_notice")
    expect(page.get_by_test_id("statement-ends")).to_be_visible()
    act(page, "end_notice", waived=True)
    bureau.goto(case_url)
    act(bureau, "approve_decision")
    bureau.context.close()

    page.goto(case_url)
    act(page, "serve")
    page.get_by_test_id("document-kind").select_option("penalty_decision")
    page.get_by_test_id("generate-document").click()
    link = page.get_by_test_id("document-penalty_decision")
    expect(link).to_contain_text(re.compile(r"\(芙\)应急罚〔\d{4}〕\d+号"))
    with page.expect_download() as download:
        link.click()
    path = download.value.path()
    assert open(path, "rb").read(2) == b"PK" and download.value.suggested_filename.endswith(".docx")

    act(page, "record_payment", amount="20000")
    expect(page.get_by_test_id("fine-outstanding")).to_contain_text("0.00")
    page.screenshot(path=str(ARTIFACTS / "enforcement-case.png"), full_page=True)
    page.goto(server["url"] + "/enforcement/?overdue=false")
    expect(page.locator("table.cases")).to_be_visible()
    expect(page.get_by_test_id("filter-chips")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "enforcement-list.png"), full_page=True)
