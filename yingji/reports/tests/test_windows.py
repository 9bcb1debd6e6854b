"""A summary over any window of dates (a campaign's 岁末年初, 百日行动), through every door."""

import datetime

import pytest

from yingji.reports.summary import build_summary
from yingji.reports.tests.test_summary import accident, section

pytestmark = pytest.mark.django_db
D = datetime.date


def test_a_window_counts_its_days_and_is_named_by_them(bureau, enterprises):
    accident("430102015", D(2026, 1, 10), deaths=1)
    accident("430102015", D(2026, 3, 20), deaths=1)  # after the window
    accident("430102015", D(2025, 1, 15), deaths=0)  # the same window a year before
    doc = build_summary(user=bureau, region_code="430102", start=D(2025, 12, 20), end=D(2026, 2, 28))
    assert doc.title == "长沙市芙蓉区应急管理局2025年12月20日至2026年2月28日安全生产工作总结"
    assert "共发生生产安全事故1起、死亡1人" in section(doc, "一")
    assert doc.sections[-1][0] == "四、下步工作计划"


def test_a_window_in_one_year_names_the_year_once(bureau, enterprises):
    doc = build_summary(user=bureau, region_code="430102", start=D(2026, 3, 1), end=D(2026, 6, 8))
    assert doc.title.endswith("2026年3月1日至6月8日安全生产工作总结")


def test_the_api_takes_from_and_to_and_refuses_half_a_window(api, bureau, enterprises):
    client = api(bureau)
    ok = client.get("/api/v1/reports/work-summary?region=430102&from=2026-03-01&to=2026-06-08&format=md")
    assert ok.status_code == 200 and "2026年3月1日至6月8日" in ok.content.decode()
    half = client.get("/api/v1/reports/work-summary?region=430102&from=2026-03-01&format=md")
    assert half.status_code == 400 and "to" in half.json()["errors"]
    backwards = client.get("/api/v1/reports/work-summary?region=430102&from=2026-06-01&to=2026-03-01")
    assert backwards.status_code == 400


def test_the_command_line_takes_from_and_to(bureau, enterprises, tmp_path):
    from django.core.management import call_command

    out = tmp_path / "s.md"
    call_command(
        "report",
        "work-summary",
        "--region",
        "430102",
        "--from",
        "2026-03-01",
        "--to",
        "2026-06-08",
        "--user",
        bureau.username,
        "-o",
        str(out),
    )
    assert "2026年3月1日至6月8日" in out.read_text()


def test_the_command_line_refuses_a_year_less_table(bureau):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    with pytest.raises(CommandError) as e:
        call_command("report", "hazard-table", "--region", "430102", "--user", bureau.username)
    assert e.value.returncode == 2  # exit status 2


def test_the_page_picks_a_region_of_the_jurisdiction_and_carries_the_window(client, bureau, enterprises):
    from yingji.accounts.tests.factories import web_login

    web_login(client, "bureau")
    page = client.get("/reports/work-summary/", {"region": "430102", "from": "2026-03-01", "to": "2026-06-08"})
    codes = [code for code, _name in page.context["regions"]]
    # 芙蓉区 and its streets; never a region outside it.
    assert codes[0] == "430102" and "430102015" in codes
    assert all(code.startswith("430102") for code in codes)
    docx_link = "?region=430102&amp;year=2026&amp;period=ytd&amp;from=2026-03-01&amp;to=2026-06-08&amp;format=docx"
    assert docx_link.replace("ytd", page.context["form"]["period"]) in page.content.decode()
