"""The closed loop in the browser: an inspector finds a hazard on a phone, assigns its
rectification; the enterprise submits evidence; the bureau accepts it and writes it off."""

import datetime
import io
import json
import urllib.request
from zoneinfo import ZoneInfo

import pytest
from PIL import Image
from playwright.sync_api import expect

from e2e.conftest import ARTIFACTS, log_in

pytestmark = pytest.mark.e2e
TODAY = datetime.datetime.now(ZoneInfo("Asia/Shanghai")).date()
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True}


def api(server, path, *, token=None, body=None):
    request = urllib.request.Request(  # noqa: S310 (our own loopback server)
        server["url"] + path,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Content-Type": "application/json"}
        | ({"Authorization": f"Bearer {token}"} if token else {}),
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (our own loopback server)
        return json.loads(response.read())


def token(server, username):
    return api(
        server, "/api/v1/auth/token", body={"username": username, "password": server["accounts"][username]}
    )["token"]


def log_out(page):
    page.get_by_test_id("logout").click()


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "after.jpg"
    out = io.BytesIO()
    Image.new("RGB", (800, 600), (30, 120, 60)).save(out, "JPEG")
    path.write_bytes(out.getvalue())
    return path


def _record_inspection_with_a_failed_item(page, server, enterprise_id) -> str:
    """On the phone form: fail the first checklist item that proposes a general hazard."""
    page.goto(f"{server['url']}/inspections/new/?enterprise={enterprise_id}")
    for item in page.locator("fieldset.item").all():
        item.get_by_label("不合格").check()
        draft = item.locator(".draft")
        if draft.get_by_label("隐患等级").input_value() == "general":
            draft.get_by_label("隐患描述").fill("配电箱未上锁，线路裸露")
            break
        item.get_by_label("合格", exact=True).check()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_role("button", name="保存检查").click()
    created = page.get_by_test_id("hazards-created").locator("li a")
    expect(created).to_have_count(1)
    return created.first.get_attribute("href")


def test_a_hazard_goes_round_the_loop(server, browser, photo):
    enterprise = api(server, "/api/v1/enterprises", token=token(server, "enterprise"))["results"][0]
    errors: list[str] = []

    # The inspector, on a phone, assigns the rectification.
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    log_in(page, server, "inspector")
    url = server["url"] + _record_inspection_with_a_failed_item(page, server, enterprise["id"])
    page.goto(url)
    expect(page.get_by_test_id("hazard-status")).to_have_text("待整改")
    expect(page.get_by_test_id("found-by")).to_be_visible()  # the inspection it came from
    page.locator("details[data-action=assign] summary").click()
    form = page.locator("details[data-action=assign] form")
    form.get_by_label("整改措施").fill("配电箱加锁，线路穿管")
    form.get_by_label("整改责任人").fill("王电工")
    form.get_by_label("整改期限").fill(str(TODAY + datetime.timedelta(days=7)))
    form.get_by_role("button", name="下达整改").click()
    expect(page.get_by_test_id("hazard-status")).to_have_text("整改中")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(ARTIFACTS / "hazard-assigned-phone.png"), full_page=True)
    log_out(page)

    # The enterprise submits its rectification with a photo.
    log_in(page, server, "enterprise")
    page.goto(url)
    page.locator("details[data-action=submit] summary").click()
    form = page.locator("details[data-action=submit] form")
    form.get_by_label("整改情况").fill("已加锁并穿管")
    form.get_by_label("佐证照片或PDF").set_input_files(str(photo))
    form.get_by_role("button", name="提交整改").click()
    expect(page.get_by_test_id("hazard-status")).to_have_text("待验收")
    expect(page.locator("ul.evidence img")).to_have_count(1)
    log_out(page)
    context.close()

    # The bureau accepts and writes it off.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    log_in(page, server, "bureau")
    page.goto(url)
    # Accepting and writing off ask first; the answer is yes.
    asked: list[str] = []
    page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    page.locator("details[data-action=approve] summary").click()
    page.locator("details[data-action=approve] form").get_by_role("button", name="验收通过").click()
    expect(page.get_by_test_id("hazard-status")).to_have_text("已整改")
    page.locator("details[data-action=close] summary").click()
    page.locator("details[data-action=close] form").get_by_role("button", name="销号").click()
    expect(page.get_by_test_id("hazard-status")).to_have_text("已销号")
    assert len(asked) == 2, asked
    actions = page.get_by_test_id("timeline").locator("[data-action]")
    expect(actions).to_have_text(["登记", "下达整改", "提交整改", "验收通过", "销号"])
    page.screenshot(path=str(ARTIFACTS / "hazard-closed.png"), full_page=True)
    context.close()
    assert not errors, errors
