"""An enterprise workbook of more rows than a request should import, run by the worker
(yingji.jobs, imports/background.py): the same import, all or nothing, with its duplicate check
and record, ending with a link to the list or to the page with the file's problems.

The workbook's rows are checked and written in one pass inside one transaction (workbook.py),
so the bar cannot move while it runs: it says how many rows are being imported, then ends."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from yingji.core import uploads
from yingji.enterprises import workbook
from yingji.imports import background
from yingji.imports.models import ImportKind
from yingji.imports.services import DuplicateImport
from yingji.imports.views import confirmed_again
from yingji.jobs.models import Job
from yingji.jobs.services import JobFailed, job_progress

IMPORT = "enterprise_import"


def start_enterprise_import(*, actor, data: bytes, filename: str, confirm_duplicate: bool) -> Job:
    return background.start_import_job(
        actor=actor,
        kind=IMPORT,
        func=import_enterprises_job,
        data=data,
        filename=filename,
        confirm_duplicate=confirm_duplicate,
    )


def import_page(job: Job) -> str:
    return f"{reverse('enterprises:import')}?job={job.pk}"


def import_enterprises_job(job: Job, *, path: str, filename: str, confirm_duplicate: bool, language: str):
    with translation.override(language):
        try:
            data = background.read_kept(path)
            rows = background.count_rows(data)
            job_progress(job, 0, None, _("Checking and writing about %(count)s rows…") % {"count": rows})
            imported = workbook.import_workbook_file(
                actor=job.user, file=ContentFile(data, name=filename), confirm_duplicate=confirm_duplicate
            )
        except workbook.ImportRejected as e:
            errors = [{"row": p.row, "column": p.column, "message": p.message} for p in e.problems]
            raise JobFailed(e.message, background.rows_failed(errors, [], import_page(job))) from None
        except DuplicateImport as e:
            raise JobFailed(e.question(), {"url": import_page(job)}) from None
        finally:
            default_storage.delete(path)
        body = imported.body
        message = _("Imported: %(created)s registered, %(updated)s changed, %(unchanged)s unchanged.") % body
        job_progress(job, 1, 1, message)
        return {"created": body["created"], "updated": body["updated"], "url": reverse("enterprises:list")}


def start_if_large(request, upload) -> Job | None:
    """The page's upload as a background job when it has more rows than a request should
    import; None for a file imported at once (small, or refused by the upload checks, which the
    import reports). A file imported before is asked about first (DuplicateImport)."""
    if upload.size > uploads.WEB.file_bytes:
        return None
    data = upload.read()
    upload.seek(0)
    if not background.in_background(data):
        return None
    confirm = confirmed_again(request, upload)
    if not confirm:
        background.check_not_imported_before(kind=ImportKind.ENTERPRISES, actor=request.user, data=data)
    return start_enterprise_import(
        actor=request.user, data=data, filename=upload.name or "", confirm_duplicate=confirm
    )
