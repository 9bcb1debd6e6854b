"""Many numbers of one table counted in one statement: a report asks for a hundred numbers,
most of them raw counts of small tables (cases, meetings, drills…) in the same region, and a
statement each costs more in the ORM than in the database. `count_together` counts those of
one table and scope at once — COUNT(*) FILTER (WHERE …) per number — and remembers each under
the key its measure would (stats.catalog.remember), so the measure's own `value` finds it.

Only numbers of a small table (stats.scale: all of a county's rows are read, as the index of a
big one would not be) that come out the same either way are counted together: a measure without a
rollup whose aggregate and conditions read the table's own columns (a foreign key compared, never
followed: a join could repeat or drop rows) — exactly what stats.compiled can compile alone —
over a scope without DISTINCT. Anything else is left to be counted alone when asked.

The statement is assembled from each number's aggregate and conditions as compiled once per
process (stats.compiled) and the user's scope as the ORM compiles it: building twenty FILTERs
through the ORM for every statement cost more than the database took to count them.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.db import router

from yingji.stats import compiled
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
        scope = (measure.model, getattr(query.user, "pk", None), query.filters.get("region") or None)
        tables[scope][(key, query.key())] = (measure, query)
    statements = 0
    for (model, _user, _within), numbers in tables.items():
        using = router.db_for_read(model)  # where the scope's queryset reads
        together = [(r, m, q, m.conditions(q)) for r, (m, q) in numbers.items()]
        together = [(r, m, q, c) for r, m, q, c in together if not _alone(m, c, using)]
        if len(together) < 2:
            continue
        first, query = together[0][1:3]  # the scope is theirs alike: the table, the user, the region
        values = compiled.counted_in(
            first._compiled_scope(query),
            [(m.model, m.aggregate, conditions) for _, m, _, conditions in together],
        )
        if values is None:  # the scope cannot be read so (DISTINCT, a join that repeats rows)
            continue
        statements += 1
        for (remembered, *_), value in zip(together, values, strict=True):
            remember(remembered, value or 0)
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


def _alone(measure: Measure, conditions: list, using: str) -> bool:
    """A number that must be counted on its own."""
    if measure.rollup is not None or SMALL_TABLES.get(measure.model._meta.label, SMALL_ROWS + 1) > SMALL_ROWS:
        return True  # a big table is read through its indexes, a number at a time
    if not measure.plain_rows:
        return True  # a queryset of its own
    if compiled.aggregate(measure.model, measure.aggregate, using) is None:
        return True  # its own filter, or a join
    return compiled.condition(measure.model, conditions, using) is None  # a join
