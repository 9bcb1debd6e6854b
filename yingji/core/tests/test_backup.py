"""Backup and restore: one archive (database + uploaded files + manifest of SHA-256 checksums);
restore refuses a damaged, partial or unsafe archive with exit status 2 and a non-empty database
without --force; a fresh instance restored from it has the same counts, audit log and files."""

import importlib
import io
import json
import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from yingji.accounts.choices import OrgKind
from yingji.accounts.tests.factories import org_factory
from yingji.audit.models import AuditEntry
from yingji.audit.services import audit_record
from yingji.core.backup import MANIFEST

ROOT = Path(__file__).resolve().parents[3]
PROBE = """
import json, django
django.setup()
from django.apps import apps
from yingji.audit.models import AuditEntry
counts = {m._meta.db_table: m._base_manager.count() for m in apps.get_models()}
audit = list(AuditEntry.objects.order_by("id").values_list("id", "action", "object_type", "object_id", "actor_username", "after"))
print(json.dumps({"counts": counts, "audit": audit}, default=str))
"""


def _probe_here() -> dict:
    from django.apps import apps

    counts = {m._meta.db_table: m._base_manager.count() for m in apps.get_models()}
    audit = list(
        AuditEntry.objects.order_by("id").values_list(
            "id", "action", "object_type", "object_id", "actor_username", "after"
        )
    )
    return json.loads(json.dumps({"counts": counts, "audit": audit}, default=str))


def _second_instance(tmp_path: Path) -> dict:
    var = tmp_path / "second"
    var.mkdir()
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="yingji.settings.local", YINGJI_VAR=str(var))
    env["MEDIA_ROOT"] = str(var / "media")
    if connection.vendor == "postgresql":
        name = f"h_backup_{uuid.uuid4().hex[:8]}"
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        db = connection.settings_dict
        env["DATABASE_URL"] = (
            f"postgres://{db['USER']}:{db.get('PASSWORD') or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"
        )
        env["_drop"] = name
    else:
        env["DATABASE_URL"] = f"sqlite:///{var / 'yingji.sqlite3'}"
    return env


def _cli(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "yingji.cli", *args], env=env, cwd=ROOT, capture_output=True, text=True
    )


def _files(root: Path) -> dict:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(autouse=True)
def _audit_rows_cleared(transactional_db):
    """SQLite's flush after a transactional test DELETEs, which the append-only trigger refuses
    (PostgreSQL TRUNCATEs, which row triggers do not see): clear the log with the trigger lifted."""
    yield
    if connection.vendor != "sqlite":
        return
    triggers = importlib.import_module("yingji.audit.migrations.0002_append_only_triggers")
    with connection.cursor() as cursor:
        for sql in triggers.DROP["sqlite"]:
            cursor.execute(sql)
        cursor.execute("DELETE FROM audit_auditentry")
        for sql in triggers.SQLITE:
            cursor.execute(sql)


@pytest.fixture
def media(settings, tmp_path):
    root = tmp_path / "media"
    (root / "hazards" / "2026").mkdir(parents=True)
    (root / "hazards" / "2026" / "photo.jpg").write_bytes(bytes(range(256)) * 40)
    (root / "文书.docx").write_bytes(b"PK\x03\x04 docx body")
    settings.MEDIA_ROOT = str(root)
    return root


@pytest.mark.django_db(transaction=True)
def test_a_fresh_instance_restored_from_the_backup_has_the_same_counts_audit_log_and_files(media, tmp_path):
    org = org_factory(kind=OrgKind.BUREAU, region="110101")
    for action in ("create", "update", "export"):
        audit_record(actor=None, action=action, obj=org, before=None, after={"name": org.name})
    archive = tmp_path / "yingji.tar"
    call_command("backup", str(archive))

    env = _second_instance(tmp_path)
    try:
        result = _cli(env, "restore", str(archive))
        assert result.returncode == 0, result.stderr
        probe = subprocess.run(
            [sys.executable, "-c", PROBE], env=env, cwd=ROOT, capture_output=True, text=True
        )
        assert probe.returncode == 0, probe.stderr
        restored = json.loads(probe.stdout)
        here = _probe_here()
        assert restored["counts"] == here["counts"]
        assert restored["audit"] == here["audit"]
        assert len(restored["audit"]) >= 3
        assert _files(Path(env["MEDIA_ROOT"])) == _files(media)

        again = _cli(env, "restore", str(archive))
        assert again.returncode == 2
        assert "not empty" in again.stderr
        assert _cli(env, "restore", "--force", str(archive)).returncode == 0
    finally:
        if "_drop" in env:
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{env["_drop"]}" WITH (FORCE)')


def _rewrite(archive: Path, out: Path, *, drop=(), replace=None, extra=None) -> Path:
    with tarfile.open(archive) as src, tarfile.open(out, "w") as dst:
        for info in src:
            if info.name in drop:
                continue
            data = src.extractfile(info).read() if info.isfile() else None
            if replace and info.name in replace:
                data = replace[info.name](data)
                info.size = len(data)
            dst.addfile(info, io.BytesIO(data) if data is not None else None)
        for info, data in extra or ():
            dst.addfile(info, io.BytesIO(data) if data is not None else None)
    return out


@pytest.fixture
def archive(media, tmp_path, transactional_db):
    path = tmp_path / "good.tar"
    call_command("backup", str(path))
    return path


def _restore_exit(path: Path) -> tuple[int, str]:
    from django.core.management.base import CommandError

    try:
        call_command("restore", "--force", str(path))
    except CommandError as exc:
        return exc.returncode, str(exc)
    return 0, ""


def test_the_manifest_lists_every_member_with_its_sha256_and_the_migration_state(archive):
    with tarfile.open(archive) as tar:
        manifest = json.loads(tar.extractfile(MANIFEST).read())
        names = set(tar.getnames()) - {MANIFEST}
    assert set(manifest["members"]) == names
    assert "media/hazards/2026/photo.jpg" in names
    assert "media/文书.docx" in names
    assert "audit.0001_initial" in manifest["migrations"]
    assert all(len(m["sha256"]) == 64 for m in manifest["members"].values())


def test_a_changed_byte_is_refused_as_a_checksum_mismatch(archive, tmp_path):
    bad = _rewrite(archive, tmp_path / "bad.tar", replace={"media/文书.docx": lambda d: d[:-1] + b"X"})
    code, message = _restore_exit(bad)
    assert code == 2
    assert "Checksum mismatch: media/文书.docx" in message


def test_a_missing_member_is_refused_as_a_partial_backup(archive, tmp_path):
    bad = _rewrite(archive, tmp_path / "partial.tar", drop={"media/hazards/2026/photo.jpg"})
    code, message = _restore_exit(bad)
    assert (code, "Partial backup" in message) == (2, True)


def test_a_truncated_archive_is_refused(archive, tmp_path):
    cut = tmp_path / "cut.tar"
    cut.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    code, _ = _restore_exit(cut)
    assert code == 2


def test_an_archive_without_a_manifest_or_with_a_foreign_one_is_refused(archive, tmp_path):
    assert _restore_exit(_rewrite(archive, tmp_path / "nomanifest.tar", drop={MANIFEST}))[0] == 2
    foreign = _rewrite(
        archive, tmp_path / "foreign.tar", replace={MANIFEST: lambda d: b'{"format": "other/9"}'}
    )
    code, message = _restore_exit(foreign)
    assert code == 2 and "Wrong manifest" in message


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/evil", "media/../../evil"])
def test_members_with_escaping_paths_are_refused_before_extraction(archive, tmp_path, name):
    info = tarfile.TarInfo(name)
    info.size = 4
    bad = _rewrite(archive, tmp_path / "escape.tar", extra=[(info, b"evil")])
    code, message = _restore_exit(bad)
    assert code == 2 and "Unsafe path" in message
    assert not (tmp_path.parent / "evil.txt").exists()


def test_links_are_refused(archive, tmp_path):
    link = tarfile.TarInfo("media/link")
    link.type = tarfile.SYMTYPE
    link.linkname = "/etc/passwd"
    code, message = _restore_exit(_rewrite(archive, tmp_path / "link.tar", extra=[(link, None)]))
    assert code == 2 and "not a plain file" in message


def test_a_member_over_the_size_cap_is_refused(archive, tmp_path, settings):
    settings.YINGJI_BACKUP_MAX_MEMBER_MB = 0
    code, message = _restore_exit(archive)
    assert code == 2 and "larger than the cap" in message
