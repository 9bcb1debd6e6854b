"""/api/v1/inspections: list, record, read, photos, checklists; scoping on every endpoint."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory
from yingji.hazards.models import Hazard
from yingji.hazards.tests.images import jpeg_bytes
from yingji.inspections.models import Inspection
from yingji.inspections.tests.factories import TODAY, inspection_factory, item

pytestmark = pytest.mark.django_db
FIELDS = {
    "id",
    "enterprise_id",
    "enterprise_name",
    "region_code",
    "industry",
    "inspected_on",
    "type",
    "inspector_count",
    "template",
    "organisation",
    "notes",
    "hazard_count",
}


@pytest.fixture
def inspections(street, other_street, outsider, enterprises):
    """One inspection per enterprise, A and B in 东岸 on different dates and of different types."""
    made = {}
    for key, actor, kind, days in (
        ("A", street, "daily", 40),
        ("B", street, "campaign", 20),
        ("C", other_street, "unannounced", 10),
        ("D", outsider, "enforcement", 5),
    ):
        made[key] = inspection_factory(
            actor=actor,
            enterprise=enterprises[key],
            type=kind,
            inspected_on=TODAY - datetime.timedelta(days=days),
            notes=f"检查{key}",
        )
    return made


def listed(client, **params) -> set[str]:
    response = client.get("/api/v1/inspections", params)
    assert response.status_code == 200, response.content
    return {row["notes"] for row in response.json()["results"]}


def record(client, **body):
    return client.post("/api/v1/inspections", body, "application/json")


def test_the_list_has_the_agreed_field_names(api, street, inspections):
    row = api(street).get("/api/v1/inspections").json()["results"][0]
    assert set(row) == FIELDS
    assert row["region_code"] == "430102015" and row["organisation"] == "东岸街道办事处"


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("street", {"检查A", "检查B"}),
        ("other_street", {"检查C"}),
        ("department", {"检查A", "检查C"}),  # construction and gas
        ("enterprise_user", {"检查A"}),
        ("bureau", {"检查A", "检查B", "检查C"}),
        ("outsider", {"检查D"}),
        ("admin", {"检查A", "检查B", "检查C", "检查D"}),
    ],
)
def test_each_persona_lists_its_jurisdiction(api, request, inspections, persona, expected):
    assert listed(api(request.getfixturevalue(persona))) == expected


def test_the_list_filters(api, bureau, inspections, enterprises):
    client = api(bureau)
    assert listed(client, type="campaign") == {"检查B"}
    assert listed(client, industry="gas") == {"检查C"}
    assert listed(client, enterprise=enterprises["A"].pk) == {"检查A"}
    assert listed(client, region="430102001") == {"检查C"}
    start = (TODAY - datetime.timedelta(days=25)).isoformat()
    end = (TODAY - datetime.timedelta(days=15)).isoformat()
    assert listed(client, **{"from": start, "to": end}) == {"检查B"}
    for bad in ({"type": "weekly"}, {"from": "yesterday"}, {"enterprise": "A"}, {"industry": "mining"}):
        response = client.get("/api/v1/inspections", bad)
        assert response.status_code == 400 and "errors" in response.json(), bad


def test_outside_records_answer_404(api, street, inspections):
    client = api(street)
    c = inspections["C"].pk
    assert client.get(f"/api/v1/inspections/{c}").status_code == 404
    photo = SimpleUploadedFile("a.jpg", jpeg_bytes(), "image/jpeg")
    assert client.post(f"/api/v1/inspections/{c}/photos", {"photos": [photo]}).status_code == 404
    assert client.get(f"/api/v1/inspections/{2**70}").status_code == 404
    assert not inspections["C"].photos.exists()


def test_an_inspection_is_recorded_with_results_and_hazards(api, inspector, street, enterprises):
    wall_ties, licence = item("construction", "CN-09"), item("construction", "CN-01")
    response = record(
        api(inspector),
        enterprise_id=enterprises["A"].pk,
        inspected_on=str(TODAY),
        type="enforcement",
        template="construction",
        inspector_ids=[inspector.pk, street.pk],
        results=[
            {"item_id": licence.pk, "outcome": "pass"},
            {"item_id": wall_ties.pk, "outcome": "fail", "note": "3号楼"},
        ],
        hazards=[{"item_id": wall_ties.pk, "description": "连墙件整层缺失", "location": "3号楼外架"}],
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["inspector_count"] == 2 and body["template"] == "construction"
    assert {i["username"] for i in body["inspectors"]} == {"inspector", "street"}
    hazard = Hazard.objects.get(pk=body["hazard_ids"][0])
    assert (hazard.level, hazard.inspection_id, hazard.source) == ("major", body["id"], "inspection")
    failed = next(r for r in body["results"] if r["outcome"] == "fail")
    assert failed["hazard_id"] == hazard.pk and failed["is_major_criterion"] and failed["note"] == "3号楼"
    assert api(street).get(f"/api/v1/inspections/{body['id']}").json()["hazard_ids"] == [hazard.pk]


def test_bad_input_is_a_400_with_field_errors(api, inspector, enterprises):
    client = api(inspector)
    base = {"enterprise_id": enterprises["A"].pk, "inspected_on": str(TODAY), "type": "daily"}
    cases = [
        ({}, "enterprise_id"),
        (base | {"type": "weekly"}, "type"),
        (base | {"inspected_on": "2026-13-45"}, "inspected_on"),
        (base | {"inspected_on": str(TODAY + datetime.timedelta(days=1))}, "inspected_on"),
        (base | {"enterprise_id": enterprises["D"].pk}, "enterprise_id"),
        (base | {"template": "no_such"}, "template"),
        (base | {"inspector_ids": [10**12]}, "inspector_ids"),
        (
            base
            | {
                "results": [{"item_id": item("gas", "GS-01").pk, "outcome": "pass"}],
                "template": "construction",
            },
            "results.0.item_id",
        ),
        (base | {"hazards": [{"description": ""}]}, "hazards.0.description"),
        (base | {"hazards": [{"description": "x", "deadline": "2000-01-01"}]}, "hazards.0.deadline"),
        (base | {"enterprise_id": 2**64}, "enterprise_id"),
    ]
    for body, field in cases:
        response = record(client, **body)
        assert response.status_code == 400, (body, response.content)
        assert field in response.json()["errors"], (field, response.json())
    assert not Inspection.objects.exists() and not Hazard.objects.exists()


@pytest.mark.parametrize("role", [Role.LEADER, Role.DUTY])
def test_leaders_and_duty_officers_may_not_record(api, bureau, enterprises, role):
    reader = user_factory(role=role, org=bureau.organisation)
    body = {"enterprise_id": enterprises["A"].pk, "inspected_on": str(TODAY), "type": "daily"}
    assert record(api(reader), **body).status_code == 403
    assert api(reader).get("/api/v1/inspections").status_code == 200


def test_an_enterprise_records_only_its_own_self_checks(api, enterprise_user, enterprises):
    client = api(enterprise_user)
    own = {"enterprise_id": enterprises["A"].pk, "inspected_on": str(TODAY)}
    assert record(client, **own, type="daily").status_code == 403
    assert (
        record(client, **own | {"enterprise_id": enterprises["B"].pk}, type="self_check").status_code == 400
    )
    response = record(client, **own, type="self_check", hazards=[{"description": "配电箱门未关"}])
    assert response.status_code == 201
    assert Hazard.objects.get().source == "self_check"


def test_photos_are_uploaded_and_served_to_who_may_see_them(
    api, inspector, street, other_street, enterprises
):
    inspection = inspection_factory(actor=inspector, enterprise=enterprises["A"])
    url = f"/api/v1/inspections/{inspection.pk}/photos"
    response = api(street).post(url, {"photos": [SimpleUploadedFile("现场.jpg", jpeg_bytes(), "image/jpeg")]})
    assert response.status_code == 201, response.content
    photo = response.json()[0]
    assert photo["content_type"] == "image/jpeg" and len(photo["sha256"]) == 64
    served = api(street).get(photo["url"])
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    assert api(other_street).get(photo["url"]).status_code == 404
    detail = api(inspector).get(f"/api/v1/inspections/{inspection.pk}").json()
    assert [p["id"] for p in detail["photos"]] == [photo["id"]]


def test_photo_uploads_refuse_what_is_not_an_image(api, inspector, enterprise_user, bureau, enterprises):
    inspection = inspection_factory(actor=inspector, enterprise=enterprises["A"])
    url = f"/api/v1/inspections/{inspection.pk}/photos"
    fake = SimpleUploadedFile("photo.jpg", b"<html>not an image</html>", "image/jpeg")
    response = api(inspector).post(url, {"photos": [fake]})
    assert response.status_code == 400 and "photos" in response.json()["errors"]
    assert api(inspector).post(url, {}).status_code == 400
    good = SimpleUploadedFile("a.jpg", jpeg_bytes(), "image/jpeg")
    assert api(enterprise_user).post(url, {"photos": [good]}).status_code == 403  # not its self-check
    leader = user_factory(role=Role.LEADER, org=bureau.organisation)
    assert api(leader).post(url, {"photos": [good]}).status_code == 403
    assert not inspection.photos.exists()


def test_checklists_are_listed_with_items_and_proposals(api, street):
    client = api(street)
    everything = client.get("/api/v1/inspections/checklists").json()
    assert {t["code"] for t in everything} == {
        "industry_trade",
        "hazardous_chemicals",
        "construction",
        "fire_crowded_places",
        "gas",
    }
    [gas] = client.get("/api/v1/inspections/checklists", {"industry": "gas"}).json()
    assert gas["code"] == "gas" and "gas" in gas["industries"]
    licence = gas["items"][0]
    assert licence["is_major_criterion"] and licence["proposed_hazard"]["level"] == "major"
    assert licence["proposed_hazard"]["description"] == "未取得燃气经营许可证从事燃气经营活动"
    assert client.get("/api/v1/inspections/checklists", {"industry": "road_transport"}).json() == []
    detail = client.get("/api/v1/inspections/checklists/construction")
    assert detail.status_code == 200 and len(detail.json()["items"]) == 15
    assert client.get("/api/v1/inspections/checklists/nope").status_code == 404
    assert client.get("/api/v1/inspections/checklists", {"industry": "nope"}).status_code == 400


def test_the_api_needs_a_token(api):
    assert api().get("/api/v1/inspections").status_code == 401
    assert api().get("/api/v1/inspections/checklists").status_code == 401
