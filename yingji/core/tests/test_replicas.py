"""Statistics and reports read from a real PostgreSQL streaming replica (yingji.core.replicas).

The shared server refuses replication connections (its pg_hba.conf has no `replication` line, and
a test does not edit a server others use), and a base backup of it would copy every database on
it. So the module makes its own pair: a primary (initdb) on a free port, a replica of it made
with `pg_basebackup -R -X stream` on another, and the schema migrated on the primary (and so
streamed to the replica). For the module `default` is that primary and `replica1` that replica,
with the router on; both servers are stopped and their directories removed at the end.

The proof that a number came from the replica: its replay is paused, a hazard is registered on
the primary, and the reader is still told the number without it.
"""

import datetime
import os
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections, router, transaction
from django.db.models.expressions import RawSQL
from django.test import Client, RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import token_for, user_factory
from yingji.core import replicas
from yingji.enterprises.models import Enterprise
from yingji.enterprises.tests.factories import enterprise_factory
from yingji.hazards.models import Hazard
from yingji.hazards.tests.factories import hazard_factory
from yingji.regions.models import Region

BIN = Path("/usr/lib/postgresql/15/bin")
DISTRICT, DONGAN = "430102", "430102015"
NAME = "yingji"

pytestmark = [
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="replicas are PostgreSQL's: run with DATABASE_URL=postgres://… to test them",
    ),
    pytest.mark.skipif(not (BIN / "pg_basebackup").exists(), reason=f"no PostgreSQL 15 programs in {BIN}"),
]


class Server:
    """A PostgreSQL server of the test's own, run as the postgres user."""

    def __init__(self, root: Path, name: str):
        self.data, self.port = root / name, _free_port()
        self.sockets, self.log = root, root / f"{name}.log"

    def pg(self, program: str, *args: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, str(BIN / program), *args], check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.sockets}"
            " -c fsync=off -c shared_buffers=16MB -c max_connections=20"
        )
        self.pg("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self.pg("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def sql(self, statement: str):
        with psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname=NAME, autocommit=True
        ) as c:
            return c.execute(statement).fetchone()[0]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def servers():
    root = Path(tempfile.mkdtemp(prefix="yingji-replica-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    primary, replica = Server(root, "primary"), Server(root, "replica")
    try:
        primary.pg("initdb", "-D", str(primary.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                   "--locale=C.UTF-8", "--no-sync")  # fmt: skip
        primary.start()
        primary.pg("createdb", "-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres", NAME)
        replica.pg("pg_basebackup", "-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres",
                   "-D", str(replica.data), "-R", "-X", "stream", "-c", "fast")  # fmt: skip
        replica.start()
        yield primary, replica
    finally:
        replica.stop()
        primary.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def replicated(servers, django_db_blocker):
    """`default` on the test's primary, migrated; `replica1` on its replica; the router on."""
    primary, replica = servers
    default = connections["default"]
    saved = dict(default.settings_dict)
    with django_db_blocker.unblock():
        default.close()
        default.settings_dict.update(HOST="127.0.0.1", PORT=primary.port, NAME=NAME)
        ContentType.objects.clear_cache()  # ids of the suite's own database, if it made one
        connections.settings["replica1"] = dict(default.settings_dict, PORT=replica.port)
        try:
            call_command("migrate", verbosity=0)
            _caught_up(primary, replica)
            with override_settings(
                DATABASE_REPLICAS=["replica1"], DATABASE_ROUTERS=[replicas.ReplicaRouter()]
            ):
                yield primary, replica
        finally:
            connections["replica1"].close()
            del connections["replica1"]
            del connections.settings["replica1"]
            default.close()
            default.settings_dict.clear()
            default.settings_dict.update(saved)
            ContentType.objects.clear_cache()


@pytest.fixture(scope="module")
def people(replicated):
    """A bureau user who only reads, and an inspector of the same bureau who registers hazards."""
    reader = user_factory(role=Role.BUREAU, username="reader", region=DISTRICT, name="芙蓉区应急管理局")
    writer = user_factory(role=Role.INSPECTOR, org=reader.organisation, username="writer")
    enterprise = enterprise_factory(region=DONGAN)
    return reader, writer, enterprise


def _caught_up(primary: Server, replica: Server, seconds: float = 30) -> None:
    target = primary.sql("SELECT pg_current_wal_lsn()::text")
    deadline = time.monotonic() + seconds
    while not replica.sql(f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn"):
        assert time.monotonic() < deadline, "the replica did not catch up"
        time.sleep(0.05)


@contextmanager
def _replay_paused(primary: Server, replica: Server):
    """The replica receives the primary's changes but does not apply them until the block ends."""
    _caught_up(primary, replica)
    replica.sql("SELECT pg_wal_replay_pause()")
    while replica.sql("SELECT pg_get_wal_replay_pause_state()") != "paused":
        time.sleep(0.05)
    try:
        yield
    finally:
        replica.sql("SELECT pg_wal_replay_resume()")
        _caught_up(primary, replica)


def _found(user) -> int:
    """Hazards found today in the user's jurisdiction, as the stats API answers."""
    today = timezone.localdate().isoformat()
    token = token_for(user, RequestFactory())
    client = Client(headers={"Authorization": f"Bearer {token}"})
    response = client.get("/api/v1/stats", {"indicators": "hazards.found", "from": today, "to": today})
    assert response.status_code == 200, response.content
    return response.json()["indicators"]["hazards.found"]["value"]


def _register(writer, enterprise) -> Hazard:
    return hazard_factory(actor=writer, enterprise=enterprise, found_at=timezone.localdate())


def _on_standby() -> bool:
    """Whether a routed read is served by a server in recovery (a replica)."""
    return Region.objects.annotate(standby=RawSQL("pg_is_in_recovery()", ())).values_list(
        "standby", flat=True
    )[0]


def test_it_reads_statistics_from_the_replica(replicated, people):
    primary, replica = replicated
    reader, writer, enterprise = people
    before = _found(reader)

    with _replay_paused(primary, replica):
        _register(writer, enterprise)
        cache.clear()  # counted now, not kept from before
        with CaptureQueriesContext(connections["replica1"]) as on_replica:
            seen = _found(reader)
        assert Hazard.objects.filter(found_at=timezone.localdate()).count() == before + 1  # the primary
        assert seen == before  # what the paused replica holds
        assert any("hazards" in q["sql"] for q in on_replica.captured_queries)
        assert replicas.on_replica(reader, _on_standby) is True

    assert _found(reader) == before + 1  # replayed: the kept number is recomputed, still on the replica


def test_it_keeps_a_writer_on_the_primary(replicated, people):
    primary, replica = replicated
    reader, writer, enterprise = people
    before = _found(reader)

    with _replay_paused(primary, replica):
        _register(writer, enterprise)
        assert _found(reader) == before  # the replica, and now kept for the jurisdiction
        with CaptureQueriesContext(connections["replica1"]) as on_replica:
            assert _found(writer) == before + 1  # their own hazard, from the primary, past the kept one
            assert replicas.on_replica(writer, _on_standby) is False
        assert on_replica.captured_queries == []

    with override_settings(DATABASE_REPLICA_PIN_SECONDS=0):
        assert replicas.on_replica(writer, _on_standby) is True  # once the pin has passed


def test_it_writes_to_the_primary_only(replicated, people):
    reader, _writer, _enterprise = people

    def read_then_write():
        before = _on_standby()
        made = enterprise_factory(region=DONGAN)  # a write outside any transaction
        with transaction.atomic():  # a transaction reads where it writes
            during = _on_standby()
            Enterprise.objects.select_for_update().get(pk=made.pk)
        return before, during, made

    with CaptureQueriesContext(connections["replica1"]) as on_replica:
        before, during, made = replicas.on_replica(reader, read_then_write)

    assert (before, during) == (True, False)
    assert Enterprise.objects.filter(pk=made.pk).exists()
    assert len(on_replica.captured_queries) == 1
    assert all(q["sql"].lstrip().upper().startswith("SELECT") for q in on_replica.captured_queries)
    assert not any("FOR UPDATE" in q["sql"].upper() for q in on_replica.captured_queries)
    assert router.db_for_write(Hazard) == "default"
    assert not router.allow_migrate("replica1", "hazards")


def test_it_falls_back_to_the_primary(replicated, people, monkeypatch):
    primary, replica = replicated
    reader, writer, enterprise = people
    monkeypatch.setattr(replicas, "REST_SECONDS", 0)  # try the replica again at once
    calls = []

    def cut_off_midway() -> bool:
        calls.append(_on_standby())
        if len(calls) == 1:  # the replica's server ends this connection in the middle of the block
            with connections["replica1"].cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                pid = cursor.fetchone()[0]
            replica.sql(f"SELECT pg_terminate_backend({pid})")
            _on_standby()
        return calls[-1]

    assert replicas.on_replica(reader, cut_off_midway) is False  # run again, on the primary
    assert calls == [True, False]

    replica.stop()
    _register(writer, enterprise)
    expected = Hazard.objects.filter(found_at=timezone.localdate()).count()
    assert _found(reader) == expected  # from the primary, no 500
    today = timezone.localdate()
    summary = Client(headers={"Authorization": f"Bearer {token_for(reader, RequestFactory())}"}).get(
        "/api/v1/reports/work-summary",
        {"region": DISTRICT, "from": today - datetime.timedelta(days=1), "to": today},
    )
    assert summary.status_code == 200
