"""An evidence file attached to a record (a task's progress report, an assessment score): at most
YINGJI_MAX_UPLOAD_MB, a photo or PDF judged by its bytes (`sniff`, the one content check of every
evidence upload; the name is not trusted), stored under its SHA-256, and served only through a
view that checks the record."""

import hashlib
import io
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import models
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, UnidentifiedImageError

from yingji.core.errors import ApplicationError


class Attachment(models.Model):
    """The file columns of a record that may carry one evidence file."""

    file = models.FileField(gettext_lazy("evidence"), upload_to="evidence/%Y/", blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    file_type = models.CharField(max_length=64, blank=True)
    file_sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        abstract = True


IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


def sniff(content: bytes) -> tuple[str, str]:
    """(content type, extension) from the bytes themselves; the file name is not trusted."""
    if content.startswith(b"%PDF-"):
        return "application/pdf", "pdf"
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.verify()
            kind = image.format
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        kind = None
    if kind not in IMAGE_TYPES:
        message = _("Only photos (JPEG, PNG, WebP) and PDF files are accepted.")
        raise ApplicationError(message, errors={"files": [message]})
    return IMAGE_TYPES[kind], {"JPEG": "jpg"}.get(kind, kind.lower())


@dataclass(frozen=True)
class Checked:
    content: bytes
    content_type: str
    extension: str
    name: str
    sha256: str


def check(errors, field: str, upload) -> Checked | None:
    """The upload, if it is one we keep; otherwise its problem under `field` (None: no file)."""
    if not upload:
        return None
    if upload.size > settings.YINGJI_MAX_UPLOAD_MB * 1024 * 1024:
        errors.add(field, _("A file may be at most %(mb)s MB.") % {"mb": settings.YINGJI_MAX_UPLOAD_MB})
        return None
    content = upload.read()
    try:
        content_type, extension = sniff(content)
    except ApplicationError as refused:
        errors.add(field, refused.message)
        return None
    name = (upload.name or "upload")[:200]
    return Checked(content, content_type, extension, name, hashlib.sha256(content).hexdigest())


def attach(record: Attachment, checked: Checked | None) -> None:
    """Put a checked file on the record (saved with it by the caller)."""
    if checked is None:
        return
    record.file.save(f"{checked.sha256}.{checked.extension}", ContentFile(checked.content), save=False)
    record.file_name, record.file_type, record.file_sha256 = (
        checked.name,
        checked.content_type,
        checked.sha256,
    )


def serve(record: Attachment | None) -> FileResponse:
    """The file of a record the caller has already found in the user's jurisdiction."""
    if record is None or not record.file:
        raise Http404
    return FileResponse(record.file.open("rb"), content_type=record.file_type, filename=record.file_name)
