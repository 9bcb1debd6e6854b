"""Where the time of a question goes: the API call made in-process (Django's test client,
the same view code the server runs), every SQL statement it sends captured with its time,
and EXPLAIN (ANALYZE, BUFFERS) of the slow ones. Plans go to var/bench/province-explain.txt;
the lines that matter (the top node, the scans, the execution time) are printed.
"""

# The benchmark prints what it finds; the SQL explained is the engine's own.
# ruff: noqa: T201, S608

import json
import time
from pathlib import Path

from bench.province.measure import PASSWORD
from bench.province.questions import QUESTIONS, Subject

KEY_LINE = ("Scan", "Execution Time", "Sort Method", "Workers Launched", "Rows Removed")


def explain(s: Subject, keys: str, out: Path, threshold_ms: float) -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    users = {"province": "bench-43", "county": f"bench-{s.county}"}
    tokens = {}
    for role, username in users.items():
        answer = client.post(
            "/api/v1/auth/token",
            {"username": username, "password": PASSWORD},
            content_type="application/json",
        )
        tokens[role] = json.loads(answer.content)["token"]
    report = []
    for q in (q for q in QUESTIONS if q.key in keys):
        auth = {"HTTP_AUTHORIZATION": f"Bearer {tokens[q.user]}"}
        client.get(q.url(s), **auth)  # warm
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            answer = client.get(q.url(s), **auth)
        whole = (time.perf_counter() - started) * 1000
        statements = [(float(c["time"]) * 1000, c["sql"]) for c in captured.captured_queries]
        total = sum(ms for ms, _sql in statements)
        summary = (f"{len(statements)} statements, {total:,.0f} ms in the database, {whole:,.0f} ms in all "
                   f"(in-process), {len(answer.content) / 1000:,.0f} kB answer")  # fmt: skip
        print(f"  ({q.key}) {summary}")
        report.append(f"=== ({q.key}) {q.title}\n{q.url(s)}\n{summary}\n")
        for ms, sql in statements:
            report.append(f"--- {ms:,.1f} ms\n{sql}\n")
            if ms < threshold_ms:
                continue
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
                plan = [row[0] for row in cursor.fetchall()]
            report.append("\n".join(plan) + "\n")
            print(f"      {ms:8,.1f} ms  {sql[:150]}…")
            print(f"                 {plan[0].strip()}")
            for line in plan[1:]:
                if any(k in line for k in KEY_LINE):
                    print(f"                 {line.strip()}")
    out.write_text("\n".join(report))
    print(f"  plans in {out}")
