"""The month-grain rollups of hazards and the statistics they answer.

At province scale (10 million hazards) counting the raw table for every county and month is
too slow for a dashboard; a street × industry × level × found month × rectified month table
answers the same questions exactly from a quarter of the rows, the same by county from a
twentieth, and by county alone (all industries and levels) from a two-hundredth. "Rectified by the period's
end" stays exact because the month of rectification is part of the key: a hazard rectified
months after it was found moves from the NOT_RECTIFIED row to its month's row. Each row also
sums its hazards' rectification funds (整改资金), in fen so that SQLite adds them exactly: the
funds spent in a period are those of the rows rectified in its months.

The table is kept current by triggers in the database, in the same transaction as the write,
whatever writes (services, the ledger's COPY, the demo's bulk inserts, a manual UPDATE):
PostgreSQL sums each statement's transition tables once; SQLite adjusts row by row.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal

from django.db import connection
from django.db.models import Q, Sum
from django.utils import timezone

from yingji.core.sql import OPS, month_start, statement_trigger
from yingji.hazards.choices import HazardLevel
from yingji.hazards.models import (
    HazardCityTotal,
    HazardClosedCounty,
    HazardClosedMonth,
    HazardClosedTotal,
    HazardCountyMonth,
    HazardCountyTotal,
    HazardDeadlineCity,
    HazardDeadlineCounty,
    HazardDeadlineMonth,
    HazardDeadlineStreet,
    HazardDeadlineTotal,
    HazardListedCounty,
    HazardListedMonth,
    HazardMajorCity,
    HazardMajorCounty,
    HazardMonth,
    HazardStreetTotal,
)
from yingji.stats import grains as needed
from yingji.stats.catalog import GroupFields, Part, Query, grouped_values_many, remember, rolled, rollup_keeps
from yingji.stats.periods import is_month_end, late_in_month, month_end

NOT_RECTIFIED = HazardMonth.NOT_RECTIFIED.isoformat()
FEN = Decimal("0.01")


@dataclass(frozen=True)
class Grain:
    model: type
    code_length: int | None  # the region code kept: the street's whole, or its county's first 6
    detailed: bool = True  # keeps industry and level; without, both are left empty
    levels: bool = False  # keeps the level though not the industry (one level's own rollup)
    by: str = "found_at"  # the date whose month keys a row, beside the month of `then`
    only: str = ""  # which hazards it counts besides the uncancelled: "deadline IS NOT NULL"
    then: str = "rectified_at"  # the later date whose month is the key's last part (or closed_at)
    funds: bool = True  # its table has the funds column, funds_fen (not before migration 0018)

    @property
    def table(self) -> str:
        return self.model._meta.db_table

    @property
    def month(self) -> str:
        return {"found_at": "found_month", "deadline": "deadline_month", "listed_on": "listed_month"}[self.by]

    @property
    def then_month(self) -> str:
        return {"rectified_at": "rectified_month", "closed_at": "closed_month"}[self.then]

    @property
    def family(self) -> tuple[str, str]:
        return (self.by, self.then)

    @property
    def key(self) -> str:
        return f"{self.month}, region_code, industry, level, {self.then_month}"

    @property
    def sums(self) -> str:
        """The columns a row adds up."""
        return "hazards, funds_fen" if self.funds else "hazards"

    def counted(self, row: str = "") -> str:
        return f"{row}status <> 'cancelled'" + (f" AND {row}{self.only}" if self.only else "")

    def region(self, row: str = "") -> str:
        column = f"{row}region_code"
        return f"substr({column}, 1, {self.code_length})" if self.code_length else column

    def industry(self, row: str = "") -> str:
        return f"{row}industry" if self.detailed else "''"

    def level(self, row: str = "") -> str:
        return f"{row}level" if self.detailed or self.levels else "''"


DUE = "deadline IS NOT NULL"
LISTED = "listed_on IS NOT NULL"
MAJOR = f"level = '{HazardLevel.MAJOR.value}'"
GRAINS = (
    Grain(HazardMonth, None),
    Grain(HazardStreetTotal, None, detailed=False),
    Grain(HazardCountyMonth, 6),
    Grain(HazardCountyTotal, 6, detailed=False),
    Grain(HazardCityTotal, 4, detailed=False),
    Grain(HazardMajorCounty, 6, detailed=False, levels=True, only=MAJOR),
    Grain(HazardMajorCity, 4, detailed=False, levels=True, only=MAJOR),
    # By the month due: overdue on any day (OverdueRollup). The first of a family is counted
    # from the hazards by rebuild(), the others from it.
    Grain(HazardDeadlineMonth, None, by="deadline", only=DUE),
    Grain(HazardDeadlineStreet, None, detailed=False, by="deadline", only=DUE),
    Grain(HazardDeadlineCounty, 6, by="deadline", only=DUE),
    Grain(HazardDeadlineTotal, 6, detailed=False, by="deadline", only=DUE),
    Grain(HazardDeadlineCity, 4, detailed=False, by="deadline", only=DUE),
    # By the month closed (销号): found and closed by a day.
    Grain(HazardClosedMonth, None, then="closed_at"),
    Grain(HazardClosedCounty, 6, then="closed_at"),
    Grain(HazardClosedTotal, 6, detailed=False, then="closed_at"),
    # By the month listed for supervision (挂牌督办): a hundredth of the hazards.
    Grain(HazardListedMonth, None, by="listed_on", only=LISTED),
    Grain(HazardListedCounty, 6, detailed=False, by="listed_on", only=LISTED),
)


def _fen(row: str = "") -> str:
    """A hazard's funds in fen (分), on both databases."""
    return f"CAST(round(COALESCE({row}funds, 0) * 100) AS BIGINT)"


def _made() -> list[Grain]:
    """The rollups whose tables exist: an earlier migration installs the triggers for those
    made so far, and the migration that makes another installs them again."""
    tables = set(connection.introspection.table_names())
    made = [grain for grain in GRAINS if grain.table in tables]
    return [replace(grain, funds=_has_funds(grain)) for grain in made]


def _has_funds(grain: Grain) -> bool:
    with connection.cursor() as cursor:
        columns = connection.introspection.get_table_description(cursor, grain.table)
    return any(column.name == "funds_fen" for column in columns)


# ---- PostgreSQL: statement-level triggers over the transition tables ----


def _pg_rows(grain: Grain, rows: str, sign: int) -> str:
    return f"""
        SELECT {grain.region()} AS region_code, {grain.industry()} AS industry, {grain.level()} AS level,
               date_trunc('month', {grain.by})::date AS {grain.month},
               COALESCE(date_trunc('month', {grain.then})::date, DATE '{NOT_RECTIFIED}') AS {grain.then_month},
               {sign} AS d, {sign} * {_fen()} AS f
        FROM {rows} WHERE {grain.counted()}"""


def _pg_apply(grain: Grain, op: str) -> str:
    delta = {
        "insert": _pg_rows(grain, "new_rows", 1),
        "delete": _pg_rows(grain, "old_rows", -1),
        "update": _pg_rows(grain, "old_rows", -1) + " UNION ALL " + _pg_rows(grain, "new_rows", 1),
    }[op]
    sums, changed, add = "sum(d)", "sum(d) <> 0", "hazards = m.hazards + EXCLUDED.hazards"
    if grain.funds:
        sums, changed = "sum(d), sum(f)", "sum(d) <> 0 OR sum(f) <> 0"
        add += ", funds_fen = m.funds_fen + EXCLUDED.funds_fen"
    # Ordered so that concurrent writers lock the rollup rows in the same order (no deadlock).
    return f"""
        INSERT INTO {grain.table} AS m ({grain.key}, {grain.sums})
        SELECT {grain.key}, {sums} FROM ({delta}) AS delta
        GROUP BY {grain.key} HAVING {changed} ORDER BY {grain.key}
        ON CONFLICT ({grain.key}) DO UPDATE SET {add};"""


def _postgresql_install(grains: list[Grain]) -> list[str]:
    statements = []
    for op in OPS:
        body = "".join(_pg_apply(grain, op) for grain in grains)
        statements += statement_trigger("hazard_month", "hazards_hazard", op, body)
    return statements


# ---- SQLite: row-level triggers ----


def _sqlite_add(grains: list[Grain], row: str, sign: int) -> str:
    return "".join(_sqlite_add_one(grain, row, sign) for grain in grains)


def _sqlite_add_one(grain: Grain, row: str, sign: int) -> str:
    values, add = f"{sign}", "hazards = hazards + excluded.hazards"
    if grain.funds:
        values += f", {sign} * {_fen(row + '.')}"
        add += ", funds_fen = funds_fen + excluded.funds_fen"
    return f"""INSERT INTO {grain.table} ({grain.key}, {grain.sums})
        SELECT strftime('%Y-%m-01', {row}.{grain.by}), {grain.region(row + ".")},
               {grain.industry(row + ".")}, {grain.level(row + ".")},
               COALESCE(strftime('%Y-%m-01', {row}.{grain.then}), '{NOT_RECTIFIED}'), {values}
        WHERE {grain.counted(row + ".")}
        ON CONFLICT ({grain.key}) DO UPDATE SET {add};"""


_COUNTED = (
    "region_code",
    "industry",
    "level",
    "found_at",
    "rectified_at",
    "deadline",
    "closed_at",
    "listed_on",
    "funds",
)


def _sqlite_install(grains: list[Grain]) -> list[str]:
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in _COUNTED)
    changed += " OR (OLD.status = 'cancelled') IS NOT (NEW.status = 'cancelled')"

    def add(row: str, sign: int) -> str:
        return _sqlite_add(grains, row, sign)

    return [
        "DROP TRIGGER IF EXISTS hazard_month_insert",
        "DROP TRIGGER IF EXISTS hazard_month_delete",
        "DROP TRIGGER IF EXISTS hazard_month_update",
        f"CREATE TRIGGER hazard_month_insert AFTER INSERT ON hazards_hazard BEGIN {add('NEW', 1)} END",
        f"CREATE TRIGGER hazard_month_delete AFTER DELETE ON hazards_hazard BEGIN {add('OLD', -1)} END",
        f"""CREATE TRIGGER hazard_month_update AFTER UPDATE ON hazards_hazard WHEN {changed}
            BEGIN {add("OLD", -1)} {add("NEW", 1)} END""",
    ]


def install(*, count: bool = True) -> None:
    """Create the triggers and (for the migration that makes the rollups) count what is there."""
    grains = _made()
    install_sql = _postgresql_install if connection.vendor == "postgresql" else _sqlite_install
    statements = install_sql(grains)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    if count:
        rebuild()


def keep_triggers(sender, using: str = "default", **kwargs) -> None:
    """After every migrate, the triggers cover the rollups there are: SQLite remakes a table to
    alter it and drops its triggers with it, and migrating back drops a rollup the triggers
    still write to. Creating them again is idempotent; the counts stay right, as nothing was
    written between."""
    tables = set(connection.introspection.table_names())
    if using == connection.alias and {"hazards_hazard", GRAINS[0].table} <= tables:
        install(count=False)


def uninstall() -> None:
    with connection.cursor() as cursor:
        for op in OPS:
            cursor.execute(f"DROP TRIGGER IF EXISTS hazard_month_{op}" + _on_table())
            if connection.vendor == "postgresql":
                cursor.execute(f"DROP FUNCTION IF EXISTS hazard_month_{op}()")


def _on_table() -> str:
    return " ON hazards_hazard" if connection.vendor == "postgresql" else ""


def rebuild() -> None:
    """Count the rollups afresh (after a bulk load with triggers off): the first of each family
    from the raw table, each coarser one from it. Rows are written in region order, so that one
    county's rows lie together on disk."""
    grains = _made()
    with connection.cursor() as cursor:
        for grain in grains:  # TRUNCATE on PostgreSQL: new rows go to fresh pages, in order
            empty = "TRUNCATE" if connection.vendor == "postgresql" else "DELETE FROM"
            cursor.execute(f"{empty} {grain.table}")
        for family in dict.fromkeys(grain.family for grain in grains):
            _count_family(cursor, [g for g in grains if g.family == family])
        _analyze(cursor, grains)


def _count_family(cursor, family: list[Grain]) -> None:
    """The first (finest) rollup of a family from the hazards, each coarser one from it."""
    first, *coarser = family
    then = f"COALESCE({month_start(first.then)}, '{NOT_RECTIFIED}')"
    cursor.execute(
        f"""INSERT INTO {first.table} ({first.key}, {first.sums})
            SELECT {month_start(first.by)}, region_code, industry, level, {then}, count(*)
                   {f", sum({_fen()})" if first.funds else ""}
            FROM hazards_hazard WHERE {first.counted()}
            GROUP BY 1, 2, 3, 4, 5 ORDER BY 2, 1"""
    )
    for grain in coarser:
        _count_from(cursor, first, grain)


def _analyze(cursor, grains: list[Grain]) -> None:
    if connection.vendor == "postgresql":
        for grain in grains:  # fresh statistics, or the planner guesses one row
            cursor.execute(f"ANALYZE {grain.table}")


def count_family(by: str) -> None:
    """Count a family of rollups a migration adds (the listed, say) from the hazards; the
    other families stay as they are, where rebuild() would count them all."""
    family = [g for g in _made() if g.by == by]
    with connection.cursor() as cursor:
        _count_family(cursor, family)
        _analyze(cursor, family)


def count_new(model) -> None:
    """Count a coarser rollup a migration adds, from the first of its family (kept by the
    triggers already): the others stay as they are, where rebuild() would count them all."""
    grains = _made()
    grain = next(g for g in grains if g.model is model)
    first = next(g for g in grains if g.family == grain.family)
    with connection.cursor() as cursor:
        _count_from(cursor, first, grain)
        _analyze(cursor, [grain])


def _count_from(cursor, first: Grain, grain: Grain) -> None:
    narrower = f"WHERE {grain.only}" if grain.only != first.only else ""  # one level's, say
    cursor.execute(
        f"""INSERT INTO {grain.table} ({grain.key}, {grain.sums})
            SELECT {grain.month}, {grain.region()}, {grain.industry()}, {grain.level()},
                   {grain.then_month}, sum(hazards){", sum(funds_fen)" if grain.funds else ""}
            FROM {first.table} {narrower} GROUP BY 1, 2, 3, 4, 5 ORDER BY 2, 1"""
    )


# ---- answering statistics ----

ROLLUP_FILTERS = {"region", "industry", "level"}
ROLLUP_GROUPS = {"city", "county", "street", "industry", "month"}


def _first_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def _whole_months(start: datetime.date, end: datetime.date) -> bool:
    return start.day == 1 and is_month_end(end)


@dataclass(frozen=True)
class HazardMonthRollup:
    """Answers a hazard count from a rollup when the question fits its grain: whole months,
    no later `as_of` cut, dimensions it keeps, and a user scoped by region (and industry).
    Questions about a county or wider read the county rollup, the rest the street one."""

    where: Callable[[Query], Q] = lambda q: Q()
    level: str | None = None  # hazards of one level only (major): read through the level index
    in_period: Callable[[Query], Q] = lambda q: Q(
        found_month__gte=q.period.start, found_month__lte=q.period.end
    )
    splits: bool = True  # counts hazards by the day found: a partial month is counted raw
    additive = True
    by_rectified: bool = False  # the where clause cuts at the day of `then` (rectified_by_end)
    by: str = "found_at"  # the rollups it reads: by the month found, or listed_on
    then: str = "rectified_at"  # and by the month rectified, or closed_at
    month: str = "found_month"  # what a group by month reads: the month its period counts by
    column: str = "hazards"  # what it sums: the hazards, or their rectification funds (funds_fen)

    def residue(self, query: Query) -> list[Part]:
        """Rectified (closed) by a cutoff inside a month: early in it, the rollup counts the
        months before it and the records add those rectified (closed) from the 1st to the
        cutoff; late in it, or today (counts_cutoff_month), the rollup counts its month too
        and the records take away those rectified after the cutoff in it."""
        if not self.by_rectified or is_month_end(query.cutoff):
            return []
        if counts_cutoff_month(query.cutoff):
            by_month_end = replace(query, cut=month_end(query.cutoff))
            return [Part(by_month_end, Q(**{f"{self.then}__gt": query.cutoff}), sign=-1)]
        return [Part(query, Q(**{f"{self.then}__gte": _first_of_month(query.cutoff)}))]

    def answers(self, query: Query, dims: tuple[str, ...] = ()) -> bool:
        period = query.period
        return (
            _whole_months(period.start, period.end)
            and (query.as_of is None or query.as_of >= period.end)
            and rollup_keeps(query, dims, filters=ROLLUP_FILTERS, groups=ROLLUP_GROUPS)
        )

    def queryset(self, query: Query, dims: tuple[str, ...] = ()):
        model = grain_for(query, dims, self.level, (self.by, self.then)).model
        qs = model.objects.for_user(query.user, within=query.filters.get("region") or None)
        qs = qs.filter(self.in_period(query))
        if self.level is not None:
            qs = qs.filter(level=self.level)
        for name, value in query.filters.items():
            if value not in (None, "") and name != "region":
                qs = qs.filter(**{name: value})
        return qs.filter(self.where(query))

    def value(self, query: Query) -> int:
        return self.read(self.queryset(query).aggregate(v=Sum(self.column))["v"])

    def read(self, total):
        """A sum of the rollup as the measure gives it: funds back from fen to yuan; nothing to
        sum is 0, as the records' sum gives it."""
        if total is None:
            return 0
        return (Decimal(total) / 100).quantize(FEN) if self.column == "funds_fen" else total

    def grouped(self, query: Query, dims: tuple[str, ...]) -> dict:
        """The groups of this measure, and in the same statement those of the measures that
        read the same rows (found and rectified, say), kept for the rest of the answer."""
        siblings = {
            key: r
            for key, r in _FAMILY.items()
            if r is not self
            and (r.level, r.by, r.then) == (self.level, self.by, self.then)
            and r.in_period is self.in_period
        }
        sums = {key: Sum(r.column, filter=r.where(query)) for key, r in siblings.items()}
        sums[None] = Sum(self.column, filter=self.where(query))
        every_row = replace(self, where=lambda q: Q())
        fields = GroupFields(region="region_code", industry="industry")
        answers = grouped_values_many(every_row.queryset(query, dims), dims, fields, self.month, sums)
        for key, sibling in siblings.items():
            remember((rolled(key), query.key(), dims), {k: sibling.read(v) for k, v in answers[key].items()})
        return {k: self.read(v) for k, v in answers[None].items()}

    def adopt(self, key: str) -> None:
        _FAMILY[key] = self


# The measures each rollup answers, by key (catalog.register tells them).
_FAMILY: dict[str, HazardMonthRollup] = {}


def grain_for(
    query: Query, dims: tuple[str, ...], level: str | None, family=("found_at", "rectified_at")
) -> Grain:
    """The smallest rollup of the family that keeps what the question needs: the region codes
    as long as its groups and regions, the industry and level where it asks for them, one
    level's own rollup only for that level (GRAINS lists a family finest first, smallest last)."""
    grains = [g for g in GRAINS if g.family == family]
    length, by_industry = needed.code_length(query, dims), needed.by_industry(query, dims)
    by_level = level or query.filters.get("level")

    def keeps(grain: Grain) -> bool:
        if grain.only != grains[0].only and not (grain.only == MAJOR and by_level == HazardLevel.MAJOR):
            return False  # one level's own rollup (the major): for that level alone
        return (
            needed.keeps_region(grain.code_length, length)
            and (grain.detailed or not by_industry)
            and (grain.detailed or grain.levels or not by_level)
        )

    return [g for g in grains if keeps(g)][-1]


def open_at_end(query: Query) -> Q:
    """Open on the period's last day (a month's last): found by then, rectified after it."""
    month = _first_of_month(query.period.end)
    return Q(found_month__lte=month, rectified_month__gt=month)


def closed_in_period(query: Query) -> Q:
    """Closed in the period's whole months, whenever found (the closed family's rollups)."""
    return Q(closed_month__gte=query.period.start, closed_month__lte=query.period.end)


def listed_in_period(query: Query) -> Q:
    """Listed for supervision in the period's whole months (the listed family's rollups)."""
    return Q(listed_month__gte=query.period.start, listed_month__lte=query.period.end)


def rectified_in_period(query: Query) -> Q:
    """Rectified in the period's whole months, whenever found (the funds spent on them)."""
    return Q(rectified_month__gte=query.period.start, rectified_month__lte=query.period.end)


def counts_cutoff_month(cutoff: datetime.date) -> bool:
    """Whether "rectified (closed) by the cutoff" reads the cutoff's month whole from the
    rollup, the records taking away those rectified after the cutoff in it — rather than the
    months before it, the records adding those from the 1st to the cutoff. Whichever reads
    fewer records: the whole month when the cutoff lies late in it, or is today or later (no
    hazard is rectified in the future: entry refuses it, so none are taken away, and an index
    range of none is read instead of the month's rectifications so far)."""
    return late_in_month(cutoff) or cutoff >= timezone.localdate()


def closed_by_end(query: Query) -> Q:
    """Closed by the cutoff, as rectified_by_end (the closed family's rollups)."""
    month = _first_of_month(query.cutoff)
    return Q(closed_month__lte=month) if counts_cutoff_month(query.cutoff) else Q(closed_month__lt=month)


def rectified_by_end(query: Query) -> Q:
    """Rectified by the cutoff (the period's end, or today in a period still running): in a
    month up to the cutoff's (counts_cutoff_month), those rectified after it in that month
    taken away; else in a month before it, those rectified in its month up to it added — the
    rollup's residue, counted from the records."""
    month = _first_of_month(query.cutoff)
    return (
        Q(rectified_month__lte=month) if counts_cutoff_month(query.cutoff) else Q(rectified_month__lt=month)
    )
