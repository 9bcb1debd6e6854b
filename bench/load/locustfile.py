"""Mixed-role users of one county doing their real journeys against `yingji serve`, for locust:

- inspector: records an inspection with a hazard (POST /inspections), adds its site photo, and
  accepts rectifications the enterprises submitted (approve);
- bureau: assigns the rectification of the hazards the inspectors found (assign), imports a
  hazard ledger (xlsx, 10 rows), reads the hazard list;
- enterprise: submits the rectification of its hazards (submit), reads its hazards;
- street: registers a hazard in its street, reads its street's hazards;
- leader: opens the dashboard page (signed in through the login form), asks the stats API for
  the dashboard's cards, downloads the work summary (docx).

The hazard loop runs across users: the hazard an inspector found waits in a queue for a bureau
user, then for the user of its enterprise, then for an inspector. Every write carries a marker
("[run:kind-n]" at the start of a description or the notes) and every acknowledged write is
recorded, with the ids the server gave; at the end the record goes to LOAD_WRITES, for
check.py to compare with the database. LOAD_ACCOUNTS names the accounts (stand.py)."""

# Random choices of which enterprise and which day, not secrets.
# ruff: noqa: S311

import datetime
import hashlib
import io
import itertools
import json
import os
import random
import struct
import threading
import zlib
from collections import Counter, defaultdict, deque
from zoneinfo import ZoneInfo

from locust import HttpUser, between, events, task

ACCOUNTS = json.loads(open(os.environ["LOAD_ACCOUNTS"]).read())  # noqa: SIM115, PTH123 (read once, at import)
# Each account's token and the leaders' signed-in sessions (stand.sign_in_all).
SESSIONS = json.loads(open(os.environ["LOAD_SESSIONS"]).read())  # noqa: SIM115, PTH123
RUN = os.environ.get("LOAD_RUN", "lt")
HEADERS = {"X-Forwarded-Proto": "https"}  # the TLS-terminating proxy's word
TODAY = datetime.datetime.now(ZoneInfo("Asia/Shanghai")).date()
ENTERPRISES = ACCOUNTS["enterprises"]
WITH_USER = [u["enterprise"] for u in ACCOUNTS["users"]["enterprise"]]
LEDGER_ROWS = 10
INDICATORS = "hazards.found,hazards.rectified,hazards.rectification_rate,hazards.overdue,hazards.major_found"

# The hazard loop's queues, shared by the users of this process.
TO_ASSIGN: deque = deque()
TO_SUBMIT: dict[int, deque] = defaultdict(deque)
TO_ACCEPT: deque = deque()

# What the server acknowledged, and the writes it did not (no answer, or a 5xx).
WRITES: dict[str, list] = {"inspections": [], "hazards": [], "photos_of": [], "actions": [], "imports": []}
UNCERTAIN: list[dict] = []
STATUSES: Counter = Counter()
_numbers = itertools.count(1)
_lock = threading.Lock()
_next_account = {role: itertools.count() for role in ACCOUNTS["users"]}


def marker(kind: str) -> str:
    return f"[{RUN}:{kind}-{next(_numbers)}]"


def png(seed: str) -> bytes:
    """A small PNG whose pixels come from the seed: every photo is a different file."""
    pixels = hashlib.sha256(seed.encode()).digest() * 2  # 64 bytes: 8 rows of 8 pixels, grey
    raw = b"".join(b"\x00" + pixels[row * 8 : row * 8 + 8] for row in range(8))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 8, 8, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def ledger(mark: str, rows: int) -> bytes:
    """A hazard ledger as a bureau keeps it in Excel: the template's headers, dates as date cells."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(
        ["序号", "单位名称", "统一社会信用代码", "隐患描述", "隐患等级", "隐患来源", "发现日期", "状态"]
    )
    for n in range(1, rows + 1):
        e = random.choice(ENTERPRISES)
        found = TODAY - datetime.timedelta(days=random.randrange(0, 60))
        sheet.append(
            [n, e["name"], e["uscc"], f"{mark} 第{n}行 消防通道堆放杂物", "一般", "监管检查", found, "待整改"]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


class Yingji(HttpUser):
    abstract = True
    wait_time = between(1, 3)
    role = ""

    def on_start(self) -> None:
        accounts = ACCOUNTS["users"][self.role]
        self.account = accounts[next(_next_account[self.role]) % len(accounts)]
        self.session = SESSIONS[self.account["username"]]
        self.headers = HEADERS | {"Authorization": f"Bearer {self.session['token']}"}

    def api(self, method: str, path: str, name: str, *, write: str | None = None, expect=(200, 201), **kw):
        """A request of the API; a write that got no answer or a 5xx is recorded as uncertain."""
        with self.client.request(
            method, path, headers=self.headers, name=name, catch_response=True, **kw
        ) as response:
            STATUSES[response.status_code] += 1
            if response.status_code in expect:
                response.success()
                return response
            response.failure(f"{response.status_code}: {response.text[:200]}")
            if write and (response.status_code == 0 or response.status_code >= 500):
                UNCERTAIN.append({"marker": write, "name": name, "status": response.status_code})
            return None


class Inspector(Yingji):
    role = "inspector"
    weight = 4

    @task(3)
    def record_inspection(self) -> None:
        enterprise = random.choice(WITH_USER)
        mark, hazard_mark = marker("i"), marker("h")
        body = {
            "enterprise_id": enterprise,
            "inspected_on": TODAY.isoformat(),
            "type": "daily",
            "notes": f"{mark} 日常检查",
            "hazards": [
                {"description": f"{hazard_mark} 配电箱前堆放杂物", "level": "general", "location": "一楼"}
            ],
        }
        answer = self.api("POST", "/api/v1/inspections", "POST /api/v1/inspections", write=mark, json=body)
        if answer is None:
            return
        inspection = answer.json()
        hazard = inspection["hazard_ids"][0]
        with _lock:
            WRITES["inspections"].append({"id": inspection["id"], "marker": mark})
            WRITES["hazards"].append({"id": hazard, "marker": hazard_mark})
        TO_ASSIGN.append((hazard, enterprise))
        photo = {"photos": (f"site-{inspection['id']}.png", png(mark), "image/png")}
        answer = self.api(
            "POST", f"/api/v1/inspections/{inspection['id']}/photos", "POST /api/v1/inspections/[id]/photos",
            write=f"photo {mark}", files=photo,
        )  # fmt: skip
        if answer is not None:
            WRITES["photos_of"] += [inspection["id"] for _photo in answer.json()]

    @task(2)
    def accept(self) -> None:
        if not TO_ACCEPT:
            self.api("GET", "/api/v1/hazards?status=awaiting_review", "GET /api/v1/hazards (list)")
            return
        act(self, TO_ACCEPT.popleft(), "approve", {})


class Bureau(Yingji):
    role = "bureau"
    weight = 2

    @task(4)
    def assign(self) -> None:
        if not TO_ASSIGN:
            self.api("GET", "/api/v1/hazards?status=reported", "GET /api/v1/hazards (list)")
            return
        hazard, enterprise = TO_ASSIGN.popleft()
        deadline = (TODAY + datetime.timedelta(days=30)).isoformat()
        data = {"measures": "清理杂物，设置警示标志", "responsible": "陈安全", "deadline": deadline}
        if act(self, hazard, "assign", data):
            TO_SUBMIT[enterprise].append(hazard)

    @task(1)
    def import_ledger(self) -> None:
        mark = marker("l")
        content = ledger(mark, LEDGER_ROWS)
        xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        answer = self.api(
            "POST", "/api/v1/hazards/import", "POST /api/v1/hazards/import", write=mark,
            files={"file": (f"台账{mark}.xlsx", content, xlsx)},
        )  # fmt: skip
        if answer is not None:
            WRITES["imports"].append({"marker": mark, "created": answer.json()["created"]})

    @task(2)
    def hazards(self) -> None:
        self.api("GET", "/api/v1/hazards?overdue=true", "GET /api/v1/hazards (list)")


class Enterprise(Yingji):
    role = "enterprise"
    weight = 2

    @task
    def submit(self) -> None:
        waiting = TO_SUBMIT[self.account["enterprise"]]
        if not waiting:
            self.api("GET", "/api/v1/hazards?status=rectifying", "GET /api/v1/hazards (list)")
            return
        hazard = waiting.popleft()
        if act(self, hazard, "submit", {"note": "已清理", "rectified_at": TODAY.isoformat()}):
            TO_ACCEPT.append(hazard)


class Street(Yingji):
    role = "street"
    weight = 1

    @task(1)
    def register(self) -> None:
        street = self.account["street"]
        enterprise = random.choice([e["id"] for e in ENTERPRISES if e["street"] == street])
        mark = marker("h")
        body = {
            "enterprise_id": enterprise,
            "description": f"{mark} 消防器材过期",
            "found_at": TODAY.isoformat(),
            "source": "other",
        }
        answer = self.api("POST", "/api/v1/hazards", "POST /api/v1/hazards", write=mark, json=body)
        if answer is not None:
            WRITES["hazards"].append({"id": answer.json()["id"], "marker": mark})

    @task(3)
    def hazards(self) -> None:
        self.api("GET", f"/api/v1/hazards?street={self.account['street']}", "GET /api/v1/hazards (list)")


class Leader(Yingji):
    role = "leader"
    weight = 1

    def page(self, path: str, name: str):
        """A page of the signed-in session; its cookie by hand: production's are Secure, and
        the client speaks http."""
        cookies = self.session["cookies"]
        headers = HEADERS | {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
        with self.client.get(
            path, headers=headers, name=name, allow_redirects=False, catch_response=True
        ) as response:
            STATUSES[response.status_code] += 1
            if response.status_code == 200:
                response.success()
            else:
                response.failure(f"{response.status_code}")

    @task(3)
    def dashboard(self) -> None:
        self.page("/", "GET / (dashboard)")

    @task(3)
    def stats(self) -> None:
        query = f"indicators={INDICATORS}&year={TODAY.year}&period=ytd&compare=yoy"
        self.api("GET", f"/api/v1/stats?{query}", "GET /api/v1/stats")

    @task(1)
    def work_summary(self) -> None:
        query = f"region={ACCOUNTS['district']}&year={TODAY.year}&period=ytd&format=docx"
        self.api("GET", f"/api/v1/reports/work-summary?{query}", "GET /api/v1/reports/work-summary (docx)")


def act(user: Yingji, hazard: int, action: str, data: dict) -> bool:
    answer = user.api(
        "POST", f"/api/v1/hazards/{hazard}/actions/{action}", f"POST /api/v1/hazards/[id]/actions/{action}",
        write=f"{hazard}:{action}", json=data,
    )  # fmt: skip
    if answer is not None:
        WRITES["actions"].append([hazard, action])
    return answer is not None


@events.quitting.add_listener
def _record(environment, **kwargs) -> None:
    path = os.environ.get("LOAD_WRITES")
    if path:
        record = {"run": RUN, "writes": WRITES, "uncertain": UNCERTAIN, "statuses": dict(STATUSES)}
        with open(path, "w") as out:  # noqa: PTH123
            json.dump(record, out)
