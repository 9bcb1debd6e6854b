"""The bureau registers an accident, sees its grade as the figures are typed, then records a
casualty update within the window that raises the grade."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from e2e.conftest import ARTIFACTS, log_in

pytestmark = pytest.mark.e2e
BEIJING = ZoneInfo("Asia/Shanghai")


def test_the_bureau_registers_an_accident_and_a_casualty_update_raises_its_grade(server, page):
    ARTIFACTS.mkdir(exist_ok=True)
    log_in(page, server, "bureau")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="事故").click()
    expect(page.locator("h1")).to_have_text("事故")
    expect(page.get_by_test_id("total-count")).not_to_have_text("0")  # three years of demo accidents
    page.screenshot(path=str(ARTIFACTS / "accidents-list.png"), full_page=True)

    page.get_by_role("link", name="登记事故").click()
    occurred = datetime.datetime.now(BEIJING) - datetime.timedelta(minutes=30)
    page.get_by_label("事故发生时间").fill(occurred.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("街道（区县）").select_option(label="东岸街道")
    page.get_by_label("事故地点").fill("五一大道368号在建工地")
    page.get_by_label("事故类型").select_option("production")
    page.get_by_label("事故类别（GB 6441）").select_option("09")
    grade = page.locator("#grade-preview")
    page.get_by_label("死亡", exact=False).first.fill("3")
    expect(grade).to_have_text("较大")  # shown live, before saving
    page.get_by_label("死亡", exact=False).first.fill("1")
    expect(grade).to_have_text("一般")
    page.get_by_label("事故简要经过").fill("一名工人在脚手架作业时坠落，另有两人受伤。")
    page.get_by_label("重伤（含急性工业中毒）").fill("2")
    expect(grade).to_have_text("一般")
    page.screenshot(path=str(ARTIFACTS / "accidents-form.png"), full_page=True)
    page.get_by_role("button", name="保存").click()

    expect(page).to_have_url(re.compile(r"/accidents/\d+/$"))
    expect(page.locator(".message")).to_have_text("事故已登记。")
    headline = page.locator("h1 [data-testid=grade]")
    expect(headline).to_have_text("一般")

    page.get_by_text("伤亡续报（续报/补报）").click()
    update = page.locator("#updates form")
    update.get_by_label("死亡", exact=False).first.fill("3")
    update.get_by_label("重伤", exact=False).fill("0")
    update.get_by_label("变化原因").fill("两名重伤人员经抢救无效死亡")
    update.get_by_role("button", name="提交续报").click()

    expect(page.locator(".message")).to_have_text("续报已记录，并计入统计。")
    expect(headline).to_have_text("较大")
    expect(page.get_by_test_id("deaths")).to_have_text("3")
    history = page.get_by_test_id("history")
    expect(history.locator("tbody tr")).to_have_count(2)
    expect(history.locator("tbody tr").nth(1)).to_contain_text("两名重伤人员经抢救无效死亡")
    expect(history.locator("tbody tr").nth(1)).to_contain_text("续报")
    expect(history.locator("tbody tr").nth(1)).to_contain_text("计入统计")
    page.screenshot(path=str(ARTIFACTS / "accidents-record.png"), full_page=True)
