"""The stand the load test and the fault drills run on: their own database (migrated, the demo
district loaded), accounts of five roles added with `yingji adduser`, and `yingji serve` with the
production settings as bench/province/measure.py starts it (gunicorn, the background worker
beside it, X-Forwarded-Proto: https sent by the client as nginx would).

The database is LOAD_DATABASE_URL, by default `loadtest` on the local PostgreSQL; it is created
when missing. The bench's and the test suite's databases are refused."""

# The stand runs our own commands against our own loopback server.
# ruff: noqa: S603, S310

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
VAR = ROOT / "var" / "bench" / "load"
DATABASE_URL = os.environ.get("LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/loadtest")
REFUSED = {"yingji_bench", "test", "postgres"}
PASSWORD = "Load-test-2026-Furong"  # noqa: S105 (the load users' own)
HEADERS = {"X-Forwarded-Proto": "https"}  # what the TLS-terminating proxy tells the app
DISTRICT = "430102"  # 芙蓉区, the demo district
# How many accounts of each role; locust users beyond these share them.
ACCOUNTS = {"bureau": 4, "inspector": 8, "enterprise": 8, "street": 4, "leader": 2}


@dataclass
class Server:
    base: str
    process: subprocess.Popen
    log: Path

    def web_workers(self) -> list[int]:
        """The gunicorn workers: the master's children that are not `yingji worker`."""
        return [pid for pid in _children(self.process.pid) if b"worker" not in _cmdline(pid).split(b"\0")]

    def job_worker(self) -> int | None:
        return next(
            (pid for pid in _children(self.process.pid) if b"worker" in _cmdline(pid).split(b"\0")), None
        )


def database_name(url: str) -> str:
    return url.rsplit("/", 1)[1].split("?")[0]


def prepare(url: str = DATABASE_URL) -> dict:
    """Create (if missing), migrate and load the demo into the database; add the load accounts.
    The accounts and the enterprises the users work on, as the locust file reads them."""
    name = database_name(url)
    if name in REFUSED:
        raise SystemExit(f"The load test does not run on the database {name!r}.")
    server_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server_url, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    env = os.environ | {"DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "yingji.settings.local"}
    yingji = [sys.executable, "-m", "yingji.cli"]
    subprocess.run([*yingji, "migrate", "--verbosity", "0"], check=True, cwd=ROOT, env=env)
    subprocess.run(
        [*yingji, "demo", "--skip-if-loaded"], check=True, cwd=ROOT, env=env, stdout=subprocess.DEVNULL
    )
    plan = _plan(url)
    for username, role, region, org in plan["adds"]:
        if not _exists(url, username):
            args = ["adduser", username, "--role", role, "--region", region, "--password", PASSWORD]
            args += ["--org", org] if org else []
            subprocess.run([*yingji, *args], check=True, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    accounts = {"password": PASSWORD, "district": DISTRICT} | {k: v for k, v in plan.items() if k != "adds"}
    VAR.mkdir(parents=True, exist_ok=True)
    (VAR / "accounts.json").write_text(json.dumps(accounts, ensure_ascii=False, indent=1))
    return accounts


def _plan(url: str) -> dict:
    """Who is added: the street users in the two streets with most enterprises, an enterprise
    user for each of the first enterprises there (the inspectors inspect those, so that the
    enterprise can submit its rectification), the rest of the roles at the bureau."""
    with psycopg.connect(url) as conn:
        streets = [
            code
            for (code,) in conn.execute(
                """SELECT substr(region_code, 1, 9) FROM enterprises_enterprise
                   WHERE region_code LIKE %s GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 2""",
                [DISTRICT + "%"],
            )
        ]
        enterprises = [
            {"id": pk, "uscc": uscc, "name": name, "street": region[:9]}
            for pk, uscc, name, region in conn.execute(
                """SELECT id, uscc, name, region_code FROM enterprises_enterprise
                   WHERE substr(region_code, 1, 9) = ANY(%s) AND uscc <> '' ORDER BY id LIMIT 40""",
                [streets],
            )
        ]
    adds, users = [], {role: [] for role in ACCOUNTS}
    for role, count in ACCOUNTS.items():
        for n in range(1, count + 1):
            username = f"lt-{role}-{n}"
            if role == "enterprise":
                enterprise = enterprises[n - 1]
                adds.append((username, role, enterprise["street"], enterprise["uscc"]))
                users[role].append({"username": username, "enterprise": enterprise["id"]})
            elif role == "street":
                street = streets[(n - 1) % len(streets)]
                adds.append((username, role, street, None))
                users[role].append({"username": username, "street": street})
            else:
                adds.append((username, role, DISTRICT, None))
                users[role].append({"username": username})
    return {"adds": adds, "users": users, "enterprises": enterprises}


def _exists(url: str, username: str) -> bool:
    with psycopg.connect(url) as conn:
        if not conn.execute("SELECT to_regclass('accounts_user')").fetchone()[0]:
            return False
        return bool(conn.execute("SELECT 1 FROM accounts_user WHERE username = %s", [username]).fetchone())


@contextmanager
def serve(
    url: str = DATABASE_URL, *, workers: int = 2, timeout: int = 60, env: dict | None = None, var: Path = VAR
) -> Iterator[Server]:
    """`yingji serve` on a free port with the production settings, until the block ends (the
    province benchmark's server too: bench/province/measure.py)."""
    port = _free_port()
    var.mkdir(parents=True, exist_ok=True)
    env = (
        os.environ
        | {
            "DJANGO_SETTINGS_MODULE": "yingji.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "DEBUG": "false",
            "DATABASE_URL": url,
            "STATIC_ROOT": str(var / "static"),
            "YINGJI_VAR": str(var / "var"),
            # The load users have no authenticator: production would send them to enrol first.
            "YINGJI_2FA_REQUIRED": "false",
        }
        | (env or {})
    )
    log = var / "serve.log"
    with open(log, "w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "yingji.cli", "serve", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
             "--timeout", str(timeout)],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
        server = Server(f"http://127.0.0.1:{port}", process, log)
        try:
            wait_until_up(server.base, process)
            yield server
        finally:
            process.terminate()
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_until_up(base: str, process: subprocess.Popen | None = None, seconds: float = 120) -> float:
    """Seconds until the server answers its schema."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"yingji serve exited with {process.returncode}")
        try:
            with urllib.request.urlopen(
                urllib.request.Request(base + "/api/v1/schema", headers=HEADERS), timeout=5
            ):
                return time.monotonic() - started
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RuntimeError(f"{base} did not come up in {seconds} s")


def token(base: str, username: str, password: str = PASSWORD) -> str:
    request = urllib.request.Request(
        base + "/api/v1/auth/token",
        data=json.dumps({"username": username, "password": password}).encode(),
        headers=HEADERS | {"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())["token"]


def sign_in_all(base: str, accounts: dict) -> dict:
    """Every account's API token, and a signed-in session for the leaders (the dashboard page),
    taken before the load: a day's users are signed in already, and password hashing on the
    two cores would otherwise be the first minute's figures."""
    from bench.province.pages import Browser

    sessions = {}
    for role, users in accounts["users"].items():
        for user in users:
            sessions[user["username"]] = {"token": token(base, user["username"])}
            if role == "leader":
                browser = Browser(base)
                browser.sign_in(user["username"], PASSWORD)
                sessions[user["username"]]["cookies"] = browser.cookies
    path = VAR / "sessions.json"
    path.write_text(json.dumps(sessions))
    return sessions


def warm_up(base: str, sessions: dict, accounts: dict) -> None:
    """A few calls to each kind of page, so that no worker's first import or template is timed."""
    leader = sessions[accounts["users"]["leader"][0]["username"]]
    year = time.strftime("%Y")
    paths = ["/api/v1/hazards", f"/api/v1/stats?indicators=hazards.found&year={year}&period=ytd",
             f"/api/v1/reports/work-summary?region={DISTRICT}&year={year}&period=ytd&format=docx"]  # fmt: skip
    cookie = {"Cookie": "; ".join(f"{k}={v}" for k, v in leader["cookies"].items())}
    for _ in range(4):
        for path in paths:
            call(base, path, leader["token"])
        call(base, "/", "", headers=cookie)


def call(base: str, path: str, token: str, *, data: bytes | None = None, headers: dict | None = None,
         timeout: float = 600) -> tuple[int, bytes]:  # fmt: skip
    """One request; (status, body), or (0, the error) when no answer came."""
    request = urllib.request.Request(
        base + path, data=data, headers=HEADERS | {"Authorization": f"Bearer {token}"} | (headers or {})
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError) as e:
        return 0, repr(e).encode()


def multipart(field: str, filename: str, content: bytes, content_type: str) -> tuple[bytes, dict]:
    boundary = secrets.token_hex(16)
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n"
        ).encode()
        + content
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except FileNotFoundError:
        return b""


def cpu_ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return 0
    return int(fields[11]) + int(fields[12])  # utime + stime
