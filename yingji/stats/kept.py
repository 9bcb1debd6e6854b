"""A jurisdiction's page numbers, kept between visits until something inside it changes.

Why the kept numbers stay exact: every change is audited in the transaction that makes it
(audit.services), and the lock that orders the audit chain commits entries in id order, so the
newest visible entry's id is a watermark — numbers computed after reading watermark W count
every change up to W (and perhaps some after). They are still the numbers while no entry after W
touches the jurisdiction: one whose region is inside its subtree, or whose record left it (the
region before a change), or that names no region and so may touch any. Sign-ins, downloads and
refusals change no number and are passed over.

Time alone changes some numbers (a hazard falls overdue at midnight, a warning expires at noon):
the day is part of the key, and kept numbers are recomputed at least every
settings.YINGJI_KEPT_SECONDS (0: never kept).
"""

import hashlib
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import get_language

from yingji.audit.models import AuditEntry
from yingji.audit.security import SECURITY
from yingji.core.replicas import on_replica
from yingji.regions.scoping import Jurisdiction


def kept(name: tuple, user, compute: Callable[[], object]):
    """compute(), or what it gave for the same name (a page and its day), jurisdiction, role,
    language and today when nothing inside the jurisdiction has changed since. Read from a
    replica when there is one (yingji.core.replicas): the watermark and the numbers together."""
    return on_replica(user, lambda: _kept(name, user, compute))


def _kept(name: tuple, user, compute: Callable[[], object]):
    seconds = settings.YINGJI_KEPT_SECONDS
    if seconds <= 0:
        return compute()
    jurisdiction = Jurisdiction.of(user)
    key = _key(name, user, jurisdiction)
    entry = cache.get(key)
    if entry is not None:
        watermark, expires, value = entry
        newest, touched = _since(watermark, jurisdiction)
        if not touched and expires > time.time():
            if newest is not None:  # move the watermark on, so the next look scans less
                cache.set(key, (newest, expires, value), max(1, int(expires - time.time())))
            return value
    watermark = AuditEntry.objects.aggregate(newest=Max("id"))["newest"] or 0
    value = compute()
    cache.set(key, (watermark, time.time() + seconds, value), seconds)
    return value


def _key(name: tuple, user, jurisdiction: Jurisdiction) -> str:
    industries = ",".join(sorted(jurisdiction.industries)) if jurisdiction.industries is not None else "*"
    parts = (
        name, getattr(user, "role", ""), get_language(), timezone.localdate().isoformat(),
        jurisdiction.everything, jurisdiction.region, industries, jurisdiction.enterprise_id,
    )  # fmt: skip
    return "kept:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def _since(watermark: int, jurisdiction: Jurisdiction) -> tuple[int | None, int]:
    """The newest entry after the watermark and how many of those touch the jurisdiction, in
    one statement (one snapshot: no entry can fall between the two)."""
    touching = ~Q(object_type=SECURITY) & _touching(jurisdiction)
    found = AuditEntry.objects.filter(id__gt=watermark).aggregate(
        newest=Max("id"), touched=Count("id", filter=touching)
    )
    return found["newest"], found["touched"]


def _touching(jurisdiction: Jurisdiction) -> Q:
    if jurisdiction.everything or not jurisdiction.region:
        return Q()
    region = jurisdiction.region
    return Q(region_code__startswith=region) | Q(region_code="") | Q(before__region_id__startswith=region)
