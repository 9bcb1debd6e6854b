"""The triggers that keep the inspection rollups (rollup_models.py); rollup_stats.py answers
statistics from them.

The month tables are sums: each write adds or takes away its rows' counts, in one statement on
PostgreSQL (over the statement's transition tables) and row by row on SQLite, as the hazard
rollup does. The units table holds a minimum, which a delete cannot take away by arithmetic:
the trigger counts again, from the inspections, the first days of each enterprise, year,
region and industry a write touched (through the enterprise-and-day index), and marks the rows
of an enterprise that has more than one that year. On PostgreSQL it first takes a lock per
enterprise for the rest of the transaction, so that two writers of the same enterprise count
one after the other, the second seeing the first's rows. The units table's own triggers count
its rows by the month of their first day (a sum again).
"""

from dataclasses import dataclass

from django.db import connection

from yingji.core.sql import OPS, month_start, statement_trigger
from yingji.enterprises.models import Enterprise
from yingji.inspections.choices import InspectionType
from yingji.inspections.rollup_models import (
    InspectedUnit,
    InspectedUnitCountyMonth,
    InspectedUnitCountyTotal,
    InspectedUnitMonth,
    InspectionCityTotal,
    InspectionCountyMonth,
    InspectionCountyTotal,
    InspectionMonth,
    InspectionStreetTotal,
)

TABLE = "inspections_inspection"
UNITS = InspectedUnit._meta.db_table
REGISTRY = Enterprise._meta.db_table
SELF_CHECK = InspectionType.SELF_CHECK.value
LOCK_CLASS = 7417  # the first key of the advisory locks on enterprises (any number of our own)
_ROWS = {
    "insert": [("new_rows", 1)],
    "delete": [("old_rows", -1)],
    "update": [("old_rows", -1), ("new_rows", 1)],
}


@dataclass(frozen=True)
class Grain:
    model: type
    code_length: int | None  # the region code kept: the street's whole, or its county's first 6
    detailed: bool = True  # keeps the industry

    @property
    def table(self) -> str:
        return self.model._meta.db_table

    def region(self, row: str = "") -> str:
        column = f"{row}region_code"
        return f"substr({column}, 1, {self.code_length})" if self.code_length else column

    def industry(self, row: str = "") -> str:
        return f"{row}industry" if self.detailed else "''"


GRAINS = (
    Grain(InspectionMonth, None),
    Grain(InspectionStreetTotal, None, detailed=False),
    Grain(InspectionCountyMonth, 6),
    Grain(InspectionCountyTotal, 6, detailed=False),
    Grain(InspectionCityTotal, 4, detailed=False),
)
UNIT_GRAINS = (
    Grain(InspectedUnitMonth, None),
    Grain(InspectedUnitCountyMonth, 6),
    Grain(InspectedUnitCountyTotal, 6, detailed=False),
)
KEY = "month, region_code, industry, type"
UNIT_MONTH_KEY = "month, region_code, industry"
UNIT_KEY = ("enterprise_id", "region_code", "industry")
_UNIT_COLUMNS = "enterprise_id, year, region_code, industry, first_day, first_supervision_day, risk_grade"


def _made() -> list[Grain]:
    """The month tables that exist: an earlier migration installs the triggers for those made
    so far, and the migration that makes another installs them again."""
    tables = set(connection.introspection.table_names())
    return [grain for grain in GRAINS if grain.table in tables]


def _pg() -> bool:
    return connection.vendor == "postgresql"


def _year(column: str) -> str:
    return f"extract(year FROM {column})::int" if _pg() else f"CAST(strftime('%Y', {column}) AS INTEGER)"


def _new_year(year: str) -> str:
    return f"make_date({year}, 1, 1)" if _pg() else f"printf('%04d-01-01', {year})"


def _first_days(keys: str) -> str:
    """The first days of the (enterprise_id, year, region_code, industry) in `keys`, from the
    inspections, and the enterprise's grade: one row per key that still has inspections."""
    return f"""
        SELECT i.enterprise_id, k.year, i.region_code, i.industry, min(i.inspected_on),
               min(CASE WHEN i.type <> '{SELF_CHECK}' THEN i.inspected_on END), min(e.risk_grade)
        FROM {keys} AS k JOIN {TABLE} AS i ON i.enterprise_id = k.enterprise_id
             AND i.region_code = k.region_code AND i.industry = k.industry
             AND i.inspected_on >= {_new_year("k.year")} AND i.inspected_on < {_new_year("k.year + 1")}
             JOIN {REGISTRY} AS e ON e.id = i.enterprise_id
        GROUP BY i.enterprise_id, k.year, i.region_code, i.industry"""


def _mark_shared(enterprises: str) -> str:
    """Mark the rows of the enterprises (and years) in `enterprises` that share their year
    (only the rows that change: an update of the units table is counted by its trigger)."""
    shares = f"""(SELECT count(*) > 1 FROM {UNITS} AS v
                  WHERE v.enterprise_id = {UNITS}.enterprise_id AND v.year = {UNITS}.year)"""
    return f"""
        UPDATE {UNITS} SET shared = {shares}
        WHERE EXISTS (SELECT 1 FROM {enterprises} AS k
                      WHERE k.enterprise_id = {UNITS}.enterprise_id AND k.year = {UNITS}.year)
              AND shared <> {shares};"""


def _inspection_delta(grain: Grain, rows: str, sign: int) -> str:
    return f"""
        SELECT {month_start("inspected_on")} AS month, {grain.region()} AS region_code,
               {grain.industry()} AS industry, type,
               {sign} AS v0, {sign} * inspector_count AS v1
        FROM {rows}"""


def _unit_delta(grain: Grain, rows: str, sign: int) -> str:
    return f"""
        SELECT {month_start("first_day")} AS month, {grain.region()} AS region_code,
               {grain.industry()} AS industry, {sign} AS v0, 0 AS v1, 0 AS v2 FROM {rows}
        UNION ALL
        SELECT {month_start("first_supervision_day")}, {grain.region()}, {grain.industry()}, 0, {sign},
               CASE WHEN risk_grade <> '' THEN {sign} ELSE 0 END
        FROM {rows} WHERE first_supervision_day IS NOT NULL"""


INSPECTION_COLUMNS = ("inspections", "person_times")
UNIT_COLUMNS = ("units", "supervised_units", "graded_units")


def _add(grain: Grain, key: str, columns: tuple[str, ...], delta: str) -> str:
    """Add the delta's key and values (v0, v1, …: one per column) to the grain's table.
    Ordered, so that concurrent writers lock the rollup rows in the same order (no deadlock)."""
    t = grain.table
    sums = ", ".join(f"sum(v{i})" for i in range(len(columns)))
    changed = " OR ".join(f"sum(v{i}) <> 0" for i in range(len(columns)))
    added = ", ".join(f"{c} = {t}.{c} + EXCLUDED.{c}" for c in columns)
    where = " WHERE true" if not _pg() else ""  # SQLite: an upsert's SELECT needs a WHERE
    return f"""
        INSERT INTO {t} ({key}, {", ".join(columns)})
        SELECT {key}, {sums} FROM ({delta}) AS delta{where}
        GROUP BY {key} HAVING {changed} ORDER BY {key}
        ON CONFLICT ({key}) DO UPDATE SET {added};"""


def _inspection_rows(grain: Grain, op: str) -> str:
    delta = " UNION ALL ".join(_inspection_delta(grain, rows, sign) for rows, sign in _ROWS[op])
    return _add(grain, KEY, INSPECTION_COLUMNS, delta)


def _unit_rows(grain: Grain, op: str) -> str:
    delta = " UNION ALL ".join(_unit_delta(grain, rows, sign) for rows, sign in _ROWS[op])
    return _add(grain, UNIT_MONTH_KEY, UNIT_COLUMNS, delta)


# ---- PostgreSQL: statement-level triggers over the transition tables ----


def _pg_units(op: str) -> str:
    touched = " UNION ".join(
        f"SELECT enterprise_id, {_year('inspected_on')} AS year, region_code, industry FROM {rows}"
        for rows, _ in _ROWS[op]
    )
    matches = " AND ".join(f"u.{c} = k.{c}" for c in (*UNIT_KEY, "year"))
    return f"""
        PERFORM pg_advisory_xact_lock({LOCK_CLASS}, e)
            FROM (SELECT DISTINCT enterprise_id::int AS e FROM ({touched}) AS t ORDER BY 1) AS s;
        DELETE FROM {UNITS} AS u USING ({touched}) AS k WHERE {matches};
        INSERT INTO {UNITS} ({_UNIT_COLUMNS}) {_first_days(f"({touched})")};
        {_mark_shared(f"({touched})")}"""


def _pg_grades() -> str:
    """The registry's grades changed: onto the enterprises' unit rows, under the same lock per
    enterprise as the inspections' writers (a writer counting its units reads the grade)."""
    return f"""
        PERFORM pg_advisory_xact_lock({LOCK_CLASS}, e)
            FROM (SELECT n.id::int AS e FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id
                  WHERE o.risk_grade <> n.risk_grade ORDER BY 1) AS s;
        UPDATE {UNITS} AS u SET risk_grade = n.risk_grade FROM new_rows AS n
        WHERE u.enterprise_id = n.id AND u.risk_grade <> n.risk_grade;"""


def _postgresql_install() -> list[str]:
    statements = []
    for op in OPS:
        body = "".join(_inspection_rows(grain, op) for grain in _made()) + _pg_units(op)
        statements += statement_trigger("inspection_rollup", TABLE, op, body)
    for op in OPS:  # updated: shared, and the grade
        body = "".join(_unit_rows(grain, op) for grain in UNIT_GRAINS)
        statements += statement_trigger("inspected_unit_rollup", UNITS, op, body)
    return statements + statement_trigger("inspected_unit_grade", REGISTRY, "update", _pg_grades())


# ---- SQLite: row-level triggers ----


def _one_row(row: str, columns: tuple[str, ...]) -> str:
    """The trigger's OLD or NEW row as a table of one row (SQLite has no OLD.*)."""
    return "(SELECT " + ", ".join(f"{row}.{c} AS {c}" for c in columns) + ")"


def _sqlite_inspection(row: str, sign: int) -> str:
    rows = _one_row(row, ("inspected_on", "region_code", "industry", "type", "inspector_count"))
    months = "".join(
        _add(grain, KEY, INSPECTION_COLUMNS, _inspection_delta(grain, rows, sign)) for grain in _made()
    )
    key = f"(SELECT {row}.enterprise_id AS enterprise_id, {_year(row + '.inspected_on')} AS year, {row}.region_code AS region_code, {row}.industry AS industry)"  # fmt: skip
    matches = " AND ".join(f"{c} = {row}.{c}" for c in UNIT_KEY)
    units = f"""DELETE FROM {UNITS} WHERE {matches} AND year = {_year(row + ".inspected_on")};
        INSERT INTO {UNITS} ({_UNIT_COLUMNS}) {_first_days(key)};
        {_mark_shared(key)}"""
    return months + units


def _sqlite_unit(row: str, sign: int) -> str:
    rows = _one_row(row, ("first_day", "first_supervision_day", "region_code", "industry", "risk_grade"))
    return "".join(
        _add(grain, UNIT_MONTH_KEY, UNIT_COLUMNS, _unit_delta(grain, rows, sign)) for grain in UNIT_GRAINS
    )


_COUNTED = ("enterprise_id", "region_code", "industry", "inspected_on", "type", "inspector_count")


def _sqlite_install() -> list[str]:
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in _COUNTED)
    triggers = {
        ("inspection_rollup_insert", f"AFTER INSERT ON {TABLE}"): _sqlite_inspection("NEW", 1),
        ("inspection_rollup_delete", f"AFTER DELETE ON {TABLE}"): _sqlite_inspection("OLD", -1),
        ("inspection_rollup_update", f"AFTER UPDATE ON {TABLE} WHEN {changed}"): (
            _sqlite_inspection("OLD", -1) + _sqlite_inspection("NEW", 1)
        ),
        ("inspected_unit_rollup_insert", f"AFTER INSERT ON {UNITS}"): _sqlite_unit("NEW", 1),
        ("inspected_unit_rollup_delete", f"AFTER DELETE ON {UNITS}"): _sqlite_unit("OLD", -1),
        ("inspected_unit_rollup_update", f"AFTER UPDATE OF risk_grade ON {UNITS}"): (
            _sqlite_unit("OLD", -1) + _sqlite_unit("NEW", 1)
        ),
        (
            "inspected_unit_grade_update",
            f"AFTER UPDATE OF risk_grade ON {REGISTRY} WHEN OLD.risk_grade IS NOT NEW.risk_grade",
        ): (  # fmt: skip
            f"UPDATE {UNITS} SET risk_grade = NEW.risk_grade WHERE enterprise_id = NEW.id;"
        ),
    }
    statements = [f"DROP TRIGGER IF EXISTS {name}" for name, _ in triggers]
    return statements + [
        f"CREATE TRIGGER {name} {when} BEGIN {body} END" for (name, when), body in triggers.items()
    ]


def install(*, count: bool = True) -> None:
    """Create the triggers and (for the migration that makes the rollups) count what is there."""
    statements = _postgresql_install() if _pg() else _sqlite_install()
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    if count:
        rebuild()


def uninstall() -> None:
    with connection.cursor() as cursor:
        triggers = (
            ("inspection_rollup", TABLE),
            ("inspected_unit_rollup", UNITS),
            ("inspected_unit_grade", REGISTRY),
        )
        for name, table in triggers:
            for op in OPS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}_{op}" + (f" ON {table}" if _pg() else ""))


def keep_triggers(sender, using: str = "default", **kwargs) -> None:
    """After every migrate, as the hazard rollup's (SQLite drops a table's triggers when it
    remakes the table to alter it)."""
    tables = set(connection.introspection.table_names())
    if using == connection.alias and {TABLE, UNITS, UNIT_GRAINS[-1].table, REGISTRY} <= tables:
        install(count=False)


def _count_from(first: Grain, grain: Grain) -> str:
    return f"""INSERT INTO {grain.table} ({KEY}, inspections, person_times)
        SELECT month, {grain.region()}, {grain.industry()}, type, sum(inspections), sum(person_times)
        FROM {first.table} GROUP BY 1, 2, 3, 4 ORDER BY 2, 1"""


def count_new(model) -> None:
    """Count a coarser month table a migration adds from the street one (kept by the triggers
    already): the others stay as they are, where rebuild() would count them all."""
    grain = next(g for g in GRAINS if g.model is model)
    with connection.cursor() as cursor:
        cursor.execute(_count_from(GRAINS[0], grain))
        if _pg():
            cursor.execute(f"ANALYZE {grain.table}")


def rebuild() -> None:
    """Count the rollups afresh from the inspections (after a bulk load with triggers off):
    the street table from the records, the coarser ones from it; the units table from the
    records, and its months by its own triggers as its rows go in."""
    empty = "TRUNCATE" if _pg() else "DELETE FROM"
    first, *coarser = made = _made()
    # The units first: on SQLite emptying it fires its triggers, which the emptied months would keep.
    tables = [UNITS] + [g.table for g in made + list(UNIT_GRAINS)]
    statements = [f"{empty} {table}" for table in tables] + [
        f"""INSERT INTO {first.table} ({KEY}, inspections, person_times)
            SELECT {month_start("inspected_on")}, region_code, industry, type, count(*), sum(inspector_count)
            FROM {TABLE} GROUP BY 1, 2, 3, 4 ORDER BY 2, 1""",
        *[_count_from(first, grain) for grain in coarser],
        f"""INSERT INTO {UNITS} ({_UNIT_COLUMNS}, shared)
            SELECT u.*, e.risk_grade, false FROM (
                SELECT enterprise_id, {_year("inspected_on")} AS year, region_code, industry,
                       min(inspected_on), min(CASE WHEN type <> '{SELF_CHECK}' THEN inspected_on END)
                FROM {TABLE} GROUP BY 1, 2, 3, 4) AS u
            JOIN {REGISTRY} AS e ON e.id = u.enterprise_id ORDER BY 3, 2""",
        _mark_shared(f"(SELECT enterprise_id, year FROM {UNITS} GROUP BY 1, 2 HAVING count(*) > 1)"),
    ]
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
        if _pg():
            for table in tables:  # fresh statistics, or the planner guesses one row
                cursor.execute(f"ANALYZE {table}")
