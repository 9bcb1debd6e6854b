"""Taking complaints in: by the bureau's handlers (any channel) and from the public (the web form
and the public API, without a login, rate-limited per client address). Every change audited in
the same transaction, without the reporter's identity (privacy.safe_snapshot)."""

import datetime
import hashlib
import re
import secrets

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yingji.accounts.choices import OrgKind
from yingji.accounts.models import User
from yingji.audit.services import audit_record
from yingji.complaints import permissions
from yingji.complaints.choices import Channel
from yingji.complaints.models import Complaint, ComplaintAttachment, ComplaintEvent, PublicHit
from yingji.complaints.privacy import safe_snapshot
from yingji.core import dates
from yingji.core.errors import ApplicationError
from yingji.enterprises.models import Enterprise
from yingji.notifications.kinds import register_kind
from yingji.notifications.services import notify
from yingji.regions.models import CODE_LENGTHS, Region
from yingji.regions.scoping import Jurisdiction

RECEIPT_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read out on the phone
RECEIPT_LENGTH = 12  # 31**12 ≈ 2**59: not guessed
PUBLIC_LIMIT = 5  # complaints accepted from one address…
PUBLIC_WINDOW = datetime.timedelta(hours=1)  # …per hour
MAX_ATTACHMENTS = 5
PHONE = re.compile(r"^[0-9+\-() ]{5,20}$")

COMPLAINT_RECEIVED = register_kind("complaint_received", gettext_lazy("Complaint received from the public"))
COMPLAINT_ASSIGNED = register_kind("complaint_assigned", gettext_lazy("Complaint assigned for verification"))


class RateLimited(Exception):
    def __init__(self, retry_after: int):
        super().__init__("rate limited")
        self.retry_after = retry_after


def _fail(field: str, message: str) -> ApplicationError:
    return ApplicationError(message, errors={field: [message]})


def new_receipt() -> str:
    return "".join(secrets.choice(RECEIPT_ALPHABET) for _i in range(RECEIPT_LENGTH))


def event(complaint, *, actor, action: str, before: str = "", note: str = "") -> None:
    ComplaintEvent.objects.create(
        complaint=complaint,
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        from_status=before,
        to_status=complaint.status,
        note=note,
    )


def audit(*, actor, complaint, action: str, before: dict | None, extra: dict | None = None) -> None:
    after = safe_snapshot(complaint) | ({"_action": extra} if extra else {})
    audit_record(actor=actor, action=action, obj=complaint, before=before, after=after)


def _text(values: dict, name: str, limit: int, *, required: bool = False) -> str:
    text = str(values.get(name) or "").strip()
    if required and not text:
        raise _fail(name, _("This field is required."))
    if len(text) > limit:
        raise _fail(name, _("At most %(n)d characters.") % {"n": limit})
    return text


def _reporter(values: dict) -> tuple[bool, str, str]:
    anonymous = bool(values.get("anonymous"))
    if anonymous:
        return True, "", ""  # an anonymous complaint keeps no identity at all
    name = _text(values, "reporter_name", 50)
    phone = _text(values, "reporter_phone", 20)
    if phone and not PHONE.match(phone):
        raise _fail("reporter_phone", _("Enter a phone number (digits, +, - and spaces)."))
    return False, name, phone


def _enterprise_by_name(region_code: str, name: str):
    if not name:
        return None
    matches = Enterprise.objects.filter(name=name, region__code__startswith=region_code[:6])
    return matches.first() if matches.count() == 1 else None


def _save(complaint: Complaint) -> Complaint:
    for _attempt in range(5):
        complaint.receipt = new_receipt()
        try:
            with transaction.atomic():
                complaint.save()
            return complaint
        except IntegrityError:  # the receipt taken already (1 in 2**59): draw another
            continue
    raise RuntimeError("no free receipt number")


@transaction.atomic
def complaint_create(*, actor, values: dict) -> Complaint:
    """A complaint taken in by the bureau's handler (12350, letter, visit, transfer or web)."""
    permissions.require_handle(actor)
    channel = values.get("channel") or ""
    if channel not in Channel.values:
        raise _fail("channel", _("Choose a channel."))
    enterprise = None
    if values.get("enterprise_id"):
        enterprise = Enterprise.objects.for_user(actor).filter(pk=values["enterprise_id"]).first()
        if enterprise is None:
            raise _fail("enterprise_id", _("No such enterprise in your jurisdiction."))
    region_code = values.get("region_code") or (enterprise.region_id if enterprise else "")
    if not region_code:
        raise _fail("region_code", _("This field is required."))
    if not Region.objects.filter(code=region_code).exists() or not Jurisdiction.of(actor).contains_region(
        region_code
    ):
        raise _fail("region_code", _("No such region in your jurisdiction."))
    received_on = dates.past_date(values.get("received_on"), "received_on") or dates.today()
    items = values.get("items") or 1
    if not isinstance(items, int) or not 1 <= items <= 999:
        raise _fail("items", _("Between 1 and 999 items."))
    anonymous, name, phone = _reporter(values)
    enterprise_name = _text(values, "enterprise_name", 200)
    complaint = Complaint(
        channel=channel,
        transferred_from=_text(values, "transferred_from", 100) if channel == Channel.TRANSFER else "",
        received_on=received_on,
        region_id=region_code,
        place=_text(values, "place", 200),
        enterprise=enterprise or _enterprise_by_name(region_code, enterprise_name),
        enterprise_name=enterprise_name or (enterprise.name if enterprise else ""),
        content=_text(values, "content", 5000, required=True),
        items=items,
        anonymous=anonymous,
        reporter_name=name,
        reporter_phone=phone,
        created_by=actor,
    )
    _save(complaint)
    event(complaint, actor=actor, action="create")
    audit(actor=actor, complaint=complaint, action="create", before=None)
    return complaint


def _public_region(code: str) -> Region:
    region = Region.objects.filter(code=code, level__in=("county", "street")).first() if code else None
    if region is None:
        raise _fail("region_code", _("Choose the district or street where it is."))
    return region


def check_rate(address: str, *, now=None) -> None:
    """RateLimited (with the seconds to wait) when the address has used up its complaints."""
    now = now or timezone.now()
    hits = PublicHit.objects.filter(address=address, at__gt=now - PUBLIC_WINDOW).order_by("at")
    if hits.count() >= PUBLIC_LIMIT:
        oldest = hits.first().at
        raise RateLimited(max(1, int((oldest + PUBLIC_WINDOW - now).total_seconds()) + 1))


def _attachment_checked(upload) -> tuple[bytes, str, str]:
    from yingji.hazards.evidence import sniff  # the hazards' check by content

    limit = settings.YINGJI_MAX_UPLOAD_MB * 1024 * 1024
    if upload.size > limit:
        raise _fail("files", _("A file may be at most %(mb)s MB.") % {"mb": settings.YINGJI_MAX_UPLOAD_MB})
    content = upload.read()
    content_type, extension = sniff(content)
    return content, content_type, extension


def public_complaint_create(*, values: dict, address: str, uploads=()) -> Complaint:
    """A complaint from the public, without a login: 201 with its receipt number. Counted
    against the address (PUBLIC_LIMIT an hour) once accepted; the handlers are notified."""
    check_rate(address or "unknown")
    region = _public_region(str(values.get("region_code") or ""))
    content = _text(values, "content", 5000, required=True)
    anonymous, name, phone = _reporter(values)
    if not anonymous and not phone:
        raise _fail("reporter_phone", _("Give a phone number to be told the result, or report anonymously."))
    if len(uploads) > MAX_ATTACHMENTS:
        raise _fail("files", _("At most %(n)d files.") % {"n": MAX_ATTACHMENTS})
    checked = [(upload, *_attachment_checked(upload)) for upload in uploads]
    enterprise_name = _text(values, "enterprise_name", 200)
    with transaction.atomic():
        complaint = Complaint(
            channel=Channel.WEB,
            received_on=dates.today(),
            region=region,
            place=_text(values, "place", 200),
            enterprise=_enterprise_by_name(region.code, enterprise_name),
            enterprise_name=enterprise_name,
            content=content,
            anonymous=anonymous,
            reporter_name=name,
            reporter_phone=phone,
        )
        _save(complaint)
        for upload, content_bytes, content_type, extension in checked:
            attachment = ComplaintAttachment(
                complaint=complaint,
                original_name=(upload.name or "upload")[:200],
                content_type=content_type,
                size=len(content_bytes),
                sha256=hashlib.sha256(content_bytes).hexdigest(),
            )
            attachment.file.save(f"{attachment.sha256}.{extension}", ContentFile(content_bytes), save=False)
            attachment.save()
        PublicHit.objects.create(address=(address or "unknown")[:45])
        event(complaint, actor=None, action="create", note=str(Channel.WEB.label))
        audit(actor=None, complaint=complaint, action="create", before=None)
        notify(
            kind=COMPLAINT_RECEIVED,
            users=handlers_of(complaint),
            title=_("Complaint %(receipt)s received from the public") % {"receipt": complaint.receipt},
            url=f"/complaints/{complaint.pk}/",
        )
    return complaint


def handlers_of(complaint) -> list[User]:
    """The complaint handlers whose bureau's region covers the complaint."""
    code = complaint.region_id
    covering = [code[:n] for n in sorted(CODE_LENGTHS) if n <= len(code)]
    return list(
        User.objects.filter(
            is_active=True,
            role__in=permissions.HANDLERS,
            organisation__kind=OrgKind.BUREAU,
            organisation__region_id__in=covering,
        )
    )
