"""Load test (issue 15): mixed-role users of one county against `yingji serve`, with locust.

    .venv/bin/python bench/load/run.py                          # 20 users, 60 s
    .venv/bin/python bench/load/run.py --users 30 --duration 600  # the 10-minute run
    .venv/bin/python bench/load/run.py --ramp 10,20,40 --duration 60  # a step each

It prepares the database (stand.py: LOAD_DATABASE_URL, by default `loadtest`, created, migrated,
the demo loaded, the load accounts added), starts `yingji serve` (2 workers, production
settings), runs locust headless on bench/load/locustfile.py, prints throughput, p50/p95/p99 and
failures per endpoint, then compares what the users were told was written with the database
(check.py): no write lost or doubled, each with its audit entry. Results also go to
var/bench/load/<run>.md, locust's CSV beside them.
"""

# The benchmark prints its figures and runs locust, our own dependency.
# ruff: noqa: T201, S603

import argparse
import csv
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.load import check, stand  # noqa: E402

TARGET_P95_MS = 500


def locust(base: str, *, users: int, duration: int, run: str, out: Path) -> dict:
    """One headless locust run; its per-endpoint figures and the record of its writes."""
    env = os.environ | {
        "LOAD_ACCOUNTS": str(stand.VAR / "accounts.json"),
        "LOAD_SESSIONS": str(stand.VAR / "sessions.json"),
        "LOAD_WRITES": str(out / f"{run}-writes.json"),
        "LOAD_RUN": run,
    }
    spawn = max(1, users // 5)  # everyone in within 5 s
    subprocess.run(
        [str(Path(sys.executable).parent / "locust"), "-f", str(ROOT / "bench/load/locustfile.py"), "--headless",
         "--users", str(users), "--spawn-rate", str(spawn), "--run-time", f"{duration}s", "--host", base,
         "--csv", str(out / run), "--only-summary", "--stop-timeout", "30", "--loglevel", "WARNING"],
        cwd=ROOT, env=env, check=False, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    with open(out / f"{run}_stats.csv") as f:
        stats = list(csv.DictReader(f))
    return {"stats": stats, "record": json.loads((out / f"{run}-writes.json").read_text())}


def figures(stats: list[dict], duration: int) -> str:
    lines = [
        "| endpoint | requests | failures | req/s | p50 ms | p95 ms | p99 ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in sorted(stats, key=lambda r: (r["Name"] == "Aggregated", r["Name"])):
        name = "**all**" if row["Name"] == "Aggregated" else f"`{row['Type']} {row['Name'].split(' ', 1)[1]}`"
        lines.append(
            f"| {name} | {int(row['Request Count']):,} | {row['Failure Count']} | {float(row['Requests/s']):.1f} "
            f"| {row['50%']} | {row['95%']} | {row['99%']} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--duration", type=int, default=60, help="seconds (of each step with --ramp)")
    parser.add_argument("--ramp", help="steps of users, e.g. 10,20,40: one run each, its p95 against 500 ms")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    out = stand.VAR
    accounts = stand.prepare(stand.DATABASE_URL)
    steps = [int(n) for n in args.ramp.split(",")] if args.ramp else [args.users]
    report = []
    with stand.serve(stand.DATABASE_URL, workers=args.workers) as server:
        sessions = stand.sign_in_all(server.base, accounts)
        stand.warm_up(server.base, sessions, accounts)
        for users in steps:
            run = f"lt{time.strftime('%m%d%H%M%S')}u{users}"
            started = time.monotonic()
            result = locust(server.base, users=users, duration=args.duration, run=run, out=out)
            took = time.monotonic() - started
            rows, problems = check.check(stand.DATABASE_URL, result["record"])
            total = next(r for r in result["stats"] if r["Name"] == "Aggregated")
            held = (
                "held"
                if float(total["95%"]) < TARGET_P95_MS and total["Failure Count"] == "0"
                else "NOT held"
            )
            text = (
                f"## {run}: {users} users, {args.duration} s ({took:.0f} s with start and stop), "
                f"{args.workers} workers\n\n{figures(result['stats'], args.duration)}\n\n"
                f"p95 of all requests {total['95%']} ms: {held} (target {TARGET_P95_MS} ms, no failures). "
                f"Answers by status: {result['record']['statuses']}\n\n{check.table(rows)}\n\n"
                + ("Writes: none lost or doubled, every one audited." if not problems else "PROBLEMS: " + "; ".join(problems))
            )  # fmt: skip
            print(text, "\n", flush=True)
            (out / f"{run}.md").write_text(text + "\n")
            report.append(text)
    print(f"Server log: {server.log}")


if __name__ == "__main__":
    main()
