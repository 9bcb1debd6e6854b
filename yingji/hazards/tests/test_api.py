"""/api/v1/hazards: list, create, read, actions; scoping on every endpoint."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from yingji.hazards.tests.factories import PLAN, assigned, hazard_factory
from yingji.hazards.tests.images import jpeg_bytes

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
FIELDS = {
    "id",
    "enterprise_id",
    "region_code",
    "industry",
    "description",
    "location",
    "level",
    "source",
    "found_at",
    "deadline",
    "status",
    "rectified_at",
    "verified_at",
    "closed_at",
    "overdue",
}


@pytest.fixture
def hazards(street, other_street, outsider, enterprises):
    """One hazard per enterprise: A and B in 东岸, C in 文艺路, D in 天心区."""
    return {
        key: hazard_factory(actor=actor, enterprise=enterprises[key], description=f"隐患{key}")
        for key, actor in (("A", street), ("B", street), ("C", other_street), ("D", outsider))
    }


def listed(client, **params) -> set[str]:
    response = client.get("/api/v1/hazards", params)
    assert response.status_code == 200, response.content
    return {row["description"] for row in response.json()["results"]}


def test_the_list_has_the_agreed_field_names(api, street, hazards):
    row = api(street).get("/api/v1/hazards").json()["results"][0]
    assert FIELDS <= set(row)


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("street", {"隐患A", "隐患B"}),
        ("other_street", {"隐患C"}),
        ("department", {"隐患A", "隐患C"}),  # construction and gas
        ("enterprise_user", {"隐患A"}),
        ("bureau", {"隐患A", "隐患B", "隐患C"}),
        ("outsider", {"隐患D"}),
        ("admin", {"隐患A", "隐患B", "隐患C", "隐患D"}),
    ],
)
def test_each_persona_lists_its_jurisdiction(api, request, hazards, persona, expected):
    assert listed(api(request.getfixturevalue(persona))) == expected


def test_outside_records_answer_404_on_detail_and_actions(api, street, hazards):
    client = api(street)
    c = hazards["C"].pk
    assert client.get(f"/api/v1/hazards/{c}").status_code == 404
    assert (
        client.post(f"/api/v1/hazards/{c}/actions/rectify_on_site", {}, "application/json").status_code == 404
    )
    assert client.put(f"/api/v1/hazards/{c}/plan", PLAN, "application/json").status_code == 404
    hazards["C"].refresh_from_db()
    assert hazards["C"].status == "reported"


def test_filters(api, bureau, street, hazards):
    assigned(hazards["A"], street, days=1)  # deadline long passed: overdue
    client = api(bureau)
    assert listed(client, overdue="true") == {"隐患A"}
    assert listed(client, overdue="false") == {"隐患B", "隐患C"}
    assert listed(client, region="430102001") == {"隐患C"}
    assert listed(client, industry="gas") == {"隐患C"}
    assert listed(client, status="rectifying") == {"隐患A"}
    assert listed(client, enterprise=hazards["B"].enterprise_id) == {"隐患B"}
    assert listed(client, level="major") == set()
    assert listed(client, source="inspection") == {"隐患A", "隐患B", "隐患C"}
    assert listed(client, **{"from": str(TODAY), "to": str(TODAY)}) == set()
    assert listed(client, **{"from": str(TODAY - datetime.timedelta(days=30))}) == {"隐患A", "隐患B", "隐患C"}
    assert api(bureau).get("/api/v1/hazards", {"level": "huge"}).status_code == 400


def test_ordering_by_deadline_puts_the_longest_overdue_first(api, bureau, street, hazards):
    assigned(hazards["A"], street, days=1)
    assigned(hazards["B"], street, days=5)
    body = api(bureau).get("/api/v1/hazards", {"overdue": "true", "ordering": "deadline"}).json()
    assert [h["description"] for h in body["results"]] == ["隐患A", "隐患B"]
    assert api(bureau).get("/api/v1/hazards", {"ordering": "risk"}).status_code == 400


def test_create_answers_the_hazard_with_its_timeline(api, street, enterprises):
    payload = {"enterprise_id": enterprises["A"].pk, "description": "消防通道堵塞", "found_at": str(TODAY)}
    response = api(street).post("/api/v1/hazards", payload, "application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["status"], body["region_code"], body["industry"]) == (
        "reported",
        "430102015",
        "construction",
    )
    assert [e["action"] for e in body["events"]] == ["register"]
    assert "assign" in body["actions"] and "cancel" not in body["actions"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"enterprise_id": 999999}, "enterprise_id"),
        ({"description": ""}, "description"),
        ({"found_at": "2026-13-01"}, "found_at"),
        ({"level": "huge"}, "level"),
        ({"funds": "-1"}, "funds"),
    ],
)
def test_bad_input_is_400_naming_the_field(api, street, enterprises, change, field):
    payload = {"enterprise_id": enterprises["A"].pk, "description": "x", "found_at": str(TODAY)} | change
    response = api(street).post("/api/v1/hazards", payload, "application/json")
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_creating_for_an_enterprise_outside_is_400(api, street, enterprises):
    payload = {"enterprise_id": enterprises["C"].pk, "description": "x", "found_at": str(TODAY)}
    response = api(street).post("/api/v1/hazards", payload, "application/json")
    assert response.status_code == 400 and "enterprise_id" in response.json()["errors"]


def test_actions_answer_the_hazard_409_for_the_wrong_state_403_for_the_wrong_role(
    api, street, enterprise_user, hazards
):
    a = hazards["A"].pk
    response = api(street).post(f"/api/v1/hazards/{a}/actions/approve", {}, "application/json")
    assert response.status_code == 409
    assert "待整改" in response.json()["detail"] or "reported" in response.json()["detail"].lower()
    response = api(enterprise_user).post(
        f"/api/v1/hazards/{a}/actions/rectify_on_site", {}, "application/json"
    )
    assert response.status_code == 403
    response = api(street).post(
        f"/api/v1/hazards/{a}/actions/assign",
        {"measures": "加锁", "responsible": "李四", "deadline": str(TODAY + datetime.timedelta(days=7))},
        "application/json",
    )
    assert response.status_code == 200
    assert response.json()["status"] == "rectifying"
    assert api(street).post(f"/api/v1/hazards/{a}/actions/fly", {}, "application/json").status_code == 400


def test_evidence_upload_through_the_api(api, street, enterprise_user, enterprises):
    hazard = assigned(hazard_factory(actor=street, enterprise=enterprises["A"], level="major"), street)
    client = api(enterprise_user)
    url = f"/api/v1/hazards/{hazard.pk}/actions/submit/upload"
    bad = client.post(url, {"files": [SimpleUploadedFile("x.jpg", b"not really a photo", "image/jpeg")]})
    assert bad.status_code == 400 and "files" in bad.json()["errors"]
    hazard.refresh_from_db()
    assert hazard.status == "rectifying" and hazard.evidence.count() == 0
    good = client.post(
        url, {"files": [SimpleUploadedFile("after.jpg", jpeg_bytes(), "image/jpeg")], "note": "已整改"}
    )
    assert good.status_code == 200, good.content
    evidence = good.json()["evidence"][0]
    assert evidence["content_type"] == "image/jpeg" and len(evidence["sha256"]) == 64
    assert evidence["captured_at"].startswith("2026-03-05T09:30:00")
    assert (evidence["latitude"], evidence["longitude"]) == ("28.190000", "113.035000")
