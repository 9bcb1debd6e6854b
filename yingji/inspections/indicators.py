"""Inspection indicators: inspections, person-times (inspectors × inspections) and units
inspected (distinct enterprises). `inspections.supervision*` count the supervisors' work (the
bureau, member departments, streets) without the enterprises' self-checks, which reports state
apart (企业自查, DOMAIN.md 0.7)."""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from yingji.inspections.choices import InspectionType
from yingji.inspections.models import Inspection
from yingji.inspections.rollup_stats import SELF_CHECKS, SUPERVISION, InspectionMonthRollup, UnitsRollup
from yingji.stats.catalog import Measure, register

DIMENSIONS = {"industry": "industry", "type": "type", "enterprise": "enterprise_id"}



def _measure(key, label, unit, aggregate, where=lambda q: Q(), link_extra: str = "", rollup=None) -> Measure:
    return Measure(
        key=key,
        label=label,
        unit=unit,
        model=Inspection,
        date_field="inspected_on",
        aggregate=aggregate,
        where=where,
        dimensions=DIMENSIONS,
        link=lambda q: f"/inspections/?from={q.period.start}&to={q.period.end}{link_extra}",
        rollup=rollup,
    )


register(
    _measure(
        "inspections.count",
        _("Inspections"),
        "次",
        lambda: Count("*"),
        rollup=InspectionMonthRollup("inspections"),
    ),
    _measure(
        "inspections.person_times",
        _("Inspection person-times"),
        "人次",
        lambda: Sum("inspector_count"),
        rollup=InspectionMonthRollup("person_times"),
    ),
    _measure(
        "inspections.units",
        _("Units inspected"),
        "家",
        lambda: Count("enterprise", distinct=True),
        rollup=UnitsRollup("first_day"),
    ),
    _measure(
        "inspections.supervision",
        _("Supervisory inspections"),
        "次",
        lambda: Count("*"),
        lambda q: SUPERVISION,
        "&supervision=1",
        InspectionMonthRollup("inspections", SUPERVISION),
    ),
    _measure(
        "inspections.supervision_person_times",
        _("Supervisory inspection person-times"),
        "人次",
        lambda: Sum("inspector_count"),
        lambda q: SUPERVISION,
        "&supervision=1",
        InspectionMonthRollup("person_times", SUPERVISION),
    ),
    _measure(
        "inspections.supervision_units",
        _("Units inspected by supervisors"),
        "家",
        lambda: Count("enterprise", distinct=True),
        lambda q: SUPERVISION,
        "&supervision=1",
        UnitsRollup("first_supervision_day"),
    ),
    _measure(
        "inspections.self_checks",
        _("Enterprise self-checks"),
        "次",
        lambda: Count("*"),
        lambda q: Q(type=InspectionType.SELF_CHECK),
        "&type=self_check",
        InspectionMonthRollup("inspections", SELF_CHECKS),
    ),
)
from yingji.inspections import indicators_planning  # noqa: E402,F401 (the plan's and draws' indicators)
