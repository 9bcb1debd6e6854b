"""Warning indicators. 条次 as the seeds count them ("发布防灾减灾预警信息183条次"): each warning
issued once, and each change that raises or lowers its level once more; a lift is not counted.
People reached count 人次 — one person told of two steps is reached twice, as each step asks a
叫应 of its own — including the superiors an unanswered warning escalated to."""

from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy as _

from yingji.stats.catalog import Measure, Ratio, register
from yingji.warnings.choices import COUNTED
from yingji.warnings.models import Recipient, WarningChange


def _list(q) -> str:
    return f"/warnings/?from={q.period.start}&to={q.period.end}"


RECIPIENT_DIMENSIONS = {"type": "warning__type", "level": "change__to_level", "stage": "warning__stage"}


def _recipients(key, label, where=lambda q: Q()):
    return Measure(
        key=key, label=label, unit="人次", model=Recipient, date_field="sent_at__date", month_field="sent_at",
        aggregate=lambda: Count("id"), where=where, dimensions=RECIPIENT_DIMENSIONS, link=_list,
    )  # fmt: skip


register(
    Measure(
        key="warnings.issued", label=_("Warnings issued"), unit="条次", model=WarningChange,
        date_field="at__date", month_field="at", aggregate=lambda: Count("id"),
        where=lambda q: Q(kind__in=COUNTED), region_field="warning__region_id",
        dimensions={"type": "warning__type", "level": "to_level", "stage": "warning__stage"}, link=_list,
    ),
    _recipients("warnings.reached", _("Responsible persons reached by warnings")),
    _recipients("warnings.acknowledged", _("Warning acknowledgements (叫应)"), lambda q: Q(acknowledged_at__isnull=False)),
    _recipients(
        "warnings.acknowledged_in_time", _("Warning acknowledgements in time"),
        lambda q: Q(acknowledged_at__isnull=False, acknowledged_at__lte=F("due_at")),
    ),
    Ratio("warnings.ack_rate", _("Warning acknowledgement rate"), "warnings.acknowledged", "warnings.reached"),
    Ratio(
        "warnings.ack_in_time_rate", _("Warning acknowledgement rate in time"),
        "warnings.acknowledged_in_time", "warnings.reached",
    ),
)  # fmt: skip
