"""Complaint indicators. One complaint record is one batch (批次); its `items` are the matters
(件) it raises. A complaint counts where its step happened: received on its day, closed on its
closing day, found true (属实 or 部分属实: 查实) on its verification day, its reward on the day
paid. Money in yuan, as the other money indicators (the summary prints 万元)."""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from yingji.complaints.choices import FOUND_TRUE, Status
from yingji.complaints.models import Complaint
from yingji.stats.catalog import Measure, register

DIMENSIONS = {
    "channel": "channel",
    "enterprise": "enterprise_id",
    "verification": "verification",
    "unit": "handling_unit_id",
}


def _measure(key, label, unit, date_field, aggregate, where=lambda q: Q(), link=None) -> Measure:
    name = {"received_on": "received", "closed_on": "closed", "verified_on": "verified",
            "reward_paid_on": "paid"}[date_field]  # fmt: skip
    return Measure(
        key=key,
        label=label,
        unit=unit,
        model=Complaint,
        date_field=date_field,
        aggregate=aggregate,
        where=where,
        dimensions=DIMENSIONS,
        link=link or (lambda q: f"/complaints/?{name}_from={q.period.start}&{name}_to={q.period.end}"),
    )


def _found_link(q) -> str:
    return f"/complaints/?verified_from={q.period.start}&verified_to={q.period.end}&found_true=true"


register(
    _measure(
        "complaints.received", _("Complaints received (batches)"), "批", "received_on", lambda: Count("id")
    ),
    _measure("complaints.items", _("Complaint items received"), "件", "received_on", lambda: Sum("items")),
    _measure("complaints.closed", _("Complaints closed (batches)"), "批", "closed_on", lambda: Count("id")),
    _measure("complaints.closed_items", _("Complaint items closed"), "件", "closed_on", lambda: Sum("items")),
    _measure(
        "complaints.verified_true",
        _("Complaint items found true"),
        "件",
        "verified_on",
        lambda: Sum("items"),
        lambda q: Q(verification__in=FOUND_TRUE),
        _found_link,
    ),
    _measure(
        "complaints.rewards_paid",
        _("Complaint rewards paid"),
        "元",
        "reward_paid_on",
        lambda: Sum("reward_amount"),
    ),
    Measure(
        key="complaints.overdue",
        label=_("Complaints past their deadline"),
        unit="批",
        model=Complaint,
        date_field="deadline",
        aggregate=lambda: Count("id"),
        in_period=lambda q: Q(status=Status.ASSIGNED, deadline__lt=q.cutoff),
        dimensions=DIMENSIONS,
        link=lambda q: "/complaints/?overdue=true",
    ),
)
