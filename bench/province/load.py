"""Streaming the province into PostgreSQL, the way a bulk load is done: one transaction that
truncates the tables, drops their secondary indexes, COPYs the rows (FREEZE: written frozen
and all-visible, so the first reads set no hint bits and index-only scans work at once) and
builds the indexes again from their own definitions. Foreign keys are right by construction
and not checked row by row, and the rollups' and tallies' triggers do not fire for the
COPY (`session_replication_role = replica`): the rollups are rebuilt once afterwards, then
everything is VACUUMed and ANALYZEd. A failure rolls everything back.

A row in the table `bench_province` records what was built, so that `--skip-if-built` can
skip the slow part; `yingji migrate` runs first either way.
"""

# The benchmark prints its figures; the SQL below names our own tables.
# ruff: noqa: T201, S608

import json
import subprocess
import sys
import time
from array import array
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
MARKER = "bench_province"
TABLES = ["accounts_organisation", "accounts_user", "enterprises_enterprise", "inspections_inspection",
          "inspections_inspection_inspectors", "hazards_hazard"]  # fmt: skip
WITH_IDS = ["accounts_organisation", "accounts_user", "enterprises_enterprise", "inspections_inspection",
            "hazards_hazard"]  # fmt: skip


def migrate() -> None:
    subprocess.run([sys.executable, "-m", "yingji.cli", "migrate", "--verbosity", "0"], check=True, cwd=ROOT)  # noqa: S603


def built(url: str, sizes) -> dict | None:
    """What the last build recorded, if it built these sizes."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            f"CREATE TABLE IF NOT EXISTS {MARKER} "
            "(built_at timestamptz NOT NULL, sizes jsonb NOT NULL, seconds jsonb NOT NULL, rollup_at timestamptz)"
        )
        row = conn.execute(f"SELECT built_at, sizes, seconds, rollup_at FROM {MARKER}").fetchone()
    if row is None or row[1] != sizes.__dict__:
        return None
    return {"built_at": row[0], "sizes": row[1], "seconds": row[2], "rollup_at": row[3]}


def build(url: str, sizes) -> dict:
    """Load every table; returns {table: {"rows", "copy", "indexes"}} in seconds."""
    from bench.province import dataset as ds

    timings = {}
    with psycopg.connect(url) as conn:
        for setting in ("session_replication_role = replica", "maintenance_work_mem = '1GB'",
                        "synchronous_commit = off"):  # fmt: skip
            conn.execute(f"SET {setting}")
        scene = ds.Scene(province=_province(conn), sizes=sizes, templates=_templates(conn))
        team = array("i")
        steps = [
            ("accounts_organisation", ds.ORGANISATION_COLUMNS, lambda: ds.organisations(scene)),
            ("accounts_user", ds.USER_COLUMNS, lambda: ds.inspector_users(scene)),
            ("enterprises_enterprise", ds.ENTERPRISE_COLUMNS, lambda: ds.enterprises(scene)),
            ("inspections_inspection", ds.INSPECTION_COLUMNS, lambda: ds.inspections(scene, team)),
            ("inspections_inspection_inspectors", ds.INSPECTOR_COLUMNS, lambda: ds.inspection_team(team)),
            ("hazards_hazard", ds.HAZARD_COLUMNS, lambda: ds.hazards(scene)),
        ]
        with conn.transaction():
            conn.execute(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE")
            for table, columns, rows in steps:
                timings[table] = _load(conn, table, columns, rows())
                t = timings[table]
                print(f"  {table:<34} {t['rows']:>11,} rows  COPY {t['copy']:6.1f} s  "
                      f"indexes {t['indexes']:5.1f} s")  # fmt: skip
            for table in WITH_IDS:
                conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}")
            conn.execute(f"DELETE FROM {MARKER}")
            conn.execute(
                f"INSERT INTO {MARKER} (built_at, sizes, seconds) VALUES (now(), %s, %s)",
                [json.dumps(sizes.__dict__), json.dumps(timings)],
            )
    return timings


def _province(conn):
    from bench.province.dataset import PROVINCE, Province

    rows = conn.execute(
        "SELECT code, name, level FROM regions_region WHERE code LIKE %s ORDER BY code", [PROVINCE + "%"]
    ).fetchall()
    if not any(level == "street" for _code, _name, level in rows):
        raise SystemExit("No streets under 43: run `yingji migrate` (it loads the region tree).")

    def level(name: str) -> list[tuple[str, str]]:
        return [(code, region) for code, region, lv in rows if lv == name]

    return Province(name=rows[0][1], cities=level("city"), counties=level("county"), streets=level("street"))


def _templates(conn) -> dict[str, int]:
    templates = {}
    for pk, industries in conn.execute(
        "SELECT id, industries FROM inspections_checklisttemplate ORDER BY id"
    ):
        for industry in industries:
            templates.setdefault(industry, pk)
    return templates


def _load(conn, table: str, columns: str, rows) -> dict:
    started = time.perf_counter()
    indexes = conn.execute(
        """SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
           WHERE i.indrelid = %s::regclass AND NOT i.indisprimary
             AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)""",
        [table],
    ).fetchall()
    for name, _definition in indexes:
        conn.execute(f"DROP INDEX {name}")
    # Binary COPY: nearly half the time of text here, with no index to maintain.
    types = [
        oid
        for (oid,) in conn.execute(
            """SELECT a.atttypid::int FROM unnest(%s::text[]) WITH ORDINALITY AS c(name, n)
               JOIN pg_attribute a ON a.attrelid = %s::regclass AND a.attname = c.name ORDER BY c.n""",
            [[c.strip() for c in columns.split(",")], table],
        )
    ]
    count = 0
    with conn.cursor().copy(f"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY, FREEZE)") as copy:
        copy.set_types(types)
        for row in rows:
            copy.write_row(row)
            count += 1
    copied = time.perf_counter()
    for _name, definition in indexes:
        conn.execute(definition)
    return {"rows": count, "copy": copied - started, "indexes": time.perf_counter() - copied}


def rebuild_rollup(url: str) -> float | None:
    """The hazard and inspection rollups' and the register's tallies' rebuild(), where the
    modules exist; seconds taken."""
    import importlib

    from django.db import transaction

    rollups = []
    for name in ("yingji.hazards.rollup", "yingji.inspections.rollup", "yingji.enterprises.tally"):
        try:
            rollups.append(importlib.import_module(name))
        except ImportError:
            continue
    if not rollups:
        return None
    started = time.perf_counter()
    with transaction.atomic():
        for rollup in rollups:
            rollup.rebuild()
    seconds = time.perf_counter() - started
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"UPDATE {MARKER} SET rollup_at = now()")
    return seconds


def vacuum_analyze(url: str) -> float:
    started = time.perf_counter()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE)")
    return time.perf_counter() - started
