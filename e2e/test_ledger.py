"""The bureau imports a hazard ledger: a file with one bad row is refused whole, with the row,
column and problem on the page; corrected, it imports, and the hazard list has the new rows."""

import datetime
import io
import json
import urllib.request
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from playwright.sync_api import expect

from e2e.conftest import ARTIFACTS

pytestmark = pytest.mark.e2e
FOUND = datetime.datetime.now(ZoneInfo("Asia/Shanghai")).date() - datetime.timedelta(days=20)


def api(server, path, *, token=None, body=None):
    request = urllib.request.Request(  # noqa: S310 (our own loopback server)
        server["url"] + path,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Content-Type": "application/json"}
        | ({"Authorization": f"Bearer {token}"} if token else {}),
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (our own loopback server)
        return json.loads(response.read())


def hazard_count(server, token) -> int:
    return api(server, "/api/v1/hazards?page_size=1", token=token)["count"]


def ledger(path, enterprise, found_dates) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["芙蓉区2026年隐患排查治理台账"])
    sheet.append(["序号", "单位名称", "统一社会信用代码", "隐患描述", "隐患等级", "发现日期", "状态"])
    for n, found in enumerate(found_dates, start=1):
        sheet.append(
            [n, enterprise["name"], enterprise["uscc"], f"台账导入测试隐患{n}", "一般", found, "待整改"]
        )
    sheet.append(["填表人：王安平"])
    book.save(path)


def test_a_ledger_with_a_bad_row_imports_nothing_until_it_is_corrected(server, page, tmp_path):
    token = api(
        server, "/api/v1/auth/token", body={"username": "bureau", "password": server["accounts"]["bureau"]}
    )["token"]
    enterprise = api(server, "/api/v1/enterprises", token=token)["results"][0]
    before = hazard_count(server, token)
    bad = tmp_path / "台账.xlsx"
    ledger(bad, enterprise, [FOUND, "2026年2月30日", FOUND])

    page.goto(server["url"] + "/login/")
    page.get_by_label("用户名").fill("bureau")
    page.get_by_label("密码").fill(server["accounts"]["bureau"])
    page.get_by_role("button", name="登录").click()
    page.goto(server["url"] + "/hazards/")
    page.get_by_role("link", name="导入台账").click()
    page.get_by_label("台账文件").set_input_files(str(bad))
    page.get_by_role("button", name="导入", exact=True).click()

    errors = page.get_by_test_id("ledger-errors")
    expect(errors.get_by_role("heading")).to_have_text("未导入任何记录")
    expect(errors.locator("tbody tr")).to_have_count(1)
    expect(errors.locator("tbody tr td")).to_have_text(
        ["4", "发现日期", "不是有效日期：2026年2月30日。日期请写成 2026-03-05 的形式。"]
    )
    page.screenshot(path=str(ARTIFACTS / "ledger-import-errors.png"), full_page=True)
    assert hazard_count(server, token) == before

    good = tmp_path / "台账-改正.xlsx"
    ledger(good, enterprise, [FOUND, FOUND.strftime("%Y/%-m/%-d"), FOUND])
    page.get_by_label("台账文件").set_input_files(str(good))
    page.get_by_role("button", name="导入", exact=True).click()
    expect(page.locator(".message")).to_have_text("已从 台账-改正.xlsx 导入 3 条隐患。")
    assert hazard_count(server, token) == before + 3
    page.get_by_role("link", name="隐患清单").click()
    page.goto(f"{server['url']}/hazards/?enterprise={enterprise['id']}&from={FOUND}&to={FOUND}")
    expect(page.get_by_role("link", name="台账导入测试隐患2")).to_be_visible()


def test_the_hazard_list_exports_its_ledger(server, page):
    page.goto(server["url"] + "/login/")
    page.get_by_label("用户名").fill("street")
    page.get_by_label("密码").fill(server["accounts"]["street"])
    page.get_by_role("button", name="登录").click()
    page.goto(server["url"] + "/hazards/?level=major")
    total = int(page.get_by_test_id("count-total").inner_text().replace(",", ""))
    with page.expect_download() as download:
        page.get_by_role("link", name="导出台账（xlsx）").click()
    sheet = openpyxl.load_workbook(
        io.BytesIO(Path(download.value.path()).read_bytes()), read_only=True
    ).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("序号", "单位名称", "统一社会信用代码", "隐患描述")
    assert len(rows) == total + 1 and {r[6] for r in rows[1:]} <= {"重大"}
