"""Asking the questions: `yingji serve` (gunicorn) with the production settings on the bench
database, behind no proxy but told it is (X-Forwarded-Proto: https, as nginx sends it); a
province bureau user and a county bureau user added with `yingji adduser`, their tokens from
POST /api/v1/auth/token; then each question, after a warm-up, N times through HTTP, N times
as raw SQL in PostgreSQL and N times in DuckDB: median and p95 (nearest rank) of each, the
three answers compared, the table printed and written to var/bench/province-results.md.
"""

# The benchmark prints its figures and runs our own commands against our own loopback server.
# ruff: noqa: T201, S603, S310

import datetime
import json
import math
import os
import platform
import re
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import psycopg

from bench.province import duck
from bench.province.load import TABLES
from bench.province.questions import QUESTIONS, Question, Subject, disagreements, from_api, from_sql

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Bench-province-2026"  # noqa: S105 (the bench users' own)
HEADERS = {"X-Forwarded-Proto": "https"}  # what the TLS-terminating proxy tells the app


@dataclass
class Timing:
    ms: list[float] = field(default_factory=list)
    rows: int | None = None
    error: str | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.ms)

    @property
    def p95(self) -> float:
        ordered = sorted(self.ms)
        return ordered[math.ceil(0.95 * len(ordered)) - 1]

    def cell(self) -> str:
        if self.error:
            return self.error
        return f"{self.median:,.1f} / {self.p95:,.1f}" if self.ms else "—"


@dataclass
class Result:
    question: Question
    api: Timing
    pg: Timing
    duck: Timing
    problems: list[str]


def subject(url: str, county: str | None) -> Subject:
    """The county with the most enterprises (unless one is named), and its enterprise with
    the most hazards: the heaviest of the one-county questions."""
    with psycopg.connect(url) as conn:
        if county is None:
            county = conn.execute(
                "SELECT substr(region_code, 1, 6) FROM enterprises_enterprise GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"
            ).fetchone()[0]
        name = conn.execute("SELECT name FROM regions_region WHERE code = %s", [county]).fetchone()[0]
        enterprise, hazards = conn.execute(
            """SELECT enterprise_id, count(*) FROM hazards_hazard WHERE region_code LIKE %s
               GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1""",
            [county + "%"],
        ).fetchone()
    today = datetime.datetime.now(ZoneInfo("Asia/Shanghai")).date()
    return Subject(
        county=county, county_name=name, enterprise=enterprise, enterprise_hazards=hazards, today=today
    )


def ensure_user(url: str, username: str, region: str) -> None:
    with psycopg.connect(url) as conn:
        if conn.execute("SELECT 1 FROM accounts_user WHERE username = %s", [username]).fetchone():
            return
    subprocess.run(
        [sys.executable, "-m", "yingji.cli", "adduser", username, "--role", "bureau", "--region", region,
         "--password", PASSWORD],
        check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
    )  # fmt: skip


@contextmanager
def server(url: str, workers: int, var: Path) -> Iterator[str]:
    """`yingji serve` with the production settings (the load test's stand starts it)."""
    from bench.load.stand import serve

    with serve(url, workers=workers, timeout=600, var=var) as running:
        yield running.base


def token(base: str, username: str) -> str:
    from bench.load.stand import token

    return token(base, username, PASSWORD)


def get(base: str, path: str, token: str) -> tuple[int, bytes]:
    request = urllib.request.Request(base + path, headers=HEADERS | {"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=600) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def clock(call: Callable[[], object], *, repeat: int, warmup: int, budget: float) -> Timing:
    """Warm up, then time `repeat` calls, fewer (at least five) when they take longer than
    `budget` seconds together."""
    for _ in range(warmup):
        call()
    timing = Timing()
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        timing.ms.append((time.perf_counter() - started) * 1000)
        if sum(timing.ms) > budget * 1000 and len(timing.ms) >= 5:
            break
    return timing


# The raw SQL runs unchanged on both engines; only the parameter markers differ.
PARAMETER = re.compile(r"(?<![:\w]):([a-z_]+)")


def pg_sql(sql: str) -> str:
    return PARAMETER.sub(r"%(\1)s", sql)


def duck_sql(sql: str) -> str:
    return PARAMETER.sub(r"$\1", sql)


def _used(sql: str, params: dict) -> dict:
    """DuckDB refuses parameters a statement does not use."""
    return {name: params[name] for name in set(PARAMETER.findall(sql))}


def ask(url: str, duck_path: Path, var: Path, *, county: str | None, keys: str, repeat: int, warmup: int,
        budget: float, workers: int) -> tuple[Subject, list[Result]]:  # fmt: skip
    s = subject(url, county)
    users = {"province": "bench-43", "county": f"bench-{s.county}"}
    ensure_user(url, users["province"], "43")
    ensure_user(url, users["county"], s.county)
    chosen = [q for q in QUESTIONS if q.key in keys]
    results = []
    with (
        server(url, workers, var) as base,
        # Never prepared (psycopg would after five runs): a generic plan cannot use the
        # region prefix, and Django sends its values inline too.
        psycopg.connect(url, autocommit=True, prepare_threshold=None) as conn,
        duck.connect(duck_path) as con,
    ):
        tokens = {role: token(base, name) for role, name in users.items()}
        for q in chosen:
            results.append(_ask_one(q, s, base, tokens[q.user], conn, con, repeat, warmup, budget))
            _print_row(results[-1])
    return s, results


def _ask_one(q: Question, s: Subject, base: str, token_: str, conn, con, repeat, warmup, budget) -> Result:
    url, params = q.url(s), q.params(s)
    status, body = get(base, url, token_)
    api = pg = dk = None
    if status != 200:
        api_timing = Timing(error=_error(status, body))
    else:
        data = json.loads(body) if not url.endswith("format=md") else None
        api = from_api(q, body, data)
        api_timing = clock(lambda: _ok(get(base, url, token_)), repeat=repeat, warmup=warmup, budget=budget)
        api_timing.rows = _api_rows(q, data, body)

    def pg_answer():
        out = []
        for sql in q.sql:
            cursor = conn.execute(pg_sql(sql), _used(sql, params))
            out.append(([c.name for c in cursor.description], cursor.fetchall()))
        return out

    def duck_answer():
        out = []
        for sql in q.sql:
            cursor = con.execute(duck_sql(sql), _used(sql, params))
            out.append(([c[0] for c in cursor.description], cursor.fetchall()))
        return out

    pg_rows, duck_rows = pg_answer(), duck_answer()
    pg, dk = from_sql(q, pg_rows), from_sql(q, duck_rows)
    pg_timing = clock(pg_answer, repeat=repeat, warmup=warmup, budget=budget)
    pg_timing.rows = len(pg_rows[0][1])
    duck_timing = clock(duck_answer, repeat=repeat, warmup=warmup, budget=budget)
    duck_timing.rows = len(duck_rows[0][1])
    return Result(q, api_timing, pg_timing, duck_timing, disagreements(q, api, pg, dk))


def _ok(answer: tuple[int, bytes]) -> None:
    """A timed call that failed would time the failure."""
    if answer[0] != 200:
        raise RuntimeError(_error(*answer))


def _error(status: int, body: bytes) -> str:
    """ "HTTP 400: the message" from a JSON error; a 500's page says nothing (see serve.log)."""
    try:
        text = json.dumps(json.loads(body), ensure_ascii=False)[:200]
    except ValueError:
        text = "see var/bench/serve.log"
    return f"HTTP {status}: {text}"


def _api_rows(q: Question, data: dict | None, body: bytes) -> int:
    if data is None:
        return body.count(b"\n") + 1
    if data.get("groups"):
        return len(data["groups"])
    if "indicators" in data:
        return len(data["indicators"])
    return len(data.get("results", []))


def _print_row(r: Result) -> None:
    print(f"  ({r.question.key}) {r.question.title}")
    for name, t in (("API", r.api), ("PostgreSQL raw", r.pg), ("DuckDB", r.duck)):
        rows = f"{t.rows:,} rows" if t.rows is not None else ""
        print(f"      {name:<15} median / p95 ms  {t.cell():<24} n={len(t.ms):<3} {rows}")
    for problem in r.problems:
        print(f"      !!! DISAGREEMENT: {problem}")


# The results table ---------------------------------------------------------------------


def table(results: list[Result]) -> str:
    lines = [
        "| question | API median / p95 ms | PG raw median / p95 ms | DuckDB median / p95 ms | rows | n | answers |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        answers = "agree" if not r.problems else "**DISAGREE**"
        if not r.question.aggregate and not r.problems:
            answers = "same page"
        if r.api.error:
            answers = "—"
        lines.append(
            f"| ({r.question.key}) {r.question.title} | {r.api.cell()} | {r.pg.cell()} | {r.duck.cell()} | "
            f"{r.api.rows if r.api.rows is not None else r.pg.rows:,} | {len(r.api.ms)} | {answers} |"
        )
    return "\n".join(lines)


def targets(results: list[Result]) -> list[str]:
    """Issue 5's targets, each met or missed by this run."""
    by_key = {r.question.key: r for r in results if r.api.ms}
    lines = ["Targets (issue 5):", ""]
    for key, r in by_key.items():
        if key == "g":
            lines.append(
                f"- ({key}) the work summary under 1 s (p95): {_met(r.api.p95 < 1000)} ({r.api.p95:,.0f} ms)"
            )
        else:
            lines.append(
                f"- ({key}) p95 under 50 ms through HTTP: {_met(r.api.p95 < 50)} ({r.api.p95:,.1f} ms)"
            )
    for key in "ace":
        if key in by_key and by_key[key].duck.ms:
            r = by_key[key]
            faster = r.api.median < r.duck.median and r.api.p95 < r.duck.p95
            lines.append(
                f"- ({key}) faster than DuckDB's raw scan (median and p95): {_met(faster)} "
                f"({r.api.median:,.1f} / {r.api.p95:,.1f} against {r.duck.median:,.1f} / {r.duck.p95:,.1f} ms)"
            )
    return [*lines, ""]


def _met(ok: bool) -> str:
    return "met" if ok else "**missed**"


def write_results(
    path: Path, s: Subject, results: list[Result], url: str, build: dict | None, repeat: int
) -> str:
    with psycopg.connect(url) as conn:
        version = conn.execute("SHOW server_version").fetchone()[0]
        settings = {
            name: conn.execute(f"SHOW {name}").fetchone()[0]
            for name in ("shared_buffers", "work_mem", "max_parallel_workers_per_gather", "jit")
        }
        counts = {
            table: conn.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0  # noqa: S608 (our tables)
            for table in ("enterprises_enterprise", "inspections_inspection", "hazards_hazard")
        }
    import duckdb

    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    lines = [
        "# Province benchmark results",
        "",
        f"Measured {datetime.datetime.now(ZoneInfo('Asia/Shanghai')):%Y-%m-%d %H:%M} (Asia/Shanghai) on "
        f"{os.cpu_count()} cores, {memory:.0f} GB, {platform.system()} {platform.release()}; "
        f"PostgreSQL {version} ({', '.join(f'{k} {v}' for k, v in settings.items())}); DuckDB {duckdb.__version__}, "
        f"{duck.THREADS} threads. Load average when the table was written: "
        f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} (other work shares the cores).",
        f"Data: {counts['enterprises_enterprise']:,} enterprises, {counts['inspections_inspection']:,} inspections, "
        f"{counts['hazards_hazard']:,} hazards in Hunan (43). County: {s.county_name} {s.county}; enterprise "
        f"{s.enterprise} ({s.enterprise_hazards:,} hazards); today {s.today}.",
        f"Code: {_revision()}. "
        f"Each call {repeat} times after a warm-up (fewer, at least 5, for slow ones: n); `yingji serve` with "
        "2 gunicorn workers, production settings; the API over HTTP on loopback.",
        "",
        table(results),
        "",
    ]
    lines += targets(results)
    problems = [(r.question.key, p) for r in results for p in r.problems]
    errors = [(r.question.key, r.api.error) for r in results if r.api.error]
    if problems or errors:
        lines += ["## Problems", ""]
        lines += [f"- ({k}) DISAGREEMENT: {p}" for k, p in problems]
        lines += [f"- ({k}) API error: {e}" for k, e in errors]
        lines.append("")
    if build:
        lines += ["## Build", "", f"Built {build['built_at']:%Y-%m-%d %H:%M}:", ""]
        seconds = build["seconds"]
        lines += [f"- {table}: {seconds[table]['rows']:,} rows, COPY {seconds[table]['copy']:.1f} s, "
                  f"indexes {seconds[table]['indexes']:.1f} s" for table in TABLES if table in seconds]  # fmt: skip
        lines.append("")
    text = "\n".join(lines)
    path.write_text(text)
    return text


def _revision() -> str:
    """The commit the server ran, and whether the working tree had changes beyond it."""
    # git from PATH, as a developer's shell finds it.
    out = subprocess.run(
        ["git", "describe", "--always", "--dirty"],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,  # noqa: S607
    )
    return out.stdout.strip() or "unknown"
