"""Imports too long for a request: the web pages send a file of more than
YINGJI_BACKGROUND_IMPORT_ROWS rows to the worker (yingji.jobs) instead of importing it while the
browser waits. The file is counted cheaply (no parsing), kept in storage for the job, and asked
about as the synchronous path asks (a file imported before), before the job starts."""

import io
import os
import uuid
import zipfile

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from python_calamine import CalamineError, CalamineWorkbook

from yingji.core import uploads
from yingji.imports.models import ImportRecord
from yingji.imports.services import DuplicateImport, scope, sha256_of

FOLDER = "imports"
CHUNK = 1024 * 1024
# The first problems of a failed job's rows go in its result, for the page (the API and the
# command line list them all).
SHOWN_ROW_ERRORS = 200


def in_background(data: bytes) -> bool:
    """Whether a file has more rows than a request should import; a file the upload checks
    refuse stays on the synchronous path, which says why."""
    return count_rows(data) > settings.YINGJI_BACKGROUND_IMPORT_ROWS


def count_rows(data: bytes) -> int:
    """About how many rows a spreadsheet has (header and blank rows included), without parsing
    its cells; 0 for a file the upload checks refuse or that cannot be read."""
    try:
        uploads.check_upload(data)
    except uploads.UploadRefused:
        return 0
    if data[:2] == b"PK":
        return _zip_rows(data)
    if data[:8] == uploads.OLE:
        return _xls_rows(data)
    return data.count(b"\n") + 1


def _zip_rows(data: bytes) -> int:
    """Row tags of the xlsx worksheets (or of an ods content), read in chunks: the checks have
    bounded what each part inflates to."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        rows = 0
        for info in archive.infolist():
            name = info.filename.lower()
            if "worksheets/" in name and name.endswith(".xml"):
                rows += _tags_in(archive, info, (b"<row ", b"<row>"))
            elif name == "content.xml":
                rows += _tags_in(archive, info, (b"<table:table-row",))
        return rows
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return 0


def _tags_in(archive: zipfile.ZipFile, info: zipfile.ZipInfo, tags: tuple[bytes, ...]) -> int:
    def found(text: bytes) -> int:
        return sum(text.count(tag) for tag in tags)

    # The chunk's tail goes with the next chunk (a tag may be cut in two), counted there only.
    keep = max(map(len, tags)) - 1
    count, carry = 0, b""
    with archive.open(info) as part:
        while chunk := part.read(CHUNK):
            text = carry + chunk
            carry = text[-keep:]
            count += found(text) - found(carry)
    return count + found(carry)


def _xls_rows(data: bytes) -> int:
    try:
        book = CalamineWorkbook.from_object(io.BytesIO(data))
        return sum(book.get_sheet_by_name(name).height for name in book.sheet_names)
    except (CalamineError, ValueError, OSError, EOFError, NotImplementedError, RuntimeError):
        return 0


def check_not_imported_before(*, kind: str, actor, data: bytes) -> None:
    """DuplicateImport when this file was imported before where the actor can see it (as
    import_once asks): the page asks before the job is started."""
    previous = (
        ImportRecord.objects.filter(scope(actor), kind=kind, sha256=sha256_of(data))
        .select_related("user")
        .order_by("-created_at", "-id")
        .first()
    )
    if previous:
        raise DuplicateImport(previous)


def keep_for_job(data: bytes, filename: str) -> str:
    """Store the file for the worker; its path in storage, under imports/<uuid>/."""
    name = os.path.basename(filename or "") or "upload"
    return default_storage.save(f"{FOLDER}/{uuid.uuid4().hex}/{name}", ContentFile(data))


def start_import_job(*, actor, kind: str, func, data: bytes, filename: str, confirm_duplicate: bool):
    """Keep the upload for the worker and start `func(job, path=…, filename=…,
    confirm_duplicate=…, language=…)` on it, in the language of the page that asked."""
    from django.utils import translation

    from yingji.jobs.services import job_start

    return job_start(
        actor,
        kind,
        func,
        path=keep_for_job(data, filename),
        filename=filename,
        confirm_duplicate=confirm_duplicate,
        language=translation.get_language() or settings.LANGUAGE_CODE,
    )


def read_kept(path: str) -> bytes:
    with default_storage.open(path, "rb") as f:
        return f.read()


def rows_failed(errors: list[dict], file_errors: list[str], url: str) -> dict:
    """A failed import job's result: the file's problems, the first rows' problems, the count."""
    return {
        "file": list(file_errors),
        "rows": errors[:SHOWN_ROW_ERRORS],
        "row_count": len(errors),
        "url": url,
    }
