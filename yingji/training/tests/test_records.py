"""Recording events, exams and communities over the API: who may, 400s, the naming step, scoping."""

import pytest

from yingji.audit.models import AuditEntry

pytestmark = pytest.mark.django_db
EVENT = {"kind": "lecture", "title": "安全生产法宣讲进企业", "held_on": "2026-06-10", "region_code": "430102015",
         "audience": "企业负责人", "sessions": 2, "participants": 120, "materials": 300}  # fmt: skip


def _post(api, user, path, body):
    return api(user).post(f"/api/v1/{path}", body, content_type="application/json")


def test_an_event_is_recorded_with_its_counts(api, street):
    answer = _post(api, street, "trainings", EVENT)
    assert answer.status_code == 201
    body = answer.json()
    assert (body["sessions"], body["participants"], body["materials"]) == (2, 120, 300)
    assert body["organiser"] == "东岸街道办事处"  # the caller's organisation by default
    assert api(street).get(f"/api/v1/trainings/{body['id']}").status_code == 200
    assert AuditEntry.objects.filter(object_type="training.trainingevent", action="create").count() == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"kind": "party"}, "kind"),
        ({"sessions": 0}, "sessions"),
        ({"participants": -1}, "participants"),
        ({"held_on": "2099-01-01"}, "held_on"),
        ({"region_code": "430102001"}, "region_code"),  # another street
        ({"title": ""}, "title"),
    ],
)
def test_bad_events_are_400s(api, street, change, field):
    answer = _post(api, street, "trainings", EVENT | change)
    assert answer.status_code == 400
    assert field in str(answer.json())


def test_who_records_what(api, bureau, street, department, enterprise_user, inspector):
    exam = {
        "operation": "electrical",
        "region_code": "430102",
        "candidates": 40,
        "passed": 35,
        "held_on": "2026-05-01",
    }
    assert _post(api, department, "trainings", EVENT | {"region_code": "430102"}).status_code == 201
    assert _post(api, enterprise_user, "trainings", EVENT).status_code == 403
    assert _post(api, inspector, "trainings", EVENT).status_code == 403
    assert _post(api, street, "exams", exam | {"region_code": "430102015"}).status_code == 403
    assert _post(api, bureau, "exams", exam).status_code == 201
    too_many = _post(api, bureau, "exams", exam | {"passed": 41})
    assert too_many.status_code == 400 and "passed" in too_many.json()["errors"]


def test_a_community_is_named_once(api, bureau, street):
    created = _post(api, street, "demo-communities", {"name": "东岸社区", "region_code": "430102015",
                                                      "started_on": "2024-03-01"})  # fmt: skip
    assert created.status_code == 201 and created.json()["status"] == "creating"
    path = f"demo-communities/{created.json()['id']}/name"
    assert (
        _post(api, street, path, {"level": "national", "named_year": 2023}).status_code == 400
    )  # before it started
    named = _post(api, street, path, {"level": "national", "named_year": 2025})
    assert named.json()["status"] == "named" and named.json()["level"] == "national"
    assert _post(api, street, path, {"level": "city", "named_year": 2025}).status_code == 409
    assert AuditEntry.objects.filter(object_type="training.democommunity", action="name").count() == 1


def test_scoping(api, bureau, street, other_street, outsider):
    made = _post(api, street, "trainings", EVENT).json()
    _post(api, bureau, "trainings", EVENT | {"region_code": "430102"})
    assert api(bureau).get("/api/v1/trainings").json()["count"] == 2
    assert api(street).get("/api/v1/trainings").json()["count"] == 1
    assert api(other_street).get("/api/v1/trainings").json()["count"] == 0
    assert api(outsider).get("/api/v1/trainings").json()["count"] == 0
    assert api(other_street).get(f"/api/v1/trainings/{made['id']}").status_code == 404
    assert api(outsider).get("/api/v1/exams").json()["count"] == 0
    assert api(outsider).get("/api/v1/demo-communities").json()["count"] == 0
