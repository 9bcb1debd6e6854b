"""What a leader opens, through `yingji serve` (issue 16): the dashboard page and the large
screen (HTML, signed in through the login form), and the stats API call behind each card of the
dashboard (year to date with 同比), for the province's, a city's and a county's bureau user.
Server time is what the client waits for on the same machine: the request, the queries, the
rendering; no network. p50 and p95 of `--repeat` calls after a warm-up.

    .venv/bin/python bench/province/pages.py                # the database of bench/province/run.py
    .venv/bin/python bench/province/pages.py --repeat 40 --workers 2
    .venv/bin/python bench/province/pages.py --computed     # every call computed: no kept numbers

The bench users have no authenticator enrolled: the server runs with YINGJI_2FA_REQUIRED=false
(measure.server; the policy is a redirect before the page, not part of its cost).
"""

# The benchmark prints its figures.
# ruff: noqa: T201

import argparse
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
DATABASE_URL = os.environ.get("PROVINCE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/yingji_bench")
VAR = ROOT / "var" / "bench"

USERS = {"province": ("bench-43", "43"), "city": ("bench-4301", "4301"), "county": ("bench-430181", "430181")}
PAGES = {"dashboard": "/", "large screen": "/dashboard/screen/"}
TARGET_PAGE_MS, TARGET_API_MS = 150, 50


class _Stay(urllib.request.HTTPRedirectHandler):
    """Keep a redirect's answer (the login's cookies come with it)."""

    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Cookies by hand: the production cookies are Secure, and the proxy's header says https."""

    def __init__(self, base: str):
        self.base, self.cookies = base, {}
        self.opener = urllib.request.build_opener(_Stay)

    def open(self, path: str, data: dict | None = None) -> tuple[int, str]:
        from bench.province.measure import HEADERS

        headers = HEADERS | {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if data is not None:
            origin = self.base.replace("http://", "https://")  # as the browser saw it, behind TLS
            headers |= {"Referer": origin + path, "Origin": origin}
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers=headers)  # noqa: S310 (http to our server)
        try:
            response = self.opener.open(request, timeout=600)
        except urllib.error.HTTPError as answer:
            response = answer
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response.status, response.read().decode("utf-8", "replace")

    def sign_in(self, username: str, password: str) -> None:
        _status, page = self.open("/login/")
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
        status, _ = self.open(
            "/login/", {"username": username, "password": password, "csrfmiddlewaretoken": csrf}
        )
        assert status == 302, f"sign-in of {username} answered {status}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--computed",
        action="store_true",
        help="compute every page and answer (no kept numbers): the first visit after a change",
    )
    args = parser.parse_args()
    if args.computed:
        os.environ["YINGJI_KEPT_SECONDS"] = "0"  # the server inherits it (measure.server)
    os.environ["DATABASE_URL"] = DATABASE_URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yingji.settings.local")
    import django

    django.setup()
    from bench.province import measure
    from yingji.web.dashboard import CARDS

    for username, region in USERS.values():
        measure.ensure_user(DATABASE_URL, username, region)
    (VAR / "var").mkdir(parents=True, exist_ok=True)
    rows = []
    with measure.server(DATABASE_URL, args.workers, VAR) as base:
        for who, (username, _region) in USERS.items():
            browser = Browser(base)
            browser.sign_in(username, measure.PASSWORD)
            token = measure.token(base, username)
            for name, path in PAGES.items():
                rows.append((who, name, "page", _time(lambda p=path, b=browser: _ok(b.open(p)), args)))
            for key in CARDS:
                path = f"/api/v1/stats?indicators={key}&year=2026&period=ytd&compare=yoy"
                rows.append((who, f"`{key}`", "api", _time(lambda p=path, t=token: _ok(measure.get(base, p, t)), args)))  # fmt: skip
    kept = "computed on every call" if args.computed else "kept numbers (yingji/stats/kept.py)"
    print(
        f"Through `yingji serve` ({args.workers} workers, {kept}), {args.repeat} calls after {args.warmup}, ms:"
    )
    print("| user | what | p50 | p95 | target |\n| --- | --- | ---: | ---: | ---: |")
    for who, name, kind, timing in rows:
        target = TARGET_PAGE_MS if kind == "page" else TARGET_API_MS
        mark = "" if timing.p95 < target else " ✗"
        print(f"| {who} | {name} | {timing.median:,.0f} | {timing.p95:,.0f}{mark} | {target} |")


def _ok(answer: tuple[int, object]) -> None:
    assert answer[0] == 200, answer[0]


def _time(call, args):
    from bench.province.measure import clock

    return clock(call, repeat=args.repeat, warmup=args.warmup, budget=120)


if __name__ == "__main__":
    main()
