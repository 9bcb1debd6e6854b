"""Fault drills (issue 15), each against the load test's stand (stand.py: its own database,
`yingji serve` with 2 workers and the production settings):

    .venv/bin/python bench/load/faults.py --drill kill-import      # kill -9 a web worker mid-import
    .venv/bin/python bench/load/faults.py --drill kill-report      # … mid work-summary download
    .venv/bin/python bench/load/faults.py --drill disk-full        # photos onto a full filesystem
    .venv/bin/python bench/load/faults.py --drill worker-kill      # kill -9 `yingji worker` mid-job
    .venv/bin/python bench/load/faults.py --drill postgres-restart # restart PostgreSQL under load

Each prints what the client got, what the database holds afterwards, and how the server came
back. postgres-restart restarts the machine's PostgreSQL (everyone's): run it alone, last.
disk-full mounts a small tmpfs (root needed) as the server's MEDIA_ROOT.
"""

# The drills print their findings and run our own commands and the machine's service tools.
# ruff: noqa: T201, S603, S607, S311

import argparse
import datetime
import io
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import zlib
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

import psycopg

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.load import check, stand  # noqa: E402

URL = stand.DATABASE_URL


def today() -> datetime.date:
    return datetime.datetime.now(ZoneInfo("Asia/Shanghai")).date()


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def ledger(mark: str, rows: int, enterprises: list[dict]) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(
        ["序号", "单位名称", "统一社会信用代码", "隐患描述", "隐患等级", "隐患来源", "发现日期", "状态"]
    )
    day = today()
    for n in range(1, rows + 1):
        e = enterprises[n % len(enterprises)]
        sheet.append([n, e["name"], e["uscc"], f"{mark} 第{n}行", "一般", "监管检查", day, "待整改"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def count(sql: str, *params) -> int:
    with psycopg.connect(URL) as conn:
        return conn.execute(sql, params).fetchone()[0]


def hazards_marked(mark: str) -> int:
    return count("SELECT count(*) FROM hazards_hazard WHERE description LIKE %s", mark + "%")


def import_audits(mark: str) -> int:
    return count(
        "SELECT count(*) FROM audit_auditentry WHERE action = 'hazard.import' AND after->>'file' LIKE %s",
        f"%{mark}%",
    )


def busy_worker(server: stand.Server) -> int:
    """The web worker using the CPU now: the one serving the long request."""
    workers = server.web_workers()
    before = {pid: stand.cpu_ticks(pid) for pid in workers}
    time.sleep(0.3)
    return max(workers, key=lambda pid: stand.cpu_ticks(pid) - before[pid])


def in_background(call) -> tuple[threading.Thread, dict]:
    result: dict = {}

    def run():
        started = time.monotonic()
        result["answer"] = call()
        result["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=run)
    thread.start()
    return thread, result


def recovered(server: stand.Server, workers: int = 2) -> float:
    """Seconds until the master has its workers again and the API answers."""
    started = time.monotonic()
    while len(server.web_workers()) < workers:
        time.sleep(0.1)
    stand.wait_until_up(server.base, server.process)
    return time.monotonic() - started


def drill_kill_import(accounts: dict) -> None:
    rows = 20_000
    with stand.serve(URL, timeout=300) as server:
        token = stand.token(server.base, accounts["users"]["bureau"][0]["username"])
        for moment in ("reading", "writing"):
            mark = f"[kill-import-{moment}-{int(time.time())}]"
            body, headers = stand.multipart("file", f"台账{mark}.xlsx", ledger(mark, rows, accounts["enterprises"]), XLSX)  # fmt: skip
            thread, result = in_background(
                lambda b=body, h=headers: stand.call(
                    server.base, "/api/v1/hazards/import", token, data=b, headers=h
                )
            )
            if moment == "reading":
                time.sleep(1.0)
            else:  # until the import's COPY runs in PostgreSQL
                while not count(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND query LIKE 'COPY%%'",
                    stand.database_name(URL),
                ):
                    time.sleep(0.02)
            victim = busy_worker(server)
            os.kill(victim, signal.SIGKILL)
            thread.join()
            status, answer = result["answer"]
            back = recovered(server)
            held, audits = hazards_marked(mark), import_audits(mark)
            print(f"kill -9 worker {victim} while {moment} {rows:,} rows: the client got {status or 'no answer'} "
                  f"({answer[:80]!r}) after {result['seconds']:.1f} s; hazards of the file in the database: {held:,} "
                  f"(all or none: {'ok' if held in (0, rows) else 'HALF'}), import audit entries: {audits}; "
                  f"server back in {back:.1f} s")  # fmt: skip
            status, answer = stand.call(
                server.base, "/api/v1/hazards/import", token, data=body, headers=headers
            )
            print(f"  the same file again: {status} {answer[:60]!r}; hazards now {hazards_marked(mark):,}, "
                  f"audit entries {import_audits(mark)}")  # fmt: skip


def drill_kill_report(accounts: dict) -> None:
    leader = accounts["users"]["leader"][0]["username"]
    year = today().year
    path = f"/api/v1/reports/work-summary?region={stand.DISTRICT}&year={year}&period=year&format=docx"
    with stand.serve(URL) as server:
        token = stand.token(server.base, leader)
        stand.call(server.base, path, token)  # warm: the first one imports the writers
        started = time.monotonic()
        status, body = stand.call(server.base, path, token)
        took = time.monotonic() - started
        print(f"work summary (docx): {status}, {len(body):,} bytes in {took:.2f} s undisturbed")
        thread, result = in_background(lambda: stand.call(server.base, path, token))
        victim = busy_worker(server)  # 0.3 s in: mid-report
        os.kill(victim, signal.SIGKILL)
        thread.join()
        status, answer = result["answer"]
        back = recovered(server)
        print(f"kill -9 worker {victim} mid-report: the client got {status or 'no answer'} ({answer[:80]!r}) "
              f"after {result['seconds']:.2f} s; server back in {back:.1f} s")  # fmt: skip
        status, body = stand.call(server.base, path, token)
        print(f"  asked again: {status}, {len(body):,} bytes, a docx: {body[:2] == b'PK'}")


def big_png(seed: int, side: int = 200) -> bytes:
    """A PNG of random grey pixels: it does not compress, so it is about side² bytes."""
    rng = random.Random(seed)
    raw = b"".join(b"\x00" + rng.randbytes(side) for _ in range(side))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    header = side.to_bytes(4, "big") * 2 + bytes([8, 0, 0, 0, 0])
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def drill_disk_full(accounts: dict) -> None:
    media = stand.VAR / "full-media"
    media.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(media)], check=True)
    try:
        (media / "filler").write_bytes(b"\0" * (512 - 60) * 1024)  # 60 KB left
        inspector = accounts["users"]["inspector"][0]["username"]
        with stand.serve(URL, env={"MEDIA_ROOT": str(media)}) as server:
            token = stand.token(server.base, inspector)
            mark = f"[disk-full-{int(time.time())}]"
            body = {"enterprise_id": accounts["enterprises"][0]["id"], "inspected_on": str(today()),
                    "type": "daily", "notes": f"{mark} 磁盘满"}  # fmt: skip
            status, answer = stand.call(
                server.base, "/api/v1/inspections", token, data=json.dumps(body).encode(),
                headers={"Content-Type": "application/json"},
            )  # fmt: skip
            inspection = json.loads(answer)["id"]
            for n in range(1, 4):
                photo = big_png(n)
                data, headers = stand.multipart("photos", f"site-{n}.png", photo, "image/png")
                status, answer = stand.call(server.base, f"/api/v1/inspections/{inspection}/photos", token, data=data, headers=headers)  # fmt: skip
                rows = count(
                    "SELECT count(*) FROM inspections_inspectionphoto WHERE inspection_id = %s", inspection
                )
                files = {
                    p.name: p.stat().st_size for p in media.rglob("*") if p.is_file() and p.name != "filler"
                }
                print(f"photo {n} ({len(photo):,} bytes): {status} {answer[:160].decode(errors='replace')!r}; "
                      f"photo rows {rows}; files on the disk {files}")  # fmt: skip
            status, _ = stand.call(server.base, "/api/v1/hazards?page_size=1", token)
            print(f"  the server afterwards: GET /api/v1/hazards {status}")
    finally:
        subprocess.run(["umount", str(media)], check=True)


def drill_worker_kill(accounts: dict) -> None:
    os.environ |= {"DATABASE_URL": URL, "DJANGO_SETTINGS_MODULE": "yingji.settings.local", "YINGJI_VAR": str(stand.VAR / "var")}  # fmt: skip
    import django

    django.setup()
    from django.utils import timezone

    from yingji.accounts.models import User
    from yingji.hazards import ledger_jobs
    from yingji.jobs.models import Job
    from yingji.jobs.prune import STALE, prune_finished

    rows = 20_000
    mark = f"[worker-kill-{int(time.time())}]"
    user = User.objects.get(username=accounts["users"]["bureau"][0]["username"])
    data = ledger(mark, rows, accounts["enterprises"])
    job = ledger_jobs.start_ledger_import(
        actor=user, data=data, filename=f"台账{mark}.xlsx", confirm_duplicate=False
    )
    log = open(stand.VAR / "worker.log", "w")  # noqa: SIM115 (closed below)
    worker = subprocess.Popen([sys.executable, "-m", "yingji.cli", "worker"], cwd=ROOT, env=os.environ | {"YINGJI_WORKER_INTERVAL": "1"}, stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
    while True:
        job.refresh_from_db()
        if job.state == Job.State.RUNNING and job.done > 0:
            break
        time.sleep(0.05)
    kept = job.params["path"]
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait()
    job.refresh_from_db()
    print(f"kill -9 `yingji worker` while the job ({rows:,} rows) was at {job.done:,}/{job.total}: job {job.pk} is "
          f"{job.state!r}; hazards of the file: {hazards_marked(mark)}; its kept upload still there: "
          f"{(stand.VAR / 'var' / 'media' / kept).exists()}")  # fmt: skip
    worker = subprocess.Popen([sys.executable, "-m", "yingji.cli", "worker"], cwd=ROOT, env=os.environ | {"YINGJI_WORKER_INTERVAL": "1"}, stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
    time.sleep(15)
    job.refresh_from_db()
    print(f"  a new worker, 15 s later: the job is {job.state!r} ({job.done:,}/{job.total}); hazards {hazards_marked(mark)}")  # fmt: skip
    worker.terminate()
    worker.wait()
    log.close()
    prune_finished(timezone.now() + STALE + datetime.timedelta(minutes=1))
    job.refresh_from_db()
    print(f"  the nightly prune, run as if {STALE} later: {job.state!r}, {job.message!r}")


def drill_postgres_restart(accounts: dict) -> None:
    from bench.load import run

    probes: list[tuple[float, int]] = []
    stop = threading.Event()
    with stand.serve(URL) as server:
        sessions = stand.sign_in_all(server.base, accounts)
        token = sessions[accounts["users"]["bureau"][0]["username"]]["token"]
        started = time.monotonic()

        def probe():
            while not stop.is_set():
                status, _ = stand.call(server.base, "/api/v1/hazards?page_size=1", token, timeout=10)
                probes.append((time.monotonic() - started, status))
                time.sleep(0.1)

        def restart():
            time.sleep(20)
            t = time.monotonic() - started
            done = subprocess.run(["runuser", "-u", "postgres", "--", "pg_ctlcluster", "15", "main", "restart"], check=False)  # fmt: skip
            restarts.append((t, time.monotonic() - started, done.returncode))

        restarts: list = []
        threading.Thread(target=probe, daemon=True).start()
        threading.Thread(target=restart, daemon=True).start()
        name = f"pgrestart{time.strftime('%H%M%S')}"
        result = run.locust(server.base, users=10, duration=60, run=name, out=stand.VAR)
        stop.set()
    ready = subprocess.run(
        ["pg_isready", "-h", "127.0.0.1"], check=False, capture_output=True, text=True
    ).stdout
    (t0, t1, rc) = restarts[0]
    during = Counter(s for t, s in probes if t0 <= t <= t1 + 0.5)
    after = [t for t, s in probes if t > t1 and s == 200]
    failing = [t for t, s in probes if s != 200]
    print(f"PostgreSQL restarted at {t0:.1f} s, back at {t1:.1f} s (pg_ctlcluster exit {rc}); pg_isready: {ready.strip()}")  # fmt: skip
    print(f"probe answers during the restart: {dict(during)}; failing probes from {min(failing, default=0):.1f} s to "
          f"{max(failing, default=0):.1f} s; first 200 after it at {min(after, default=float('nan')):.1f} s")  # fmt: skip
    print(f"locust, 10 users, 60 s: answers by status {result['record']['statuses']}")
    print(run.figures(result["stats"], 60))
    rows, problems = check.check(URL, result["record"])
    print(check.table(rows))
    print(
        "Writes: none lost or doubled, every one audited."
        if not problems
        else "PROBLEMS: " + "; ".join(problems)
    )
    print(f"unanswered writes: {result['record']['uncertain']}")


DRILLS = {
    "kill-import": drill_kill_import,
    "kill-report": drill_kill_report,
    "disk-full": drill_disk_full,
    "worker-kill": drill_worker_kill,
    "postgres-restart": drill_postgres_restart,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drill", required=True, choices=DRILLS)
    args = parser.parse_args()
    accounts = stand.prepare(URL)
    DRILLS[args.drill](accounts)


if __name__ == "__main__":
    main()
