"""What a report part reads: indicator values of the stats catalog for the report's region and
period, with the same period a year before. Work parts and problem finders are given a Facts
and nothing else, so every number in the summary is a catalog number in the user's scope."""

import datetime
from decimal import Decimal

from yingji.stats.catalog import CATALOG, Query, Ratio
from yingji.stats.numbers import change, format_percent
from yingji.stats.together import count_together


class SourcedInt(int):
    """A number that remembers the indicator and filters it came from, so the report can link
    it to the records behind it; `wording.plain` turns it back into a plain int."""

    source: tuple[str, dict]


class SourcedDecimal(Decimal):
    source: tuple[str, dict]


class SourcedStr(str):
    source: tuple[str, dict]


def sourced(value, key: str, filters: dict):
    kind = {int: SourcedInt, Decimal: SourcedDecimal, str: SourcedStr}.get(type(value))
    if kind is None:
        return value
    tagged = kind(value)
    tagged.source = (key, dict(filters))
    return tagged


def source_of(value) -> tuple[str, dict] | None:
    return getattr(value, "source", None)


# The numbers each kind of report asked for when last built, by key and slice, and for which of
# the two periods: counted together before it is built again (stats.together). A shape, never a
# value: a number asked that was not learned is counted alone; one learned and not asked costs
# a column of a statement.
_ASKED: dict[str, frozenset] = {}


class Facts:
    """Indicator values for the period and their year-on-year change, for one slice."""

    def __init__(self, query: Query, before: Query):
        self.query, self.before = query, before
        self.asked: set[tuple[str, tuple, bool]] = set()

    def count_together(self, shape: str) -> None:
        """Count what this kind of report asked for last time, in few statements."""
        count_together(
            (key, with_filters(self.before if before else self.query, dict(filters)))
            for key, filters, before in _ASKED.get(shape, ())
        )

    def learn(self, shape: str) -> None:
        _ASKED[shape] = frozenset(self.asked)

    def _ask(self, key: str, filters: dict, *, before: bool = False) -> None:
        self.asked.add((key, tuple(sorted(filters.items())), before))

    def value(self, key: str, **filters):
        """The number for the period (a Ratio already rounded as DESIGN.md says, as text)."""
        self._ask(key, filters)
        number = CATALOG[key].value(with_filters(self.query, filters))
        number = format_percent(number) if isinstance(CATALOG[key], Ratio) else plain_number(number)
        return sourced(number, key, filters)

    __call__ = value  # work parts are handed the Facts as their `value(key, **filters)`

    def records(self, key: str, **filters):
        """The records behind a measure (in the user's scope, the period and the slice)."""
        return CATALOG[key].queryset(with_filters(self.query, filters))

    def raw(self, key: str, **filters):
        self._ask(key, filters)
        return CATALOG[key].value(with_filters(self.query, filters))

    def url(self, key: str, filters: dict) -> str | None:
        """The list of the records behind a number of this report."""
        return CATALOG[key].url(with_filters(self.query, filters))

    def get(self, key: str, **filters) -> dict:
        """value, previous, change (in words: 上升25%, 下降1起, 持平) and up."""
        self._ask(key, filters)
        self._ask(key, filters, before=True)
        now = CATALOG[key].value(with_filters(self.query, filters))
        then = CATALOG[key].value(with_filters(self.before, filters))
        moved = change(now, then)
        return {
            "value": sourced(plain_number(now), key, filters),
            "previous": plain_number(then),
            "change": moved.text(CATALOG[key].unit),
            "up": now > then,
            "down": now < then,
        }

    def grouped(self, key: str, dimension: str, **filters) -> dict:
        return CATALOG[key].grouped(with_filters(self.query, filters), dimension)

    def has(self, key: str) -> bool:
        return key in CATALOG


def with_filters(query: Query, filters: dict) -> Query:
    return Query(user=query.user, period=query.period, filters=query.filters | filters, as_of=query.as_of)


def plain_number(value):
    return value.normalize() if isinstance(value, Decimal) else value


def as_of_label(day: datetime.date) -> str:
    """截至6月底 on a month's last day, else 截至6月15日."""
    if (day + datetime.timedelta(days=1)).day == 1:
        return f"截至{day.month}月底"
    return f"截至{day.month}月{day.day}日"
