"""The case workflow (DOMAIN.md §5.2): the ordinary procedure end to end, every refused
transition (listed here by hand), who may approve, and the two officers every case needs."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from yingji.core.errors import ApplicationError, Conflict
from yingji.enforcement import workflow
from yingji.enforcement.choices import CaseAction
from yingji.enforcement.models import Case
from yingji.enforcement.tests.factories import TODAY, open_case, walk

pytestmark = pytest.mark.django_db


def test_the_ordinary_procedure_from_filing_to_archive(bureau, officer, crew, enterprises):
    case = open_case(officer, enterprises["A"], crew)
    assert case.status == "filing" and case.number == ""
    case = walk(case, officer=officer, approver=bureau, until="serve")
    assert case.status == "execution" and case.number == "(芙)应急立〔2026〕1号"
    assert case.filed_on == TODAY and case.decided_on == TODAY and case.served_on == TODAY
    assert case.due_on == datetime.date(2026, 10, 13)  # the fine is due 15 days after service
    case = workflow.case_act(
        actor=officer,
        case=case,
        action="record_payment",
        data={"amount": "20000", "paid_on": TODAY},
        today=TODAY,
    )
    case = workflow.case_act(actor=officer, case=case, action="request_closing", today=TODAY)
    case = workflow.case_act(actor=bureau, case=case, action="approve_closing", today=TODAY)
    case = workflow.case_act(actor=officer, case=case, action="archive", today=TODAY)
    assert case.status == "archived" and case.closed_on == TODAY and case.due_on is None
    actions = list(case.events.values_list("action", flat=True))
    assert actions[0] == "create" and actions[-1] == "archive" and "record_payment" in actions


# The states each action may start from, written out by hand from DOMAIN.md §5.2 (not read
# from the code's table): every other state refuses the action.
STATES = ["filing", "not_filed", "investigation", "review", "reviewed", "notice", "hearing", "decision",
          "service", "execution", "closing", "closed", "archived", "transferred"]  # fmt: skip
ALLOWED = {
    "approve_filing": {"filing"},
    "reject_filing": {"filing"},
    "decide_summary": {"filing"},
    "end_investigation": {"investigation"},
    "approve_review": {"review"},
    "return_review": {"review"},
    "give_notice": {"reviewed"},
    "request_hearing": {"notice"},
    "end_hearing": {"hearing"},
    "end_notice": {"notice"},
    "approve_decision": {"decision"},
    "serve": {"service"},
    "record_payment": {"execution"},
    "apply_court": {"execution"},
    "request_closing": {"execution"},
    "approve_closing": {"closing"},
    "archive": {"closed"},
    "transfer": {"filing", "investigation"},
    "criminal_transfer": {"filing", "investigation", "review", "reviewed", "notice", "hearing", "decision"},
}
REFUSED = [(action, state) for action, allowed in ALLOWED.items() for state in STATES if state not in allowed]


def test_the_hand_written_table_covers_every_action():
    assert set(ALLOWED) == set(CaseAction.values) and len(REFUSED) == 19 * 14 - 26


@pytest.mark.parametrize(("action", "status"), REFUSED)
def test_an_action_the_state_does_not_allow_is_refused(action, status, bureau, officer, crew, enterprises):
    case = open_case(officer, enterprises["A"], crew)
    Case.objects.filter(pk=case.pk).update(status=status)
    case.refresh_from_db()
    with pytest.raises(Conflict):
        workflow.case_act(actor=bureau, case=case, action=action, data={"to": "市场监管局"}, today=TODAY)


def test_the_api_answers_409_for_a_refused_transition(api, bureau, officer, crew, enterprises):
    case = open_case(officer, enterprises["A"], crew)
    response = api(officer).post(
        f"/api/v1/cases/{case.pk}/actions/give_notice", {}, content_type="application/json"
    )
    assert response.status_code == 409


def test_approvals_need_the_bureau_role_and_not_an_officer_of_the_case(bureau, officer, crew, enterprises):
    case = open_case(officer, enterprises["A"], crew)
    with pytest.raises(PermissionDenied):  # the handler alone
        workflow.case_act(actor=officer, case=case, action="approve_filing", today=TODAY)
    crew[1].role = "bureau"
    crew[1].save()
    with pytest.raises(PermissionDenied):  # a bureau user who is one of the case's officers
        workflow.case_act(actor=crew[1], case=case, action="approve_filing", today=TODAY)
    case = workflow.case_act(actor=bureau, case=case, action="approve_filing", today=TODAY)
    assert case.status == "investigation"


def test_an_inspector_may_not_approve_the_decision_even_off_the_case(
    bureau, officer, crew, enterprises, inspector
):
    case = walk(
        open_case(officer, enterprises["A"], crew), officer=officer, approver=bureau, until="end_notice"
    )
    with pytest.raises(PermissionDenied):
        workflow.case_act(actor=inspector, case=case, action="approve_decision", today=TODAY)


def test_a_case_needs_two_officers_with_certificates(officer, crew, enterprises, inspector):
    with pytest.raises(ApplicationError) as error:
        open_case(officer, enterprises["A"], [officer])
    assert "officer_ids" in error.value.errors
    with pytest.raises(ApplicationError) as error:  # the second has no 执法证号
        open_case(officer, enterprises["A"], [officer, inspector])
    assert "officer_ids" in error.value.errors


def test_the_statement_window_holds_the_decision_unless_waived(bureau, officer, crew, enterprises):
    case = walk(
        open_case(officer, enterprises["A"], crew), officer=officer, approver=bureau, until="give_notice"
    )
    # 9-29, 9-30, (1–7 October off), 10-8, 10-9 and the make-up working Saturday 10-10.
    assert case.statement_ends_on == datetime.date(2026, 10, 10)
    with pytest.raises(Conflict):
        workflow.case_act(actor=officer, case=case, action="end_notice", today=TODAY)
    case = workflow.case_act(actor=officer, case=case, action="end_notice", today=datetime.date(2026, 10, 11))
    assert case.status == "decision"


def test_a_hearing_only_where_the_penalty_gives_the_right(bureau, officer, crew, enterprises):
    small = walk(open_case(officer, enterprises["A"], crew), officer=officer, approver=bureau, until="give_notice",
                 fine=Decimal(29999))  # fmt: skip
    with pytest.raises(Conflict):
        workflow.case_act(actor=officer, case=small, action="request_hearing", today=TODAY)
    large = walk(open_case(officer, enterprises["B"], crew), officer=officer, approver=bureau, until="give_notice",
                 fine=Decimal(30000))  # fmt: skip
    large = workflow.case_act(actor=officer, case=large, action="request_hearing", today=TODAY)
    assert large.status == "hearing" and large.hearing_requested


def test_a_fine_must_be_paid_before_closing_or_sent_to_court(bureau, officer, crew, enterprises):
    case = walk(open_case(officer, enterprises["A"], crew), officer=officer, approver=bureau, until="serve")
    with pytest.raises(Conflict):
        workflow.case_act(actor=officer, case=case, action="request_closing", today=TODAY)
    with pytest.raises(Conflict):  # not due yet
        workflow.case_act(actor=officer, case=case, action="apply_court", today=TODAY)
    later = datetime.date(2026, 10, 20)
    case = workflow.case_act(actor=officer, case=case, action="apply_court", today=later)
    case = workflow.case_act(actor=officer, case=case, action="request_closing", today=later)
    assert case.status == "closing"


def test_a_late_payment_carries_the_surcharge(bureau, officer, crew, enterprises):
    case = walk(open_case(officer, enterprises["A"], crew), officer=officer, approver=bureau, until="serve")
    paid_on = datetime.date(2026, 10, 15)  # two days after the due day 10-13
    workflow.case_act(
        actor=officer,
        case=case,
        action="record_payment",
        data={"amount": "20000", "paid_on": paid_on},
        today=paid_on,
    )
    assert case.payments.get().surcharge == Decimal("1200.00")  # 3 % × 2 days of 20,000


def test_a_payment_above_the_outstanding_fine_is_a_400(bureau, officer, crew, enterprises):
    case = walk(open_case(officer, enterprises["A"], crew), officer=officer, approver=bureau, until="serve")
    with pytest.raises(ApplicationError) as error:
        workflow.case_act(
            actor=officer, case=case, action="record_payment", data={"amount": "20000.01"}, today=TODAY
        )
    assert error.value.status == 400 and "amount" in error.value.errors


def test_transfers_end_the_case(bureau, officer, crew, enterprises):
    referred = open_case(officer, enterprises["A"], crew)
    referred = workflow.case_act(
        actor=bureau, case=referred, action="transfer", data={"to": "区市场监督管理局"}, today=TODAY
    )
    assert (referred.status, referred.transfer_kind, referred.transferred_to) == (
        "transferred",
        "referral",
        "区市场监督管理局",
    )
    criminal = walk(
        open_case(officer, enterprises["B"], crew), officer=officer, approver=bureau, until="approve_review"
    )
    criminal = workflow.case_act(
        actor=bureau,
        case=criminal,
        action="criminal_transfer",
        data={"to": "长沙市公安局芙蓉分局"},
        today=TODAY,
    )
    assert criminal.transfer_kind == "criminal_transfer"
    with pytest.raises(ApplicationError):
        workflow.case_act(
            actor=bureau,
            case=open_case(officer, enterprises["B"], crew),
            action="transfer",
            data={},
            today=TODAY,
        )


@pytest.mark.parametrize(
    ("action", "until"),
    [("approve_filing", None), ("approve_review", "end_investigation"), ("approve_decision", "end_notice")],
)
def test_the_handler_never_approves_alone(action, until, bureau, officer, crew, enterprises):
    case = open_case(officer, enterprises["A"], crew)
    if until:
        case = walk(case, officer=officer, approver=bureau, until=until)
    with pytest.raises(PermissionDenied):
        workflow.case_act(actor=officer, case=case, action=action, today=TODAY)
