"""Movements keep the stock exact: in with the batch's expiry, out taking the batches that expire
first, transfers, scrapping; more than the stock is a 400; who may move what; scoping."""

import pytest

from yingji.audit.models import AuditEntry
from yingji.supplies.models import Movement, StockLevel
from yingji.supplies.tests.conftest import move, only

pytestmark = pytest.mark.django_db


def _stock(api, user, warehouse):
    answer = api(user).get(f"/api/v1/warehouses/{warehouse.pk}/stock")
    assert answer.status_code == 200
    return [(r["item"], r["quantity"], r["unit"], r["expires_on"]) for r in answer.json()["results"]]


def test_the_catalogue_ships_common_supplies(api, bureau):
    names = {i["name"]: i["unit"] for i in api(bureau).get("/api/v1/supply-items").json()}
    assert names["救生衣"] == "件" and names["冲锋舟"] == "艘" and names["沙袋"] == "条"
    assert {"帐篷", "折叠床", "发电机", "灭火器", "抽水泵", "安全绳"} <= set(names)


def test_creating_a_warehouse_over_the_api(api, bureau, street):
    answer = api(bureau).post(
        "/api/v1/warehouses", {"name": "区储备库", "region_code": "430102", "address": "车站北路"},
        content_type="application/json",
    )  # fmt: skip
    assert answer.status_code == 201 and answer.json()["region_name"] == "芙蓉区"
    outside = api(street).post(
        "/api/v1/warehouses",
        {"name": "x", "region_code": "430102001", "address": "y"},
        content_type="application/json",
    )
    assert outside.status_code == 400 and "region_code" in outside.json()["errors"]
    assert AuditEntry.objects.filter(object_type="supplies.warehouse", action="create").count() == 1


def test_in_out_transfer_and_scrap_keep_the_stock_exact(api, bureau, keeper, depot, point):
    move(keeper, depot, "in", "救生衣", 100, expires_on="2030-06-30")
    move(keeper, depot, "in", "救生衣", 50, expires_on="2029-06-30")
    move(keeper, depot, "in", "沙袋", 2000)
    answer = api(keeper).post(
        f"/api/v1/warehouses/{depot.pk}/movements",
        {"item": "救生衣", "kind": "out", "quantity": 70, "event_id": 12, "note": "东岸防汛"},
        content_type="application/json",
    )
    assert answer.status_code == 201
    # The batch expiring first goes first: all 50 of 2029, then 20 of 2030.
    assert answer.json()["batches"] == [
        {"batch": "", "expires_on": "2029-06-30", "quantity": 50},
        {"batch": "", "expires_on": "2030-06-30", "quantity": 20},
    ]
    assert Movement.objects.get(pk=answer.json()["id"]).event_id == 12
    move(bureau, depot, "transfer", "沙袋", 500, to_warehouse_id=point.pk)
    move(keeper, depot, "scrap", "救生衣", 5)
    assert _stock(api, bureau, depot) == [("救生衣", 75, "件", "2030-06-30"), ("沙袋", 1500, "条", None)]
    assert _stock(api, bureau, point) == [("沙袋", 500, "条", None)]
    assert AuditEntry.objects.filter(object_type="supplies.movement").count() == 6


def test_taking_more_than_the_stock_is_a_400_and_changes_nothing(api, keeper, depot):
    move(keeper, depot, "in", "帐篷", 10)
    answer = api(keeper).post(
        f"/api/v1/warehouses/{depot.pk}/movements", {"item": "帐篷", "kind": "out", "quantity": 11},
        content_type="application/json",
    )  # fmt: skip
    assert answer.status_code == 400
    assert answer.json()["errors"]["quantity"] == [only(10, "顶", "帐篷")]
    assert StockLevel.objects.get().quantity == 10 and Movement.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"item": "不存在的物资", "kind": "in", "quantity": 1}, "item"),
        ({"item": "帐篷", "kind": "transfer", "quantity": 1}, "to_warehouse_id"),
        ({"item": "帐篷", "kind": "in", "quantity": 1, "moved_on": "2099-01-01"}, "moved_on"),
        ({"item": "帐篷", "kind": "in", "quantity": 0}, "quantity"),
        ({"item": "帐篷", "kind": "lend", "quantity": 1}, "kind"),
    ],
)
def test_bad_movements_are_400s(api, keeper, depot, body, field):
    answer = api(keeper).post(
        f"/api/v1/warehouses/{depot.pk}/movements", body, content_type="application/json"
    )
    assert answer.status_code == 400
    assert field in str(answer.json()["errors"])


def test_a_transfer_to_itself_is_refused(api, keeper, depot):
    move(keeper, depot, "in", "帐篷", 3)
    answer = api(keeper).post(
        f"/api/v1/warehouses/{depot.pk}/movements",
        {"item": "帐篷", "kind": "transfer", "quantity": 1, "to_warehouse_id": depot.pk},
        content_type="application/json",
    )
    assert answer.status_code == 400 and "to_warehouse_id" in answer.json()["errors"]


def test_who_may_move_the_stock(api, keeper, street, other_street, department, depot, point):
    body = {"item": "帐篷", "kind": "in", "quantity": 1}

    def post(user, w):
        return api(user).post(f"/api/v1/warehouses/{w.pk}/movements", body, content_type="application/json")  # noqa: E731

    assert post(keeper, depot).status_code == 201  # its manager
    assert post(street, point).status_code == 201  # the street over it
    assert post(street, depot).status_code == 404  # the district's depot is outside the street
    assert post(department, depot).status_code == 403  # a department reads, does not keep
    assert post(other_street, point).status_code == 404


def test_scoping_of_warehouses(api, bureau, street, other_street, outsider, depot, point):
    names = lambda user: [w["name"] for w in api(user).get("/api/v1/warehouses").json()["results"]]  # noqa: E731
    assert names(bureau) == ["区应急物资储备库", "东岸街道物资储备点"]
    assert names(street) == ["东岸街道物资储备点"]
    assert names(other_street) == [] and names(outsider) == []
    assert api(outsider).get(f"/api/v1/warehouses/{depot.pk}").status_code == 404
    assert api(outsider).get(f"/api/v1/warehouses/{depot.pk}/stock").status_code == 404


def test_the_catalogue_is_the_administrators(api, admin, bureau):
    body = {"name": "救生筏", "category": "flood", "unit": "只"}
    assert api(bureau).post("/api/v1/supply-items", body, content_type="application/json").status_code == 403
    created = api(admin).post("/api/v1/supply-items", body, content_type="application/json")
    assert created.status_code == 201
    edited = api(admin).patch(
        f"/api/v1/supply-items/{created.json()['id']}", {"unit": "艘"}, content_type="application/json"
    )
    assert edited.json()["unit"] == "艘"
    again = api(admin).post(
        "/api/v1/supply-items", body | {"name": "救生衣"}, content_type="application/json"
    )
    assert again.status_code == 400 and "name" in again.json()["errors"]
