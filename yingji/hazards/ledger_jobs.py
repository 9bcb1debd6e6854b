"""The ledger's long work, run by the worker (yingji.jobs): an import of more rows than a request
should take (imports/background.py), and an export of more hazards than a request should
stream. Each reports its progress and ends with a link: the hazards imported, the file exported,
or the import page with the problems of the file."""

import tempfile

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from yingji.hazards import ledger, selectors
from yingji.imports import background
from yingji.imports.services import DuplicateImport
from yingji.jobs.models import Job
from yingji.jobs.services import JobFailed, job_progress, job_start

IMPORT, EXPORT = "ledger_import", "ledger_export"


def start_ledger_import(*, actor, data: bytes, filename: str, confirm_duplicate: bool) -> Job:
    return background.start_import_job(
        actor=actor,
        kind=IMPORT,
        func=import_ledger_job,
        data=data,
        filename=filename,
        confirm_duplicate=confirm_duplicate,
    )


def import_page(job: Job) -> str:
    return f"{reverse('ledger:import')}?job={job.pk}"


def import_ledger_job(job: Job, *, path: str, filename: str, confirm_duplicate: bool, language: str):
    """Read, check and write the kept file as the page would have (same service, same duplicate
    check, same record), all or nothing; the file is deleted whatever the outcome."""
    with translation.override(language):
        try:
            data = background.read_kept(path)
            job_progress(job, 0, None, _("Reading the file…"))
            imported = ledger.ledger_import_file(
                actor=job.user,
                data=data,
                filename=filename,
                confirm_duplicate=confirm_duplicate,
                progress=_reporter(job),
            )
        except ledger.LedgerError as e:
            errors = [r.as_dict() for r in e.rows]
            raise JobFailed(e.message, background.rows_failed(errors, e.file, import_page(job))) from None
        except DuplicateImport as e:
            raise JobFailed(e.question(), {"url": import_page(job)}) from None
        finally:
            default_storage.delete(path)
        created = imported.record.created
        job_progress(job, job.total or 0, job.total, _("Imported %(count)s hazards.") % {"count": created})
        return {"created": created, "url": reverse("hazards:list")}


def _reporter(job: Job):
    """The import's steps on one bar: the rows checked, then the rows written (twice the rows)."""

    def progress(step: str, done: int, total: int) -> None:
        if step == "validate":
            job_progress(job, done, 2 * total, _("Checking rows…"))
        else:
            job_progress(job, total, 2 * total, _("Writing %(count)s hazards…") % {"count": total})

    return progress


def start_ledger_export(*, actor, query: str, fmt: str) -> Job:
    return job_start(
        actor,
        EXPORT,
        export_ledger_job,
        query=query,
        fmt=fmt,
        language=translation.get_language() or settings.LANGUAGE_CODE,
    )


def export_ledger_job(job: Job, *, query: str, fmt: str, language: str):
    """The list's hazards for the query string, written to storage for the user to download."""
    from yingji.hazards.views import list_filters  # the list page's own reading of its query

    with translation.override(language):
        request = _QueryOnly(QueryDict(query))
        _raw, filters = list_filters(request)
        total = selectors.hazard_list(user=job.user, filters=filters).count()
        job_progress(job, 0, total, _("Writing the file…"))
        rows = _counted(ledger.ledger_rows(user=job.user, filters=filters), job, total)
        name = f"隐患排查治理台账-{timezone.localdate():%Y%m%d}.{fmt}"
        stream = ledger.csv_stream(rows) if fmt == "csv" else ledger.xlsx_stream(rows)
        with tempfile.TemporaryFile() as spool:  # streamed to disk, never whole in memory
            for piece in stream:
                spool.write(piece)
            path = default_storage.save(f"exports/{job.pk}/{name}", File(spool, name=name))
        job_progress(job, total, total, _("Exported %(count)s hazards.") % {"count": total})
        return {"rows": total, "path": path, "filename": name, "url": reverse("jobs:file", args=[job.pk])}


def _counted(rows, job: Job, total: int):
    for number, row in enumerate(rows, start=1):
        if number % 1000 == 0:
            job_progress(job, number, total)
        yield row


class _QueryOnly:
    """What list_filters reads of a request: its query string."""

    def __init__(self, query):
        self.GET = query
