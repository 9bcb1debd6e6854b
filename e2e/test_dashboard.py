"""The bureau's dashboard in the browser: the map is drawn, a number and a street on the map
click through to as many hazards, the work summary downloads as a real DOCX, and the wall
display (大屏) renders at 1920×1080 without a console error."""

import json
import re
import tempfile
from pathlib import Path

import docx
import pytest
from playwright.sync_api import expect
from shapely.geometry import shape

from e2e.conftest import ARTIFACTS

pytestmark = pytest.mark.e2e
STREETS = Path(__file__).parents[1] / "yingji/web/data/streets/430102.geojson"
DONGAN = "430102015"
SCREENSHOTS = Path(tempfile.gettempdir())  # /tmp: to look at after a run


def log_in(page, server, username="bureau"):
    page.goto(server["url"] + "/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(server["accounts"][username])
    page.get_by_role("button", name="登录").click()


def number(text: str) -> int:
    return int(re.sub(r"[^\d]", "", text))


def listed_count(page) -> int:
    return number(page.get_by_test_id("count-total").inner_text())


def click_on_street(page, code: str) -> None:
    """Click the map inside a street's shape: ECharts turns its longitude and latitude into
    a pixel of the chart."""
    feature = next(f for f in json.loads(STREETS.read_text())["features"] if f["properties"]["code"] == code)
    inside = shape(feature["geometry"]).representative_point()
    page.get_by_test_id("map").scroll_into_view_if_needed()
    x, y = page.evaluate(
        "([lon, lat]) => echarts.getInstanceByDom(document.getElementById('map-chart'))"
        ".convertToPixel({seriesIndex: 0}, [lon, lat])",
        [inside.x, inside.y],
    )
    box = page.get_by_test_id("map").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)


def test_bureau_follows_the_numbers_to_the_records_and_downloads_the_summary(server, page, tmp_path):
    log_in(page, server)
    map_chart = page.get_by_test_id("map")
    expect(map_chart).to_have_attribute("data-drawn", "14")  # 芙蓉区's streets
    expect(map_chart.locator("path")).not_to_have_count(0)
    expect(page.get_by_test_id("map-card")).to_contain_text("街道边界为示意")
    page.screenshot(path=str(SCREENSHOTS / "yingji-dashboard-map.png"), full_page=True)

    # A card: 排查隐患 on the dashboard is the number of hazards its list shows.
    card = page.locator('a.fact[data-indicator="hazards.found"]')
    found = number(card.locator(".value").inner_text())
    assert found > 0
    card.click()
    expect(page).to_have_url(re.compile(r"/hazards/\?counted=1"))
    assert listed_count(page) == found

    # A street on the map, coloured by overdue hazards: its list holds as many.
    page.go_back()
    page.get_by_test_id("map-indicator").select_option("hazards.overdue")
    expect(map_chart).to_have_attribute("data-indicator", "hazards.overdue")
    regions = json.loads(page.locator("#map-data").text_content())["regions"]
    overdue = next(r for r in regions if r["code"] == DONGAN)["values"]["hazards.overdue"]
    click_on_street(page, DONGAN)
    expect(page).to_have_url(re.compile(rf"overdue_on=.*region={DONGAN}"))
    assert listed_count(page) == overdue

    # The work summary, as a Word document.
    page.goto(server["url"] + "/reports/work-summary/")
    with page.expect_download() as download_info:
        page.get_by_test_id("download-docx").click()
    download = download_info.value
    assert download.suggested_filename == "芙蓉区2026年上半年安全生产工作总结.docx"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    text = "\n".join(p.text for p in docx.Document(str(saved)).paragraphs)
    assert "安全生产" in text and "芙蓉区" in text


def test_the_wall_display_renders_without_errors(server, browser):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in(page, server)
    page.get_by_test_id("open-screen").click()
    expect(page).to_have_url(re.compile(r"/dashboard/screen/$"))

    expect(page.get_by_test_id("screen-title")).to_have_text("芙蓉区安全生产态势")
    expect(page.get_by_test_id("map")).to_have_attribute("data-drawn", "14")
    expect(page.get_by_test_id("clock").locator(".time")).to_have_text(re.compile(r"^\d{1,2}:\d{2}:\d{2}$"))
    expect(page.get_by_test_id("headline").locator(".big")).to_have_count(8)
    expect(page.locator("nav")).to_have_count(0)
    for chart in ("accidents", "funnel", "trend"):
        expect(page.locator(f'[data-chart="{chart}"] svg')).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollHeight") <= 1080  # one screen, no scrolling

    # What the minute's poll does: fresh panels, the charts drawn again.
    page.get_by_test_id("map").evaluate("element => { element.dataset.before = 'refresh'; }")
    page.evaluate("htmx.ajax('GET', '/dashboard/screen/', {target: '#screen-panels', swap: 'innerHTML'})")
    expect(page.locator("[data-before]")).to_have_count(0)
    expect(page.get_by_test_id("map")).to_have_attribute("data-drawn", "14")
    page.screenshot(path=str(SCREENSHOTS / "yingji-screen.png"))
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard-screen.png"))
    context.close()
    assert not errors, f"console errors: {errors}"
