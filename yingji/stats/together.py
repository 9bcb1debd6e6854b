"""Many numbers of one table counted in one statement: a report asks for a hundred numbers,
most of them raw counts of small tables (cases, meetings, drills…) in the same region, and a
statement each costs more in the ORM than in the database. `count_together` counts those of
one table and scope at once — COUNT(*) FILTER (WHERE …) per number — and remembers each under
the key its measure would (stats.catalog.remember), so the measure's own `value` finds it.

Only numbers of a small table (stats.scale: all of a county's rows are read, as the index of a
big one would not be) that come out the same either way are counted together: a measure without a
rollup, whose conditions read the table's own columns (a foreign key compared, never followed:
a join could repeat or drop rows), with a plain aggregate, over a scope without DISTINCT.
Anything else is left to be counted alone when asked.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.db.models.constants import LOOKUP_SEP

from yingji.stats.catalog import CATALOG, Measure, Query, Ratio, remember, remembers
from yingji.stats.scale import SMALL_ROWS, SMALL_TABLES


def count_together(asked: Iterable[tuple[str, Query]]) -> int:
    """Count the raw measures among (key, query) in one statement per table and scope, and
    remember them for the answer being built; how many statements it took. Outside an answer
    (stats.catalog.remembering) nothing would be remembered: it counts nothing."""
    if not remembers():
        return 0
    tables = defaultdict(dict)
    for key, query in _measures(asked):
        measure = CATALOG[key]
        if _alone(measure, query):
            continue
        scope = (measure.model, getattr(query.user, "pk", None), query.filters.get("region") or None)
        tables[scope][(key, query.key())] = (measure, query)
    statements = 0
    for (model, _user, within), numbers in tables.items():
        if len(numbers) < 2:
            continue
        user = next(iter(numbers.values()))[1].user
        base = model.objects.for_user(user, within=within)
        if base.query.distinct:
            continue
        names = {f"n{i}": remembered for i, remembered in enumerate(numbers)}
        values = base.aggregate(**{n: _filtered(*numbers[r]) for n, r in names.items()})
        statements += 1
        for name, remembered in names.items():
            remember(remembered, values[name] or 0)
    return statements


def _measures(asked: Iterable[tuple[str, Query]]):
    """The measures behind the keys (a ratio's two), each question once."""
    seen = set()
    for key, query in asked:
        indicator = CATALOG.get(key)
        keys = [indicator.numerator, indicator.denominator] if isinstance(indicator, Ratio) else [key]
        for k in keys:
            if (k, query.key()) not in seen and isinstance(CATALOG.get(k), Measure):
                seen.add((k, query.key()))
                yield k, query


def _alone(measure: Measure, query: Query) -> bool:
    """A number that must be counted on its own."""
    if measure.rollup is not None or SMALL_TABLES.get(measure.model._meta.label, SMALL_ROWS + 1) > SMALL_ROWS:
        return True  # a big table is read through its indexes, a number at a time
    aggregate = measure.aggregate()
    if aggregate.filter is not None or not all(
        _own_expression(e, measure.model) for e in _sources(aggregate)
    ):
        return True
    return not all(_own_columns(q, measure.model) for q in measure.conditions(query))


def _filtered(measure: Measure, query: Query):
    condition = Q()
    for q in measure.conditions(query):
        condition &= q
    return measure.counting(condition)


def _sources(aggregate) -> list:
    return [e for e in aggregate.get_source_expressions() if e is not None]


def _own_expression(expression, model) -> bool:
    name = getattr(expression, "name", None)
    if name is not None:  # F("funds"), F("enterprise")
        return _own_path(name, model, value=None)
    if type(expression).__name__ == "Star":
        return True
    children = _sources(expression)
    return bool(children) and all(_own_expression(e, model) for e in children)


def _own_columns(q: Q, model) -> bool:
    for child in q.children:
        if isinstance(child, Q):
            if not _own_columns(child, model):
                return False
        elif not _own_path(child[0], model, value=child[1]):
            return False
    return True


def _own_path(path: str, model, value) -> bool:
    """The lookup reads a column of the table itself (a value, not a subquery or expression)."""
    if hasattr(value, "resolve_expression"):
        return False
    first, *rest = path.split(LOOKUP_SEP)
    try:
        field = model._meta.get_field(first)
    except FieldDoesNotExist:
        return False
    if not field.is_relation:
        return True
    if not (field.many_to_one or field.one_to_one) or not field.concrete:
        return False
    # A foreign key compared (enterprise=…, region__startswith=…), not followed (enterprise__name).
    return all(field.get_lookup(part) is not None for part in rest) and len(rest) <= 1
