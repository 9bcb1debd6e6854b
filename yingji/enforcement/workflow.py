"""The case workflow (DOMAIN.md §5.2): one function runs every action of choices.TRANSITIONS.

It locks the case, refuses an action its state does not allow (409) or its actor may not take
(403), applies the action's own rule, moves the state, keeps the step's deadline, writes the
timeline row and the audit entry in the same transaction, and tells who acts next after commit.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from yingji.audit.services import audit_action, snapshot
from yingji.core.errors import ApplicationError, Conflict
from yingji.enforcement import deadlines, issuing, permissions, services
from yingji.enforcement.choices import (
    OPEN,
    TRANSITIONS,
    CaseAction,
    DocumentKind,
    PartyKind,
    PenaltyKind,
    Procedure,
    TransferKind,
)
from yingji.enforcement.models import Case, CaseEvent, CasePayment

A = CaseAction
# Art. 63 hearing triggers; "large" fines by the old Order 15/77 default (DOMAIN.md §5.3):
# 10,000 yuan for a person, 30,000 yuan for an organisation.
LARGE_FINE = {PartyKind.PERSON: Decimal(10_000), PartyKind.ORGANISATION: Decimal(30_000)}
HEARING_KINDS = frozenset(
    {PenaltyKind.SUSPENSION, PenaltyKind.LICENCE_SUSPENDED, PenaltyKind.LICENCE_REVOKED, PenaltyKind.CLOSURE}
)


def hearing_applies(case: Case) -> bool:
    penalties = list(case.penalties.all())
    money = sum(
        (p.amount for p in penalties if p.kind in (PenaltyKind.FINE, PenaltyKind.CONFISCATION)), Decimal(0)
    )
    return money >= LARGE_FINE[case.party_kind] or any(p.kind in HEARING_KINDS for p in penalties)


def _date(data: dict, name: str, *, not_before: datetime.date | None, today: datetime.date) -> datetime.date:
    value = data.get(name) or today
    if not isinstance(value, datetime.date) or value > today or (not_before and value < not_before):
        message = _("Enter a date from %(start)s up to today.") % {"start": not_before or "2000-01-01"}
        raise ApplicationError(message, errors={name: [message]})
    return value


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise Conflict(message)


def _penalties_proposed(case: Case) -> None:
    _require(case.penalties.exists(), _("Propose the penalties first."))


def _approve_filing(actor, case, data, today):
    _require(case.procedure == Procedure.ORDINARY, _("A simplified-procedure case is decided on the spot."))
    case.filed_on = today
    case.save(update_fields=["filed_on"])  # the filing approval form is written from the stored case
    document = issuing.document_issue(actor=actor, case=case, kind=DocumentKind.FILING_APPROVAL, today=today)
    case.number = document.number


def _decide_summary(actor, case, data, today):
    _require(
        case.procedure == Procedure.SIMPLIFIED, _("Only a simplified-procedure case is decided on the spot.")
    )
    _penalties_proposed(case)
    services.check_simplified(case, list(case.penalties.all()))
    case.decided_on = case.served_on = today  # handed over on the spot (Art. 52)
    case.save(update_fields=["decided_on", "served_on"])
    document = issuing.document_issue(actor=actor, case=case, kind=DocumentKind.PENALTY_DECISION, today=today)
    case.number = document.number


def _give_notice(actor, case, data, today):
    case.notice_on = today
    case.statement_ends_on = deadlines.statement_window(today).due


def _request_hearing(actor, case, data, today):
    _require(hearing_applies(case), _("The proposed penalties give no right to a hearing."))
    _require(today <= case.statement_ends_on, _("The window to request a hearing has closed."))
    case.hearing_requested = True


def _end_notice(actor, case, data, today):
    waived = data.get("waived") is True
    _require(
        waived or today > case.statement_ends_on,
        _("The statement window runs until %(day)s, unless the party waives it.")
        % {"day": case.statement_ends_on},
    )


def _approve_decision(actor, case, data, today):
    _penalties_proposed(case)
    case.decided_on = today


def _serve(actor, case, data, today):
    case.served_on = _date(data, "served_on", not_before=case.decided_on, today=today)


def _record_payment(actor, case, data, today):
    outstanding = case.fine_outstanding
    _require(outstanding > 0, _("No fine is outstanding."))
    amount = services.amount_of(data.get("amount"), "amount")
    if not 0 < amount <= outstanding:
        message = _("Enter an amount from 0.01 to %(max)s yuan.") % {"max": outstanding}
        raise ApplicationError(message, errors={"amount": [message]})
    paid_on = _date(data, "paid_on", not_before=case.served_on, today=today)
    due = deadlines.payment_deadline(case.served_on).due
    surcharge = deadlines.surcharge(case.fine_total, due, paid_on) if amount == outstanding else Decimal(0)
    payment = CasePayment.objects.create(
        case=case, amount=amount, paid_on=paid_on, surcharge=surcharge, recorded_by=actor
    )
    return {"amount": str(amount), "paid_on": paid_on.isoformat(), "surcharge": str(payment.surcharge)}


def _apply_court(actor, case, data, today):
    _require(case.fine_outstanding > 0, _("No fine is outstanding."))
    _require(today > deadlines.payment_deadline(case.served_on).due, _("The fine is not due yet."))
    _require(case.court_applied_on is None, _("Court enforcement was applied for already."))
    case.court_applied_on = today


def _request_closing(actor, case, data, today):
    _require(
        case.fine_outstanding == 0 or case.court_applied_on is not None,
        _("The fine is unpaid: record the payment or apply to the court first."),
    )


def _approve_closing(actor, case, data, today):
    case.closed_on = today


def _archive(actor, case, data, today):
    case.archived_on = today


def _transfer(kind: str):
    def run(actor, case, data, today):
        to = str(data.get("to") or "").strip()
        if not to or len(to) > 100 or "\x00" in to:
            message = _("Name the authority the case goes to (at most 100 characters).")
            raise ApplicationError(message, errors={"to": [message]})
        case.transfer_kind, case.transferred_to, case.transferred_on = kind, to, today
        return {"to": to}

    return run


RULES = {
    A.APPROVE_FILING: _approve_filing,
    A.DECIDE_SUMMARY: _decide_summary,
    A.END_INVESTIGATION: lambda actor, case, data, today: _penalties_proposed(case),
    A.GIVE_NOTICE: _give_notice,
    A.REQUEST_HEARING: _request_hearing,
    A.END_NOTICE: _end_notice,
    A.APPROVE_DECISION: _approve_decision,
    A.SERVE: _serve,
    A.RECORD_PAYMENT: _record_payment,
    A.APPLY_COURT: _apply_court,
    A.REQUEST_CLOSING: _request_closing,
    A.APPROVE_CLOSING: _approve_closing,
    A.ARCHIVE: _archive,
    A.TRANSFER: _transfer(TransferKind.REFERRAL),
    A.CRIMINAL_TRANSFER: _transfer(TransferKind.CRIMINAL),
}


def keep_deadline(case: Case) -> None:
    deadline = deadlines.step_deadline(case)
    case.due_on = deadline.due if deadline else None
    case.due_provisional = bool(deadline and deadline.provisional)


@transaction.atomic
def case_act(
    *, actor, case: Case, action: str, data: dict | None = None, today: datetime.date | None = None
) -> Case:
    data = data or {}
    today = today or timezone.localdate()
    if action not in TRANSITIONS:
        raise ApplicationError(_("Unknown action."), errors={"action": [_("Unknown action.")]})
    case = Case.objects.select_for_update().get(pk=case.pk)
    if not case.can(action):
        raise Conflict(
            _("“%(action)s” is not allowed while the case is “%(status)s”.")
            % {"action": CaseAction(action).label, "status": case.get_status_display()}
        )
    permissions.require_action(actor, case, action)
    note = str(data.get("note") or "").strip()[:1000]
    if "\x00" in note:
        raise ApplicationError(
            _("Text cannot contain NUL characters."),
            errors={"note": [_("Text cannot contain NUL characters.")]},
        )
    before = snapshot(case)
    rule = RULES.get(action)
    extra = (rule(actor, case, data, today) if rule else None) or {}
    from_status = case.status
    _allowed, to = TRANSITIONS[action]
    if to is not None:
        case.status = to
    keep_deadline(case)
    case.save()
    CaseEvent.objects.create(
        case=case,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=case.status,
        note=note,
        data=extra,
    )
    audit_action(
        actor=actor,
        obj=case,
        action=f"case.{action}",
        before=before,
        extra=extra | ({"note": note} if note else {}),
    )
    from yingji.enforcement import reminders

    reminders.tell_next(actor, case)
    return case


@transaction.atomic
def recompute_provisional_deadlines() -> int:
    """After the holiday table changes: the deadlines counted through unknown years again."""
    changed = 0
    for case in Case.objects.filter(due_provisional=True, status__in=OPEN).select_for_update():
        old = (case.due_on, case.due_provisional)
        keep_deadline(case)
        if (case.due_on, case.due_provisional) != old:
            case.save(update_fields=["due_on", "due_provisional"])
            changed += 1
    return changed
