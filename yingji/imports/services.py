"""An import run once: a file imported before in the same organisation is refused (409) unless
the caller confirms, and a request retried with the Idempotency-Key of one that landed gets that
request's answer again without importing anything.

Scope of "the same file": same kind, same SHA-256, imported by a user whose organisation lies
within the caller's jurisdiction (a bureau also finds its streets' imports; an administrator
every import; an enterprise user only its own organisation's). So the 409 names only imports
the caller could see the results of, and another county's identical file is its own business.

Only imports that landed are recorded (the record commits with the rows): a refused file wrote
nothing, so sending it again simply runs again and is refused the same way."""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from yingji.core.errors import ApplicationError
from yingji.imports.models import ImportRecord
from yingji.regions.scoping import Jurisdiction

MAX_KEY_LENGTH = 200


@dataclass
class Imported:
    record: ImportRecord
    replayed: bool = False  # the answer of an earlier request with the same Idempotency-Key

    @property
    def status(self) -> int:
        return self.record.status

    @property
    def body(self) -> dict:
        return self.record.response


def previous_of(record: ImportRecord) -> dict:
    """The earlier import as a 409 names it."""
    return {
        "id": record.pk,
        "created_at": record.created_at,
        "user": record.user.name or record.user.username,
        "rows": record.rows,
    }


class DuplicateImport(ApplicationError):
    """The same file was imported before in the caller's organisation (HTTP 409)."""

    def __init__(self, previous: ImportRecord):
        self.previous = previous
        super().__init__(
            _(
                "This file was already imported on %(date)s by %(user)s (%(rows)s rows). "
                "To import it again, send confirm_duplicate=true."
            )
            % self._facts(),
            status=409,
        )

    def _facts(self) -> dict:
        p = previous_of(self.previous)
        return {
            "date": f"{timezone.localtime(p['created_at']):%Y-%m-%d %H:%M}",
            "user": p["user"],
            "rows": p["rows"],
        }

    def body(self) -> dict:
        return {"detail": self.message, "previous": previous_of(self.previous)}

    def for_command_line(self) -> str:
        return (
            _(
                "This file was already imported on %(date)s by %(user)s (%(rows)s rows): nothing imported. "
                "Add --confirm-duplicate to import it again."
            )
            % self._facts()
        )

    def question(self) -> str:
        """For the web page, which asks before importing again."""
        return _(
            "This file was already imported on %(date)s by %(user)s (%(rows)s rows). Import it again?"
        ) % (self._facts())


class KeyReused(ApplicationError):
    """An Idempotency-Key sent again with another file (HTTP 422, as the IETF draft on the
    header says: the key names a different request)."""

    def __init__(self, record: ImportRecord):
        message = _(
            "This Idempotency-Key was used for another file (import %(id)s): use a new key for a new import."
        )
        super().__init__(message % {"id": record.pk}, status=422)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def scope(user) -> Q:
    """The imports a user's file may be a duplicate of (the module's docstring)."""
    jurisdiction = Jurisdiction.of(user)
    if jurisdiction.everything:
        return Q()
    if jurisdiction.enterprise_id is not None or not jurisdiction.region:
        return Q(organisation_id=user.organisation_id, organisation__isnull=False)
    return Q(region_code__startswith=jurisdiction.region)


def import_once(
    *,
    kind: str,
    actor,
    data: bytes,
    filename: str,
    prepare: Callable[[], Any],
    write: Callable[[Any], tuple[int, int, dict]],
    confirm_duplicate: bool = False,
    idempotency_key: str = "",
    status: int = 201,
) -> Imported:
    """Check the key and the file's history, `prepare()` (read and check the file, outside the
    transaction), then `write(prepared)` -> (rows, created, answer body) and the record in one
    transaction."""
    digest = sha256_of(data)
    key = (idempotency_key or "").strip()[:MAX_KEY_LENGTH]
    if key and (earlier := _keyed(actor, key)):
        return _replay(earlier, kind, digest)
    if not confirm_duplicate:
        previous = (
            ImportRecord.objects.filter(scope(actor), kind=kind, sha256=digest)
            .select_related("user")
            .order_by("-created_at", "-id")
            .first()
        )
        if previous:
            raise DuplicateImport(previous)
    prepared = prepare()
    try:
        with transaction.atomic():
            rows, created, body = write(prepared)
            record = ImportRecord.objects.create(
                kind=kind,
                sha256=digest,
                filename=filename[:255],
                user=actor,
                organisation_id=actor.organisation_id,
                region_code=actor.organisation.region_id if actor.organisation_id else "",
                rows=rows,
                created=created,
                confirmed_duplicate=confirm_duplicate,
                idempotency_key=key,
                status=status,
                response=body,
            )
    except IntegrityError:
        # The same key committed first by a request racing this one: its answer, not a second import.
        if key and (earlier := _keyed(actor, key)):
            return _replay(earlier, kind, digest)
        raise
    return Imported(record)


def _keyed(actor, key: str) -> ImportRecord | None:
    return ImportRecord.objects.filter(user=actor, idempotency_key=key).first()


def _replay(earlier: ImportRecord, kind: str, digest: str) -> Imported:
    if earlier.kind != kind or earlier.sha256 != digest:
        raise KeyReused(earlier)
    return Imported(earlier, replayed=True)
