"""Evacuations: recorded by a street (shelter by id or by name), the return, counts rolling up
from streets to the county, refused input, scoping."""

import pytest

from yingji.emergency.tests.conftest import DONGAN, WENYILU
from yingji.stats.catalog import CATALOG, Query
from yingji.stats.periods import period_of

pytestmark = pytest.mark.django_db
BODY = {"region_code": DONGAN, "date": "2026-06-20", "people": 40, "special_group_people": 6}


def test_a_street_records_an_evacuation_with_its_shelter_by_id_or_name(street, shelter, call):
    status, data = call(street, "post", "/api/v1/evacuations", BODY | {"shelter": shelter.pk})
    assert status == 201 and data["shelter_id"] == shelter.pk and data["people"] == 40
    assert (
        call(street, "post", "/api/v1/evacuations", BODY | {"shelter": "东岸小学"})[1]["shelter_id"]
        == shelter.pk
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [({"special_group_people": 41}, "special_group_people"), ({"region_code": "430102"}, "region_code"),
     ({"region_code": WENYILU}, "region_code"), ({"shelter": "没有的学校"}, "shelter"), ({"date": "2999-01-01"}, "date"),
     ({"event_id": 99999}, "event_id"), ({"people": -1}, "people")],
)  # fmt: skip
def test_refused_input(street, call, change, field):
    status, data = call(street, "post", "/api/v1/evacuations", BODY | change)
    assert status == 400 and field in str(data["errors"])


def test_the_return_once(street, other_street, call):
    evacuation = call(street, "post", "/api/v1/evacuations", BODY)[1]
    path = f"/api/v1/evacuations/{evacuation['id']}/actions/return"
    assert call(other_street, "post", path, {})[0] == 404
    status, data = call(street, "post", path, {"returned_on": "2026-06-23"})
    assert status == 200 and data["returned_on"] == "2026-06-23"
    assert call(street, "post", path, {})[0] == 409
    assert call(street, "post", "/api/v1/evacuations", BODY)[0] == 201


def test_counts_roll_up_from_streets_to_the_county(street, other_street, bureau, outsider, call):
    call(street, "post", "/api/v1/evacuations", BODY)
    call(
        other_street,
        "post",
        "/api/v1/evacuations",
        BODY | {"region_code": WENYILU, "people": 25, "special_group_people": 2},
    )
    call(bureau, "post", "/api/v1/evacuations", BODY | {"date": "2025-07-01", "people": 100})  # another year

    def value(user, key, **filters):
        return CATALOG[key].value(Query(user=user, period=period_of(2026, "year"), filters=filters))

    assert value(bureau, "evacuations.people") == 65
    assert value(bureau, "evacuations.special_group_people") == 8
    assert value(street, "evacuations.people") == 40
    assert value(bureau, "evacuations.people", region=WENYILU) == 25
    assert value(outsider, "evacuations.people") == 0
    grouped = CATALOG["evacuations.people"].grouped(
        Query(user=bureau, period=period_of(2026, "year")), "street"
    )
    assert grouped == {DONGAN: 40, WENYILU: 25}


def test_the_evacuation_form(street, client):
    client.force_login(street)
    page = client.post(
        "/emergency/evacuations/",
        {"region_code": DONGAN, "date": "2026-06-20", "people": "12", "special_group_people": "3"},
        follow=True,
    )
    assert "12" in page.content.decode()
    assert (
        client.post(
            "/emergency/evacuations/",
            {"region_code": DONGAN, "date": "2026-06-20", "people": "1", "special_group_people": "3"},
        ).status_code
        == 200
    )


def test_the_list_behind_the_indicator_and_the_street_totals(street, other_street, bureau, client, call):
    call(street, "post", "/api/v1/evacuations", BODY)
    call(other_street, "post", "/api/v1/evacuations", BODY | {"region_code": WENYILU, "people": 25, "special_group_people": 2, "date": "2026-07-01"})  # fmt: skip
    client.force_login(bureau)
    page = client.get("/emergency/evacuations/?from=2026-07-01&to=2026-07-31")
    assert [v.people for v in page.context["page"]] == [25]
    assert {r["region_id"]: r["p"] for r in page.context["by_street"]} == {DONGAN: 40, WENYILU: 25}
    assert [v.people for v in client.get(f"/emergency/evacuations/?region={DONGAN}").context["page"]] == [40]
