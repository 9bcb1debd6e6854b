"""A member of the public reports a problem on the public form (no login; the CAPTCHA read from
the server's own store, as only the server knows it), keeps the receipt number; the bureau
assigns the complaint with a deadline; the inspector's inspection of the enterprise finds a
hazard; the bureau records the complaint as true with that inspection and hazard, closes it,
and the public lookup by receipt number shows the result."""

import datetime
import json
import os
import re
import sqlite3
import urllib.request
from pathlib import Path
from zoneinfo import ZoneInfo

import dj_database_url
import pytest
from playwright.sync_api import expect

from e2e.conftest import ARTIFACTS, log_in

pytestmark = pytest.mark.e2e
TODAY = datetime.datetime.now(ZoneInfo("Asia/Shanghai")).date()
RESULT = "经核查举报属实，已责令该单位清理违规存放的油漆桶并限期整改。"


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


def captcha_answer(tmp_path_factory, key: str) -> str:
    """The answer to the challenge, from the e2e server's database (e2e/conftest.py names it)."""
    sql = "SELECT answer FROM complaints_captcha WHERE key = %s"
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        name = dj_database_url.parse(url)["NAME"] + "_e2e"
        with psycopg.connect(url.rsplit("/", 1)[0] + "/" + name) as conn:
            return conn.execute(sql, (key,)).fetchone()[0]
    path = max(Path(tmp_path_factory.getbasetemp()).glob("e2e*/e2e.sqlite3"), key=lambda p: p.stat().st_mtime)
    with sqlite3.connect(path) as conn:
        return conn.execute(sql.replace("%s", "?"), (key,)).fetchone()[0]


def act(page, action: str, selects=None, **fields) -> None:
    page.get_by_test_id(f"action-{action}").click()
    form = page.locator(f"form[action$='/actions/{action}/']")
    for name, value in (selects or {}).items():
        form.locator(f"[name={name}]").select_option(value)
    for name, value in fields.items():
        form.locator(f"[name={name}]").fill(value)
    form.get_by_test_id(f"do-{action}").click()
    expect(page.locator(".message").first).to_be_visible()


def test_a_public_complaint_becomes_an_inspection_and_a_hazard_and_its_result_is_looked_up(
    server, browser, page, tmp_path_factory
):
    inspector = token(server, "inspector")
    enterprises = api(server, "/api/v1/enterprises?page_size=500", token=inspector)["results"]
    target = next(e for e in enterprises if len(e["region_code"]) == 9)

    # The public: no login, the form, the CAPTCHA, the receipt.
    page.goto(server["url"] + "/complaints/report/")
    expect(page.get_by_test_id("captcha-image")).to_be_visible()
    page.get_by_test_id("content").fill("仓库内大量油漆桶堆放在消防通道上，夜间有人吸烟")
    page.get_by_test_id("region").select_option(target["region_code"])
    page.get_by_test_id("place").fill("仓库北门")
    page.get_by_test_id("enterprise-name").fill(target["name"])
    page.get_by_test_id("reporter-name").fill("陈市民")
    page.get_by_test_id("reporter-phone").fill("13512345678")
    key = page.get_by_test_id("captcha-key").input_value()
    answer = captcha_answer(tmp_path_factory, key)
    assert answer not in page.content()  # the answer is only in the picture
    page.get_by_test_id("captcha").fill(answer.lower())
    page.get_by_test_id("submit-complaint").click()
    receipt = page.get_by_test_id("receipt").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-9]{12}", receipt)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "complaint-receipt.png"), full_page=True)

    # The bureau's handler finds it and assigns it with a deadline.
    desk = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-US").new_page()
    log_in(desk, server, "bureau")
    desk.goto(f"{server['url']}/complaints/?q={receipt}")
    desk.get_by_role("link", name=receipt, exact=True).click()
    expect(desk.get_by_test_id("reporter")).to_contain_text("13512345678")  # the handler sees who
    complaint_url = desk.url
    desk.get_by_test_id("action-assign").click()  # the first unit offered, the deadline in 15 days
    desk.get_by_test_id("do-assign").click()
    expect(desk.get_by_test_id("complaint-status")).to_have_attribute("data-status", "assigned")

    # The inspector inspects the enterprise and finds the hazard.
    inspection = api(
        server,
        "/api/v1/inspections",
        token=inspector,
        body={"enterprise_id": target["id"], "inspected_on": str(TODAY), "type": "unannounced",
              "notes": f"根据举报{receipt}检查",
              "hazards": [{"description": "消防通道堆放油漆桶", "deadline": str(TODAY + datetime.timedelta(days=7)),
                           "measures": "清理油漆桶", "responsible": "仓库主管"}]},
    )  # fmt: skip
    hazard = api(server, f"/api/v1/hazards?inspection={inspection['id']}", token=inspector)["results"][0]

    # The bureau records it true, linked to both, and closes it.
    desk.goto(complaint_url)
    act(
        desk,
        "verify",
        selects={
            "verification": "true",
            "inspection_id": str(inspection["id"]),
            "hazard_id": str(hazard["id"]),
        },
        result=RESULT,
    )
    expect(desk.get_by_test_id("linked-inspection")).to_be_visible()
    expect(desk.get_by_test_id("linked-hazard")).to_be_visible()
    act(desk, "close")
    expect(desk.get_by_test_id("complaint-status")).to_have_attribute("data-status", "closed")
    desk.screenshot(path=str(ARTIFACTS / "complaint-closed.png"), full_page=True)
    desk.context.close()

    # The public looks the result up by the receipt number.
    page.goto(server["url"] + "/complaints/lookup/")
    page.get_by_test_id("receipt-input").fill(receipt)
    page.get_by_test_id("lookup").click()
    expect(page.get_by_test_id("public-status")).to_have_attribute("data-status", "closed")
    expect(page.get_by_test_id("public-result")).to_have_text(RESULT)
    assert "陈市民" not in page.content() and "13512345678" not in page.content()
