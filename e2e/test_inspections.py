"""An inspection on a phone: the inspector opens the form for a building site, fails a checklist
item, completes the hazard it proposes, takes a photo, saves, and sees the hazard registered."""

import datetime
import io
import json
import re
import urllib.request
from zoneinfo import ZoneInfo

import pytest
from PIL import Image
from playwright.sync_api import expect

from e2e.conftest import ARTIFACTS, log_in

pytestmark = pytest.mark.e2e
SHANGHAI = ZoneInfo("Asia/Shanghai")  # the server's dates
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


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
    credentials = {"username": username, "password": server["accounts"][username]}
    return api(server, "/api/v1/auth/token", body=credentials)["token"]


@pytest.fixture
def phone(browser, request):
    """A phone-sized page that fails the test on any console error (a CSP refusal included)."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert not errors, f"console errors: {errors}"


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "site.jpg"
    out = io.BytesIO()
    Image.new("RGB", (1024, 768), (90, 110, 140)).save(out, "JPEG")
    path.write_bytes(out.getvalue())
    return path


def fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 390


def test_an_inspector_records_an_inspection_on_a_phone(server, phone, photo):
    enterprises = api(server, "/api/v1/enterprises?page_size=500", token=token(server, "inspector"))[
        "results"
    ]
    site = next(e for e in enterprises if e["industry"] == "construction")
    page = phone
    log_in(page, server, "inspector")
    page.goto(f"{server['url']}/inspections/new/?enterprise={site['id']}")
    expect(page.get_by_test_id("enterprise-name")).to_have_text(site["name"])
    expect(page.get_by_label("检查类型")).to_have_value("daily")

    # The first item fails: its proposed hazard appears, pre-filled from the item.
    item = page.locator("fieldset.item").first
    draft = item.locator(".draft")
    expect(draft).to_be_hidden()
    item.get_by_label("不合格").check()
    expect(draft).to_be_visible()
    expect(draft.get_by_label("隐患描述")).to_have_value(re.compile("安全生产许可证"))
    expect(draft.get_by_label("隐患等级")).to_have_value("major")
    draft.get_by_label("隐患描述").fill("施工单位未取得安全生产许可证，项目已开工")
    draft.get_by_label("隐患部位").fill("项目部")
    today = datetime.datetime.now(SHANGHAI).date()
    draft.get_by_label("整改期限").fill(str(today - datetime.timedelta(days=365)))  # a slip of the thumb
    page.locator("fieldset.item").nth(1).get_by_label("合格", exact=True).check()
    page.get_by_label("现场照片").set_input_files(str(photo))
    expect(page.locator("ul.photo-preview img")).to_have_count(1)
    assert fits_the_phone(page)
    page.screenshot(path=str(ARTIFACTS / "inspection-form-phone.png"), full_page=True)
    page.get_by_role("button", name="保存检查").click()

    # Refused: the problem is shown at the item, and everything entered is still there.
    expect(page.get_by_test_id("form-errors")).to_contain_text("整改期限不能早于检查日期")
    item = page.locator("fieldset.item").first
    draft = item.locator(".draft")
    expect(item.get_by_label("不合格")).to_be_checked()
    expect(draft.get_by_label("隐患描述")).to_have_value("施工单位未取得安全生产许可证，项目已开工")
    expect(draft.get_by_label("隐患部位")).to_have_value("项目部")
    expect(page.get_by_test_id("form-errors")).to_contain_text("请重新选择照片")
    assert fits_the_phone(page)
    page.screenshot(path=str(ARTIFACTS / "inspection-form-refused-phone.png"), full_page=True)
    draft.get_by_label("整改期限").fill(str(today + datetime.timedelta(days=30)))
    page.get_by_label("现场照片").set_input_files(str(photo))
    page.get_by_role("button", name="保存检查").click()

    hazards = page.get_by_test_id("hazards-created").locator("li a")
    expect(page.get_by_test_id("inspected-on")).to_be_visible()
    expect(hazards).to_have_count(1)
    expect(hazards.first).to_have_attribute("href", re.compile(r"^/hazards/\d+/$"))
    expect(hazards.first).to_contain_text("施工单位未取得安全生产许可证")
    expect(page.get_by_test_id("photos").locator("img")).to_have_count(1)
    expect(page.get_by_test_id("results").locator("li")).to_have_count(2)
    assert fits_the_phone(page)
    page.screenshot(path=str(ARTIFACTS / "inspection-recorded-phone.png"), full_page=True)

    hazard_id = int(hazards.first.get_attribute("href").strip("/").split("/")[-1])

    # The list shows it, and still fits the phone.
    page.goto(f"{server['url']}/inspections/?enterprise={site['id']}")
    expect(page.get_by_role("link", name=site["name"]).first).to_be_visible()
    assert fits_the_phone(page)
    page.screenshot(path=str(ARTIFACTS / "inspections-list-phone.png"), full_page=True)

    hazard = api(server, f"/api/v1/hazards/{hazard_id}", token=token(server, "inspector"))
    assert (hazard["level"], hazard["location"], hazard["source"]) == ("major", "项目部", "inspection")
