"""The inspection statistics the rollups answer (tables: rollup_models.py; triggers: rollup.py)."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, Sum

from yingji.inspections.choices import InspectionType
from yingji.inspections.rollup import GRAINS, UNIT_GRAINS, Grain
from yingji.inspections.rollup_models import InspectedUnit
from yingji.stats import grains as grains_needed
from yingji.stats.catalog import GroupFields, Query, grouped_values, grouped_values_many, rollup_keeps
from yingji.stats.periods import is_month_end

FILTERS = {"region", "industry"}
MONTH_FILTERS = FILTERS | {"type"}  # the month tables keep the type, the units tables do not
GROUPS = {"city", "county", "street", "industry", "month"}
FIELDS = GroupFields(region="region_code", industry="industry")
SUPERVISION = ~Q(type=InspectionType.SELF_CHECK)
SELF_CHECKS = Q(type=InspectionType.SELF_CHECK)


def _scoped(model, query: Query):
    """The user's rows of a rollup table, filtered as asked (the filters `answers` allowed)."""
    qs = model.objects.for_user(query.user, within=query.filters.get("region") or None)
    asked = {name: query.filters.get(name) for name in ("industry", "type")}
    return qs.filter(**{name: value for name, value in asked.items() if value})


def _grain_for(grains: tuple[Grain, ...], query: Query, dims: tuple[str, ...]) -> Grain:
    """The smallest table that keeps what the question needs: the region codes as long as its
    groups and regions, the industry where it asks for it (grains listed finest first)."""
    length, industry = grains_needed.code_length(query, dims), grains_needed.by_industry(query, dims)
    return [
        g
        for g in grains
        if grains_needed.keeps_region(g.code_length, length) and (g.detailed or not industry)
    ][-1]


def _groups(qs, dims: tuple[str, ...], month_field: str, **aggregates) -> dict[str, dict]:
    """Each aggregate by group (under "" when there are no groups), in one statement."""
    if not dims:
        values = qs.aggregate(**aggregates)
        return {name: {"": values[name] or 0} for name in aggregates}
    return grouped_values_many(qs, dims, FIELDS, month_field, aggregates)


def _add(answer: dict, more: dict, sign: int = 1) -> dict:
    for group, value in more.items():
        answer[group] = answer.get(group, 0) + sign * value
    return answer


@dataclass(frozen=True)
class InspectionMonthRollup:
    """Counts or person-times of whole months (the measure counts a partial month at either
    end from the records)."""

    column: str  # inspections | person_times
    where: Q = Q()  # on `type`
    splits = True
    additive = True

    def answers(self, query: Query, dims: tuple[str, ...] = ()) -> bool:
        period = query.period
        return (
            period.start.day == 1
            and is_month_end(period.end)
            and rollup_keeps(query, dims, filters=MONTH_FILTERS, groups=GROUPS)
        )

    def residue(self, query: Query) -> list:
        return []

    def queryset(self, query: Query, dims: tuple[str, ...] = ()):
        qs = _scoped(_grain_for(GRAINS, query, dims).model, query)
        return qs.filter(self.where, month__gte=query.period.start, month__lte=query.period.end)

    def value(self, query: Query) -> int:
        return self.queryset(query).aggregate(v=Sum(self.column))["v"] or 0

    def grouped(self, query: Query, dims: tuple[str, ...]) -> dict:
        return grouped_values(self.queryset(query, dims), dims, FIELDS, "month", Sum(self.column))

    def adopt(self, key: str) -> None:
        pass


@dataclass(frozen=True)
class UnitsRollup:
    """Units inspected from 1 January to a day D of that year, counted distinct: the rows of
    InspectedUnit whose first (supervisory) day is by D — by their month for the months before
    D's (the unit month tables), from InspectedUnit for the days of D's month — less the
    repeats of the few enterprises with more than one row in a group (`shared`). Not a sum:
    the groups of a question do not add up to its total (an enterprise inspected under two
    streets is one unit of the county), so the measure never adds them. `graded`: only the
    graded enterprises' (the risk grade the units table keeps from the registry)."""

    first_day: str  # first_day | first_supervision_day
    graded: bool = False  # supervised units of graded enterprises (plans.inspected)
    splits = False  # answers the whole period itself, or nothing
    additive = False

    @property
    def column(self) -> str:
        if self.graded:
            return "graded_units"
        return "units" if self.first_day == "first_day" else "supervised_units"

    def answers(self, query: Query, dims: tuple[str, ...] = ()) -> bool:
        start, end = query.period.start, query.period.end
        from_new_year = (start.month, start.day) == (1, 1) and end.year == start.year
        return from_new_year and rollup_keeps(query, dims, filters=FILTERS, groups=GROUPS - {"month"})

    def residue(self, query: Query) -> list:
        return []

    def value(self, query: Query) -> int:
        return self.grouped(query, ()).get("", 0)

    def grouped(self, query: Query, dims: tuple[str, ...]) -> dict:
        end = query.period.end
        month = end.replace(day=1)
        answer = {}
        if is_month_end(end) or month.month > 1:  # the whole months before the last (or with it)
            last = end if is_month_end(end) else month - datetime.timedelta(days=1)
            months = _scoped(_grain_for(UNIT_GRAINS, query, dims).model, query)
            months = months.filter(month__gte=query.period.start, month__lte=last)
            answer = _groups(months, dims, "month", v=Sum(self.column))["v"]
        if not is_month_end(end):  # the units first inspected from the 1st of D's month to D
            days = self._units(query).filter(**{f"{self.first_day}__gte": month})
            _add(answer, _groups(days, dims, self.first_day, v=Count("*"))["v"])
        shared = self._units(query).filter(shared=True)
        counts = _groups(
            shared, dims, self.first_day, rows=Count("*"), units=Count("enterprise_id", distinct=True)
        )
        return _add(_add(answer, counts["rows"], -1), counts["units"])

    def _units(self, query: Query):
        by_end = {f"{self.first_day}__lte": query.period.end}
        units = _scoped(InspectedUnit, query).filter(year=query.period.start.year, **by_end)
        return units.exclude(risk_grade="") if self.graded else units

    def adopt(self, key: str) -> None:
        pass
