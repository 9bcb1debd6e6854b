"""To-do and notifications in the browser: whoever must act next learns it on their next
page load. The inspector assigns a hazard and the enterprise sees the unread badge go up and
the hazard on its to-do list; the enterprise submits evidence and the bureau's to-do list and
its badge show the rectification awaiting acceptance.

Each journey registers its own hazard through the API (as the inspector, in the demo
enterprise user's enterprise, state reported, no deadline yet) so that it owes nothing to the
demo's data or to the other journeys sharing the server."""

import datetime
import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from e2e.conftest import ARTIFACTS
from e2e.test_hazard_loop import TODAY, api, log_in, token

pytestmark = pytest.mark.e2e
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "cleared.jpg"
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (200, 160, 40)).save(out, "JPEG")
    path.write_bytes(out.getvalue())
    return path


def _register_hazard(server, description: str) -> dict:
    enterprise = api(server, "/api/v1/enterprises", token=token(server, "enterprise"))["results"][0]
    hazard = api(
        server,
        "/api/v1/hazards",
        token=token(server, "inspector"),
        body={"enterprise_id": enterprise["id"], "description": description, "found_at": str(TODAY)},
    )
    assert hazard["status"] == "reported" and hazard["deadline"] is None
    return hazard | {"enterprise_name": enterprise["name"]}


def _badge(page, testid: str) -> int:
    """The navigation's badge as a number; no badge means nothing waiting."""
    badge = page.locator(f"nav.nav [data-testid={testid}]")
    return int(badge.inner_text()) if badge.count() else 0


def _todo_row(page, kind: str, hazard_id: int):
    return page.get_by_test_id("todo").locator(f"tr[data-kind={kind}]:has(a[href='/hazards/{hazard_id}/'])")


def _second_browser(browser, errors: list[str]):
    """Another user's browser beside the `page` fixture's, its console errors collected."""
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    return context, page


def _on_home(page, server):
    page.goto(server["url"] + "/")
    expect(page.get_by_test_id("welcome")).to_be_visible()


def test_an_assigned_hazard_reaches_the_enterprise_as_a_notification_and_a_to_do(server, browser, page):
    hazard = _register_hazard(server, "消防通道堆放杂物，需清理")
    deadline = TODAY + datetime.timedelta(days=10)

    log_in(page, server, "enterprise")
    unread_before = _badge(page, "unread-badge")
    expect(_todo_row(page, "hazard_rectify", hazard["id"])).to_have_count(0)  # nothing to do yet

    # The inspector, in a browser of their own, assigns the rectification with a deadline.
    errors: list[str] = []
    inspector, other = _second_browser(browser, errors)
    log_in(other, server, "inspector")
    other.goto(f"{server['url']}/hazards/{hazard['id']}/")
    other.locator("details[data-action=assign] summary").click()
    form = other.locator("details[data-action=assign] form")
    form.get_by_label("整改措施").fill("清理杂物，保持通道畅通")
    form.get_by_label("整改责任人").fill("李主任")
    form.get_by_label("整改期限").fill(str(deadline))
    form.get_by_role("button", name="下达整改").click()
    expect(other.get_by_test_id("hazard-status")).to_have_text("整改中")
    inspector.close()
    assert not errors, errors

    # The enterprise's next page load: one more unread message, the hazard on its to-do list.
    _on_home(page, server)
    assert _badge(page, "unread-badge") == unread_before + 1
    unread = api(server, "/api/v1/notifications?unread=1", token=token(server, "enterprise"))["results"]
    assert f"/hazards/{hazard['id']}/" in [n["url"] for n in unread]  # the new one is about this hazard
    row = _todo_row(page, "hazard_rectify", hazard["id"])
    expect(row).to_have_count(1)
    expect(row).to_contain_text("整改：消防通道堆放杂物")
    expect(row).to_contain_text(str(deadline))
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "todo-enterprise-home.png"), full_page=True)

    row.get_by_role("link").click()
    expect(page).to_have_url(f"{server['url']}/hazards/{hazard['id']}/")
    expect(page.get_by_test_id("hazard-status")).to_have_text("整改中")


def test_submitted_evidence_reaches_the_bureau_to_do_list_and_its_badge(server, browser, page, photo):
    hazard = _register_hazard(server, "配电柜前堆放纸箱")
    api(
        server,
        f"/api/v1/hazards/{hazard['id']}/actions/assign",
        token=token(server, "inspector"),
        body={
            "measures": "移走纸箱",
            "responsible": "张电工",
            "deadline": str(TODAY + datetime.timedelta(days=5)),
        },
    )

    errors: list[str] = []
    bureau, desk = _second_browser(browser, errors)
    log_in(desk, server, "bureau")
    to_do_before = _badge(desk, "todo-badge")
    desk.goto(f"{server['url']}/todo/")  # the whole list: the home shows the ten due first
    expect(_todo_row(desk, "hazard_accept", hazard["id"])).to_have_count(0)

    # The enterprise submits its rectification with a photo.
    log_in(page, server, "enterprise")
    page.goto(f"{server['url']}/hazards/{hazard['id']}/")
    page.locator("details[data-action=submit] summary").click()
    form = page.locator("details[data-action=submit] form")
    form.get_by_label("整改情况").fill("纸箱已全部移走")
    form.get_by_label("佐证照片或PDF").set_input_files(str(photo))
    form.get_by_role("button", name="提交整改").click()
    expect(page.get_by_test_id("hazard-status")).to_have_text("待验收")

    # The bureau's next page load: the rectification awaits its acceptance, and the badge counts it.
    _on_home(desk, server)
    desk.goto(f"{server['url']}/todo/")
    row = _todo_row(desk, "hazard_accept", hazard["id"])
    expect(row).to_have_count(1)
    expect(row).to_contain_text(f"整改验收：{hazard['enterprise_name']}，配电柜前堆放纸箱")
    to_do = _badge(desk, "todo-badge")
    assert to_do == to_do_before + 1
    expect(desk.get_by_test_id("todo").locator("tbody tr")).to_have_count(to_do)
    desk.screenshot(path=str(ARTIFACTS / "todo-bureau-home.png"), full_page=True)
    bureau.close()
    assert not errors, errors
