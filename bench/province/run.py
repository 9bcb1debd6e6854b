"""The province-scale benchmark (issue 5): Hunan with its real 14 cities, 134 counties and
2,008 streets, 300,000 enterprises, 2,000,000 inspections and 10,000,000 hazards over
2024–2026 in PostgreSQL; then the dashboard's seven questions timed through the real API
(`yingji serve`) beside the same questions in raw SQL and in DuckDB. Figures and how to read
them: bench/README.md.

    .venv/bin/python bench/province/run.py --skip-if-built    # build once, then ask
    .venv/bin/python bench/province/run.py build              # (re)build only: about six minutes
    .venv/bin/python bench/province/run.py ask --questions ace --repeat 50
    .venv/bin/python bench/province/run.py explain --questions aeg   # the engine's SQL and plans

The database is postgres://postgres@127.0.0.1:5432/yingji_bench (PROVINCE_DATABASE_URL to
change); it must exist. `yingji migrate` runs on it first. Results, the DuckDB file and the
server's log go to var/bench/.
"""

# The benchmark prints its figures.
# ruff: noqa: T201

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
DATABASE_URL = os.environ.get("PROVINCE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/yingji_bench")
os.environ["DATABASE_URL"] = DATABASE_URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yingji.settings.local")
VAR = ROOT / "var" / "bench"
DUCK = VAR / "province.duckdb"
os.environ.setdefault("STATIC_ROOT", str(VAR / "static"))  # where `yingji serve` collected them


def build_step(args, sizes) -> None:
    from bench.province import duck, load

    started = time.perf_counter()
    load.migrate()
    done = load.built(DATABASE_URL, sizes)
    if done and args.skip_if_built:
        print(f"Built already on {done['built_at']:%Y-%m-%d %H:%M} ({_sizes(sizes)}): not building again.")
    else:
        from bench.province.dataset import END

        print(f"Building the province ({_sizes(sizes)}, as of {END}) in {DATABASE_URL}:")
        load.build(DATABASE_URL, sizes)
    done = load.built(DATABASE_URL, sizes)
    if done["rollup_at"] is None or args.rebuild_rollup:
        seconds = load.rebuild_rollup(DATABASE_URL)
        print("  no rollup: nothing to rebuild" if seconds is None else
              f"  {'rollups: hazards, inspections':<34} {seconds:32.1f} s")  # fmt: skip
        print(f"  {'VACUUM (ANALYZE)':<34} {load.vacuum_analyze(DATABASE_URL):32.1f} s")
    seconds = duck.export(DATABASE_URL, DUCK, stamp=f"{done['built_at'].isoformat()} {sizes}")
    if seconds is not None:
        print(f"  {'DuckDB file ' + DUCK.name:<34} {seconds:32.1f} s")
    print(f"  {'total':<34} {time.perf_counter() - started:32.1f} s")


def ask_step(args, sizes) -> None:
    from bench.province import load, measure

    done = load.built(DATABASE_URL, sizes)
    if done is None:
        raise SystemExit("Not built: run `bench/province/run.py build` first.")
    print(f"Asking (each {args.repeat} times after {args.warmup} warm-up calls):")
    subject, results = measure.ask(
        DATABASE_URL, DUCK, VAR, county=args.county, keys=args.questions, repeat=args.repeat,
        warmup=args.warmup, budget=args.budget, workers=args.workers,
    )  # fmt: skip
    text = measure.write_results(
        VAR / "province-results.md", subject, results, DATABASE_URL, done, args.repeat
    )
    print("\n" + text)
    print(f"Written to {VAR / 'province-results.md'}")


def explain_step(args, sizes) -> None:
    from bench.province import explain, measure

    subject = measure.subject(DATABASE_URL, args.county)
    print(
        f"The engine's SQL for {subject.county_name} {subject.county}, plans of statements over {args.slow} ms:"
    )
    explain.explain(subject, args.questions, VAR / "province-explain.txt", args.slow)


def _sizes(sizes) -> str:
    return f"{sizes.enterprises:,} enterprises, {sizes.inspections:,} inspections, {sizes.hazards:,} hazards"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("step", nargs="?", default="all", choices=["all", "build", "ask", "explain"])
    parser.add_argument("--skip-if-built", action="store_true", help="keep a database built with these sizes")
    parser.add_argument(
        "--rebuild-rollup", action="store_true", help="rebuild the hazard rollup even when built"
    )
    parser.add_argument(
        "--end", help="the day the province is built as of (default today, at the latest 2026-12-31)"
    )
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the sizes, for a trial (0.1)")
    parser.add_argument("--questions", default="abcdefg", help="which of a–g to ask (default all)")
    parser.add_argument(
        "--county", help="the county of (b)(c)(d)(f)(g); default: the one with most enterprises"
    )
    parser.add_argument("--repeat", type=int, default=20, help="timed calls per question and engine")
    parser.add_argument("--warmup", type=int, default=3, help="untimed calls first")
    parser.add_argument(
        "--budget", type=float, default=60, help="seconds per question and engine before n drops"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument(
        "--slow", type=float, default=20, help="`explain`: plans of statements over this (ms)"
    )
    args = parser.parse_args()
    VAR.mkdir(parents=True, exist_ok=True)
    if args.end:  # read by bench.province.dataset when it is first imported
        os.environ["PROVINCE_END"] = args.end

    import django

    django.setup()
    from bench.province.dataset import Sizes

    full = Sizes()
    sizes = Sizes(
        *(max(1, round(getattr(full, f) * args.scale)) for f in ("enterprises", "inspections", "hazards"))
    )
    if args.step in ("all", "build"):
        build_step(args, sizes)
    if args.step in ("all", "ask"):
        ask_step(args, sizes)
    if args.step == "explain":
        explain_step(args, sizes)


if __name__ == "__main__":
    main()
