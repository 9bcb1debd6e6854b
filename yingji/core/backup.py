"""Backup and restore of one Yingji instance: the database and the uploaded files in one tar
archive with a manifest (SHA-256 of every member, the database engine, the applied migrations).

The archive is checked whole before anything is written: a damaged, partial or foreign archive
is refused, and so is any member that is not a plain file or directory, has an absolute path or
a `..` part, or is larger than the cap."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import connection, connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = "yingji-backup/1"
MANIFEST = "manifest.json"
DB_SQLITE = "database.sqlite3"
DB_PG = "database.pgdump"
MEDIA_PREFIX = "media/"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """The archive cannot be restored (or the backup cannot be made); the message says why."""


def _max_member_bytes() -> int:
    return getattr(settings, "YINGJI_BACKUP_MAX_MEMBER_MB", 50 * 1024) * 1024 * 1024


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def _engine() -> str:
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"Unsupported database engine: {vendor}")
    return vendor


def _pg_args_env() -> tuple[list[str], dict]:
    db = connection.settings_dict
    args = []
    if db.get("HOST"):
        args += ["-h", str(db["HOST"])]
    if db.get("PORT"):
        args += ["-p", str(db["PORT"])]
    if db.get("USER"):
        args += ["-U", str(db["USER"])]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args + ["-d", str(db["NAME"])], env


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is not installed (Debian: postgresql-client).")
    return path


def applied_migrations() -> list[str]:
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return []
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def _dump_database(engine: str, dest: Path) -> None:
    if engine == "sqlite":
        if connection.in_atomic_block:
            raise BackupError("Cannot back up from inside a transaction.")
        connection.ensure_connection()
        target = sqlite3.connect(dest)
        try:
            connection.connection.backup(target)  # SQLite's online backup API
        finally:
            target.close()
    else:
        args, env = _pg_args_env()
        command = [_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(dest), *args]
        result = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603 (no shell)
        if result.returncode != 0:
            raise BackupError(f"pg_dump failed: {result.stderr.strip()}")


def media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


@dataclass
class BackupSummary:
    path: Path
    members: int
    files: int


def make_backup(path: Path) -> BackupSummary:
    engine = _engine()
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="yingji-backup-") as tmp:
        db_name = DB_SQLITE if engine == "sqlite" else DB_PG
        db_file = Path(tmp) / db_name
        _dump_database(engine, db_file)
        members: dict[str, dict] = {db_name: {"sha256": _sha256(db_file), "size": db_file.stat().st_size}}
        media: list[tuple[str, Path]] = []
        root = media_root()
        if root.is_dir():
            for file in sorted(root.rglob("*")):
                if file.is_file() and not file.is_symlink():
                    name = MEDIA_PREFIX + file.relative_to(root).as_posix()
                    members[name] = {"sha256": _sha256(file), "size": file.stat().st_size}
                    media.append((name, file))
        manifest = {
            "format": FORMAT,
            "created": timezone.now().isoformat(),
            "engine": engine,
            "migrations": applied_migrations(),
            "members": members,
        }
        manifest_file = Path(tmp) / MANIFEST
        manifest_file.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w") as tar:
            tar.add(manifest_file, arcname=MANIFEST)
            tar.add(db_file, arcname=db_name)
            for name, file in media:
                tar.add(file, arcname=name)
        os.replace(partial, path)  # a crash mid-backup leaves no file that looks complete
    return BackupSummary(path=path, members=len(members) + 1, files=len(media))


def _check_name(name: str) -> None:
    pure = PurePosixPath(name)
    if not name or pure.is_absolute() or ".." in pure.parts or "\\" in name or "\x00" in name:
        raise BackupError(f"Unsafe path in the archive: {name!r}")


def _read_manifest(tar: tarfile.TarFile) -> dict:
    try:
        info = tar.getmember(MANIFEST)
    except KeyError:
        raise BackupError("Not a Yingji backup: the archive has no manifest.") from None
    if not info.isfile() or info.size > 50 * 1024 * 1024:
        raise BackupError("Not a Yingji backup: the manifest is not a plain file.")
    try:
        manifest = json.loads(tar.extractfile(info).read().decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise BackupError("The manifest is damaged (not valid JSON).") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"Wrong manifest: expected format {FORMAT}.")
    if not isinstance(manifest.get("members"), dict) or manifest.get("engine") not in (
        "sqlite",
        "postgresql",
    ):
        raise BackupError("Wrong manifest: members or engine missing.")
    return manifest


def extract_verified(path: Path, dest: Path) -> dict:
    """Check every member against the manifest and extract into dest; raise BackupError otherwise."""
    cap = _max_member_bytes()
    try:
        tar = tarfile.open(path, "r")
    except (OSError, tarfile.TarError) as exc:
        raise BackupError(f"Cannot read the archive: {exc}") from None
    with tar:
        try:
            manifest = _read_manifest(tar)
            expected = manifest["members"]
            seen: set[str] = set()
            for info in tar:
                _check_name(info.name)
                if info.name == MANIFEST:
                    continue
                if info.isdir():
                    continue
                if not info.isfile():
                    raise BackupError(f"Refused member (not a plain file): {info.name}")
                if info.size > cap:
                    raise BackupError(f"Refused member (larger than the cap): {info.name}")
                entry = expected.get(info.name)
                if entry is None:
                    raise BackupError(f"Member not in the manifest: {info.name}")
                if info.name in seen:
                    raise BackupError(f"Member twice in the archive: {info.name}")
                _check_name(info.name)
                target = dest / info.name
                target.parent.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                size = 0
                source = tar.extractfile(info)
                with open(target, "wb") as out:
                    for block in iter(lambda source=source: source.read(CHUNK), b""):
                        size += len(block)
                        if size > cap:
                            raise BackupError(f"Refused member (larger than the cap): {info.name}")
                        digest.update(block)
                        out.write(block)
                if digest.hexdigest() != entry.get("sha256") or size != entry.get("size"):
                    raise BackupError(f"Checksum mismatch: {info.name}")
                seen.add(info.name)
        except (tarfile.TarError, EOFError, OSError) as exc:
            raise BackupError(f"The archive is damaged or truncated: {exc}") from None
    missing = sorted(set(expected) - seen)
    if missing:
        raise BackupError(
            f"Partial backup: missing member {missing[0]}"
            + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else "")
        )
    db_name = DB_SQLITE if manifest["engine"] == "sqlite" else DB_PG
    if db_name not in seen:
        raise BackupError("Partial backup: the database is missing.")
    return manifest


def database_is_empty() -> bool:
    tables = connection.introspection.table_names()
    if not tables:
        return True
    recorder = MigrationRecorder(connection)
    return not recorder.has_table() or not recorder.applied_migrations()


def _unknown_migrations(manifest: dict) -> list[str]:
    loader = MigrationLoader(None, ignore_no_migrations=True, load=True)
    known = {f"{app}.{name}" for app, name in loader.disk_migrations}
    return sorted(set(manifest.get("migrations") or []) - known)


def _restore_database(engine: str, db_file: Path) -> None:
    if engine == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(db_file)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    else:
        connection.close()
        args, env = _pg_args_env()
        options = ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error"]
        command = [_tool("pg_restore"), *options, *args, str(db_file)]
        result = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603 (no shell)
        if result.returncode != 0:
            raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
    for conn in connections.all():
        conn.close()


def restore_backup(path: Path, force: bool = False) -> dict:
    engine = _engine()
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"No such backup file: {path}")
    with tempfile.TemporaryDirectory(prefix="yingji-restore-") as tmp:
        dest = Path(tmp)
        manifest = extract_verified(path, dest)
        if manifest["engine"] != engine:
            raise BackupError(
                f"The backup is of a {manifest['engine']} database; this instance uses {engine}."
            )
        unknown = _unknown_migrations(manifest)
        if unknown:
            raise BackupError(
                f"The backup is from a newer Yingji (unknown migration {unknown[0]}); upgrade first."
            )
        if not force and not database_is_empty():
            raise BackupError("The database is not empty; restore refuses to overwrite it (use --force).")
        db_name = DB_SQLITE if engine == "sqlite" else DB_PG
        _restore_database(engine, dest / db_name)
        root = media_root()
        if force and root.is_dir():
            for child in root.iterdir():
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child)
                else:
                    child.unlink()
        staged = dest / MEDIA_PREFIX.rstrip("/")
        if staged.is_dir():
            for file in staged.rglob("*"):
                if file.is_file():
                    target = root / file.relative_to(staged)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(file, target)
    return manifest
