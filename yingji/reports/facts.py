"""What a report part reads: indicator values of the stats catalog for the report's region and
period, with the same period a year before. Work parts and problem finders are given a Facts
and nothing else, so every number in the summary is a catalog number in the user's scope."""

from decimal import Decimal

from yingji.stats.catalog import CATALOG, Query, Ratio
from yingji.stats.numbers import change, format_percent


class Facts:
    """Indicator values for the period and their year-on-year change, for one slice."""

    def __init__(self, query: Query, before: Query):
        self.query, self.before = query, before

    def value(self, key: str, **filters):
        """The number for the period (a Ratio already rounded as DESIGN.md says, as text)."""
        number = CATALOG[key].value(with_filters(self.query, filters))
        return format_percent(number) if isinstance(CATALOG[key], Ratio) else number

    def raw(self, key: str, **filters):
        return CATALOG[key].value(with_filters(self.query, filters))

    def get(self, key: str, **filters) -> dict:
        """value, previous, change (in words: 上升25%, 下降1起, 持平) and up."""
        now = CATALOG[key].value(with_filters(self.query, filters))
        then = CATALOG[key].value(with_filters(self.before, filters))
        moved = change(now, then)
        return {
            "value": plain_number(now),
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
