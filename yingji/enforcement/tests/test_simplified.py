"""简易程序 (行政处罚法 Art. 51): a warning, or a fine of at most 200 yuan for a person and at
most 3,000 yuan for an organisation, decided on the spot; anything beyond is a 400."""

from decimal import Decimal

import pytest

from yingji.core.errors import ApplicationError, Conflict
from yingji.enforcement import services, workflow
from yingji.enforcement.tests.factories import TODAY, open_case

pytestmark = pytest.mark.django_db


def _simplified(officer, crew, enterprises, **values):
    return open_case(officer, enterprises["A"], crew, procedure="simplified", **values)


def _person(officer, crew, enterprises):
    return open_case(officer, enterprises["A"], crew, procedure="simplified", enterprise_id=None,
                     party_kind="person", party_name="张三", region_code="430102015")  # fmt: skip


def test_an_organisation_may_be_fined_3000_yuan_on_the_spot(officer, crew, enterprises):
    case = _simplified(officer, crew, enterprises)
    services.penalty_add(actor=officer, case=case, kind="fine", amount=Decimal("3000"))
    case = workflow.case_act(actor=officer, case=case, action="decide_summary", today=TODAY)
    assert case.status == "execution" and case.decided_on == TODAY and case.served_on == TODAY
    assert case.number == "(芙)应急罚〔2026〕1号"
    assert case.documents.get().kind == "penalty_decision"


def test_an_organisation_fined_more_than_3000_yuan_is_refused(api, officer, crew, enterprises):
    case = _simplified(officer, crew, enterprises)
    response = api(officer).post(f"/api/v1/cases/{case.pk}/penalties", {"kind": "fine", "amount": "3000.01"},
                                 content_type="application/json")  # fmt: skip
    assert response.status_code == 400 and "amount" in response.json()["errors"]


def test_a_person_may_be_fined_200_yuan_and_no_more(officer, crew, enterprises):
    case = _person(officer, crew, enterprises)
    services.penalty_add(actor=officer, case=case, kind="fine", amount=Decimal("200"))
    with pytest.raises(ApplicationError):
        services.penalty_add(actor=officer, case=case, kind="fine", amount=Decimal("0.01"))  # 200.01 in all


def test_a_warning_is_within_the_simplified_procedure(officer, crew, enterprises):
    case = _person(officer, crew, enterprises)
    services.penalty_add(actor=officer, case=case, kind="warning")
    assert (
        workflow.case_act(actor=officer, case=case, action="decide_summary", today=TODAY).status
        == "execution"
    )


@pytest.mark.parametrize("kind", ["suspension", "licence_revoked", "closure"])
def test_heavier_penalties_are_not_simplified(kind, officer, crew, enterprises):
    case = _simplified(officer, crew, enterprises)
    with pytest.raises(ApplicationError) as error:
        services.penalty_add(actor=officer, case=case, kind=kind)
    assert error.value.status == 400


def test_an_ordinary_case_is_not_decided_on_the_spot(officer, crew, enterprises):
    case = open_case(officer, enterprises["A"], crew)
    with pytest.raises(Conflict):
        workflow.case_act(actor=officer, case=case, action="decide_summary", today=TODAY)


def test_a_simplified_case_is_not_filed(bureau, officer, crew, enterprises):
    case = _simplified(officer, crew, enterprises)
    with pytest.raises(Conflict):
        workflow.case_act(actor=bureau, case=case, action="approve_filing", today=TODAY)
