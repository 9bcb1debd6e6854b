"""Inspection indicators: inspections, person-times (inspectors × inspections) and units
inspected (distinct enterprises)."""

from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _

from yingji.inspections.models import Inspection
from yingji.stats.catalog import Measure, register

DIMENSIONS = {"industry": "industry", "type": "type", "enterprise": "enterprise_id"}


def _measure(key, label, unit, aggregate) -> Measure:
    return Measure(
        key=key,
        label=label,
        unit=unit,
        model=Inspection,
        date_field="inspected_on",
        aggregate=aggregate,
        dimensions=DIMENSIONS,
        link=lambda q: f"/inspections/?from={q.period.start}&to={q.period.end}",
    )


register(
    _measure("inspections.count", _("Inspections"), "次", lambda: Count("id")),
    _measure(
        "inspections.person_times", _("Inspection person-times"), "人次", lambda: Sum("inspector_count")
    ),
    _measure("inspections.units", _("Units inspected"), "家", lambda: Count("enterprise", distinct=True)),
)
