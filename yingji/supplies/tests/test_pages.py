"""The pages: the warehouse list with the low and expiring stock, setting a warehouse up, the
movement form that issues to an event, the stock table as XLSX."""

import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from yingji.accounts.tests.factories import web_login
from yingji.supplies import services
from yingji.supplies.models import Movement, StockLevel, Warehouse
from yingji.supplies.tests.conftest import move, only

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    assert web_login(client, user.username)
    return client


def test_the_list_shows_warehouses_and_the_stock_below_minimum(bureau, keeper, depot, point):
    move(keeper, depot, "in", "冲锋舟", 2)
    services.minimum_set(actor=keeper, warehouse=depot, item_name="冲锋舟", minimum=4)
    page = _client(bureau).get("/supplies/")
    assert page.status_code == 200
    assert [w.name for w in page.context["page"].object_list] == ["区应急物资储备库", "东岸街道物资储备点"]
    assert [(m.item.name, held) for m, held in page.context["below"]] == [("冲锋舟", 2)]
    assert "应急物资" in page.content.decode()  # the navigation entry


def test_setting_a_warehouse_up(bureau, department):
    client = _client(bureau)
    assert client.get("/supplies/new/").status_code == 200
    answer = client.post("/supplies/new/", {"name": "文艺路储备点", "kind": "point", "region_code": "430102001",
                                            "address": "文艺路1号", "established_on": "2025-01-01"})  # fmt: skip
    warehouse = Warehouse.objects.get()
    assert answer.status_code == 302 and answer["Location"] == f"/supplies/{warehouse.pk}/"
    assert client.post("/supplies/new/", {"name": "", "region_code": "430102"}).status_code == 400
    assert _client(department).get("/supplies/new/").status_code == 403


def test_issuing_to_an_event_from_the_page(keeper, depot):
    move(keeper, depot, "in", "沙袋", 1000)
    client = _client(keeper)
    page = client.get(f"/supplies/{depot.pk}/")
    assert page.context["can_move"] and page.context["stock"][0]["quantity"] == 1000
    client.post(
        f"/supplies/{depot.pk}/movements/",
        {"kind": "out", "item": "沙袋", "quantity": "300", "event_id": "5"},
    )
    assert StockLevel.objects.get().quantity == 700
    assert Movement.objects.get(kind="out").event_id == 5
    refused = client.post(f"/supplies/{depot.pk}/movements/", {"kind": "out", "item": "沙袋", "quantity": "701"},
                          follow=True)  # fmt: skip
    assert only(700, "条", "沙袋") in refused.content.decode()
    assert StockLevel.objects.get().quantity == 700


def test_others_see_the_page_without_the_form(department, other_street, depot, point):
    page = _client(department).get(f"/supplies/{depot.pk}/")
    assert page.status_code == 200 and not page.context["can_move"]
    assert _client(other_street).get(f"/supplies/{point.pk}/").status_code == 404


def test_the_stock_table_per_region(bureau, street, keeper, depot, point):
    move(keeper, depot, "in", "救生衣", 100, expires_on="2030-06-30")
    move(keeper, depot, "in", "救生衣", 20, expires_on="2029-06-30")
    move(street, point, "in", "帐篷", 5)
    services.minimum_set(actor=keeper, warehouse=depot, item_name="救生衣", minimum=150)
    answer = _client(bureau).get("/supplies/stock-table/")
    sheet = load_workbook(io.BytesIO(b"".join(answer.streaming_content))).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == [
        "序号",
        "所属区域",
        "储备库（点）",
        "物资名称",
        "单位",
        "数量",
        "最低储备",
        "最早到期日期",
    ]
    assert [r[1:7] for r in rows[1:]] == [
        ["芙蓉区", "区应急物资储备库", "救生衣", "件", 120, 150],
        ["东岸街道", "东岸街道物资储备点", "帐篷", "顶", 5, None],
    ]
    assert rows[1][7].date().isoformat() == "2029-06-30"
    street_rows = list(
        load_workbook(
            io.BytesIO(b"".join(_client(street).get("/supplies/stock-table/").streaming_content))
        ).active.iter_rows()
    )
    assert len(street_rows) == 2  # the header and its own point
