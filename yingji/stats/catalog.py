"""The indicator catalog: one definition per number, used by the API, the dashboard and the
reports alike. Modules add theirs in their own `indicators.py` by calling `register`.

A `Measure` counts or sums the records of one model that fall in the period, inside the
user's jurisdiction (Model.objects.for_user — the one scoping mechanism), narrowed by the
dimensions asked for. A `Ratio` divides two measures and rounds as DESIGN.md says.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import F, Q
from django.db.models.functions import Substr, TruncMonth

from yingji.stats.numbers import percent
from yingji.stats.periods import Period


@dataclass(frozen=True)
class Query:
    user: object
    period: Period
    filters: dict = field(default_factory=dict)  # dimension name -> value; "region" is a code prefix
    as_of: datetime.date | None = None

    @property
    def cutoff(self) -> datetime.date:
        """What was true at the period's end, or at `as_of` when a report is rebuilt later."""
        return min(self.period.end, self.as_of) if self.as_of else self.period.end


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    unit: str
    model: type
    date_field: str
    aggregate: Callable[[], object]  # e.g. lambda: Count("id")
    where: Callable[[Query], Q] = lambda q: Q()
    in_period: Callable[[Query], Q] | None = None  # default: date_field within the period
    dimensions: dict[str, str] = field(default_factory=dict)  # filter name -> ORM lookup
    region_field: str = "region_id"
    month_field: str | None = None  # what a month group truncates, when not the date field
    description: str = ""
    link: Callable[[Query], str] | None = None  # the list of the records behind the number

    def url(self, query: Query) -> str | None:
        if self.link is None:
            return None
        params = {k: v for k, v in query.filters.items() if v not in (None, "")}
        return self.link(query) + "".join(f"&{k}={v}" for k, v in params.items())

    def queryset(self, query: Query):
        qs = self.model.objects.for_user(query.user)
        qs = qs.filter(self.in_period(query) if self.in_period else self._range(query.period))
        qs = qs.filter(self.where(query))
        for name, value in query.filters.items():
            if value in (None, ""):
                continue
            if name == "region":
                qs = qs.in_region(value)
            elif name in self.dimensions:
                qs = qs.filter(**{self.dimensions[name]: value})
        return qs

    def _range(self, period: Period) -> Q:
        return Q(**{f"{self.date_field}__gte": period.start, f"{self.date_field}__lte": period.end})

    def value(self, query: Query):
        return self.queryset(query).aggregate(v=self.aggregate())["v"] or 0

    def grouped(self, query: Query, group_by: str) -> dict:
        key = _group_expression(self, group_by)
        rows = self.queryset(query).order_by().values(g=key).annotate(v=self.aggregate())
        return {_group_key(row["g"]): row["v"] or 0 for row in rows}


@dataclass(frozen=True)
class Ratio:
    key: str
    label: str
    numerator: str
    denominator: str
    unit: str = "%"
    description: str = ""

    @property
    def dimensions(self) -> dict:
        return CATALOG[self.numerator].dimensions

    def url(self, query: Query) -> str | None:
        return CATALOG[self.numerator].url(query)

    def value(self, query: Query) -> Decimal | None:
        return percent(CATALOG[self.numerator].value(query), CATALOG[self.denominator].value(query))

    def grouped(self, query: Query, group_by: str) -> dict:
        top = CATALOG[self.numerator].grouped(query, group_by)
        bottom = CATALOG[self.denominator].grouped(query, group_by)
        return {k: percent(top.get(k, 0), v) for k, v in bottom.items()}


GROUPS = ("street", "industry", "month")


def _group_expression(measure: Measure, group_by: str):
    if group_by == "street":
        return Substr(measure.region_field, 1, 9)
    if group_by == "industry":
        return F(measure.dimensions.get("industry", "industry"))
    return TruncMonth(measure.month_field or measure.date_field)


def _group_key(value) -> str:
    return value.strftime("%Y-%m") if isinstance(value, datetime.date) else str(value)


CATALOG: dict[str, Measure | Ratio] = {}


def register(*indicators: Measure | Ratio) -> None:
    for indicator in indicators:
        CATALOG[indicator.key] = indicator
