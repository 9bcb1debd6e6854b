"""Evidence files: checked by content, hashed, dated and located from EXIF, never replaced."""

import datetime
import hashlib
import io

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import ExifTags, Image, UnidentifiedImageError

from yingji.audit.services import audit_action, snapshot
from yingji.core.attachments import sniff
from yingji.core.errors import ApplicationError
from yingji.hazards.models import EvidenceKind, HazardEvidence

THUMBNAIL_SIZE = (320, 320)


def _fail(message: str) -> ApplicationError:
    return ApplicationError(message, errors={"files": [message]})


def _ratio(value) -> float:
    return float(value[0]) / float(value[1]) if isinstance(value, tuple) else float(value)


def _gps(gps: dict) -> tuple[float, float] | None:
    try:
        lat = sum(_ratio(v) / 60**i for i, v in enumerate(gps[2])) * (-1 if gps.get(1) == "S" else 1)
        lng = sum(_ratio(v) / 60**i for i, v in enumerate(gps[4])) * (-1 if gps.get(3) == "W" else 1)
    except (KeyError, TypeError, ZeroDivisionError, IndexError):
        return None
    return round(lat, 6), round(lng, 6)


def exif_facts(content: bytes) -> dict:
    """Capture time and GPS position, where the photo carries them."""
    facts: dict = {}
    try:
        with Image.open(io.BytesIO(content)) as image:
            exif = image.getexif()
            taken = exif.get_ifd(ExifTags.IFD.Exif).get(ExifTags.Base.DateTimeOriginal) or exif.get(
                ExifTags.Base.DateTime
            )
            gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    except (UnidentifiedImageError, OSError, ValueError):
        return facts
    if taken:
        try:
            # EXIF times carry no zone: they are the camera's local time, taken as Asia/Shanghai.
            naive = datetime.datetime.strptime(str(taken).strip("\x00 "), "%Y:%m:%d %H:%M:%S")  # noqa: DTZ007
            facts["captured_at"] = timezone.make_aware(naive)
        except ValueError:
            pass
    position = _gps(dict(gps)) if gps else None
    if position:
        facts["latitude"], facts["longitude"] = position
    return facts


def _thumbnail(content: bytes) -> ContentFile:
    with Image.open(io.BytesIO(content)) as image:
        image = image.convert("RGB")
        image.thumbnail(THUMBNAIL_SIZE)
        out = io.BytesIO()
        image.save(out, "JPEG", quality=80)
    return ContentFile(out.getvalue())


def evidence_attach(*, actor, hazard, upload, kind: str = EvidenceKind.AFTER, event=None) -> HazardEvidence:
    limit = settings.YINGJI_MAX_UPLOAD_MB * 1024 * 1024
    if upload.size > limit:
        raise _fail(_("A file may be at most %(mb)s MB.") % {"mb": settings.YINGJI_MAX_UPLOAD_MB})
    content = upload.read()
    content_type, extension = sniff(content)
    if kind not in EvidenceKind.values:
        raise ApplicationError(_("Unknown evidence kind."), errors={"kind": [_("Unknown evidence kind.")]})
    evidence = HazardEvidence(
        hazard=hazard,
        event=event,
        kind=kind,
        original_name=(upload.name or "upload")[:200],
        content_type=content_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        uploaded_by=actor,
        **(exif_facts(content) if content_type != "application/pdf" else {}),
    )
    evidence.file.save(f"{evidence.sha256}.{extension}", ContentFile(content), save=False)
    if content_type != "application/pdf":
        evidence.thumbnail.save(f"{evidence.sha256}.jpg", _thumbnail(content), save=False)
    evidence.save()
    return evidence


@transaction.atomic
def evidence_supersede(*, actor, old: HazardEvidence, upload) -> HazardEvidence:
    """A newer file stands in for an old one; the old one stays, marked superseded."""
    from yingji.hazards.permissions import SUPERVISORS

    if actor.role not in SUPERVISORS and old.uploaded_by_id != actor.pk:
        raise PermissionDenied(_("Your role may not do this."))
    new = evidence_attach(actor=actor, hazard=old.hazard, upload=upload, kind=old.kind, event=old.event)
    HazardEvidence.objects.filter(pk=old.pk).update(superseded_by=new)
    before = snapshot(old)
    old.superseded_by = new
    audit_action(actor=actor, obj=old, action="evidence.supersede", before=before, extra={"by": new.sha256})
    return new
