"""The bureau user's first journey: log in, land in Chinese, switch to English, log out."""

import re

import pytest
from playwright.sync_api import expect

from e2e.conftest import ARTIFACTS

pytestmark = pytest.mark.e2e


def test_bureau_logs_in_switches_to_english_and_logs_out(server, page):
    page.goto(server["url"] + "/")
    expect(page).to_have_url(re.compile(r"/login/"))
    expect(page.locator("h1")).to_have_text("登录应急管理综合业务平台")  # Chinese despite an en-US browser

    page.get_by_label("用户名").fill("bureau")
    page.get_by_label("密码").fill(server["accounts"]["bureau"])
    page.get_by_role("button", name="登录").click()

    expect(page.get_by_test_id("welcome")).to_have_text("欢迎您，王安平")
    expect(page.get_by_test_id("jurisdiction")).to_have_text("湖南省长沙市芙蓉区")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    nav = page.get_by_role("navigation", name="主导航")
    expect(nav.get_by_role("link", name="审计日志")).to_be_visible()
    expect(page.locator(".fact").first).to_contain_text("辖区内企业")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "bureau-landing-zh.png"), full_page=True)

    page.get_by_test_id("language-en").click()
    expect(page.get_by_test_id("welcome")).to_have_text("Welcome, 王安平")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Audit log")).to_be_visible()

    page.get_by_test_id("logout").click()
    expect(page).to_have_url(re.compile(r"/login/"))
    expect(page.locator("h1")).to_have_text("Log in to Yingji")
    page.goto(server["url"] + "/")
    expect(page).to_have_url(re.compile(r"/login/"))


def test_on_a_phone_the_menu_folds_away(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(server["url"] + "/login/")
    page.get_by_label("用户名").fill("street")
    page.get_by_label("密码").fill(server["accounts"]["street"])
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_test_id("jurisdiction")).to_have_text("湖南省长沙市芙蓉区东岸街道")
    nav_link = page.get_by_role("link", name="企业")
    expect(nav_link).to_be_hidden()
    page.locator(".nav-toggle-label").click()
    expect(nav_link).to_be_visible()
    nav_link.click()
    expect(page.locator("h1")).to_have_text("企业")
    page.screenshot(path=str(ARTIFACTS / "street-enterprises-phone.png"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    context.close()
