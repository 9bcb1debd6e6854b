"""enterprise_create / enterprise_update: the registry's rules, without HTTP."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from yingji.accounts.choices import OrgKind, Role
from yingji.accounts.tests.factories import org_factory, user_factory
from yingji.audit.models import AuditEntry
from yingji.core.errors import ApplicationError
from yingji.core.industries import Industry
from yingji.enterprises.models import Enterprise
from yingji.enterprises.services import enterprise_create, enterprise_update
from yingji.enterprises.tests.factories import enterprise_factory, make_uscc

pytestmark = pytest.mark.django_db

DONGAN, WENYILU = "430102015", "430102001"


def register(actor, **fields) -> Enterprise:
    values = {
        "uscc": make_uscc(),
        "name": "东岸机械制造有限公司",
        "region_code": DONGAN,
        "industry": Industry.CONSTRUCTION,
    }
    return enterprise_create(actor=actor, **(values | fields))


def problems(call, *args, **kwargs) -> dict[str, list[str]]:
    with pytest.raises(ApplicationError) as error:
        call(*args, **kwargs)
    assert error.value.status == 400
    return error.value.errors


def audit_of(enterprise) -> list[str]:
    entries = AuditEntry.objects.filter(object_type="enterprises.enterprise", object_id=str(enterprise.pk))
    return list(entries.order_by("id").values_list("action", flat=True))


# --- registering -----------------------------------------------------------------------------


def test_a_bureau_registers_an_enterprise_with_its_registry_facts_and_the_audit_log_records_it(bureau):
    code = make_uscc(500)
    enterprise = register(
        bureau,
        uscc=f" {code[:8]}-{code[8:].lower()} ",  # spaces, separators and case are tidied away
        risk_grade="relatively_high",
        is_major_hazard_source=True,
        major_hazard_source_grade=3,
        dust_explosion=True,
        standardisation_grade="level_3",
        longitude="113.012345",
        latitude=Decimal("28.19"),
        phone="0731-84123456",
        gbt4754_code="c3311",
    )
    enterprise.refresh_from_db()
    assert enterprise.uscc == code
    assert (enterprise.risk_grade, enterprise.risk_colour) == ("relatively_high", "orange")
    assert (enterprise.is_major_hazard_source, enterprise.major_hazard_source_grade) == (True, 3)
    assert enterprise.latitude == Decimal("28.190000") and enterprise.gbt4754_code == "C3311"
    assert audit_of(enterprise) == ["create"]


@pytest.mark.parametrize(
    "code, message",
    [
        (make_uscc(7)[:-1] + ("0" if make_uscc(7)[-1] != "0" else "1"), "check character"),
        ("91430102000000007", "18 characters; this one has 17"),
        ("9143010200000000701", "18 characters; this one has 19"),
        ("9143010A0000000071", "8 digits, then 10 digits or capital letters"),
        ("91430102O00000007X", "8 digits, then 10 digits or capital letters"),
        ("", "This field is required."),
    ],
)
def test_the_uscc_is_checked_with_a_clear_message(bureau, code, message):
    errors = problems(register, bureau, uscc=code)
    assert list(errors) == ["uscc"]
    assert message in errors["uscc"][0]
    assert not Enterprise.objects.exists()


def test_a_uscc_is_registered_once(bureau, enterprises):
    errors = problems(register, bureau, uscc=enterprises["A"].uscc)
    assert errors == {"uscc": ["东岸建筑工程有限公司 is registered with this code already."]}
    # Outside the jurisdiction the clash is reported without naming the other enterprise.
    errors = problems(register, bureau, uscc=enterprises["D"].uscc.lower())
    assert errors == {"uscc": ["An enterprise outside your jurisdiction is registered with this code."]}


@pytest.mark.parametrize(
    "code, message",
    [
        ("430102", "a street or township"),
        ("43010201", "a street or township"),
        ("430103002", "Region 430103002 is outside your jurisdiction."),
        ("430102999", "Unknown region code 430102999."),
    ],
)
def test_the_region_is_a_street_or_deeper_inside_the_jurisdiction(bureau, code, message):
    errors = problems(register, bureau, region_code=code)
    assert list(errors) == ["region_code"] and message in errors["region_code"][0]


def test_a_street_registers_only_in_its_street(street):
    assert register(street).region_id == DONGAN
    errors = problems(register, street, uscc=make_uscc(), region_code=WENYILU)
    assert errors == {"region_code": ["Region 430102001 is outside your jurisdiction."]}


def test_a_department_registers_only_its_industries_and_supervises_what_it_registers(department):
    enterprise = register(department, industry=Industry.GAS)
    assert enterprise.supervising_department_id == department.organisation_id
    errors = problems(register, department, uscc=make_uscc(), industry=Industry.COMMERCE_TRADE)
    assert errors == {"industry": ["Your department supervises only: Construction, Town gas."]}


def test_the_supervising_department_covers_the_region_and_supervises_the_industry(bureau, department):
    commerce = org_factory(
        kind=OrgKind.DEPARTMENT, region="430102", name="区商务局", industries=[Industry.COMMERCE_TRADE]
    )
    elsewhere = org_factory(
        kind=OrgKind.DEPARTMENT, region="430103", name="天心区住建局", industries=[Industry.CONSTRUCTION]
    )
    assert register(bureau, supervising_department_id=department.organisation_id).supervising_department_id
    errors = problems(register, bureau, uscc=make_uscc(), supervising_department_id=commerce.pk)
    assert errors == {"supervising_department_id": ["区商务局 does not supervise the industry Construction."]}
    for wrong in (elsewhere.pk, bureau.organisation_id, 999999):
        errors = problems(register, bureau, uscc=make_uscc(), supervising_department_id=wrong)
        assert errors == {
            "supervising_department_id": [f"No member department {wrong} covers this enterprise's region."]
        }


def test_every_problem_of_a_call_is_reported_at_once(bureau):
    errors = problems(
        enterprise_create,
        actor=bureau,
        uscc="123",
        name=" ",
        region_code="4301",
        industry="mining",
        employees=-1,
        risk_grade="high",
        phone="call me",
        gbt4754_code="Z999999",
        longitude="east",
    )
    assert set(errors) == {
        "uscc",
        "name",
        "region_code",
        "industry",
        "employees",
        "risk_grade",
        "phone",
        "gbt4754_code",
        "longitude",
    }
    assert errors["risk_grade"] == ["Choose one of: major, relatively_high, general, low."]


def test_a_major_hazard_source_has_a_grade_and_only_it_has_one(bureau):
    errors = problems(register, bureau, is_major_hazard_source=True)
    assert errors == {"major_hazard_source_grade": ["Give the grade (1–4) of the major hazard source."]}
    errors = problems(register, bureau, major_hazard_source_grade=2)
    assert errors == {"major_hazard_source_grade": ["Only a major hazard source has a grade."]}
    errors = problems(register, bureau, is_major_hazard_source=True, major_hazard_source_grade=5)
    assert errors == {"major_hazard_source_grade": ["A major hazard source has grade 1, 2, 3 or 4."]}
    enterprise = register(bureau, is_major_hazard_source=True, major_hazard_source_grade=1)
    # No longer a major hazard source: the grade goes with the flag.
    enterprise = enterprise_update(actor=bureau, enterprise=enterprise, is_major_hazard_source=False)
    assert enterprise.major_hazard_source_grade is None


def test_coordinates_come_in_pairs_and_in_range(bureau):
    errors = problems(register, bureau, longitude="113.0")
    assert errors == {"latitude": ["Give both the longitude and the latitude, or neither."]}
    errors = problems(register, bureau, longitude="181", latitude="-91")
    assert errors == {
        "longitude": ["Enter degrees between -180 and 180."],
        "latitude": ["Enter degrees between -90 and 90."],
    }
    errors = problems(register, bureau, longitude="NaN", latitude="Infinity")
    assert set(errors) == {"longitude", "latitude"}


# --- changing --------------------------------------------------------------------------------


def test_an_update_audits_before_and_after_and_a_no_op_writes_nothing(bureau, enterprises):
    a = enterprises["A"]
    stamp = a.updated_at
    enterprise_update(actor=bureau, enterprise=a, name=a.name, employees=a.employees)
    a.refresh_from_db()
    assert a.updated_at == stamp and audit_of(a) == []
    enterprise_update(actor=bureau, enterprise=a, risk_grade="major", employees=80)
    entry = AuditEntry.objects.get(object_id=str(a.pk))
    assert (entry.action, entry.actor_username) == ("update", "bureau")
    assert {k for k, _old, _new in entry.changed_fields()} == {"risk_grade", "employees", "updated_at"}


def test_fields_left_out_keep_their_value(bureau, enterprises):
    a = enterprise_update(actor=bureau, enterprise=enterprises["A"], phone="13812345678")
    a = enterprise_update(actor=bureau, enterprise=a, address="五一大道1号")
    a.refresh_from_db()
    assert (a.phone, a.address, a.name) == ("13812345678", "五一大道1号", "东岸建筑工程有限公司")


def test_a_street_cannot_move_an_enterprise_out_of_its_street(street, enterprises):
    errors = problems(enterprise_update, actor=street, enterprise=enterprises["A"], region_code=WENYILU)
    assert errors == {"region_code": ["Region 430102001 is outside your jurisdiction."]}


def test_a_department_cannot_move_an_enterprise_out_of_its_industries(department, enterprises):
    errors = problems(
        enterprise_update, actor=department, enterprise=enterprises["A"], industry=Industry.COMMERCE_TRADE
    )
    assert list(errors) == ["industry"]


@pytest.mark.parametrize(
    "persona, outside", [("street", "C"), ("department", "B"), ("enterprise_user", "B"), ("outsider", "A")]
)
def test_an_enterprise_outside_the_jurisdiction_cannot_be_changed(request, persona, outside, enterprises):
    actor = request.getfixturevalue(persona)
    with pytest.raises(Http404):
        enterprise_update(actor=actor, enterprise=enterprises[outside], phone="13812345678")


def test_an_enterprise_user_keeps_its_contacts_up_to_date_and_nothing_else(enterprise_user, enterprises):
    a = enterprises["A"]
    a = enterprise_update(
        actor=enterprise_user,
        enterprise=a,
        address="东二环一段100号",
        phone="0731-84000000",
        safety_manager="陈安全",
        safety_manager_phone="13900000000",
        name=a.name,  # sent back unchanged: fine
    )
    assert (a.safety_manager, a.address) == ("陈安全", "东二环一段100号")
    for change in (
        {"name": "改名有限公司"},
        {"risk_grade": "low"},
        {"is_major_hazard_source": False, "dust_explosion": True},
    ):
        with pytest.raises(PermissionDenied):
            enterprise_update(actor=enterprise_user, enterprise=a, **change)
    a.refresh_from_db()
    assert (a.name, a.risk_grade, a.dust_explosion) == ("东岸建筑工程有限公司", "", False)
    with pytest.raises(PermissionDenied):
        register(enterprise_user)


@pytest.mark.parametrize("role", [Role.LEADER, Role.DUTY])
def test_leaders_and_duty_officers_only_read(bureau, enterprises, role):
    reader = user_factory(role=role, org=bureau.organisation)
    with pytest.raises(PermissionDenied):
        register(reader)
    with pytest.raises(PermissionDenied):
        enterprise_update(actor=reader, enterprise=enterprises["A"], phone="13812345678")


def test_the_factory_still_makes_valid_enterprises():
    enterprise = enterprise_factory(name="工厂", risk_grade="low")
    assert enterprise.risk_colour == "blue" and len(enterprise.uscc) == 18
