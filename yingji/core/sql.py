"""SQL written by hand for both databases (the rollups' triggers and rebuilds): the few
expressions whose spelling differs between PostgreSQL and SQLite."""

from django.db import connection


def month_start(column: str) -> str:
    """The first day of the column's month, as a date."""
    if connection.vendor == "postgresql":
        return f"date_trunc('month', {column})::date"
    return f"strftime('%Y-%m-01', {column})"


# The writes a rollup's triggers follow, each with the transition tables its statement sees.
OPS = ("insert", "delete", "update")
_REFERENCING = {
    "insert": "REFERENCING NEW TABLE AS new_rows",
    "delete": "REFERENCING OLD TABLE AS old_rows",
    "update": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
}


def statement_trigger(name: str, table: str, op: str, body: str) -> list[str]:
    """PostgreSQL: the function `{name}_{op}` running `body` once per statement that writes
    `table` (its rows in new_rows / old_rows), and the trigger that calls it, made afresh."""
    return [
        f"""CREATE OR REPLACE FUNCTION {name}_{op}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN {body} RETURN NULL; END $$""",
        f"DROP TRIGGER IF EXISTS {name}_{op} ON {table}",
        f"""CREATE TRIGGER {name}_{op} AFTER {op.upper()} ON {table} {_REFERENCING[op]}
            FOR EACH STATEMENT EXECUTE FUNCTION {name}_{op}()""",
    ]
