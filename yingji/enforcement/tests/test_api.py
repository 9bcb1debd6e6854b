"""/api/v1/cases: jurisdiction (outside is 404 or empty), bad input (400 with the field),
opening a case from a hazard or an inspection finding, evidence, the code list (admin)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from yingji.enforcement.tests.factories import open_case, walk
from yingji.hazards.tests.factories import hazard_factory

pytestmark = pytest.mark.django_db


def _body(crew, **values):
    return {
        "enterprise_id": None,
        "officer_ids": [u.pk for u in crew],
        "violation_code": "blocked_exits",
    } | values


def test_a_case_is_opened_over_the_api(api, officer, crew, enterprises):
    response = api(officer).post("/api/v1/cases", _body(crew, enterprise_id=enterprises["A"].pk, source="complaint"),
                                 content_type="application/json")  # fmt: skip
    assert response.status_code == 201
    case = response.json()
    assert case["status"] == "filing" and case["party_name"] == "东岸建筑工程有限公司"
    assert case["legal_basis"] == "《中华人民共和国安全生产法》第四十二条第二款"
    assert [o["cert_no"] for o in case["officers"]] == ["430102200001", "430102200002"]
    assert case["next_actions"] == []  # the handler may not approve the filing


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"enterprise_id": None}, "enterprise_id"),
        ({"violation_code": "no_such_code"}, "violation_code"),
        ({"act_on": "2099-01-01"}, "act_on"),
        (
            {"party_kind": "person", "enterprise_id": None, "party_name": "张三", "region_code": "430103"},
            "region_code",
        ),
    ],
)
def test_bad_input_is_a_400_on_its_field(values, field, api, officer, crew, enterprises):
    body = _body(crew, enterprise_id=enterprises["A"].pk, source="complaint") | values
    response = api(officer).post("/api/v1/cases", body, content_type="application/json")
    assert response.status_code == 400 and field in response.json()["errors"]


def test_one_officer_is_a_400(api, officer, crew, enterprises):
    body = _body(crew, enterprise_id=enterprises["A"].pk, source="complaint", officer_ids=[officer.pk])
    assert api(officer).post("/api/v1/cases", body, content_type="application/json").status_code == 400


def test_cases_outside_the_jurisdiction_are_404_and_not_listed(api, officer, crew, enterprises, street,
                                                               other_street, department, outsider):  # fmt: skip
    case = open_case(officer, enterprises["A"], crew)  # 东岸, construction
    assert api(street).get(f"/api/v1/cases/{case.pk}").status_code == 200
    assert api(department).get(f"/api/v1/cases/{case.pk}").status_code == 200  # construction is theirs
    for user in (other_street, outsider):
        assert api(user).get(f"/api/v1/cases/{case.pk}").status_code == 404
        assert api(user).get("/api/v1/cases").json()["count"] == 0
        assert (
            api(user)
            .post(f"/api/v1/cases/{case.pk}/actions/approve_filing", {}, content_type="application/json")
            .status_code
            == 404
        )
    commerce = open_case(officer, enterprises["B"], crew)
    assert api(department).get(f"/api/v1/cases/{commerce.pk}").status_code == 404


def test_readers_may_not_act(api, officer, crew, enterprises, street):
    case = open_case(officer, enterprises["A"], crew)
    assert (
        api(street)
        .post(f"/api/v1/cases/{case.pk}/actions/approve_filing", {}, content_type="application/json")
        .status_code
        == 403
    )
    assert api(street).post("/api/v1/cases", _body(crew, enterprise_id=enterprises["A"].pk),
                            content_type="application/json").status_code == 403  # fmt: skip


def test_the_enterprise_sees_its_own_cases_only(api, officer, crew, enterprises, enterprise_user):
    own, other = open_case(officer, enterprises["A"], crew), open_case(officer, enterprises["B"], crew)
    client = api(enterprise_user)
    assert [c["id"] for c in client.get("/api/v1/cases").json()["results"]] == [own.pk]
    assert client.get(f"/api/v1/cases/{other.pk}").status_code == 404


def test_a_case_from_an_overdue_hazard_links_back_to_it(api, bureau, officer, crew, enterprises):
    import datetime

    from yingji.enforcement.services import open_case_from_hazard
    from yingji.hazards.models import Hazard

    hazard = hazard_factory(actor=bureau, enterprise=enterprises["A"], description="消防通道堆放杂物")
    Hazard.objects.filter(pk=hazard.pk).update(status="rectifying", deadline=datetime.date(2026, 11, 20))
    hazard.refresh_from_db()
    case = open_case_from_hazard(actor=officer, hazard=hazard, officer_ids=[u.pk for u in crew])
    assert case.hazard == hazard and case.source == "hazard" and case.enterprise == enterprises["A"]
    assert case.violation.code == "hazard_not_eliminated" and "消防通道堆放杂物" in case.facts
    assert list(hazard.cases.all()) == [case]
    listed = api(bureau).get("/api/v1/cases", {"hazard": hazard.pk}).json()
    assert [c["id"] for c in listed["results"]] == [case.pk]


def test_a_case_from_an_inspection_finding(bureau, officer, crew, enterprises):
    from yingji.enforcement.services import open_case_from_inspection
    from yingji.inspections.tests.factories import inspection_factory

    inspection = inspection_factory(actor=bureau, enterprise=enterprises["A"], notes="安全出口上锁")
    case = open_case_from_inspection(actor=officer, inspection=inspection, officer_ids=[u.pk for u in crew])
    assert case.inspection == inspection and case.source == "inspection" and case.facts == "安全出口上锁"
    assert case.act_on == inspection.inspected_on


def _photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(out, "JPEG")
    return out.getvalue()


def test_evidence_is_checked_by_its_content(api, officer, crew, enterprises):
    case = open_case(officer, enterprises["A"], crew)
    client = api(officer)
    ok = client.post(
        f"/api/v1/cases/{case.pk}/evidence",
        {"file": SimpleUploadedFile("p.jpg", _photo()), "description": "现场"},
    )
    assert ok.status_code == 201 and ok.json()["content_type"] == "image/jpeg"
    fake = client.post(
        f"/api/v1/cases/{case.pk}/evidence", {"file": SimpleUploadedFile("p.jpg", b"MZ\x90\x00 exe")}
    )
    assert fake.status_code == 400 and "files" in fake.json()["errors"]
    assert client.get(f"/api/v1/cases/{case.pk}/evidence/{ok.json()['id']}/file").status_code == 200


def test_penalties_over_the_api_and_refused_after_the_investigation(api, bureau, officer, crew, enterprises):
    case = walk(
        open_case(officer, enterprises["A"], crew),
        officer=officer,
        approver=bureau,
        until="end_investigation",
    )
    client = api(officer)
    assert (
        client.post(
            f"/api/v1/cases/{case.pk}/penalties", {"kind": "warning"}, content_type="application/json"
        ).status_code
        == 409
    )
    assert (
        client.post(
            f"/api/v1/cases/{case.pk}/penalties", {"kind": "fine"}, content_type="application/json"
        ).status_code
        == 409
    )
    fresh = walk(
        open_case(officer, enterprises["B"], crew), officer=officer, approver=bureau, until="approve_filing"
    )
    assert (
        client.post(
            f"/api/v1/cases/{fresh.pk}/penalties", {"kind": "fine"}, content_type="application/json"
        ).status_code
        == 400
    )
    assert client.post(f"/api/v1/cases/{fresh.pk}/penalties", {"kind": "warning", "amount": "5"},
                       content_type="application/json").status_code == 400  # fmt: skip


def test_the_administrator_keeps_the_code_list(api, admin, bureau):
    listed = api(bureau).get("/api/v1/violation-codes").json()
    assert len(listed) >= 12 and listed[0]["code"] == "blocked_exits"
    body = {"code": "confined_space", "name": "有限空间作业未执行先通风再检测后作业", "legal_basis": "《工贸企业有限空间作业安全规定》",
            "penalty_basis": "《工贸企业有限空间作业安全规定》"}  # fmt: skip
    assert (
        api(bureau).post("/api/v1/violation-codes", body, content_type="application/json").status_code == 403
    )
    assert (
        api(admin).post("/api/v1/violation-codes", body, content_type="application/json").status_code == 201
    )
    assert (
        api(admin).post("/api/v1/violation-codes", body, content_type="application/json").status_code == 400
    )
    patched = api(admin).patch(
        "/api/v1/violation-codes/confined_space", {"active": False}, content_type="application/json"
    )
    assert patched.status_code == 200 and not patched.json()["active"]


def test_the_holiday_table_is_the_administrators(api, admin, bureau):
    day = {"day": "2027-10-01", "name": "国庆节"}
    assert (
        api(bureau).post("/api/v1/enforcement-holidays", day, content_type="application/json").status_code
        == 403
    )
    assert (
        api(admin).post("/api/v1/enforcement-holidays", day, content_type="application/json").status_code
        == 201
    )
    assert api(bureau).get("/api/v1/enforcement-holidays", {"year": 2027}).json()[0]["name"] == "国庆节"


def test_the_bureau_records_an_officers_certificate(api, bureau, inspector, outsider, street):
    body = {"enforcement_cert_no": "43010220260009"}
    url = f"/api/v1/enforcement-officers/{inspector.pk}"
    assert api(street).put(url, body, content_type="application/json").status_code == 403
    assert api(outsider).put(url, body, content_type="application/json").status_code == 404
    answer = api(bureau).put(url, body, content_type="application/json")
    assert answer.status_code == 200 and answer.json()["enforcement_cert_no"] == "43010220260009"
    assert api(bureau).put(
        f"/api/v1/enforcement-officers/{street.pk}", body, content_type="application/json"
    ).status_code in (400, 404)
    listed = api(bureau).get("/api/v1/enforcement-officers").json()
    assert [o["enforcement_cert_no"] for o in listed] == ["43010220260009"]
