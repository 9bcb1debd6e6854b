"""The indicator catalog: one definition per number, used by the API, the dashboard and the
reports alike. Modules add theirs in their own `indicators.py` by calling `register`.

A `Measure` counts or sums the records of one model that fall in the period, inside the
user's jurisdiction (Model.objects.for_user — the one scoping mechanism), narrowed by the
dimensions asked for. A `Ratio` divides two measures and rounds as DESIGN.md says.
"""

import datetime
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Protocol

from django.db.models import F, Q
from django.db.models.aggregates import AggregateFilter
from django.db.models.functions import Substr, TruncMonth
from django.utils import timezone

from yingji.regions.models import CODE_LENGTHS
from yingji.regions.scoping import Jurisdiction
from yingji.stats import compiled
from yingji.stats.numbers import percent
from yingji.stats.periods import Period, months_less_days, whole_months


@dataclass(frozen=True)
class Query:
    user: object
    period: Period
    filters: dict = field(default_factory=dict)  # dimension name -> value; "region" is a code prefix
    as_of: datetime.date | None = None
    cut: datetime.date | None = None  # a part of a question keeps the whole question's cutoff

    def key(self) -> tuple:
        filters = tuple(sorted((k, v) for k, v in self.filters.items() if v not in (None, "")))
        return (
            getattr(self.user, "pk", None),
            self.period.start,
            self.period.end,
            filters,
            self.as_of,
            self.cut,
        )

    @property
    def cutoff(self) -> datetime.date:
        """What was true at the period's end, or at `as_of` when a report is rebuilt later —
        and never later than today: in a period still running, a hazard due next week is not
        overdue yet."""
        if self.cut is not None:
            return self.cut
        return min(self.period.end, self.as_of or timezone.localdate())

    def part(self, period: Period) -> "Query":
        """The same question over part of its period, still counting what was true at its cutoff."""
        return replace(self, period=period, cut=self.cutoff)


class Rollup(Protocol):
    """A pre-aggregated table that answers some questions of a measure exactly and faster.
    It answers whole calendar months; the measure counts the partial months at either end of
    a period (and the `residue` the rollup's grain cannot tell) from the raw records."""

    splits: bool  # the measure counts records by a date inside the period (not a snapshot)
    additive: bool  # its groups add up to its total (a count; not units counted distinct)

    def answers(self, query: Query, dims: tuple[str, ...] = ()) -> bool: ...

    def residue(self, query: Query) -> list["Part"]:
        """The rows of a question it answers that it cannot tell, counted from the records and
        added (e.g. those rectified in the cutoff's month up to a cutoff early in it) or taken
        away (those it counted rectified after a cutoff late in it), each part counted on its
        own (an OR would keep PostgreSQL from reading an index alone)."""

    def value(self, query: Query): ...

    def grouped(self, query: Query, dims: tuple[str, ...]) -> dict: ...

    def adopt(self, key: str) -> None:
        """Told the key of the measure it answers for (register calls it)."""


def rollup_keeps(query: Query, dims: tuple[str, ...], *, filters: set[str], groups: set[str]) -> bool:
    """The question filters and groups only by what a rollup keeps, and its user is not scoped
    to one enterprise (no rollup keeps the enterprise)."""
    asked = {k for k, v in query.filters.items() if v not in (None, "")}
    return asked <= filters and set(dims) <= groups and Jurisdiction.of(query.user).enterprise_id is None


@dataclass(frozen=True)
class Part:
    """A part of a question counted from the records, added to the rollup's part (or taken
    away from it: sign -1); `extra`, the rollup's residue, narrows it."""

    query: Query
    extra: Q = field(default_factory=Q)
    sign: int = 1


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
    rollup: "Rollup | None" = None  # a faster source of the same number, where it can answer

    def url(self, query: Query) -> str | None:
        if self.link is None:
            return None
        params = {k: v for k, v in query.filters.items() if v not in (None, "")}
        return self.link(query) + "".join(f"&{k}={v}" for k, v in params.items())

    def queryset(self, query: Query):
        qs = self._scoped(query)
        for condition in self.conditions(query):
            qs = qs.filter(condition)
        return qs

    @property
    def plain_rows(self) -> bool:
        """Its rows are the user's scope that meet its conditions: not a queryset of its own
        (RegionMeasure's), which neither compiled statements nor counting together can read."""
        return type(self).queryset is Measure.queryset

    def _scoped(self, query: Query):
        """The user's rows (within the region asked for), before any condition."""
        return self.model.objects.for_user(query.user, within=query.filters.get("region") or None)

    def _compiled_scope(self, query: Query):
        """The user's rows compiled to SQL (stats.compiled), once per answer: a card, a page or
        a report counts many numbers in the same scope."""
        # Keyed by the user object itself, kept beside its scope so that its id stays its own
        # (an organisation's viewer has no pk).
        key = ("scope", self.model, type(self)._scoped, id(query.user), query.filters.get("region") or None)
        return _remembered(key, lambda: (query.user, compiled.scope_of(self._scoped(query))))[1]

    def conditions(self, query: Query) -> list[Q]:
        """What a record must meet besides the user's scope: in the period, the measure's own
        condition, each dimension asked for."""
        period, *dimensions = self._slice(query)
        return [period, self.where(query), *dimensions]

    def _slice(self, query: Query) -> list[Q]:
        """In the period and each dimension asked for: the rows the measure counts some of."""
        conditions = [self.in_period(query) if self.in_period else self._range(query.period)]
        for name, value in query.filters.items():
            if value not in (None, "") and name in self.dimensions:
                conditions.append(Q(**{self.dimensions[name]: value}))
        return conditions

    def _range(self, period: Period) -> Q:
        return Q(**{f"{self.date_field}__gte": period.start, f"{self.date_field}__lte": period.end})

    def value(self, query: Query):
        return _remembered((self.key, query.key()), lambda: self._value(query))

    def _value(self, query: Query):
        parts = self._parts(query)
        if parts is None:
            return self._raw(query)
        whole, raw = parts
        total = self._sum_of_groups((rolled(self.key), whole.key()))
        if total is None:
            total = self.rollup.value(whole)
        return total + sum(p.sign * self._raw_counted(p) for p in raw)

    def _sum_of_groups(self, key: tuple):
        """The sum of the groups this answer already counted of what `key` names (the rollup's
        part, a partial month, a residue), or None: a page asks for the region's parts before
        its cards, a chart for its months before its total, and the groups of a count
        partition its rows. Only where the rollup's numbers add up (not units counted distinct)."""
        groups = _recalled_groups(key) if self.rollup.additive else None
        return None if groups is None else sum(groups.values())

    def _raw_counted(self, part: Part):
        """A part counted from the records: a partial month with its siblings (_raw_part), a
        residue alone — or the sum of its groups, when this answer counted them."""
        if part.extra == Q():
            return self._raw_part(part.query)
        key = (self.key, "raw", part.query.key(), part.extra)
        summed = self._sum_of_groups(key)
        return summed if summed is not None else _remembered(key, lambda: self._raw(part.query, part.extra))

    def _raw(self, query: Query, extra: Q | None = None):
        if self.plain_rows:
            where = [*self.conditions(query), *([extra] if extra else [])]
            values = compiled.counted_in(self._compiled_scope(query), [(self.model, self.aggregate, [])], where=where)  # fmt: skip
            if values is not None:  # compiled once per process (stats.compiled)
                return values[0] or 0
        return self.queryset(query).filter(extra or Q()).aggregate(v=self.aggregate())["v"] or 0

    def _raw_part(self, query: Query):
        """A partial month at an end of the period, from the records — and in the same statement
        that part of the measures reading the same rows (found, rectified, major…): one range of
        the day index read once, each number its own FILTER, remembered for when it is asked."""
        memory = _answers.get()
        if memory is None or not self._same_rows(self):
            return self._raw(query)
        key = (self.key, "part", query.key())
        if key not in memory:
            summed = self._sum_of_groups(key)
            if summed is not None:
                return summed
            memory.update(self._count_parts(query, self._siblings()))
        return memory[key]

    def _siblings(self) -> list:
        """The measures whose partial months read the rows this one's read (itself among them)."""
        return [m for m in CATALOG.values() if self._same_rows(m)]

    def _sliced(self, query: Query):
        """The user's rows in the period and each dimension asked for, before the measure's own
        condition: the rows its siblings count some of."""
        rows = self._scoped(query)
        for condition in self._slice(query):
            rows = rows.filter(condition)
        return rows

    def _same_rows(self, other) -> bool:
        """A measure whose partial months read the rows this one reads, counting some of them."""
        return (
            isinstance(other, Measure)
            and other.rollup is not None
            and other.rollup.splits  # a rollup that answers whole periods never reads a partial month
            and (other.model, other.date_field, other.month_field, other.region_field, other.dimensions)
            == (self.model, self.date_field, self.month_field, self.region_field, self.dimensions)
            and other.in_period is None
            and self.in_period is None
            and other.aggregate().filter is None
        )

    def counting(self, condition: Q):
        """The measure's aggregate over the rows that meet `condition` (a FILTER), to be counted
        beside other numbers in one statement."""
        aggregate = self.aggregate().copy()
        aggregate.filter = AggregateFilter(condition)
        return aggregate

    def _count_parts(self, query: Query, measures: list) -> dict:
        numbers = [(m.model, m.aggregate, [m.where(query)]) for m in measures]
        values = compiled.counted_in(self._compiled_scope(query), numbers, where=self._slice(query))
        if values is None:
            counted = self._sliced(query).aggregate(
                **{f"n{n}": m.counting(m.where(query)) for n, m in enumerate(measures)}
            )
            values = [counted[f"n{n}"] for n in range(len(measures))]
        return {(m.key, "part", query.key()): value or 0 for m, value in zip(measures, values, strict=True)}

    def _parts(self, query: Query, dims: tuple[str, ...] = ()):
        """The question as the part its rollup answers (its whole months) and the parts counted
        from the records (the partial months at either end, the rollup's residue, each added;
        the days after a period ending late in its month or today, taken away:
        months_less_days); None when the rollup answers none of it."""
        if self.rollup is None:
            return None
        if not self.rollup.splits:  # a snapshot at the cutoff: the period's months do not matter
            return self._split(query, dims, query, [], [])
        if self.rollup.additive:
            middle, ends, taken = months_less_days(query.period, today=timezone.localdate())
            if taken and (parts := self._split(query, dims, query.part(middle), ends, taken)):
                return parts
        middle, ends = whole_months(query.period)
        if middle is None:
            return None
        return self._split(query, dims, query.part(middle) if ends else query, ends, [])

    def _split(self, query: Query, dims: tuple, whole: Query, ends: list, taken: list):
        if not self.rollup.answers(whole, dims):
            return None
        raw = [Part(query.part(end)) for end in ends]
        raw += [Part(query.part(days), sign=-1) for days in taken]
        raw += self.rollup.residue(whole)
        return whole, raw

    def grouped(self, query: Query, *dims: str) -> dict:
        """Values by group; with two dimensions the key is "street|industry"."""
        return _remembered((self.key, query.key(), dims), lambda: self._grouped(query, dims))

    def _grouped(self, query: Query, dims: tuple[str, ...]) -> dict:
        parts = self._parts(query, dims)
        if parts is None:
            return self._raw_grouped(query, dims)
        whole, raw = parts
        answer = dict(
            _remembered((rolled(self.key), whole.key(), dims), lambda: self.rollup.grouped(whole, dims))
        )
        for part in raw:
            counted = self._raw_part_grouped(part.query, dims) if part.extra == Q() else None
            if counted is None:
                key = (self.key, "raw", part.query.key(), part.extra, dims)
                counted = _remembered(key, lambda p=part: self._raw_grouped(p.query, dims, p.extra))
            for group, value in counted.items():
                answer[group] = answer.get(group, 0) + part.sign * value
                if part.sign < 0 and not answer[group]:  # only the days taken away had any
                    del answer[group]
        return answer

    def _raw_part_grouped(self, query: Query, dims: tuple[str, ...]) -> dict | None:
        """A partial month's groups, as _raw_part its number: by month, the one month's number
        (the card beside it counted it); by region or industry, in one statement with the
        groups of the measures reading the same rows, remembered. None: counted alone."""
        memory = _answers.get()
        if memory is None or not self._same_rows(self):
            return None
        start, end = query.period.start, query.period.end
        if dims == ("month",) and (start.year, start.month) == (end.year, end.month):
            value = self._raw_part(query)
            return {_group_part(start): value} if value else {}
        key = (self.key, "part", query.key(), dims)
        if key not in memory:
            measures = self._siblings()
            counts = {m.key: m.counting(m.where(query)) for m in measures}
            answers = grouped_values_many(self._sliced(query), dims, self._fields, self.month_field or self.date_field, counts)  # fmt: skip
            for m in measures:
                memory[(m.key, "part", query.key(), dims)] = {k: v for k, v in answers[m.key].items() if v}
        return memory[key]

    def _raw_grouped(self, query: Query, dims: tuple[str, ...], extra: Q | None = None) -> dict:
        qs = self.queryset(query).filter(extra or Q())
        return grouped_values(qs, dims, self._fields, self.month_field or self.date_field, self.aggregate())

    @property
    def _fields(self) -> "GroupFields":
        return GroupFields(self.region_field, self.dimensions.get("industry", "industry"))


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

    def grouped(self, query: Query, *dims: str) -> dict:
        top = CATALOG[self.numerator].grouped(query, *dims)
        bottom = CATALOG[self.denominator].grouped(query, *dims)
        return {k: percent(top.get(k, 0), v) for k, v in bottom.items()}


# Region groups cut the code to the level's length (GB/T 2260 and the NBS street codes).
REGION_GROUPS = {level: n for n, level in CODE_LENGTHS.items() if level in ("city", "county", "street")}
GROUPS = (*REGION_GROUPS, "industry", "month")
MAX_GROUP_DIMENSIONS = 2


# Within one answer (an API call, a report, a page) a number asked twice is computed once:
# a rate asks again for the counts shown beside it, a report for the figures of each section.
_answers: ContextVar[dict | None] = ContextVar("stats_answers", default=None)


@contextmanager
def remembering():
    """Remember the numbers computed inside the block (nested blocks share the outer memory)."""
    if _answers.get() is not None:
        yield
        return
    token = _answers.set({})
    try:
        yield
    finally:
        _answers.reset(token)


def remembers() -> bool:
    """Inside a block that remembers its numbers."""
    return _answers.get() is not None


def remember(key: tuple, value) -> None:
    """Keep a number computed beside another (one query answering two measures)."""
    memory = _answers.get()
    if memory is not None:
        memory.setdefault(key, value)


def _remembered(key: tuple, compute: Callable):
    memory = _answers.get()
    if memory is None:
        return compute()
    if key not in memory:
        memory[key] = compute()
    return memory[key]


def rolled(key: str) -> str:
    """Where the part of a measure's answer its rollup gave is remembered (the raw parts added
    to it are not in it)."""
    return f"{key}@rollup"


def _recalled_groups(prefix: tuple) -> dict | None:
    """Groups this answer counted of what `prefix` names (the key its number is remembered
    under, which the groups' keys extend by their dimensions), by any dimensions."""
    memory = _answers.get() or {}
    width = len(prefix)
    return next((v for k, v in memory.items() if len(k) == width + 1 and k[:width] == prefix), None)


@dataclass(frozen=True)
class GroupFields:
    region: str
    industry: str


def grouped_values(qs, dims: tuple[str, ...], fields: GroupFields, month_field: str, aggregate) -> dict:
    return grouped_values_many(qs, dims, fields, month_field, {"v": aggregate})["v"]


def grouped_values_many(
    qs, dims: tuple[str, ...], fields: GroupFields, month_field: str, aggregates: dict
) -> dict:
    """{name: {group key: value}} for several aggregates of the same rows, in one statement."""
    keys = {f"g{i}": _group_expression(dim, fields, month_field) for i, dim in enumerate(dims)}
    names = {f"a{i}": name for i, name in enumerate(aggregates)}
    rows = (
        qs.order_by()
        .values(**keys)
        .annotate(**{a: aggregates[n] for a, n in names.items()})
        .values_list(*keys, *names)
    )
    answers = {name: {} for name in aggregates}
    columns = [answers[name] for name in names.values()]
    width = len(dims)
    for row in rows:  # tuples, each key made once: a county's street × industry is 700 groups
        key = "|".join(map(_group_part, row[:width]))
        for column, value in zip(columns, row[width:], strict=True):
            column[key] = value or 0
    return answers


def _group_expression(dim: str, fields: GroupFields, month_field: str):
    if dim in REGION_GROUPS:
        return Substr(fields.region, 1, REGION_GROUPS[dim])
    if dim == "industry":
        return F(fields.industry)
    return TruncMonth(month_field)


def _group_part(value) -> str:
    return value.strftime("%Y-%m") if isinstance(value, datetime.date) else str(value)


CATALOG: dict[str, Measure | Ratio] = {}


def register(*indicators: Measure | Ratio) -> None:
    for indicator in indicators:
        CATALOG[indicator.key] = indicator
        if getattr(indicator, "rollup", None):
            indicator.rollup.adopt(indicator.key)
