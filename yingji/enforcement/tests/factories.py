"""Cases for tests: two officers with certificates in the 芙蓉区 bureau, and a case walked
through the workflow to the state a test needs, by the same services the API calls."""

import datetime
from decimal import Decimal

from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory
from yingji.enforcement import services, workflow
from yingji.enforcement.choices import PenaltyKind

TODAY = datetime.date(2026, 9, 28)  # a Monday before the National Day holiday


def officers(bureau) -> list:
    """Two inspectors of the bureau with 执法证号."""
    found = []
    for n in (1, 2):
        user = user_factory(role=Role.INSPECTOR, org=bureau.organisation, username=f"officer{n}")
        user.enforcement_cert_no = f"43010220{n:04d}"
        user.name = f"执法员{n}"
        user.save()
        found.append(user)
    return found


def open_case(actor, enterprise, crew, **values):
    values = {
        "enterprise_id": enterprise.pk,
        "source": "inspection",
        "violation_code": "no_safety_training",
    } | values
    return services.case_create(actor=actor, values=values | {"officer_ids": [u.pk for u in crew]})


# The ordinary procedure, step by step: (action, who acts: "officer" or "approver", data).
PATH = [
    ("approve_filing", "approver", {}),
    ("end_investigation", "officer", {}),
    ("approve_review", "approver", {}),
    ("give_notice", "officer", {}),
    ("end_notice", "officer", {"waived": True}),
    ("approve_decision", "approver", {}),
    ("serve", "officer", {}),
]


def walk(case, *, officer, approver, until: str, today=TODAY, fine=Decimal(20000), kinds=(PenaltyKind.FINE,)):
    """Take the case along PATH up to (and including) the action `until`; the fine is proposed
    once the case is filed."""
    for action, who, data in PATH:
        actor = officer if who == "officer" else approver
        case = workflow.case_act(actor=actor, case=case, action=action, data=dict(data), today=today)
        if action == "approve_filing":
            for kind in kinds:
                amount = fine if kind in (PenaltyKind.FINE, PenaltyKind.CONFISCATION) else 0
                services.penalty_add(actor=officer, case=case, kind=kind, amount=amount)
        if action == until:
            break
    case.refresh_from_db()
    return case
