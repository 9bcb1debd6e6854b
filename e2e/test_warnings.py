"""预警叫应 as a duty officer and two streets live it: the duty officer issues an orange rainstorm
warning to 东岸 and 文艺路; 东岸's office acknowledges on a phone and records the calls to its
other responsible persons; 文艺路 stays silent, and when its time is up the warning escalates to
their superior and the duty desk is told whom to call; the work summary counts the 条次."""

import datetime
import re
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from e2e.conftest import ARTIFACTS, log_in

pytestmark = pytest.mark.e2e
DONGAN, WENYILU = "430102015", "430102001"
BEIJING = ZoneInfo("Asia/Shanghai")  # the server's time zone: the form takes Beijing time


def _zh(browser, **options):
    return browser.new_context(locale="zh-CN", **({"viewport": {"width": 1280, "height": 800}} | options))


def test_an_orange_warning_is_acknowledged_by_one_street_and_escalates_for_the_other(server, browser):
    ARTIFACTS.mkdir(exist_ok=True)
    duty_context = _zh(browser)
    duty = duty_context.new_page()
    log_in(duty, server, "duty")
    duty.goto(server["url"] + "/warnings/")
    form = duty.get_by_test_id("warning-form")
    form.locator("select[name=type]").select_option("rainstorm")
    form.locator("select[name=level]").select_option("orange")
    form.locator("select[name=region_codes]").select_option([DONGAN, WENYILU])
    until = datetime.datetime.now(BEIJING) + datetime.timedelta(hours=12)
    form.locator("input[name=valid_to]").fill(until.strftime("%Y-%m-%dT%H:%M"))
    form.locator("textarea[name=content]").fill(
        "预计未来6小时东岸、文艺路将出现100毫米以上强降雨，请做好防范。"
    )
    duty.get_by_test_id("issue-warning").click()
    expect(duty).to_have_url(re.compile(r"/warnings/\d+/$"))
    warning_url = duty.url
    expect(duty.get_by_test_id("level")).to_have_text("橙色（二级）")
    rows = duty.get_by_test_id("recipients").locator("tbody tr")
    expect(rows).to_have_count(10)  # five responsible persons in each street's register
    expect(duty.get_by_test_id("ack-summary")).to_contain_text("已叫应0人次，共10人次")

    # 东岸's office, on a phone: the warning waits in its to-do; it acknowledges, then records
    # the calls it made to the street's other responsible persons.
    phone_context = _zh(browser, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    phone = phone_context.new_page()
    log_in(phone, server, "street")
    phone.get_by_role("link", name=re.compile("叫应：暴雨橙色（二级）预警")).first.click()
    phone.get_by_test_id("acknowledge").click()
    expect(phone.get_by_test_id("ack-summary")).to_contain_text(
        "已叫应1人次，共5人次"
    )  # its own street's five
    while phone.locator("[data-testid^=call-]").count():
        phone.locator("[data-testid^=call-]").first.click()
    expect(phone.get_by_test_id("ack-summary")).to_contain_text("已叫应5人次，共5人次")
    phone.screenshot(path=str(ARTIFACTS / "warning-phone.png"), full_page=True)
    phone_context.close()

    # 文艺路 never answers: half an hour on, the worker's pass escalates its five.
    later = (datetime.datetime.now(BEIJING) + datetime.timedelta(minutes=31)).strftime("%Y-%m-%dT%H:%M")
    done = subprocess.run([sys.executable, "-m", "yingji.cli", "escalate_warnings", "--now", later],
                          env=server["env"], check=True, capture_output=True, text=True).stdout  # fmt: skip
    assert "recipients escalated: " in done and "recipients escalated: 0" not in done
    duty.goto(warning_url)
    expect(duty.get_by_test_id("recipients").locator("tr.late")).to_have_count(5)
    expect(duty.get_by_test_id("recipients").locator("tbody tr", has_text="已通知上级")).to_have_count(5)
    expect(duty.get_by_test_id("recipients")).to_contain_text("（升级通知）")
    duty.screenshot(path=str(ARTIFACTS / "warning-escalated.png"), full_page=True)
    duty.goto(server["url"] + "/")
    expect(
        duty.get_by_role("link", name=re.compile("电话叫应.*暴雨橙色（二级）预警未叫应")).first
    ).to_be_visible()

    duty_context.close()

    # The bureau's work summary counts the warnings issued this year, this one among them.
    bureau_context = _zh(browser)
    bureau = bureau_context.new_page()
    log_in(bureau, server, "bureau")
    year = bureau.evaluate("new Date().getFullYear()")
    bureau.goto(server["url"] + f"/reports/work-summary/?region=430102&year={year}&period=year")
    expect(bureau.locator("body")).to_contain_text(
        re.compile(r"及时发布预警信息\d+条次（其中红色预警\d+条次、橙色预警[1-9]\d*条次）")
    )
    expect(bureau.locator("body")).to_contain_text(re.compile(r"叫应率\d+(\.\d)?%"))
    bureau_context.close()
