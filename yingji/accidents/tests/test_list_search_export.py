"""The accident list: its filters as removable chips, keyword search, sorting, and the export
of what it shows (xlsx and CSV) with every formula-like text guarded; all within the
jurisdiction."""

import csv
import io
from decimal import Decimal

import openpyxl
import pytest
from django.test import Client

from yingji.accidents.tests.factories import WENYILU, accident_factory, beijing
from yingji.accounts.tests.factories import web_login
from yingji.enterprises.tests.factories import enterprise_factory

pytestmark = pytest.mark.django_db
TIANXIN_STREET = "430103002"


def logged_in(username: str) -> Client:
    client = Client()
    client.cookies["django_language"] = "en"
    assert web_login(client, username)
    return client


@pytest.fixture
def accidents(bureau, outsider, enterprises):
    evil = enterprise_factory(region=WENYILU, name='=HYPERLINK("http://evil.example","点我")')
    return {
        "dongan": accident_factory(
            actor=bureau, place="东岸工地", enterprise_id=enterprises["A"].pk, summary="脚手架坍塌"
        ),
        "wenyilu": accident_factory(
            actor=bureau,
            region_code=WENYILU,
            place="文艺路仓库",
            enterprise_id=evil.pk,
            summary="=cmd|' /C calc'!A0",
            deaths=0,
            direct_loss=Decimal("350000"),
            occurred_at=beijing(2026, 4, 2, 14, 0),
        ),
        "tianxin": accident_factory(
            actor=outsider, region_code=TIANXIN_STREET, place="天心工地", enterprise_id=enterprises["D"].pk
        ),
    }


def chips(response) -> dict[str, tuple[str, str]]:
    return {chip.name: (chip.label, chip.url) for chip in response.context["chips"]}


def places(response) -> list[str]:
    return [a.place for a in response.context["page"]]


def test_filters_are_chips_and_removing_one_widens_the_list(accidents):
    client = logged_in("bureau")
    response = client.get("/accidents/", {"region": "430102015", "from": "2026-03-01", "to": "2026-03-31"})
    assert places(response) == ["东岸工地"]
    shown = chips(response)
    assert shown["region"] == ("东岸街道", "?from=2026-03-01&to=2026-03-31")
    assert shown["from"][0] == "Occurred from 2026-03-01"
    assert places(client.get("/accidents/" + shown["to"][1])) == ["东岸工地"]
    wider = client.get("/accidents/" + shown["region"][1])
    assert places(wider) == ["东岸工地"]  # 文艺路's is of April: the dates still apply, as their chips say
    assert sorted(places(client.get("/accidents/?from=2026-03-01"))) == ["东岸工地", "文艺路仓库"]


def test_a_keyword_finds_place_summary_enterprise_and_uscc_in_the_jurisdiction_only(accidents, enterprises):
    client = logged_in("bureau")
    assert places(client.get("/accidents/", {"q": "仓库"})) == ["文艺路仓库"]
    assert places(client.get("/accidents/", {"q": "脚手架"})) == ["东岸工地"]
    assert places(client.get("/accidents/", {"q": "东岸建筑"})) == ["东岸工地"]
    assert places(client.get("/accidents/", {"q": enterprises["A"].uscc})) == ["东岸工地"]
    assert places(client.get("/accidents/", {"q": "天心"})) == []
    assert places(client.get("/accidents/", {"q": enterprises["D"].uscc})) == []


def test_columns_sort_and_an_unknown_sort_is_ignored(accidents):
    client = logged_in("bureau")
    assert places(client.get("/accidents/", {"sort": "-direct_loss"})) == ["东岸工地", "文艺路仓库"]
    assert places(client.get("/accidents/", {"sort": "direct_loss"})) == ["文艺路仓库", "东岸工地"]
    assert client.get("/accidents/", {"sort": "secret"}).status_code == 200


def test_the_export_holds_what_the_list_shows_with_formulas_guarded(accidents):
    response = logged_in("bureau").get("/accidents/export/", {"q": "仓库"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("序号", "事故发生时间", "行政区域", "发生地点", "事故单位")
    assert len(rows) == 2  # the header and 文艺路's accident: the search applies
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["发生地点"] == "文艺路仓库" and row["行政区域"] == "文艺路街道"
    assert row["事故单位"] == '\'=HYPERLINK("http://evil.example","点我")'
    assert row["事故简要经过"] == "'=cmd|' /C calc'!A0"
    assert row["直接经济损失（元）"] == 350000
    assert row["事故等级"] == "一般" and row["是否迟报"] == "否"
    assert row["事故发生时间"] == beijing(2026, 4, 2, 14, 0).replace(tzinfo=None)  # Beijing time, a date cell
    for cell in sheet[2]:
        assert cell.data_type != "f"


def test_the_csv_export_is_scoped_and_guarded(accidents):
    response = logged_in("bureau").get("/accidents/export/", {"format": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 3  # header, 文艺路 and 东岸; never 天心区's
    assert "天心工地" not in text
    assert "'=cmd|' /C calc'!A0" in rows[1]


def test_the_api_searches_filters_by_street_and_refuses_an_unknown_sort(accidents, bureau, api):
    client = api(bureau)
    assert client.get("/api/v1/accidents", {"q": "仓库"}).json()["count"] == 1
    assert client.get("/api/v1/accidents", {"q": "天心"}).json()["count"] == 0
    assert client.get("/api/v1/accidents", {"street": WENYILU}).json()["count"] == 1
    assert (
        client.get("/api/v1/accidents", {"sort": "-occurred_at"}).json()["results"][0]["place"]
        == "文艺路仓库"
    )
    response = client.get("/api/v1/accidents", {"sort": "secret"})
    assert response.status_code == 400 and "sort" in response.json()["errors"]
