"""Hazard indicators (隐患排查治理). A hazard counts as rectified for a period when it was
found in the period and rectified by the period's end (or by as_of), so a report rebuilt
later prints the same numbers. Cancelled hazards (撤销, e.g. duplicates) count nowhere."""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from yingji.hazards.choices import HazardLevel, HazardStatus
from yingji.hazards.models import Hazard
from yingji.hazards.overdue import OverdueRollup
from yingji.hazards.rollup import (
    HazardMonthRollup,
    closed_by_end,
    closed_in_period,
    listed_in_period,
    open_at_end,
    rectified_by_end,
    rectified_in_period,
)
from yingji.hazards.selectors import open_on
from yingji.stats.catalog import Measure, Ratio, register

DIMENSIONS = {"industry": "industry", "level": "level", "source": "source", "enterprise": "enterprise_id"}
NOT_CANCELLED = ~Q(status=HazardStatus.CANCELLED)


def _found_in(q) -> str:
    return f"/hazards/?counted=1&from={q.period.start}&to={q.period.end}"


def _measure(key, label, where=lambda q: Q(), **kwargs) -> Measure:
    return Measure(
        key=key,
        label=label,
        unit=kwargs.pop("unit", "处"),
        model=Hazard,
        date_field=kwargs.pop("date_field", "found_at"),
        aggregate=kwargs.pop("aggregate", lambda: Count("*")),  # COUNT(*): from a covering index alone
        where=lambda q: NOT_CANCELLED & where(q),
        dimensions=DIMENSIONS,
        **kwargs,
    )


def _rectified_by(q) -> Q:
    return Q(rectified_at__isnull=False, rectified_at__lte=q.cutoff)


def _open_at(q) -> Q:
    return open_on(q.cutoff)


register(
    _measure("hazards.found", _("Hazards found"), link=_found_in, rollup=HazardMonthRollup()),
    _measure(
        "hazards.rectified",
        _("Hazards rectified"),
        _rectified_by,
        link=lambda q: f"{_found_in(q)}&rectified_by={q.cutoff}",
        rollup=HazardMonthRollup(rectified_by_end, by_rectified=True),
    ),
    Ratio("hazards.rectification_rate", _("Rectification rate"), "hazards.rectified", "hazards.found"),
    _measure(
        "hazards.major_found",
        _("Major hazards found"),
        lambda q: Q(level=HazardLevel.MAJOR),
        link=lambda q: f"{_found_in(q)}&level=major",
        rollup=HazardMonthRollup(level=HazardLevel.MAJOR),
    ),
    _measure(
        "hazards.major_rectified",
        _("Major hazards rectified"),
        lambda q: Q(level=HazardLevel.MAJOR) & _rectified_by(q),
        rollup=HazardMonthRollup(rectified_by_end, level=HazardLevel.MAJOR, by_rectified=True),
    ),
    Ratio(
        "hazards.major_rectification_rate",
        _("Major hazard rectification rate"),
        "hazards.major_rectified",
        "hazards.major_found",
    ),
    _measure(
        "hazards.listed",
        _("Major hazards listed for supervision"),
        date_field="listed_on",
        link=lambda q: f"/hazards/?counted=1&listed_from={q.period.start}&listed_to={q.period.end}",
        rollup=HazardMonthRollup(in_period=listed_in_period, by="listed_on", month="listed_month"),
    ),
    _measure(
        "hazards.closed",
        _("Hazards closed (written off)"),
        date_field="closed_at",
        rollup=HazardMonthRollup(in_period=closed_in_period, then="closed_at", month="closed_month"),
    ),
    # Money spent on rectification (整改资金), of the hazards rectified in the period.
    _measure(
        "hazards.funds",
        _("Rectification funds"),
        date_field="rectified_at",
        aggregate=lambda: Sum("funds"),
        unit="元",
        rollup=HazardMonthRollup(in_period=rectified_in_period, month="rectified_month", column="funds_fen"),
    ),
    # The funnel's last step: of the hazards found in the period, those closed by its end.
    _measure(
        "hazards.found_closed",
        _("Hazards found and closed"),
        lambda q: Q(closed_at__isnull=False, closed_at__lte=q.cutoff),
        link=lambda q: f"{_found_in(q)}&status=closed",
        rollup=HazardMonthRollup(closed_by_end, by_rectified=True, then="closed_at"),
    ),
    _measure(
        "hazards.open",
        _("Open hazards"),
        in_period=_open_at,
        rollup=HazardMonthRollup(in_period=open_at_end, splits=False),
        link=lambda q: f"/hazards/?counted=1&open_on={q.cutoff}",
    ),
    _measure(
        "hazards.overdue",
        _("Overdue hazards"),
        in_period=lambda q: open_on(q.cutoff, overdue=True),
        rollup=OverdueRollup(),
        link=lambda q: f"/hazards/?counted=1&overdue_on={q.cutoff}",
    ),
)
