"""Indicators of the annual enforcement plan and of 双随机一公开 draws (DOMAIN.md §5.5).

`plans.planned` sums the rows of the plans whose year starts in the period (ask for a period
that contains 1 January); `plans.inspected` counts the distinct graded enterprises inspected by
supervisors in the period (self-checks do not count); `plans.progress` is one over the other."""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from yingji.inspections.choices import InspectionType
from yingji.inspections.models import Inspection
from yingji.inspections.planning_models import PlanRow, RandomDraw
from yingji.inspections.rollup_stats import UnitsRollup
from yingji.stats.catalog import Measure, Ratio, register

register(
    Measure(
        key="plans.planned",
        label=_("Enterprises planned for inspection"),
        unit="家",
        model=PlanRow,
        date_field="plan__starts_on",
        aggregate=lambda: Sum("planned"),
        dimensions={"risk_grade": "risk_grade", "industry": "industry"},
        region_field="plan__region_id",
        link=lambda q: f"/inspections/planning/?year={q.period.start.year}",
    ),
    Measure(
        key="plans.inspected",
        label=_("Graded enterprises inspected"),
        unit="家",
        model=Inspection,
        date_field="inspected_on",
        aggregate=lambda: Count("enterprise", distinct=True),
        where=lambda q: ~Q(type=InspectionType.SELF_CHECK) & ~Q(enterprise__risk_grade=""),
        dimensions={"risk_grade": "enterprise__risk_grade", "industry": "industry"},
        link=lambda q: f"/inspections/?from={q.period.start}&to={q.period.end}&supervision=1",
        rollup=UnitsRollup("first_supervision_day", graded=True),
    ),
    Ratio(
        key="plans.progress",
        label=_("Enforcement plan progress"),
        numerator="plans.inspected",
        denominator="plans.planned",
    ),
    Measure(
        key="draws.count",
        label=_("Random draws (双随机)"),
        unit="次",
        model=RandomDraw,
        date_field="drawn_on",
        aggregate=lambda: Count("id"),
        dimensions={"risk_grade": "risk_grade", "industry": "industry"},
        link=lambda q: f"/inspections/planning/draws/?from={q.period.start}&to={q.period.end}",
    ),
    Measure(
        key="draws.enterprises",
        label=_("Enterprises drawn (双随机)"),
        unit="家",
        model=RandomDraw,
        date_field="drawn_on",
        aggregate=lambda: Sum("enterprise_count"),
        dimensions={"risk_grade": "risk_grade", "industry": "industry"},
        link=lambda q: f"/inspections/planning/draws/?from={q.period.start}&to={q.period.end}",
    ),
)
