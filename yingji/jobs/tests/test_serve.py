"""`yingji serve` runs the worker beside the web server, so a newcomer needs no third command."""

import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command

from yingji.core.management.commands import serve

SLEEPER = [sys.executable, "-c", "import time; time.sleep(60)"]


@pytest.fixture
def server(monkeypatch):
    """gunicorn replaced by a stand-in that records whether the worker was alive while it served."""
    seen = {}

    def run(self):
        seen["worker alive while serving"] = all(p.poll() is None for p in started)

    started: list[subprocess.Popen] = []
    real_start = serve.Command.start_worker

    def start_worker(self):
        started.append(real_start(self))
        return started[-1]

    monkeypatch.setattr(serve.YingjiServer, "run", run)
    monkeypatch.setattr(serve.Command, "worker_command", lambda self: SLEEPER)
    monkeypatch.setattr(serve.Command, "start_worker", start_worker)
    return seen, started


def test_serve_starts_the_worker_and_stops_it_with_the_server(server):
    seen, started = server

    call_command("serve", "--no-collectstatic", stdout=StringIO())

    assert len(started) == 1
    assert seen == {"worker alive while serving": True}
    assert started[0].poll() is not None  # stopped when the server stopped


def test_serve_no_worker_leaves_the_worker_to_its_own_service(server):
    seen, started = server

    call_command("serve", "--no-collectstatic", "--no-worker", stdout=StringIO())

    assert started == []
    assert seen == {"worker alive while serving": True}


def test_the_worker_beside_the_server_is_yingji_worker():
    assert serve.Command().worker_command()[-3:] == ["-m", "yingji.cli", "worker"]
