"""The same rows in DuckDB, for the comparison: exported once from PostgreSQL (COPY … TO
STDOUT as CSV, into a file under var/bench/), loaded into a DuckDB database file beside it,
and the CSV removed. DuckDB's postgres extension would have to be downloaded, and this
machine has no internet. The file remembers which build it holds and is made again after a
rebuild. Tables and columns keep PostgreSQL's names, so that one SQL text serves both.
"""

# The benchmark prints its figures; the SQL names our own tables.
# ruff: noqa: T201, S608

import time
from pathlib import Path

import duckdb
import psycopg

TABLES = {
    "hazards_hazard": {
        "id": "BIGINT", "enterprise_id": "BIGINT", "region_code": "VARCHAR", "industry": "VARCHAR",
        "description": "VARCHAR", "location": "VARCHAR", "category": "VARCHAR", "level": "VARCHAR",
        "source": "VARCHAR", "found_at": "DATE", "measures": "VARCHAR", "responsible": "VARCHAR",
        "deadline": "DATE", "funds": "DECIMAL(14,2)", "status": "VARCHAR", "rectified_at": "DATE",
        "verified_at": "DATE", "verifier": "VARCHAR", "closed_at": "DATE", "listing_level": "VARCHAR",
        "listed_on": "DATE", "extension_requested_until": "DATE", "inspection_id": "BIGINT",
    },
    "inspections_inspection": {
        "id": "BIGINT", "enterprise_id": "BIGINT", "region_code": "VARCHAR", "industry": "VARCHAR",
        "inspected_on": "DATE", "type": "VARCHAR", "inspector_count": "INTEGER",
    },
}  # fmt: skip
THREADS = 2  # the machine's cores, as PostgreSQL has them


def connect(path: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(path), read_only=True)
    con.execute(f"SET threads = {THREADS}")
    return con


def export(url: str, path: Path, stamp: str) -> float | None:
    """Make the DuckDB file unless it holds this build already; seconds taken, or None."""
    if path.exists():
        con = duckdb.connect(str(path), read_only=True)
        try:
            held = con.execute("SELECT stamp FROM bench_province").fetchone()[0]
        except duckdb.Error:
            held = None
        con.close()
        if held == stamp:
            return None
    began = time.perf_counter()
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    con = duckdb.connect(str(partial))
    con.execute(f"SET threads = {THREADS}")
    for table, columns in TABLES.items():
        csv = path.parent / f"{table}.csv"
        started = time.perf_counter()
        with psycopg.connect(url) as conn, open(csv, "wb") as f:
            query = f"COPY (SELECT {', '.join(columns)} FROM {table}) TO STDOUT (FORMAT csv)"
            with conn.cursor().copy(query) as copy:
                for chunk in copy:
                    f.write(chunk)
        exported = time.perf_counter()
        # PostgreSQL writes NULL unquoted and an empty string as "": keep them apart.
        con.execute(
            f"CREATE TABLE {table} AS SELECT * FROM read_csv(?, header = false, columns = ?, "
            "allow_quoted_nulls = false)",
            [str(csv), columns],
        )
        rows = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        print(f"  DuckDB {table:<27} {rows:>11,} rows  CSV {exported - started:6.1f} s  "
              f"load {time.perf_counter() - exported:5.1f} s")  # fmt: skip
        csv.unlink()
    con.execute("CREATE TABLE bench_province AS SELECT ? AS stamp", [stamp])
    con.close()
    partial.replace(path)
    return time.perf_counter() - began
