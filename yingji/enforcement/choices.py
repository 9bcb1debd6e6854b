"""Enforcement cases (DOMAIN.md §0.8, §5.2): states, actions, penalties and documents."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseStatus(models.TextChoices):
    FILING = "filing", _("Awaiting filing approval")
    NOT_FILED = "not_filed", _("Not filed")
    INVESTIGATION = "investigation", _("Investigation and evidence")
    REVIEW = "review", _("Legal review")
    REVIEWED = "reviewed", _("Reviewed, notice to give")
    NOTICE = "notice", _("Notice given, statement and defence")
    HEARING = "hearing", _("Hearing")
    DECISION = "decision", _("Awaiting decision approval")
    SERVICE = "service", _("Decision to serve")
    EXECUTION = "execution", _("Execution")
    CLOSING = "closing", _("Awaiting closing approval")
    CLOSED = "closed", _("Case closed")
    ARCHIVED = "archived", _("Archived")
    TRANSFERRED = "transferred", _("Transferred")


class CaseAction(models.TextChoices):
    APPROVE_FILING = "approve_filing", _("Approve filing (立案)")
    REJECT_FILING = "reject_filing", _("Refuse filing")
    DECIDE_SUMMARY = "decide_summary", _("Decide on the spot (简易程序)")
    END_INVESTIGATION = "end_investigation", _("End the investigation, send to legal review")
    APPROVE_REVIEW = "approve_review", _("Approve in legal review (法制审核)")
    RETURN_REVIEW = "return_review", _("Return for further investigation")
    GIVE_NOTICE = "give_notice", _("Give the prior notice (告知)")
    REQUEST_HEARING = "request_hearing", _("The party requests a hearing")
    END_HEARING = "end_hearing", _("Hearing held")
    END_NOTICE = "end_notice", _("Statement and defence closed")
    APPROVE_DECISION = "approve_decision", _("Approve the penalty decision")
    SERVE = "serve", _("Record service of the decision (送达)")
    RECORD_PAYMENT = "record_payment", _("Record a fine payment")
    APPLY_COURT = "apply_court", _("Apply to the court for enforcement")
    REQUEST_CLOSING = "request_closing", _("Propose closing (结案)")
    APPROVE_CLOSING = "approve_closing", _("Approve closing")
    ARCHIVE = "archive", _("Archive (归档)")
    TRANSFER = "transfer", _("Transfer to another authority (移交)")
    CRIMINAL_TRANSFER = "criminal_transfer", _("Transfer to public security (涉嫌犯罪移送)")


S = CaseStatus
A = CaseAction
BEFORE_DECISION = frozenset({S.INVESTIGATION, S.REVIEW, S.REVIEWED, S.NOTICE, S.HEARING, S.DECISION})
# action -> (states it may start from, state it leads to; None keeps the state)
TRANSITIONS: dict[str, tuple[frozenset[str], str | None]] = {
    A.APPROVE_FILING: (frozenset({S.FILING}), S.INVESTIGATION),
    A.REJECT_FILING: (frozenset({S.FILING}), S.NOT_FILED),
    A.DECIDE_SUMMARY: (frozenset({S.FILING}), S.EXECUTION),
    A.END_INVESTIGATION: (frozenset({S.INVESTIGATION}), S.REVIEW),
    A.APPROVE_REVIEW: (frozenset({S.REVIEW}), S.REVIEWED),
    A.RETURN_REVIEW: (frozenset({S.REVIEW}), S.INVESTIGATION),
    A.GIVE_NOTICE: (frozenset({S.REVIEWED}), S.NOTICE),
    A.REQUEST_HEARING: (frozenset({S.NOTICE}), S.HEARING),
    A.END_HEARING: (frozenset({S.HEARING}), S.DECISION),
    A.END_NOTICE: (frozenset({S.NOTICE}), S.DECISION),
    A.APPROVE_DECISION: (frozenset({S.DECISION}), S.SERVICE),
    A.SERVE: (frozenset({S.SERVICE}), S.EXECUTION),
    A.RECORD_PAYMENT: (frozenset({S.EXECUTION}), None),
    A.APPLY_COURT: (frozenset({S.EXECUTION}), None),
    A.REQUEST_CLOSING: (frozenset({S.EXECUTION}), S.CLOSING),
    A.APPROVE_CLOSING: (frozenset({S.CLOSING}), S.CLOSED),
    A.ARCHIVE: (frozenset({S.CLOSED}), S.ARCHIVED),
    A.TRANSFER: (frozenset({S.FILING, S.INVESTIGATION}), S.TRANSFERRED),
    A.CRIMINAL_TRANSFER: (frozenset({S.FILING}) | BEFORE_DECISION, S.TRANSFERRED),
}
# Actions that only a bureau's approving user may take, never the case's own officers.
APPROVALS = frozenset(
    {
        A.APPROVE_FILING,
        A.REJECT_FILING,
        A.APPROVE_REVIEW,
        A.RETURN_REVIEW,
        A.APPROVE_DECISION,
        A.APPROVE_CLOSING,
        A.TRANSFER,
        A.CRIMINAL_TRANSFER,
    }
)
OPEN = frozenset(
    {S.FILING, S.INVESTIGATION, S.REVIEW, S.REVIEWED, S.NOTICE, S.HEARING, S.DECISION, S.SERVICE}
    | {S.EXECUTION, S.CLOSING}
)
ENDED = frozenset({S.NOT_FILED, S.CLOSED, S.ARCHIVED, S.TRANSFERRED})


class CaseSource(models.TextChoices):
    INSPECTION = "inspection", _("Inspection")
    HAZARD = "hazard", _("Hazard")
    COMPLAINT = "complaint", _("Complaint")
    REFERRAL = "referral", _("Referred by another authority")
    TRANSFER = "transfer", _("Transferred by a higher authority")


class PartyKind(models.TextChoices):
    ORGANISATION = "organisation", _("An organisation (unit)")
    PERSON = "person", _("Person")


class Procedure(models.TextChoices):
    ORDINARY = "ordinary", _("Ordinary procedure")
    SIMPLIFIED = "simplified", _("Simplified procedure (简易程序)")


class PenaltyKind(models.TextChoices):
    WARNING = "warning", _("Warning")
    FINE = "fine", _("Fine")
    CONFISCATION = "confiscation", _("Confiscation of illegal gains")
    SUSPENSION = "suspension", _("Order to suspend production for rectification")
    LICENCE_SUSPENDED = "licence_suspended", _("Licence suspended")
    LICENCE_REVOKED = "licence_revoked", _("Licence revoked")
    CLOSURE = "closure", _("Closure")


MONEY_PENALTIES = frozenset({PenaltyKind.FINE, PenaltyKind.CONFISCATION})


class TransferKind(models.TextChoices):
    REFERRAL = "referral", _("Transfer (移交)")
    CRIMINAL = "criminal_transfer", _("Criminal transfer (涉嫌犯罪移送)")


class DocumentKind(models.TextChoices):
    INSPECTION_RECORD = "inspection_record", _("On-site inspection record")
    RECTIFICATION_ORDER = "rectification_order", _("Order to rectify within a time limit")
    REINSPECTION_OPINION = "reinspection_opinion", _("Re-inspection opinion")
    FILING_APPROVAL = "filing_approval", _("Case filing approval form")
    PENALTY_NOTICE = "penalty_notice", _("Prior notice of administrative penalty")
    PENALTY_DECISION = "penalty_decision", _("Administrative penalty decision")
    CLOSING_APPROVAL = "closing_approval", _("Case closing approval form")
