"""Benchmark of the hazard ledger (台账): a 100,000-row import into PostgreSQL that already holds
a million hazards, timed as parse / validate / write through the functions the API calls (and
once end to end over HTTP against `yingji serve`), and the export of a million rows with its
peak memory. Figures and how to read them: bench/README.md.

    .venv/bin/python bench/ledger_import.py                 # everything
    .venv/bin/python bench/ledger_import.py import          # one step: seed, import, http, export

The database is `bench` on postgres://postgres@127.0.0.1:5432/ (BENCH_DATABASE_URL to change),
created and migrated with `yingji migrate`, seeded once (--reseed to start again).
"""

# A benchmark prints its figures, draws seeded random data, and runs our own commands against
# our own loopback server.
# ruff: noqa: T201, S311, S603, S310

import argparse
import datetime
import hashlib
import json
import os
import random
import resource
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench")
os.environ["DATABASE_URL"] = DATABASE_URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yingji.settings.local")
WORK = Path(os.environ.get("BENCH_WORK", tempfile.gettempdir())) / "yingji-bench"
os.environ.setdefault("YINGJI_VAR", str(WORK / "var"))  # the server's secret key and static files

EXISTING = 1_000_000
LEDGER_ROWS = 100_000
ENTERPRISES = 2_000
USERNAME, PASSWORD = "bench", "Bench-ledger-2026"
STATUSES = ["待整改"] * 30 + ["整改中"] * 20 + ["待验收"] * 5 + ["已整改"] * 25 + ["已销号"] * 20
TODAY = datetime.date(2026, 11, 1)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# The database --------------------------------------------------------------------------


def create_database() -> None:
    import psycopg

    server, name = DATABASE_URL.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    subprocess.run([sys.executable, "-m", "yingji.cli", "migrate", "--verbosity", "0"], check=True, cwd=ROOT)


def setup_django() -> None:
    import django

    django.setup()


def seed(reseed: bool) -> None:
    """A district bureau user, 2,000 enterprises in its streets, a million hazards with their
    registration events. COPY, not the ORM: this is the scene, not what is measured."""
    from django.db import connection

    from yingji.accounts.models import Organisation, User
    from yingji.hazards.models import Hazard

    if Hazard.objects.count() >= EXISTING and not reseed:
        print(f"seed: {Hazard.objects.count():,} hazards there already")
        return
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE hazards_hazard CASCADE")
    organisation, _ = Organisation.objects.get_or_create(
        region_id="430102", name="芙蓉区应急管理局", defaults={"kind": "bureau"}
    )
    user = User.objects.filter(username=USERNAME).first() or User(username=USERNAME, role="bureau")
    user.organisation, user.name = organisation, "基准测试"
    user.set_password(PASSWORD)
    user.save()
    enterprises = make_enterprises()
    copy_hazards(enterprises, user.pk)
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO hazards_hazardevent (hazard_id, at, actor_id, action, from_status, to_status, note, data) "
            "SELECT id, created_at, reported_by_id, 'register', '', status, '', '{}' FROM hazards_hazard"
        )
        cursor.execute("ANALYZE")
    print(f"seed: {EXISTING:,} hazards and events in {time.perf_counter() - started:.1f} s")


def make_enterprises() -> list:
    from stdnum.cn import uscc

    from yingji.core.industries import Industry
    from yingji.enterprises.models import Enterprise
    from yingji.regions.models import Region

    streets = list(Region.objects.filter(parent_id="430102").values_list("code", flat=True))
    industries = [Industry.COMMERCE_TRADE, Industry.CONSTRUCTION, Industry.GAS, Industry.CROWDED_PLACES]
    existing = {e.uscc: e for e in Enterprise.objects.filter(name__startswith="基准")}
    new = []
    for n in range(1, ENTERPRISES + 1):
        body = f"91430102{n:09d}"
        code = body + uscc.calc_check_digit(body)
        if code not in existing:
            new.append(
                Enterprise(
                    uscc=code,
                    name=f"基准{n}号有限公司",
                    region_id=streets[n % len(streets)],
                    industry=industries[n % len(industries)],
                )
            )
    Enterprise.objects.bulk_create(new)
    return list(Enterprise.objects.filter(name__startswith="基准").values_list("id", "region_id", "industry"))


def copy_hazards(enterprises: list, user_id: int) -> None:
    from django.db import connection
    from django.utils import timezone

    now = timezone.now()
    columns = (
        "created_at, updated_at, enterprise_id, region_code, industry, description, location, category, level, "
        "source, status, found_at, measures, responsible, deadline, funds, rectified_at, verifier, verified_at, "
        "closed_at, extension_reason, listing_level, cancel_reason, note, reported_by_id"
    )
    rng = random.Random(1)
    codes = {"待整改": "reported", "整改中": "rectifying", "待验收": "awaiting_review", "已整改": "rectified"}
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY hazards_hazard ({columns}) FROM STDIN") as copy,
    ):
        for n in range(EXISTING):
            enterprise_id, region, industry = enterprises[n % len(enterprises)]
            found = TODAY - datetime.timedelta(days=rng.randrange(1, 1500))
            status = codes.get(STATUSES[n % len(STATUSES)], "closed")
            done = found + datetime.timedelta(days=7) if status in ("rectified", "closed") else None
            copy.write_row(
                (now, now, enterprise_id, region, industry, f"既有隐患{n}：消防通道堆放杂物", "仓库", "物的不安全状态",
                 "general" if n % 20 else "major", "inspection", status, found, "清理杂物", "张三",
                 found + datetime.timedelta(days=15), None, done, "李四" if done else "", done,
                 done if status == "closed" else None, "", "", "", "", user_id)
            )  # fmt: skip


# The ledger file -----------------------------------------------------------------------


def make_ledger(path: Path) -> None:
    """100,000 rows as a bureau's Excel would hold them: shared strings, date cells, some dates
    typed as text, most rows with the code and some with the name only."""
    from openpyxl import Workbook

    from yingji.enterprises.models import Enterprise
    from yingji.hazards.ledger import HEADERS

    enterprises = list(Enterprise.objects.filter(name__startswith="基准").values_list("name", "uscc"))
    rng = random.Random(2)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("台账")
    sheet.append(["芙蓉区2026年隐患排查治理台账"])
    sheet.append(HEADERS)
    for n in range(1, LEDGER_ROWS + 1):
        name, code = enterprises[n % len(enterprises)]
        if n % 10 == 0:
            code = ""  # the name alone
        found = TODAY - datetime.timedelta(days=rng.randrange(20, 700))
        status = STATUSES[n % len(STATUSES)]
        later = status != "待整改"
        done = found + datetime.timedelta(days=10) if status in ("已整改", "已销号") else None
        shown = (
            found
            if n % 7
            else (f"{found.year}/{found.month}/{found.day}" if n % 2 else f"{found:%Y年%-m月%-d日}")
        )
        sheet.append(
            [n, name, code, f"第{n}条：配电箱未上锁，电气线路私拉乱接", "配电间", "物的不安全状态",
             "重大" if n % 25 == 0 else "一般", "监管检查" if n % 3 else "企业自查", shown,
             "加锁，线路穿管" if later else None, "王电工" if later else None,
             found + datetime.timedelta(days=15) if later else None, 1200.5 if later else None, done,
             "李四" if done else None, done, status, None]
        )  # fmt: skip
    book.save(path)


# The measurements ----------------------------------------------------------------------


def measure_import(path: Path) -> dict:
    """parse, validate and write apart, through the functions ledger_import strings together."""
    from yingji.accounts.models import User
    from yingji.hazards import ledger

    user = User.objects.get(username=USERNAME)
    user.organisation  # noqa: B018 (loaded before the clock starts, as a request's user is)
    before = max_hazard_id()
    started = time.perf_counter()
    data = path.read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    sheet = ledger.ledger_read(data)
    parsed_at = time.perf_counter()
    rows = ledger.ledger_validate(sheet, actor=user)
    validated_at = time.perf_counter()
    created = ledger.ledger_write(rows, actor=user, filename=path.name, sha256=sha256)
    written_at = time.perf_counter()
    assert created == LEDGER_ROWS, created
    remove_since(before)
    return {
        "parse": parsed_at - started,
        "validate": validated_at - parsed_at,
        "write": written_at - validated_at,
        "total": written_at - started,
        "rss": rss_mb(),
    }


def measure_openpyxl_parse(path: Path) -> float:
    from openpyxl import load_workbook

    started = time.perf_counter()
    book = load_workbook(path, read_only=True)
    rows = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    assert rows >= LEDGER_ROWS
    return time.perf_counter() - started


def max_hazard_id() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(id), 0) FROM hazards_hazard")
        return cursor.fetchone()[0]


def remove_since(hazard_id: int) -> None:
    """Put the database back to its million (the audit entry stays: the log is append-only)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM hazards_hazardevent WHERE hazard_id > %s", [hazard_id])
        cursor.execute("DELETE FROM hazards_hazard WHERE id > %s", [hazard_id])


def measure_http(path: Path) -> dict:
    """The same file through POST /api/v1/hazards/import, then GET /export of everything,
    against `yingji serve` (gunicorn, 2 workers)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(WORK / "serve.log", "w")  # noqa: SIM115 (closed below, after the server)
    server = subprocess.Popen(
        [sys.executable, "-m", "yingji.cli", "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2",
         "--no-collectstatic"],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        wait_for(base + "/api/v1/schema")
        token = post_json(base + "/api/v1/auth/token", {"username": USERNAME, "password": PASSWORD})["token"]
        # The export first, so that the workers' peak memory is the export's.
        started = time.perf_counter()
        size = 0
        request = urllib.request.Request(
            base + "/api/v1/hazards/export", headers={"Authorization": f"Bearer {token}"}
        )
        with urllib.request.urlopen(request, timeout=600) as response:
            while chunk := response.read(1 << 20):
                size += len(chunk)
        exported = time.perf_counter() - started
        export_peak = max(peak_mb(pid) for pid in children(server.pid))
        before = max_hazard_id()
        started = time.perf_counter()
        answer = post_file(base + "/api/v1/hazards/import", path, token)
        imported = time.perf_counter() - started
        assert answer == {"created": LEDGER_ROWS}, answer
        remove_since(before)
        import_peak = max(peak_mb(pid) for pid in children(server.pid))
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    return {
        "import": imported,
        "import_peak": import_peak,
        "export": exported,
        "export_mb": size / 1e6,
        "export_peak": export_peak,
    }


def measure_export(fmt: str, limit: int | None = None) -> dict:
    """Run in a child process of its own, so that its peak memory is the export's alone."""
    from yingji.accounts.models import User
    from yingji.hazards import ledger

    user = User.objects.get(username=USERNAME)
    baseline = rss_mb()
    started = time.perf_counter()
    count = 0

    def rows():
        nonlocal count
        for row in ledger.ledger_rows(user=user, filters={}):
            count += 1
            yield row
            if count == limit:
                return

    out = WORK / f"export.{fmt}"
    if fmt == "openpyxl":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("台账")
        sheet.append(ledger.HEADERS)
        for row in rows():
            sheet.append(row)
        book.save(out)
    else:
        stream = ledger.xlsx_stream(rows()) if fmt == "xlsx" else ledger.csv_stream(rows())
        with open(out, "wb") as f:
            for chunk in stream:
                f.write(chunk)
    return {
        "rows": count,
        "seconds": time.perf_counter() - started,
        "mb": out.stat().st_size / 1e6,
        "baseline_rss": baseline,
        "peak_rss": rss_mb(),
    }


# Helpers -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (our own loopback server)
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"no answer from {url}")


def post_json(url: str, body: dict) -> dict:
    request = urllib.request.Request(  # noqa: S310 (our own loopback server)
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return json.loads(response.read())


def post_file(url: str, path: Path, token: str) -> dict:
    boundary = "yingji-bench-boundary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="ledger.xlsx"\r\n'
            "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n"
        ).encode()
        + path.read_bytes()
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(  # noqa: S310 (our own loopback server)
        url,
        data=body,
        headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Authorization": f"Bearer {token}",
        },
    )
    with urllib.request.urlopen(request, timeout=600) as response:  # noqa: S310
        return json.loads(response.read())


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return found


def peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def child(step: str, *args: str) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, step, *args], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def report(results: dict) -> None:
    imp, n = results["import"], LEDGER_ROWS
    print(
        f"\nImport of {n:,} rows into {EXISTING:,} hazards (PostgreSQL), through ledger_read/validate/write:"
    )
    for step in ("parse", "validate", "write", "total"):
        print(f"  {step:<9} {imp[step]:6.2f} s  {n / imp[step]:>9,.0f} rows/s")
    print(f"  peak RSS {imp['rss']:.0f} MB")
    print(f"  openpyxl read-only parse, for comparison: {results['openpyxl_parse']:.2f} s, "
          f"{n / results['openpyxl_parse']:,.0f} rows/s")  # fmt: skip
    if "http" in results:
        h = results["http"]
        print(f"HTTP (yingji serve, 2 workers): GET /api/v1/hazards/export of {EXISTING:,} rows {h['export']:.1f} s, "
              f"{h['export_mb']:.0f} MB, worker peak RSS {h['export_peak']:.0f} MB; POST /api/v1/hazards/import "
              f"{h['import']:.2f} s ({n / h['import']:,.0f} rows/s), worker peak RSS {h['import_peak']:.0f} MB")  # fmt: skip
    for name, e in results["export"].items():
        print(f"Export {name:<8} {e['rows']:>9,} rows {e['seconds']:6.1f} s {e['rows'] / e['seconds']:>9,.0f} rows/s "
              f"{e['mb']:6.0f} MB file, RSS {e['baseline_rss']:.0f} MB at start, peak {e['peak_rss']:.0f} MB")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("step", nargs="?", default="all", choices=["all", "seed", "import", "http", "export"])
    parser.add_argument("--format", default="xlsx", choices=["xlsx", "csv", "openpyxl"], help="for `export`")
    parser.add_argument("--limit", type=int, default=None, help="for `export`: stop after this many rows")
    parser.add_argument("--reseed", action="store_true")
    parser.add_argument("--skip-http", action="store_true")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    ledger_path = WORK / f"ledger-{LEDGER_ROWS}.xlsx"

    if args.step in ("all", "seed"):
        create_database()
    setup_django()
    if args.step in ("all", "seed"):
        seed(args.reseed)
        if not ledger_path.exists() or args.reseed:
            make_ledger(ledger_path)
    if args.step == "import":
        print(json.dumps(measure_import(ledger_path)))
    elif args.step == "http":
        print(json.dumps(measure_http(ledger_path)))
    elif args.step == "export":
        print(json.dumps(measure_export(args.format, args.limit)))
    elif args.step == "all":
        results = {"import": child("import"), "openpyxl_parse": measure_openpyxl_parse(ledger_path)}
        if not args.skip_http:
            results["http"] = child("http")
        results["export"] = {
            "xlsx": child("export", "--format", "xlsx"),
            "csv": child("export", "--format", "csv"),
            "openpyxl": child("export", "--format", "openpyxl", "--limit", "100000"),
        }
        report(results)


if __name__ == "__main__":
    main()
