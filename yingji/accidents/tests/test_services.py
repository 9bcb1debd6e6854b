"""Registering and correcting accidents, the investigation and its measures, through the services."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from yingji.accidents import services
from yingji.accidents.choices import AccidentGrade, InvestigationStatus, UpdateKind
from yingji.accidents.tests.factories import DONGAN, WENYILU, accident_factory, beijing
from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory
from yingji.audit.models import AuditEntry
from yingji.core.errors import ApplicationError, Conflict

pytestmark = pytest.mark.django_db


def field_errors(excinfo) -> dict:
    return excinfo.value.errors


# --- Registration ---------------------------------------------------------------------------


def test_registering_grades_the_accident_and_keeps_the_first_report(bureau):
    accident = accident_factory(actor=bureau, deaths=2, missing=1, serious_injuries=4)

    # 2 dead and 1 missing are 3 "dead and missing": 较大.
    assert accident.grade == AccidentGrade.RELATIVELY_SERIOUS
    first = accident.updates.get()
    assert (first.kind, first.counts, first.deaths, first.missing) == (UpdateKind.INITIAL, True, 2, 1)
    assert first.changed_on == datetime.date(2026, 3, 1)
    assert accident.created_by == bureau


def test_registering_is_audited(bureau):
    accident = accident_factory(actor=bureau)
    entry = AuditEntry.objects.get(object_type="accidents.accident", object_id=str(accident.pk))
    assert (entry.action, entry.actor, entry.region_code) == ("create", bureau, DONGAN)
    assert entry.after["grade"] == "ordinary"


def test_industry_and_domain_default_from_the_enterprise(bureau, enterprises):
    accident = accident_factory(actor=bureau, enterprise_id=enterprises["A"].pk)
    assert (accident.industry, accident.domain) == ("construction", "construction")
    trade = accident_factory(actor=bureau, enterprise_id=enterprises["B"].pk)
    assert (trade.industry, trade.domain) == ("commerce_trade", "industry_mining_commerce")


def test_without_an_enterprise_industry_and_domain_are_other(bureau):
    accident = accident_factory(actor=bureau)
    assert (accident.industry, accident.domain, accident.enterprise) == ("other", "other", None)


def test_only_a_production_accident_has_a_domain(bureau):
    fire = accident_factory(actor=bureau, kind="fire", category="08")
    assert fire.domain == "" and not fire.is_business_related
    with pytest.raises(ApplicationError) as excinfo:
        accident_factory(actor=bureau, kind="road_traffic", category="02", domain="road_transport")
    assert "domain" in field_errors(excinfo)
    business_road = accident_factory(actor=bureau, kind="production", category="02", domain="road_transport")
    assert business_road.is_business_related


def test_reported_at_defaults_to_the_time_of_entry(bureau):
    before = timezone.now()
    accident = accident_factory(actor=bureau, reported_at=None)
    assert before <= accident.reported_at <= timezone.now()


def test_a_report_on_the_hour_is_on_time_and_later_is_late(bureau):
    occurred = beijing(2026, 3, 1, 9, 0)
    on_time = accident_factory(
        actor=bureau, occurred_at=occurred, reported_at=occurred + datetime.timedelta(hours=1)
    )
    late = accident_factory(actor=bureau, occurred_at=occurred, reported_at=beijing(2026, 3, 1, 12, 30))
    assert not on_time.late and on_time.late_by is None
    assert late.late and late.late_by == datetime.timedelta(hours=2, minutes=30)
    assert late.report_deadline == beijing(2026, 3, 1, 10, 0)


def test_the_investigation_deadline_is_60_days_from_the_accident(bureau):
    accident = accident_factory(actor=bureau)
    assert accident.investigation_deadline == datetime.date(2026, 4, 30)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"deaths": -1}, "deaths"),
        ({"missing": -1}, "missing"),
        ({"serious_injuries": -2}, "serious_injuries"),
        ({"minor_injuries": -3}, "minor_injuries"),
        ({"direct_loss": Decimal("-0.01")}, "direct_loss"),
        ({"direct_loss": Decimal("1.005")}, "direct_loss"),
        ({"category": "21"}, "category"),
        ({"category": "1"}, "category"),
        ({"kind": "earthquake"}, "kind"),
        ({"region_code": "430102999"}, "region_code"),
        ({"region_code": "4301"}, "region_code"),
        ({"place": "  "}, "place"),
        ({"summary": ""}, "summary"),
        ({"summary": "bad\x00text"}, "summary"),
        ({"industry": "mining"}, "industry"),
        ({"report_source": "rumour"}, "report_source"),
    ],
)
def test_bad_input_is_a_400_on_its_field(bureau, changes, field):
    with pytest.raises(ApplicationError) as excinfo:
        accident_factory(actor=bureau, **changes)
    assert excinfo.value.status == 400
    assert field in field_errors(excinfo)


def test_an_accident_cannot_have_occurred_in_the_future(bureau):
    soon = timezone.now() + datetime.timedelta(hours=1)
    with pytest.raises(ApplicationError) as excinfo:
        accident_factory(actor=bureau, occurred_at=soon, reported_at=soon)
    assert "occurred_at" in field_errors(excinfo)


def test_an_accident_cannot_be_reported_before_it_occurred(bureau):
    with pytest.raises(ApplicationError) as excinfo:
        accident_factory(
            actor=bureau, occurred_at=beijing(2026, 3, 1, 9, 0), reported_at=beijing(2026, 3, 1, 8, 59)
        )
    assert list(field_errors(excinfo)) == ["reported_at"]


def test_a_time_without_an_offset_is_beijing_time(bureau):
    accident = accident_factory(
        actor=bureau,
        occurred_at=datetime.datetime(2026, 3, 1, 9, 0),  # noqa: DTZ001 (naive on purpose)
        reported_at=datetime.datetime(2026, 3, 1, 9, 30),  # noqa: DTZ001
    )
    assert accident.occurred_at == beijing(2026, 3, 1, 9, 0)


def test_the_enterprise_must_lie_inside_the_accidents_region(bureau, enterprises):
    with pytest.raises(ApplicationError) as excinfo:
        accident_factory(actor=bureau, region_code=WENYILU, enterprise_id=enterprises["A"].pk)
    assert "enterprise_id" in field_errors(excinfo)
    # A county-wide accident may name any enterprise of the county.
    assert accident_factory(actor=bureau, region_code="430102", enterprise_id=enterprises["A"].pk).pk


def test_the_enterprise_must_be_in_the_users_jurisdiction(street, enterprises):
    with pytest.raises(ApplicationError) as excinfo:
        accident_factory(actor=street, region_code=DONGAN, enterprise_id=enterprises["D"].pk)
    assert "enterprise_id" in field_errors(excinfo)


def test_the_region_must_be_in_the_users_jurisdiction(street, outsider):
    with pytest.raises(ApplicationError) as excinfo:
        accident_factory(actor=street, region_code=WENYILU)
    assert "region_code" in field_errors(excinfo)
    with pytest.raises(ApplicationError) as excinfo:
        accident_factory(actor=outsider, region_code=DONGAN)
    assert "region_code" in field_errors(excinfo)


def test_a_department_registers_only_in_its_industries(department, enterprises):
    assert accident_factory(actor=department, industry="gas").industry == "gas"
    with pytest.raises(ApplicationError) as excinfo:
        accident_factory(actor=department)  # no enterprise: industry "other"
    assert "industry" in field_errors(excinfo)


@pytest.mark.parametrize("persona", ["bureau", "inspector", "street", "department", "admin"])
def test_supervising_roles_register_accidents(request, persona, enterprises):
    user = request.getfixturevalue(persona)
    assert accident_factory(actor=user, enterprise_id=enterprises["A"].pk).pk


def test_a_duty_officer_registers_accidents(bureau):
    duty = user_factory(role=Role.DUTY, org=bureau.organisation)
    assert accident_factory(actor=duty).pk


@pytest.mark.parametrize("role", [Role.LEADER])
def test_a_leader_may_not_register(bureau, role):
    leader = user_factory(role=role, org=bureau.organisation)
    with pytest.raises(PermissionDenied):
        accident_factory(actor=leader)


def test_an_enterprise_user_may_not_register(enterprise_user, enterprises):
    with pytest.raises(PermissionDenied):
        accident_factory(actor=enterprise_user, enterprise_id=enterprises["A"].pk)


# --- Corrections ----------------------------------------------------------------------------


def test_a_correction_changes_the_fields_and_is_audited(bureau):
    accident = accident_factory(actor=bureau)
    services.accident_update(
        actor=bureau, accident=accident, changes={"place": "芙蓉中路工地", "cause": "未系安全带"}
    )
    accident.refresh_from_db()
    assert (accident.place, accident.cause) == ("芙蓉中路工地", "未系安全带")
    entry = AuditEntry.objects.filter(object_id=str(accident.pk), action="update").get()
    assert entry.before["place"] == "五一大道123号工地"


@pytest.mark.parametrize("field", ["deaths", "missing", "serious_injuries", "minor_injuries", "direct_loss"])
def test_a_correction_cannot_change_the_figures(bureau, field):
    accident = accident_factory(actor=bureau)
    with pytest.raises(ApplicationError) as excinfo:
        services.accident_update(actor=bureau, accident=accident, changes={field: 3})
    assert "/updates" in field_errors(excinfo)[field][0]


def test_the_grade_is_never_set_by_hand(bureau):
    accident = accident_factory(actor=bureau)
    with pytest.raises(ApplicationError) as excinfo:
        services.accident_update(actor=bureau, accident=accident, changes={"grade": "serious"})
    assert "grade" in field_errors(excinfo)
    accident.refresh_from_db()
    assert accident.grade == AccidentGrade.ORDINARY


def test_changing_the_kind_to_a_fire_drops_the_domain(bureau):
    accident = accident_factory(actor=bureau)
    services.accident_update(actor=bureau, accident=accident, changes={"kind": "fire", "category": "08"})
    accident.refresh_from_db()
    assert (accident.kind, accident.domain) == ("fire", "")


def test_a_street_cannot_move_an_accident_out_of_its_street(street):
    accident = accident_factory(actor=street)
    with pytest.raises(ApplicationError) as excinfo:
        services.accident_update(actor=street, accident=accident, changes={"region_code": WENYILU})
    assert "region_code" in field_errors(excinfo)


def test_a_leader_may_not_correct(bureau):
    accident = accident_factory(actor=bureau)
    leader = user_factory(role=Role.LEADER, org=bureau.organisation)
    with pytest.raises(PermissionDenied):
        services.accident_update(actor=leader, accident=accident, changes={"place": "x"})


# --- The investigation ----------------------------------------------------------------------


def start(actor, accident, **kwargs):
    return services.accident_start_investigation(
        actor=actor,
        accident=accident,
        team=kwargs.pop("team", "组长：李明；成员：应急、公安、人社、工会"),
        **kwargs,
    )


def test_the_investigation_runs_from_start_to_close(bureau):
    accident = accident_factory(actor=bureau)
    accident = start(bureau, accident, started_on=datetime.date(2026, 3, 2))
    assert accident.status == InvestigationStatus.INVESTIGATING
    assert accident.investigation_body == "县级人民政府"  # by grade, Art. 19
    accident = services.accident_approve_report(
        actor=bureau,
        accident=accident,
        conclusion="一般生产安全责任事故",
        approved_on=datetime.date(2026, 4, 20),
    )
    assert accident.status == InvestigationStatus.REPORT_APPROVED
    accident = services.accident_close(actor=bureau, accident=accident, closed_on=datetime.date(2026, 5, 1))
    assert (accident.status, accident.closed_on) == (InvestigationStatus.CLOSED, datetime.date(2026, 5, 1))
    actions = list(AuditEntry.objects.filter(object_id=str(accident.pk)).values_list("action", flat=True))
    assert {"accident.start_investigation", "accident.approve_report", "accident.close"} <= set(actions)


def test_a_higher_authority_may_be_named(bureau):
    accident = start(bureau, accident_factory(actor=bureau), body="长沙市人民政府")
    assert accident.investigation_body == "长沙市人民政府"


def test_the_team_is_required(bureau):
    with pytest.raises(ApplicationError) as excinfo:
        start(bureau, accident_factory(actor=bureau), team=" ")
    assert "team" in field_errors(excinfo)


@pytest.mark.parametrize(
    ("steps", "refused"),
    [
        ([], "approve_report"),
        ([], "close"),
        ([], "extend_investigation"),
        (["start"], "start_investigation"),
        (["start"], "close"),
        (["start", "approve"], "extend_investigation"),
        (["start", "approve"], "approve_report"),
        (["start", "approve", "close"], "start_investigation"),
        (["start", "approve", "close"], "close"),
    ],
)
def test_an_action_the_state_does_not_allow_is_a_409(bureau, steps, refused):
    accident = accident_factory(actor=bureau)
    data = {"start": {"team": "组长"}, "approve": {"conclusion": "结论"}, "close": {}}
    names = {"start": "start_investigation", "approve": "approve_report", "close": "close"}
    for step in steps:
        accident = services.accident_act(actor=bureau, accident=accident, action=names[step], data=data[step])
    with pytest.raises(Conflict) as excinfo:
        services.accident_act(
            actor=bureau,
            accident=accident,
            action=refused,
            data={"team": "x", "conclusion": "x", "days": 10, "reason": "x"},
        )
    assert excinfo.value.status == 409


def test_the_investigation_is_extended_once_by_at_most_60_days(bureau):
    accident = start(bureau, accident_factory(actor=bureau))
    for days in (0, 61):
        with pytest.raises(ApplicationError) as excinfo:
            services.accident_extend_investigation(
                actor=bureau, accident=accident, days=days, reason="技术鉴定"
            )
        assert "days" in field_errors(excinfo)
    accident = services.accident_extend_investigation(
        actor=bureau, accident=accident, days=60, reason="技术鉴定"
    )
    assert accident.investigation_deadline == datetime.date(2026, 6, 29)
    with pytest.raises(Conflict):
        services.accident_extend_investigation(actor=bureau, accident=accident, days=10, reason="再延期")


def test_only_the_bureau_records_the_investigation(street, department):
    accident = accident_factory(actor=street)
    for actor in (street, department):
        with pytest.raises(PermissionDenied):
            start(actor, accident)


def test_a_closed_accident_with_open_measures_is_flagged(bureau):
    accident = start(bureau, accident_factory(actor=bureau))
    accident = services.accident_approve_report(actor=bureau, accident=accident, conclusion="责任事故")
    done = services.accident_add_measure(actor=bureau, accident=accident, description="开展全员安全培训")
    services.accident_add_measure(
        actor=bureau, accident=accident, description="更换脚手架", responsible="东岸建筑"
    )
    services.accident_complete_measure(actor=bureau, measure=done)
    accident = services.accident_close(actor=bureau, accident=accident)
    assert accident.closed_with_open_measures

    open_measure = accident.measures.get(completed_on__isnull=True)
    services.accident_complete_measure(actor=bureau, measure=open_measure, note="已更换")
    accident.refresh_from_db()
    assert not accident.closed_with_open_measures


def test_an_open_measure_does_not_flag_an_accident_still_under_investigation(bureau):
    accident = start(bureau, accident_factory(actor=bureau))
    services.accident_add_measure(actor=bureau, accident=accident, description="停工整顿")
    accident.refresh_from_db()
    assert not accident.closed_with_open_measures


def test_a_measure_is_completed_once(bureau):
    accident = accident_factory(actor=bureau)
    measure = services.accident_add_measure(actor=bureau, accident=accident, description="停工整顿")
    services.accident_complete_measure(actor=bureau, measure=measure)
    with pytest.raises(Conflict):
        services.accident_complete_measure(actor=bureau, measure=measure)
    assert AuditEntry.objects.filter(object_type="accidents.accidentmeasure", region_code=DONGAN).count() == 2


def test_the_investigation_report_is_a_pdf_docx_or_ofd(bureau):
    accident = accident_factory(actor=bureau)
    pdf = SimpleUploadedFile("调查报告.pdf", b"%PDF-1.7 report", content_type="application/pdf")
    with pytest.raises(Conflict):
        services.accident_attach_report(actor=bureau, accident=accident, upload=pdf)
    accident = start(bureau, accident)
    text = SimpleUploadedFile("report.pdf", b"just text", content_type="application/pdf")
    with pytest.raises(ApplicationError) as excinfo:
        services.accident_attach_report(actor=bureau, accident=accident, upload=text)
    assert "file" in field_errors(excinfo)
    pdf.seek(0)
    accident = services.accident_attach_report(actor=bureau, accident=accident, upload=pdf)
    assert accident.investigation_report.name.endswith(".pdf")
    assert accident.investigation_report.read() == b"%PDF-1.7 report"
