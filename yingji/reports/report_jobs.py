"""A city's or a province's documents, counted over every county under it, are made by the worker
(yingji.jobs) instead of while the browser waits: the work summary (docx, html, md) or a
statistics table, written to storage and served to its user alone at /jobs/<id>/file/."""

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from yingji.core.errors import ApplicationError
from yingji.jobs.models import Job
from yingji.jobs.services import JobFailed, job_progress, job_start
from yingji.reports.summary import build_summary
from yingji.reports.tables import TABLES, build_table, table_filename
from yingji.reports.writers import FORMATS

REPORT = "report"
COUNTY = 6  # the length of a county's code: regions above it are counted in the background


def in_background(region: str) -> bool:
    return 0 < len(region) < COUNTY


def start_report(*, actor, what: str, region: str, year: int, period: str) -> Job:
    """`what` is a format of the summary (docx, html, md) or the name of a statistics table."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return job_start(
        actor, REPORT, report_job, what=what, region=region, year=year, period=period, language=language
    )


def report_job(job: Job, *, what: str, region: str, year: int, period: str, language: str):
    with translation.override(language):
        job_progress(job, 0, None, _("Counting the region's figures…"))
        try:
            content, filename = _document(job.user, what, region, year, period)
        except ApplicationError as e:
            raise JobFailed(e.message) from None
        path = default_storage.save(f"exports/{job.pk}/{filename}", ContentFile(content))
        job_progress(job, 1, 1, filename)
        return {"path": path, "filename": filename, "url": reverse("jobs:file", args=[job.pk])}


def _document(user, what: str, region: str, year: int, period: str) -> tuple[bytes, str]:
    if what in TABLES:
        content = build_table(what, user=user, region_code=region, year=year, period_code=period)
        return content, table_filename(what, region_code=region, year=year, period_code=period)
    document = build_summary(user=user, region_code=region, year=year, period_code=period)
    _content_type, extension, write = FORMATS[what]
    return write(document), f"work-summary-{region}-{year}-{period}.{extension}"
