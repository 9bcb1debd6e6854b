"""The register's tallies (tally_models.py): how many enterprises by region, industry and
status, kept by triggers in the database in the same transaction as every write to the
register, whatever writes (services, imports, the demo's bulk inserts, a manual UPDATE):
PostgreSQL sums each statement's transition tables once; SQLite adjusts row by row.

    count_for(user)  # the enterprises in the user's jurisdiction, as Enterprise.objects.for_user
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Sum

from yingji.core.sql import OPS, statement_trigger
from yingji.enterprises.models import Enterprise
from yingji.enterprises.tally_models import EnterpriseCountyTally, EnterpriseTally
from yingji.regions.scoping import Jurisdiction
from yingji.stats.grains import keeps_region

TABLE = Enterprise._meta.db_table
KEY = "region_code, industry, status"


@dataclass(frozen=True)
class Grain:
    model: type
    code_length: int | None  # the street's whole code, or its county's first 6
    industry: bool  # kept, or left empty

    @property
    def table(self) -> str:
        return self.model._meta.db_table

    def columns(self, row: str = "") -> str:
        region = f"{row}region_code"
        region = f"substr({region}, 1, {self.code_length})" if self.code_length else region
        return f"{region}, {f'{row}industry' if self.industry else "''"}, {row}status"


GRAINS = (Grain(EnterpriseTally, None, industry=True), Grain(EnterpriseCountyTally, 6, industry=False))


def count_for(user) -> int:
    """The enterprises in the user's jurisdiction, whatever their status: from the county
    tally for a county or wider, from the street tally for a street or a department, from
    the register itself for an enterprise (itself)."""
    scope = Jurisdiction.of(user)
    if scope.enterprise_id is not None:
        return Enterprise.objects.for_user(user).count()
    length = len(scope.region or "")  # the smallest tally that keeps it (as stats.grains)
    kept = [
        g for g in GRAINS if keeps_region(g.code_length, length) and (g.industry or scope.industries is None)
    ]
    return kept[-1].model.objects.for_user(user).aggregate(n=Sum("enterprises"))["n"] or 0


# ---- PostgreSQL: statement-level triggers over the transition tables ----


def _pg_apply(grain: Grain, op: str) -> str:
    old = f"SELECT {grain.columns()}, -1 AS d FROM old_rows"
    new = f"SELECT {grain.columns()}, 1 AS d FROM new_rows"
    delta = {"insert": new, "delete": old, "update": f"{old} UNION ALL {new}"}[op]
    # Ordered so that concurrent writers lock the tally rows in the same order (no deadlock).
    return f"""
        INSERT INTO {grain.table} AS t ({KEY}, enterprises)
        SELECT {KEY}, sum(d) FROM ({delta}) AS delta (region_code, industry, status, d)
        GROUP BY {KEY} HAVING sum(d) <> 0 ORDER BY {KEY}
        ON CONFLICT ({KEY}) DO UPDATE SET enterprises = t.enterprises + EXCLUDED.enterprises;"""


def _postgresql_install() -> list[str]:
    statements = []
    for op in OPS:
        body = "".join(_pg_apply(grain, op) for grain in GRAINS)
        statements += statement_trigger("enterprise_tally", TABLE, op, body)
    return statements


# ---- SQLite: row-level triggers ----


def _sqlite_add(row: str, sign: int) -> str:
    return "".join(
        f"""INSERT INTO {grain.table} ({KEY}, enterprises) SELECT {grain.columns(row + ".")}, {sign}
            ON CONFLICT ({KEY}) DO UPDATE SET enterprises = enterprises + excluded.enterprises;"""
        for grain in GRAINS
    )


def _sqlite_install() -> list[str]:
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in ("region_code", "industry", "status"))
    return [
        *(f"DROP TRIGGER IF EXISTS enterprise_tally_{op}" for op in OPS),
        f"CREATE TRIGGER enterprise_tally_insert AFTER INSERT ON {TABLE} BEGIN {_sqlite_add('NEW', 1)} END",
        f"CREATE TRIGGER enterprise_tally_delete AFTER DELETE ON {TABLE} BEGIN {_sqlite_add('OLD', -1)} END",
        f"""CREATE TRIGGER enterprise_tally_update AFTER UPDATE ON {TABLE} WHEN {changed}
            BEGIN {_sqlite_add("OLD", -1)} {_sqlite_add("NEW", 1)} END""",
    ]


def install(*, count: bool = True) -> None:
    """Create the triggers and (for the migration that makes the tallies) count what is there."""
    statements = _postgresql_install() if connection.vendor == "postgresql" else _sqlite_install()
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    if count:
        rebuild()


def uninstall() -> None:
    with connection.cursor() as cursor:
        for op in OPS:
            if connection.vendor == "postgresql":
                cursor.execute(f"DROP TRIGGER IF EXISTS enterprise_tally_{op} ON {TABLE}")
                cursor.execute(f"DROP FUNCTION IF EXISTS enterprise_tally_{op}()")
            else:
                cursor.execute(f"DROP TRIGGER IF EXISTS enterprise_tally_{op}")


def keep_triggers(sender, using: str = "default", **kwargs) -> None:
    """After every migrate, as the hazard rollups' (SQLite drops a table's triggers when it
    remakes the table to alter it)."""
    tables = set(connection.introspection.table_names())
    if using == connection.alias and {TABLE, *(g.table for g in GRAINS)} <= tables:
        install(count=False)


def rebuild() -> None:
    """Count the tallies afresh from the register (after a bulk load with triggers off)."""
    empty = "TRUNCATE" if connection.vendor == "postgresql" else "DELETE FROM"
    with connection.cursor() as cursor:
        for grain in GRAINS:
            cursor.execute(f"{empty} {grain.table}")
            cursor.execute(
                f"""INSERT INTO {grain.table} ({KEY}, enterprises)
                    SELECT {grain.columns()}, count(*) FROM {TABLE} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"""
            )
            if connection.vendor == "postgresql":
                cursor.execute(f"ANALYZE {grain.table}")
