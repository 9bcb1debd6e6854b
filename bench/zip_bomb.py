"""Benchmark of the upload checks (yingji/core/uploads.py): zip bombs and a real ledger posted to
POST /api/v1/hazards/import of `yingji serve` (one gunicorn worker, started afresh for each file),
with the worker's peak memory (VmHWM) after each. Figures: bench/README.md.

    .venv/bin/python bench/zip_bomb.py              # build the files (once), post each
    .venv/bin/python bench/zip_bomb.py --only legit-export

The database is `zipbomb` on postgres://postgres@127.0.0.1:5432/ (ZIPBOMB_DATABASE_URL to
change), created and migrated, with a bureau user and 2,000 enterprises (bench/ledger_import.py's).
Files go to $TMPDIR/yingji-bench/bombs/.
"""

# A benchmark prints its figures and posts to our own loopback server.
# ruff: noqa: T201, S603, S310

import argparse
import dataclasses
import datetime
import json
import os
import struct
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
os.environ["BENCH_DATABASE_URL"] = os.environ.get(
    "ZIPBOMB_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/zipbomb"
)
import ledger_import as lb  # noqa: E402 (after the database is chosen)

BOMBS = lb.WORK / "bombs"
MB = 1024 * 1024
SHEET = "xl/worksheets/sheet1.xml"
PARTS = {
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
    'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
    '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}
HEAD = b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
TAIL = b"</sheetData></worksheet>"


# The files ------------------------------------------------------------------------------


def bomb(path: Path, unpacked: int) -> None:
    """A ledger header, then one ledger-like row over and over up to `unpacked` bytes of sheet
    XML: deflated about 300:1, as the issue's files were."""
    header = "".join(
        f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{h}</t></is></c>'
        for i, h in enumerate(["序号", "单位名称", "隐患描述", "隐患等级", "发现日期"])
    )
    body = (
        '<row><c t="inlineStr"><is><t>1</t></is></c><c t="inlineStr"><is><t>某某有限公司</t></is></c>'
        '<c t="inlineStr"><is><t>配电箱未上锁，电气线路私拉乱接</t></is></c><c t="inlineStr"><is><t>一般'
        "</t></is></c><c><v>46000</v></c></row>"
    ).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in PARTS.items():
            archive.writestr(name, text)
        with archive.open(SHEET, "w", force_zip64=True) as sheet:
            sheet.write(HEAD + f'<row r="1">{header}</row>'.encode())
            block = body * (MB // len(body))
            for _ in range(unpacked // len(block)):
                sheet.write(block)
            sheet.write(TAIL)


def near_limits(path: Path, unpacked: int = 36 * 1000 * 1000) -> None:
    """Within every limit, as close as it gets: 149,000 rows (~36 MB of sheet), each
    wrong (an unknown enterprise), so that validation holds a problem for every row too."""
    header = "".join(
        f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{h}</t></is></c>'
        for i, h in enumerate(["单位名称", "隐患描述", "隐患等级", "发现日期", "序号"])
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in PARTS.items():
            archive.writestr(name, text)
        with archive.open(SHEET, "w", force_zip64=True) as sheet:
            sheet.write(HEAD + f'<row r="1">{header}</row>'.encode())
            written, n = 0, 1
            while written < unpacked - 2 * MB:
                rows = "".join(
                    f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>某{r}</t></is></c><c r="B{r}" t="inlineStr">'
                    f'<is><t>隐患{r}</t></is></c><c r="C{r}" t="inlineStr"><is><t>一般</t></is></c>'
                    f'<c r="D{r}"><v>46000</v></c><c r="E{r}"><v>{r}</v></c></row>'
                    for r in range(n + 1, n + 10_001)
                ).encode()
                sheet.write(rows)
                written, n = written + len(rows), n + 10_000
            sheet.write(TAIL)


def lying(source: Path, path: Path, declared: int = 1024) -> None:
    """The same zip, its sheet declaring `declared` bytes unpacked in both headers."""
    data = bytearray(source.read_bytes())
    name = SHEET.encode()
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        at = 0
        while (at := data.find(signature, at)) >= 0:
            if data[at + name_at : at + name_at + len(name)] == name:
                struct.pack_into("<I", data, at + size_at, declared)
            at += 4
    path.write_bytes(bytes(data))


def corner(path: Path) -> None:
    """1.5 KB: a cell in A1 and one in XFD1048576, a rectangle of 17 billion cells."""
    sheet = (
        HEAD + b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row r="1048576">'
        b'<c r="XFD1048576" t="inlineStr"><is><t>y</t></is></c></row>' + TAIL
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in PARTS.items():
            archive.writestr(name, text)
        archive.writestr(SHEET, sheet)


def legit_export(path: Path) -> None:
    """100,000 rows as the ledger's own export writes them (inline strings: the largest
    unpacked form of a real ledger), for the enterprises of the bench's district."""
    from yingji.enterprises.models import Enterprise
    from yingji.hazards.ledger import xlsx_stream

    enterprises = list(Enterprise.objects.filter(name__startswith="基准").values_list("name", "uscc"))
    day = lb.TODAY - datetime.timedelta(days=30)

    def rows():
        for n in range(1, lb.LEDGER_ROWS + 1):
            name, code = enterprises[n % len(enterprises)]
            yield (n, name, code, f"第{n}条：配电箱未上锁，电气线路私拉乱接", "配电间", "物的不安全状态",
                   "一般", "监管检查", day, "加锁，线路穿管", "王电工", day + datetime.timedelta(days=15),
                   1200.5, None, None, None, "整改中", "")  # fmt: skip

    with open(path, "wb") as out:
        for chunk in xlsx_stream(rows()):
            out.write(chunk)


def build() -> dict[str, Path]:
    BOMBS.mkdir(parents=True, exist_ok=True)
    files = {
        "bomb-1.9GB": BOMBS / "bomb-1900mb.xlsx",
        "bomb-200MB": BOMBS / "bomb-200mb.xlsx",
        "lying-1.9GB": BOMBS / "lying-1900mb.xlsx",
        "corner": BOMBS / "corner.xlsx",
        "near-limits": BOMBS / "near-limits.xlsx",
        "legit-openpyxl": BOMBS / "ledger-100000-openpyxl.xlsx",
        "legit-export": BOMBS / "ledger-100000-export.xlsx",
    }
    if not files["bomb-1.9GB"].exists():
        bomb(files["bomb-1.9GB"], 1900 * 1000 * 1000)
    if not files["bomb-200MB"].exists():
        bomb(files["bomb-200MB"], 200 * 1000 * 1000)
    if not files["lying-1.9GB"].exists():
        lying(files["bomb-1.9GB"], files["lying-1.9GB"])
    corner(files["corner"])
    if not files["near-limits"].exists():
        near_limits(files["near-limits"])
    if not files["legit-openpyxl"].exists():
        lb.make_ledger(files["legit-openpyxl"])
    if not files["legit-export"].exists():
        legit_export(files["legit-export"])
    return files


def sizes(path: Path) -> tuple[float, float, float]:
    """MB as sent, as the sheet declares, and as it actually inflates."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(SHEET) if SHEET in archive.namelist() else archive.infolist()[0]
        declared = info.file_size
    from yingji.core import uploads

    budget = uploads._Budget(dataclasses.replace(uploads.WEB.scaled(100), ratio=10**6))  # measure, not refuse
    actual = sum(len(piece) for piece in budget.inflate(path.read_bytes(), info))
    return path.stat().st_size / MB, declared / MB, actual / MB


# Posting --------------------------------------------------------------------------------


def seed() -> None:
    from yingji.accounts.models import Organisation, User

    lb.make_enterprises()
    organisation, _ = Organisation.objects.get_or_create(
        region_id="430102", name="芙蓉区应急管理局", defaults={"kind": "bureau"}
    )
    user = User.objects.filter(username=lb.USERNAME).first() or User(username=lb.USERNAME, role="bureau")
    user.organisation, user.name = organisation, "基准测试"
    user.set_password(lb.PASSWORD)
    user.save()


def post(url: str, path: Path, token: str) -> tuple[int, dict]:
    boundary = "yingji-bench-boundary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{path.name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + path.read_bytes()
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(
        url,
        data=body,
        headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Authorization": f"Bearer {token}",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=600) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}")
    except (urllib.error.URLError, ConnectionError) as e:  # the worker died
        return 0, {"error": str(e)}


def measure(name: str, path: Path) -> dict:
    """A fresh server with one worker, the file posted, the worker's peak memory."""
    port = lb.free_port()
    base = f"http://127.0.0.1:{port}"
    with open(lb.WORK / "zipbomb-serve.log", "a") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "yingji.cli", "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1",
             "--timeout", "300", "--no-collectstatic"],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            lb.wait_for(base + "/api/v1/schema")
            token = lb.post_json(
                base + "/api/v1/auth/token", {"username": lb.USERNAME, "password": lb.PASSWORD}
            )["token"]
            workers = lb.children(server.pid)
            idle = max(lb.peak_mb(pid) for pid in workers)
            before = lb.max_hazard_id()
            started = time.perf_counter()
            status, answer = post(base + "/api/v1/hazards/import?confirm_duplicate=true", path, token)
            seconds = time.perf_counter() - started
            peak = max((lb.peak_mb(pid) for pid in workers if Path(f"/proc/{pid}").exists()), default=0.0)
            lb.remove_since(before)
        finally:
            server.terminate()
            server.wait(timeout=60)
    message = answer.get("created") if status == 201 else (answer.get("errors", {}).get("file") or answer)
    return {
        "file": name,
        "status": status,
        "seconds": seconds,
        "idle_mb": idle,
        "peak_mb": peak,
        "answer": message,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", nargs="*", help="file names to post (default: all)")
    args = parser.parse_args()
    lb.WORK.mkdir(parents=True, exist_ok=True)
    lb.create_database()
    lb.setup_django()
    seed()
    files = build()
    print(f"{'file':<16} {'sent MB':>8} {'declared':>9} {'actual':>8} {'status':>6} {'s':>6} {'idle MB':>8} "
          f"{'peak MB':>8}  answer")  # fmt: skip
    for name, path in files.items():
        if args.only and name not in args.only:
            continue
        sent, declared, actual = sizes(path)
        r = measure(name, path)
        print(f"{name:<16} {sent:8.2f} {declared:9.1f} {actual:8.1f} {r['status']:>6} {r['seconds']:6.1f} "
              f"{r['idle_mb']:8.0f} {r['peak_mb']:8.0f}  {str(r['answer'])[:110]}", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
