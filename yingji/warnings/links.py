"""The acknowledgement link in a warning's SMS: signed, so it names one recipient and cannot be
forged or pointed at another; it expires after YINGJI_WARNING_LINK_HOURS."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "yingji.warnings.ack"


def token(recipient) -> str:
    return signing.dumps(recipient.pk, salt=SALT, compress=True)


def recipient_id(value: str) -> int | None:
    """The recipient the token names, or None when it is forged, mangled or expired."""
    try:
        pk = signing.loads(value, salt=SALT, max_age=settings.YINGJI_WARNING_LINK_HOURS * 3600)
    except signing.BadSignature:
        return None
    return pk if isinstance(pk, int) else None


def url(recipient) -> str:
    return settings.YINGJI_SITE_URL.rstrip("/") + reverse("warnings:ack", args=[token(recipient)])
