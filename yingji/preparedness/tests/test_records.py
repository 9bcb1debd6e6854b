"""Teams, experts, plans and drills as specifications: the rules of each, the 400s, who may
record, and jurisdiction (outside records answer 404)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from yingji.audit.models import AuditEntry
from yingji.core.errors import ApplicationError
from yingji.preparedness import services
from yingji.preparedness.models import Plan
from yingji.preparedness.tests.factories import DONGAN, WENYILU, drill, plan, team

pytestmark = pytest.mark.django_db


# Teams: the minimum strength per level (县50, 乡30, 村10) -------------------------------------------


@pytest.mark.parametrize(
    ("level", "members", "shortfall"),
    [("county", 49, 1), ("county", 50, 0), ("township", 12, 18), ("village", 10, 0), ("village", 3, 7),
     ("professional", 2, 0), ("social", 0, 0)],
)  # fmt: skip
def test_a_team_below_its_levels_minimum_is_short_by_the_difference(bureau, api, level, members, shortfall):
    t = team(bureau, level=level, region="430102", members=members)
    body = api(bureau).get(f"/api/v1/teams/{t.pk}").json()
    assert (body["member_count"], body["shortfall"]) == (members, shortfall)
    short = api(bureau).get("/api/v1/teams?short=true").json()
    assert [r["id"] for r in short["results"]] == ([t.pk] if shortfall else [])


def test_the_minimum_strength_is_a_setting(bureau, api, settings):
    settings.PREPAREDNESS_MINIMUM_STRENGTH = {"township": 5}
    t = team(bureau, members=4)
    assert api(bureau).get(f"/api/v1/teams/{t.pk}").json()["minimum"] == 5
    assert api(bureau).get(f"/api/v1/teams/{t.pk}").json()["shortfall"] == 1


def test_members_are_added_with_phone_and_certificates_and_audited(street, api):
    t = team(street)
    answer = api(street).post(f"/api/v1/teams/{t.pk}/members", {"name": "李强", "phone": "13812345678",
                              "certificates": ["救生员证", "冲锋舟驾驶证"]}, content_type="application/json")  # fmt: skip
    assert answer.status_code == 201
    assert api(street).get(f"/api/v1/teams/{t.pk}/members").json()[0]["certificates"] == [
        "救生员证",
        "冲锋舟驾驶证",
    ]
    assert AuditEntry.objects.filter(action="create", object_type__contains="teammember").exists()
    again = api(street).post(f"/api/v1/teams/{t.pk}/members", {"name": "李强", "phone": "13812345678"},
                             content_type="application/json")  # fmt: skip
    assert again.status_code == 400 and "phone" in again.json()["errors"]


@pytest.mark.parametrize(
    ("payload", "field"),
    [({"level": "township", "region_code": DONGAN, "name": ""}, "name"),
     ({"level": "platoon", "region_code": DONGAN, "name": "x"}, "level"),
     ({"level": "township", "region_code": WENYILU, "name": "x"}, "region_code"),
     ({"level": "township", "region_code": DONGAN, "name": "x", "phone": "abc"}, "phone"),
     ({"level": "township", "region_code": DONGAN, "name": "x", "founded_on": "2999-01-01"}, "founded_on")],
)  # fmt: skip
def test_a_bad_team_is_a_400_naming_the_field(street, api, payload, field):
    answer = api(street).post("/api/v1/teams", payload, content_type="application/json")
    assert answer.status_code == 400
    assert field in str(answer.json())


def test_teams_are_seen_inside_the_jurisdiction_only(bureau, street, other_street, outsider, department, api):
    t = team(street)
    assert api(bureau).get("/api/v1/teams").json()["count"] == 1
    assert api(other_street).get("/api/v1/teams").json()["count"] == 0
    for user in (other_street, outsider):
        assert api(user).get(f"/api/v1/teams/{t.pk}").status_code == 404
        assert api(user).get(f"/api/v1/teams/{t.pk}/members").status_code == 404
    assert api(department).post("/api/v1/teams", {"name": "x", "level": "social", "region_code": "430102"},
                                content_type="application/json").status_code == 403  # fmt: skip


# Experts -------------------------------------------------------------------------------------------


def test_experts_by_field_with_availability(bureau, other_street, api):
    made = api(bureau).post("/api/v1/experts", {"name": "王工", "field": "hazchem", "phone": "13800001111",
                            "region_code": "430102", "employer": "湖南大学"}, content_type="application/json").json()  # fmt: skip
    assert made["available"] is True
    patched = api(bureau).patch(
        f"/api/v1/experts/{made['id']}", {"available": False}, content_type="application/json"
    )
    assert patched.json()["available"] is False
    assert api(bureau).get("/api/v1/experts?field=hazchem&available=false").json()["count"] == 1
    assert api(bureau).get("/api/v1/experts?field=flood").json()["count"] == 0
    assert api(other_street).get(f"/api/v1/experts/{made['id']}").status_code == 404


# Plans: review due -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("approved_on", "review_due"),
    [("2024-05-10", datetime.date(2027, 5, 10)), ("2024-02-29", datetime.date(2027, 2, 28))],
)
def test_a_plans_review_falls_due_three_years_after_approval(bureau, approved_on, review_due):
    assert plan(bureau, approved_on=approved_on).review_due == review_due


def test_a_drill_that_revealed_problems_brings_the_review_forward(bureau, api):
    p = plan(bureau, approved_on="2025-03-01")
    answer = api(bureau).post("/api/v1/drills", {"title": "防汛演练", "date": "2026-06-10", "type": "field",
                              "region_code": "430102", "participants": 120, "plan_id": p.pk,
                              "problems": "转移路线不清", "plan_needs_revision": True},
                              content_type="application/json")  # fmt: skip
    assert answer.status_code == 201
    p.refresh_from_db()
    assert (p.needs_revision, p.review_due, p.revision_reason) == (
        True,
        datetime.date(2026, 6, 10),
        "转移路线不清",
    )
    assert AuditEntry.objects.filter(action="plan.needs_revision").count() == 1
    revised = api(bureau).post(f"/api/v1/plans/{p.pk}/revisions", {"version": "2", "approved_on": "2026-08-01"},
                               content_type="application/json").json()  # fmt: skip
    assert (revised["needs_revision"], revised["review_due"]) == (False, "2029-08-01")


def test_a_drill_without_problems_leaves_the_plan_alone(bureau):
    p = plan(bureau, approved_on="2025-03-01")
    drill(bureau, plan_id=p.pk)
    p.refresh_from_db()
    assert (p.needs_revision, p.review_due) == (False, datetime.date(2028, 3, 1))


@pytest.mark.parametrize(
    ("values", "field"),
    [({"plan_needs_revision": True, "problems": ""}, "problems"),
     ({"plan_needs_revision": True, "problems": "x"}, "plan_id"),
     ({"participants": 0}, "participants"),
     ({"type": "parade"}, "type"),
     ({"date": "2999-01-01"}, "date"),
     ({"plan_id": 999999}, "plan_id")],
)  # fmt: skip
def test_refused_drills(bureau, values, field):
    with pytest.raises(ApplicationError) as error:
        drill(bureau, **values)
    assert field in error.value.errors


def test_measures_per_response_level(bureau, api):
    answer = api(bureau).post("/api/v1/plans", {"title": "防汛预案", "level": "special", "type": "flood",
                              "region_code": "430102", "approved_on": "2025-04-01",
                              "measures": {"IV": ["防汛办24小时值班", "巡查险工险段"], "I": ["指挥长驻点"]}},
                              content_type="application/json")  # fmt: skip
    assert answer.status_code == 201
    p = Plan.objects.get(pk=answer.json()["id"])
    assert p.measures_for("IV") == ["防汛办24小时值班", "巡查险工险段"]
    assert p.measures_for("I") == ["指挥长驻点"]
    assert p.measures_for("II") == []


def test_a_plan_is_filed_after_approval(bureau):
    with pytest.raises(ApplicationError) as error:
        plan(bureau, approved_on="2025-04-01", filed_on="2025-03-01")
    assert "filed_on" in error.value.errors


def test_the_plan_file_is_checked_by_content(bureau, api):
    p = plan(bureau)
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = api(bureau).post(f"/api/v1/plans/{p.pk}/file", {"file": SimpleUploadedFile("p.pdf", b"not a pdf")})
    assert bad.status_code == 400
    good = api(bureau).post(
        f"/api/v1/plans/{p.pk}/file", {"file": SimpleUploadedFile("p.pdf", b"%PDF-1.4 x")}
    )
    assert good.status_code == 200 and good.json()["has_file"] is True
    assert api(bureau).get(f"/api/v1/plans/{p.pk}/file").status_code == 200


def test_plans_and_drills_are_seen_inside_the_jurisdiction_only(bureau, street, other_street, outsider, api):
    p = plan(street, region=DONGAN)
    d = drill(street, region=DONGAN)
    for user in (other_street, outsider):
        assert api(user).get(f"/api/v1/plans/{p.pk}").status_code == 404
        assert api(user).get(f"/api/v1/drills/{d.pk}").status_code == 404
    assert api(bureau).get("/api/v1/drills").json()["count"] == 1
    with pytest.raises(ApplicationError):  # a street cannot drill the bureau's plan it cannot see
        drill(other_street, region=WENYILU, plan_id=p.pk)


def test_the_plan_owner_sees_plans_due_for_review_in_the_todo(bureau, inspector):
    from yingji.preparedness.todo import plans_due

    due = plan(bureau, title="老预案", approved_on="2023-11-01")  # due 2026-11-01: overdue
    plan(bureau, title="新预案", approved_on="2025-11-01")
    assert [i.object_id for i in plans_due(bureau)] == [due.pk]
    assert plans_due(inspector) == []


def test_the_annual_drill_plan_and_its_progress(bureau, street, api):
    services.drill_target_set(actor=bureau, values={"region_code": DONGAN, "year": 2026, "target": 4})
    drill(street, region=DONGAN)
    drill(street, region=DONGAN, day="2025-06-01")
    assert api(bureau).get("/api/v1/drills/progress?year=2026").json() == [
        {"region_code": DONGAN, "region_name": "东岸街道", "target": 4, "held": 1}
    ]
    with pytest.raises(ApplicationError):  # another street's plan is not this street's to set
        services.drill_target_set(actor=street, values={"region_code": WENYILU, "year": 2026, "target": 1})


def test_a_department_records_plans_and_drills_but_not_teams(department):
    plan(department, title="建筑施工事故专项预案")
    with pytest.raises(PermissionDenied):
        team(department, region="430102")
