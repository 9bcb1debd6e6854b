"""Enforcement indicators (the seed reports' enforcement output). A case counts where its step
happened: filed (立案) on its filing day, closed on its closing day, its penalties and the
simplified procedure on the day of the decision, a transfer on its day; fines collected on
the day paid; documents on the day issued. Money is in yuan, as the other money indicators
(the summary and the table print 万元)."""

import datetime

from django.db.models import Count, DecimalField, F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from yingji.enforcement.choices import OPEN, PenaltyKind, Procedure, TransferKind
from yingji.enforcement.deadlines import PAYMENT_DAYS
from yingji.enforcement.models import Case, CaseDocument, CasePayment, CasePenalty
from yingji.stats.catalog import Measure, register

CASE_DIMENSIONS = {
    "industry": "industry",
    "enterprise": "enterprise_id",
    "source": "source",
    "procedure": "procedure",
}
PENALTY_DIMENSIONS = {"industry": "case__industry", "enterprise": "case__enterprise_id", "kind": "kind"}
PAYMENT_DIMENSIONS = {"industry": "case__industry", "enterprise": "case__enterprise_id"}
LICENCES = (PenaltyKind.LICENCE_SUSPENDED, PenaltyKind.LICENCE_REVOKED)


def _cases(key, label, date_field, where=lambda q: Q(), link_field=None) -> Measure:
    field = link_field or date_field.replace("_on", "")
    return Measure(
        key=key,
        label=label,
        unit="起",
        model=Case,
        date_field=date_field,
        aggregate=lambda: Count("id"),
        where=where,
        dimensions=CASE_DIMENSIONS,
        link=lambda q: f"/enforcement/?{field}_from={q.period.start}&{field}_to={q.period.end}",
    )


def _penalties(key, label, unit, aggregate, kinds, link_penalty) -> Measure:
    return Measure(
        key=key,
        label=label,
        unit=unit,
        model=CasePenalty,
        date_field="case__decided_on",
        aggregate=aggregate,
        where=lambda q: Q(kind__in=kinds),
        dimensions=PENALTY_DIMENSIONS,
        region_field="case__region_id",
        link=lambda q: (
            f"/enforcement/?decided_from={q.period.start}&decided_to={q.period.end}&penalty={link_penalty}"
        ),
    )


def _sum(qs):
    total = qs.order_by().values("case").annotate(v=Sum("amount")).values("v")
    return Coalesce(Subquery(total), Value(0), output_field=DecimalField(max_digits=14, decimal_places=2))


def unpaid_at(day: datetime.date) -> Q:
    """Cases whose fine was due (15 days after service) before `day` and not paid in full by it."""
    fines = CasePenalty.objects.filter(case=OuterRef("pk"), kind=PenaltyKind.FINE)
    paid = CasePayment.objects.filter(case=OuterRef("pk"), paid_on__lte=day)
    unpaid = Case.objects.annotate(fine=_sum(fines), paid=_sum(paid)).filter(
        fine__gt=F("paid"),
        served_on__lt=day - datetime.timedelta(days=PAYMENT_DAYS),
        court_applied_on__isnull=True,
    )
    return Q(pk__in=unpaid.values("pk"))


def _count_cases():
    return Count("case", distinct=True)


register(
    _cases("cases.filed", _("Cases filed"), "filed_on"),
    _cases("cases.closed", _("Cases closed"), "closed_on"),
    _cases(
        "cases.referrals",
        _("Cases transferred to other authorities"),
        "transferred_on",
        lambda q: Q(transfer_kind=TransferKind.REFERRAL),
    ),
    _cases(
        "cases.criminal_transfers",
        _("Cases transferred to public security"),
        "transferred_on",
        lambda q: Q(transfer_kind=TransferKind.CRIMINAL),
    ),
    _cases(
        "cases.simplified",
        _("Simplified-procedure penalties"),
        "decided_on",
        lambda q: Q(procedure=Procedure.SIMPLIFIED),
    ),
    _penalties(
        "cases.fines_decided", _("Fines decided"), "元", lambda: Sum("amount"), (PenaltyKind.FINE,), "fine"
    ),
    _penalties(
        "cases.suspensions",
        _("Orders to suspend production"),
        "家",
        _count_cases,
        (PenaltyKind.SUSPENSION,),
        "suspension",
    ),
    _penalties(
        "cases.licences", _("Licences suspended or revoked"), "家", _count_cases, LICENCES, "licence_revoked"
    ),
    _penalties(
        "cases.closures", _("Enterprises closed"), "家", _count_cases, (PenaltyKind.CLOSURE,), "closure"
    ),
    Measure(
        key="cases.overdue",
        label=_("Case steps overdue"),
        unit="起",
        model=Case,
        date_field="due_on",
        aggregate=lambda: Count("id"),
        in_period=lambda q: Q(status__in=OPEN, due_on__lt=q.cutoff),
        dimensions=CASE_DIMENSIONS,
        link=lambda q: "/enforcement/?overdue=true",
    ),
    Measure(
        key="cases.fines_unpaid",
        label=_("Cases with fines unpaid after the due day"),
        unit="起",
        model=Case,
        date_field="served_on",
        aggregate=lambda: Count("id"),
        in_period=lambda q: unpaid_at(q.cutoff),
        dimensions=CASE_DIMENSIONS,
        link=lambda q: "/enforcement/?penalty=fine&status=execution",
    ),
    Measure(
        key="cases.fines_collected",
        label=_("Fines collected"),
        unit="元",
        model=CasePayment,
        date_field="paid_on",
        aggregate=lambda: Sum("amount"),
        dimensions=PAYMENT_DIMENSIONS,
        region_field="case__region_id",
        link=lambda q: "/enforcement/?penalty=fine",
    ),
    Measure(
        key="cases.documents",
        label=_("Enforcement documents issued"),
        unit="份",
        model=CaseDocument,
        date_field="issued_on",
        aggregate=lambda: Count("id"),
        dimensions={"industry": "industry", "enterprise": "enterprise_id", "kind": "kind"},
        link=lambda q: "/enforcement/",
    ),
)
