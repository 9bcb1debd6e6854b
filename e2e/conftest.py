"""Browser journeys against a real server: `yingji migrate`, `yingji demo --size small` and
`yingji serve` (gunicorn) in a scratch directory, driven by Playwright in Debian's Chromium.

The database follows DATABASE_URL like the rest of the suite: SQLite by default, and on
PostgreSQL a scratch database `<name>_e2e` on the same server.
"""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import dj_database_url
import pytest
from playwright.sync_api import expect, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).parent / "artifacts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _database_url(tmp: Path) -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return f"sqlite:///{tmp / 'e2e.sqlite3'}"
    import psycopg

    config = dj_database_url.parse(url)
    name = f"{config['NAME']}_e2e"
    dsn = url.rsplit("/", 1)[0] + "/" + config["NAME"]
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0] + "/" + name


def _yingji(*args, env, **kwargs):
    return subprocess.run([sys.executable, "-m", "yingji.cli", *args], env=env, check=True, **kwargs)


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("e2e")
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "yingji.settings.local",
        "YINGJI_VAR": str(tmp),
        "DATABASE_URL": _database_url(tmp),
    }
    _yingji("migrate", "--verbosity", "0", env=env)
    demo = _yingji("demo", "--size", "small", "--seed", "1", env=env, capture_output=True, text=True).stdout
    accounts = dict(re.findall(r"^\s+\w+\s+(\w+)\s+(\S+)\s", demo, re.MULTILINE))
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [sys.executable, "-m", "yingji.cli", "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        env=env,
        stdout=open(tmp / "serve.log", "w"),  # noqa: SIM115
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_until_up(base + "/login/", process)
        yield {"url": base, "accounts": accounts, "env": env}
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_until_up(url: str, process, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"yingji serve exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (our own loopback server)
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"yingji serve did not answer {url} within {seconds} s")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: `make test` installs Debian's chromium (scripts/install-test-deps)."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-US")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert not errors, f"console errors: {errors}"


def log_in(page, server, username):
    """Sign in through the login page, in Chinese, as one of the demo's accounts."""
    page.goto(server["url"] + "/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(server["accounts"][username])
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_test_id("welcome")).to_be_visible()
