"""The complaint's workflow: assign → verify → close, with the reward decided and paid and the
reporter told along the way. An action the record's state does not allow is a Conflict (409)."""

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from yingji.accounts.choices import OrgKind
from yingji.accounts.models import Organisation, User
from yingji.complaints import permissions
from yingji.complaints.choices import FOUND_TRUE, TRANSITIONS, Action, NotifiedHow, Status, Verification
from yingji.complaints.services import COMPLAINT_ASSIGNED, audit, event
from yingji.core import dates
from yingji.core.errors import ApplicationError, Conflict
from yingji.hazards.models import Hazard
from yingji.inspections.models import Inspection
from yingji.notifications.services import notify

MAX_REWARD = Decimal("9999999999.99")
MAX_ID = 2**63 - 1


def _fail(field: str, message: str) -> ApplicationError:
    return ApplicationError(message, errors={field: [message]})


def refusal(complaint, action: str) -> str | None:
    """Why the complaint's state refuses the action now; None when it allows it."""
    if complaint.status not in TRANSITIONS[action]:
        return _("Not possible while the complaint is “%(status)s”.") % {
            "status": complaint.get_status_display()
        }
    if action == Action.REWARD:
        if complaint.verification not in FOUND_TRUE:
            return _("A reward is decided only for a complaint found true.")
        if complaint.reward_decided_on:
            return _("The reward has been decided already.")
    if action == Action.PAY_REWARD:
        if not complaint.reward_decided_on:
            return _("No reward has been decided.")
        if complaint.reward_paid_on:
            return _("The reward has been paid already.")
    if action == Action.NOTIFY_REPORTER and complaint.reporter_notified_on:
        return _("The reporter has been told already.")
    return None


def _id(data: dict, name: str) -> int | None:
    value = data.get(name)
    if value in (None, ""):
        return None
    try:
        value = int(value)
    except (TypeError, ValueError):
        raise _fail(name, _("Enter a record number.")) from None
    if not 1 <= value <= MAX_ID:
        raise _fail(name, _("Enter a record number."))
    return value


def _assign(actor, c, data) -> str:
    unit_id = _id(data, "unit_id")
    if unit_id is None:
        raise _fail("unit_id", _("Choose the handling unit."))
    unit = Organisation.objects.for_user(actor).exclude(kind=OrgKind.ENTERPRISE).filter(pk=unit_id).first()
    if unit is None:
        raise _fail("unit_id", _("No such unit in your jurisdiction."))
    deadline = dates.deadline_date(data.get("deadline"), "deadline", start=dates.today())
    if deadline is None:
        raise _fail("deadline", _("Set the deadline for the verification."))
    c.handling_unit, c.deadline, c.assigned_on = unit, deadline, dates.today()
    c.status = Status.ASSIGNED
    users = User.objects.filter(organisation=unit, is_active=True)
    notify(
        kind=COMPLAINT_ASSIGNED,
        users=users,
        title=_("Complaint %(receipt)s to verify by %(day)s") % {"receipt": c.receipt, "day": deadline},
        url=f"/complaints/{c.pk}/",
    )
    return f"{unit.name} · {deadline}"


def _link(actor, model, data, name):
    pk = _id(data, name)
    if pk is None:
        return None
    found = model.objects.for_user(actor).filter(pk=pk).first()
    if found is None:
        raise _fail(name, _("No such record in your jurisdiction."))
    return found


def _verify(actor, c, data) -> str:
    verification = data.get("verification") or ""
    if verification not in Verification.values:
        raise _fail("verification", _("Choose whether the complaint was found true."))
    result = str(data.get("result") or "").strip()
    if not result:
        raise _fail("result", _("Write the result."))
    if len(result) > 5000:
        raise _fail("result", _("At most %(n)d characters.") % {"n": 5000})
    verified_on = dates.past_date(data.get("verified_on"), "verified_on", not_before=c.received_on)
    c.inspection = _link(actor, Inspection, data, "inspection_id") or c.inspection
    c.hazard = _link(actor, Hazard, data, "hazard_id") or c.hazard
    c.case_id = _id(data, "case_id") or c.case_id  # the enforcement case, by its number
    c.verification, c.result = verification, result
    c.verified_on = verified_on or dates.today()
    c.status = Status.VERIFIED
    return c.get_verification_display()


def _close(actor, c, data) -> str:
    c.closed_on = (
        dates.past_date(data.get("closed_on"), "closed_on", not_before=c.verified_on) or dates.today()
    )
    c.status = Status.CLOSED
    return ""


def _reward(actor, c, data) -> str:
    try:
        amount = Decimal(str(data.get("amount")))
    except (InvalidOperation, ValueError):
        raise _fail("amount", _("Enter the amount in yuan.")) from None
    if not amount.is_finite() or not 0 < amount <= MAX_REWARD:
        raise _fail("amount", _("Enter the amount in yuan."))
    c.reward_amount = amount.quantize(Decimal("0.01"))
    c.reward_decided_on = (
        dates.past_date(data.get("decided_on"), "decided_on", not_before=c.verified_on) or dates.today()
    )
    return f"{c.reward_amount}"


def _pay_reward(actor, c, data) -> str:
    c.reward_paid_on = (
        dates.past_date(data.get("paid_on"), "paid_on", not_before=c.reward_decided_on) or dates.today()
    )
    return ""


def _notify_reporter(actor, c, data) -> str:
    how = data.get("how") or ""
    if how not in NotifiedHow.values:
        raise _fail("how", _("Choose how the reporter was told."))
    if c.anonymous and how != NotifiedHow.RECEIPT:
        raise _fail("how", _("An anonymous reporter learns the result through the receipt lookup."))
    c.reporter_notified_how = how
    c.reporter_notified_on = (
        dates.past_date(data.get("notified_on"), "notified_on", not_before=c.verified_on) or dates.today()
    )
    return c.get_reporter_notified_how_display()


STEPS = {
    Action.ASSIGN: _assign,
    Action.VERIFY: _verify,
    Action.CLOSE: _close,
    Action.REWARD: _reward,
    Action.PAY_REWARD: _pay_reward,
    Action.NOTIFY_REPORTER: _notify_reporter,
}


@transaction.atomic
def complaint_act(*, actor, complaint, action: str, data: dict):
    """Take `action` on the complaint: 403 for a role that may not, 409 for a state that does not
    allow it, 400 for bad input; the step, its event and its audit entry together."""
    complaint = type(complaint).objects.select_for_update().get(pk=complaint.pk)
    permissions.require_action(actor, complaint, action)
    problem = refusal(complaint, action)
    if problem:
        raise Conflict(problem)
    from yingji.complaints.privacy import safe_snapshot

    before, status = safe_snapshot(complaint), complaint.status
    said = STEPS[action](actor, complaint, data)
    complaint.save()
    note = str(data.get("note") or "").strip()[:1000]
    event(complaint, actor=actor, action=action, before=status, note=" · ".join(p for p in (said, note) if p))
    audit(actor=actor, complaint=complaint, action=f"complaint.{action}", before=before)
    return complaint
