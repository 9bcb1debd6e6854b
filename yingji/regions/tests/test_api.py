import pytest

from yingji.audit.models import AuditEntry
from yingji.regions.models import Region

pytestmark = pytest.mark.django_db


def test_children_of_a_region(api, street):
    response = api(street).get("/api/v1/regions", {"parent": "430102", "page_size": 100})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 14
    assert {"code": "430102015", "name": "东岸街道", "level": "street", "parent_code": "430102"} in body[
        "results"
    ]


def test_without_parent_the_provinces(api, street):
    body = api(street).get("/api/v1/regions", {"page_size": 100}).json()
    assert body["count"] == 31
    assert body["results"][0] == {"code": "11", "name": "北京市", "level": "province", "parent_code": None}


def test_unknown_parent_is_a_400_with_field_errors(api, street):
    response = api(street).get("/api/v1/regions", {"parent": "999999"})
    assert response.status_code == 400
    assert "parent" in response.json()["errors"]


def test_admin_adds_a_community(api, admin):
    response = api(admin).post(
        "/api/v1/regions",
        {"code": "430102015001", "name": "东岸社区", "parent_code": "430102015"},
        "application/json",
    )
    assert response.status_code == 201, response.content
    assert Region.objects.get(code="430102015001").level == "community"
    entry = AuditEntry.objects.get(object_type="regions.region", object_id="430102015001")
    assert entry.action == "create" and entry.actor == admin and entry.after["name"] == "东岸社区"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"code": "43010201", "name": "x", "parent_code": "430102"}, "code"),
        ({"code": "43A102999", "name": "x", "parent_code": "430102"}, "code"),
        ({"code": "430102015", "name": "重复", "parent_code": "430102"}, "code"),
        ({"code": "430102999", "name": "x", "parent_code": "430103"}, "parent_code"),
        ({"code": "999999001", "name": "x", "parent_code": "999999"}, "parent_code"),
        ({"code": "430102999", "name": "", "parent_code": "430102"}, "name"),
        ({"name": "x"}, "code"),
    ],
)
def test_bad_region_input_is_a_400_naming_the_field(api, admin, payload, field):
    response = api(admin).post("/api/v1/regions", payload, "application/json")
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_only_admins_add_regions(api, bureau):
    response = api(bureau).post(
        "/api/v1/regions",
        {"code": "430102015001", "name": "东岸社区", "parent_code": "430102015"},
        "application/json",
    )
    assert response.status_code == 403
    assert not Region.objects.filter(code="430102015001").exists()
