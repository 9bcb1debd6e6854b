"""A draft's documents: DOCX and Markdown written at once, the PDF made by LibreOffice in the
background worker (a conversion takes seconds) and kept beside the draft with the digest of
the text it was made from, so a download never serves a PDF of other numbers."""

import hashlib
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from yingji.core.errors import ApplicationError
from yingji.jobs.models import Job
from yingji.jobs.services import JobFailed, job_progress, job_start
from yingji.reports import drafts
from yingji.reports.draft_models import ReportDraft
from yingji.reports.draft_render import DraftView
from yingji.reports.writers import FORMATS

PDF_JOB = "report_pdf"
PDF_TYPE = "application/pdf"
CONVERSION_SECONDS = 180


def document_bytes(view: DraftView, extension: str) -> tuple[bytes, str]:
    """(content, content type) of the draft as docx, md or html."""
    content_type, _extension, write = FORMATS[extension]
    return write(view.outline().document()), content_type


def digest(view: DraftView) -> str:
    """What a PDF shows: the title, the date and every paragraph's text."""
    shown = [view.title, view.date.isoformat()] + [
        [heading, [p.rendered for p in paragraphs]] for heading, paragraphs in view.sections
    ]
    return hashlib.sha256(json.dumps(shown, ensure_ascii=False).encode()).hexdigest()


def stored_pdf(draft: ReportDraft, view: DraftView) -> bytes | None:
    """The PDF made from the report as it reads now, if one has been made."""
    if not draft.pdf_path or draft.pdf_digest != digest(view) or not default_storage.exists(draft.pdf_path):
        return None
    with default_storage.open(draft.pdf_path, "rb") as f:
        return f.read()


def start_pdf(*, actor, draft_id: int) -> Job:
    """Hand the PDF to the worker; its progress shows on the draft's page."""
    draft = drafts.draft_get(actor, draft_id)
    language = translation.get_language() or settings.LANGUAGE_CODE
    return job_start(actor, PDF_JOB, pdf_job, draft_id=draft.pk, language=language)


def pdf_job(job: Job, *, draft_id: int, language: str) -> dict:
    with translation.override(language):
        job_progress(job, 0, 2, _("Writing the report…"))
        try:
            draft = drafts.draft_get(job.user, draft_id)
            view = drafts.draft_view(job.user, draft)
        except (ApplicationError, Http404) as e:
            raise JobFailed(getattr(e, "message", "") or _("The report is not available.")) from None
        docx, _type = document_bytes(view, "docx")
        job_progress(job, 1, 2, _("LibreOffice is making the PDF…"))
        pdf = docx_to_pdf(docx)
        made_from = digest(view)
        path = default_storage.save(f"reports/drafts/{draft.pk}/{made_from[:16]}.pdf", ContentFile(pdf))
        ReportDraft.objects.filter(pk=draft.pk).update(pdf_path=path, pdf_digest=made_from)
        filename = drafts.draft_filename(draft, "pdf")
        job_progress(job, 2, 2, filename)
        return {"path": path, "filename": filename, "url": reverse("jobs:file", args=[job.pk])}


def docx_to_pdf(docx: bytes) -> bytes:
    """LibreOffice headless, with a profile of its own for each conversion (two conversions
    sharing one profile wait on each other's lock, or fail)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise JobFailed(_("LibreOffice is not installed on the server: the PDF cannot be made."))
    with tempfile.TemporaryDirectory(prefix="yingji-pdf-") as tmp:
        source = Path(tmp) / "report.docx"
        source.write_bytes(docx)
        command = [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            tmp,
            str(source),
        ]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=CONVERSION_SECONDS)  # noqa: S603
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            raise JobFailed(_("LibreOffice could not convert the report to PDF.")) from None
        pdf = Path(tmp) / "report.pdf"
        if not pdf.exists():
            raise JobFailed(_("LibreOffice could not convert the report to PDF."))
        return pdf.read_bytes()


def latest_pdf_job(user, draft: ReportDraft) -> Job | None:
    """The user's last PDF job of this draft, for its progress on the page."""
    return (
        Job.objects.filter(user_id=user.pk, kind=PDF_JOB, params__draft_id=draft.pk).order_by("-pk").first()
    )
