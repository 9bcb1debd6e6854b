"""The last step of an import, and the import itself. `ledger_write` writes validated rows all
or nothing, in one transaction: the hazards (COPY on PostgreSQL, bulk_create elsewhere), a
timeline event each, and one audit entry for the file. `ledger_import_file` runs read, validate
and write for a file's bytes, once (yingji.imports); `ledger_import_upload` for an uploaded file."""

import datetime
import json
import os
from collections import Counter

from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from yingji.audit.services import audit_record
from yingji.campaigns import tagging
from yingji.core import uploads
from yingji.hazards import permissions
from yingji.hazards.choices import DONE_STATES
from yingji.hazards.ledger.columns import S
from yingji.hazards.ledger.errors import LedgerError
from yingji.hazards.ledger.reading import _without_gc, ledger_read
from yingji.hazards.ledger.validation import ParsedRow, ledger_validate
from yingji.hazards.models import Hazard, HazardEvent
from yingji.imports.models import ImportKind
from yingji.imports.services import Imported, import_once, sha256_of
from yingji.regions.models import CODE_LENGTHS

BATCH = 5000


@_without_gc
def ledger_write(rows: list[ParsedRow], *, actor, filename: str, sha256: str) -> int:
    """Write validated rows in one transaction: the hazards, a timeline event each, and one
    audit entry for the import. PostgreSQL gets COPY; other databases bulk_create."""
    now = timezone.now()
    values = [_hazard_values(row, actor, now) for row in rows]
    with transaction.atomic():
        if connection.vendor == "postgresql":
            ids = _copy_hazards(values)
        else:
            ids = [h.pk for h in Hazard.objects.bulk_create([Hazard(**v) for v in values], batch_size=BATCH)]
        entry = _audit(actor, rows, ids, filename, sha256)
        tagging.tag_many("hazards", [(pk, v["region_id"], v["industry"], v["found_at"]) for pk, v in zip(ids, values, strict=True)])  # fmt: skip
        events = [
            {
                "hazard_id": pk,
                "at": now,
                "actor_id": actor.pk,
                "action": "import",
                "from_status": "",
                "to_status": row.status,
                "note": "",
                "data": {"row": row.number, "import": entry.pk} | _submitted(row),
            }
            for pk, row in zip(ids, rows, strict=True)
        ]
        if connection.vendor == "postgresql":
            _copy(HazardEvent, events, json_fields={"data"})
        else:
            HazardEvent.objects.bulk_create([HazardEvent(**e) for e in events], batch_size=BATCH)
    return len(ids)


def _submitted(row: ParsedRow) -> dict:
    # A row awaiting acceptance keeps its 整改完成日期 as a submission does, on the timeline, for
    # the acceptance to take (services._approve): on the hazard it would count as rectified.
    if row.status == S.AWAITING_REVIEW and row.rectified_at:
        return {"rectified_at": row.rectified_at.isoformat()}
    return {}


def _hazard_values(row: ParsedRow, actor, now: datetime.datetime) -> dict:
    enterprise_id, _code, _name, region, industry = row.enterprise
    closed_at = None
    if row.status == S.CLOSED:
        # The ledger has no 销号日期: written off when accepted, or else when rectified.
        closed_at = row.verified_at or row.rectified_at
    # Validation let an accepted row through only for an importer who may accept it: the
    # importer is its acceptor. A different name typed in 验收人 is kept as a remark, never as
    # the acceptor (permissions.py).
    verified_by, verifier, note, rectified_at = None, "", row.note, None
    if row.status in DONE_STATES:
        verified_by, verifier, rectified_at = actor.pk, actor.name or actor.username, row.rectified_at
        if row.verifier and row.verifier != verifier:
            typed = _("Acceptor written in the ledger: %(name)s") % {"name": row.verifier}
            note = "\n".join(filter(None, [note, typed]))
    return {
        "created_at": now,
        "updated_at": now,
        "enterprise_id": enterprise_id,
        "region_id": region,
        "industry": industry,
        "description": row.description,
        "location": row.location,
        "category": row.category,
        "level": row.level,
        "source": row.source,
        "status": row.status,
        "found_at": row.found_at,
        "measures": row.measures,
        "responsible": row.responsible,
        "deadline": row.deadline,
        "funds": row.funds,
        "rectified_at": rectified_at,
        "verifier": verifier,
        "verified_by_id": verified_by,
        "verified_at": row.verified_at,
        "closed_at": closed_at,
        "note": note,
        "reported_by_id": actor.pk,
    }


def _copy_hazards(values: list[dict]) -> list[int]:
    # COPY returns no ids: take them from the table's sequence first, then COPY with them.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [Hazard._meta.db_table, len(values)],
        )
        ids = [pk for (pk,) in cursor.fetchall()]
    for pk, v in zip(ids, values, strict=True):
        v["id"] = pk
    _copy(Hazard, values)
    return ids


def _copy(model, rows: list[dict], json_fields: frozenset[str] | set[str] = frozenset()) -> None:
    fields = [f for f in model._meta.concrete_fields if not (f.primary_key and "id" not in rows[0])]
    defaults = {f.attname: f.get_default() for f in fields}
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    sql = f"COPY {table} ({names}) FROM STDIN"  # noqa: S608 (names from the model, quoted)
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(
                [
                    json.dumps(row[f.attname], ensure_ascii=False)
                    if f.attname in json_fields
                    else row.get(f.attname, defaults[f.attname])
                    for f in fields
                ]
            )


def _audit(actor, rows: list[ParsedRow], ids: list[int], filename: str, sha256: str):
    first = Hazard.objects.only("id", "description", "region_id").get(pk=ids[0])
    # The entry belongs to the smallest region that holds every row, so that whoever sees
    # all the imported hazards sees the import.
    first.audit_region_code = _common_region({row.enterprise[3] for row in rows})
    after = {
        "file": filename,
        "sha256": sha256,
        "created": len(ids),
        "first_id": min(ids),
        "last_id": max(ids),
        "enterprises": len({row.enterprise[0] for row in rows}),
        "by_status": dict(Counter(row.status for row in rows)),
        "by_level": dict(Counter(row.level for row in rows)),
        # Accepted rows are accepted by the importer, the actor of this entry.
        "accepted_by_importer": sum(row.status in DONE_STATES for row in rows),
    }
    return audit_record(actor=actor, action="hazard.import", obj=first, before=None, after=after)


def _common_region(codes: set[str]) -> str:
    prefix = os.path.commonprefix(sorted(codes))
    return next((prefix[:n] for n in sorted(CODE_LENGTHS, reverse=True) if n <= len(prefix)), "")


def ledger_import_file(
    *,
    actor,
    data: bytes,
    filename: str,
    confirm_duplicate: bool = False,
    idempotency_key: str = "",
    limits: uploads.Limits | None = None,
    progress=None,
) -> Imported:
    """Import a ledger file, all or nothing, once (yingji.imports: a file imported before in the
    organisation is a DuplicateImport unless confirmed; a retried Idempotency-Key replays).
    `progress(step, done, total)`, if given, hears the rows checked (step "validate") and, before
    the write's transaction, the rows about to be written (step "write")."""
    if not permissions.can_register(actor):
        raise PermissionDenied(_("Your role may not import hazards."))
    digest = sha256_of(data)

    def write(rows: list[ParsedRow]) -> tuple[int, int, dict]:
        created = ledger_write(rows, actor=actor, filename=filename, sha256=digest)
        return len(rows), created, {"created": created}

    return import_once(
        kind=ImportKind.HAZARDS,
        actor=actor,
        data=data,
        filename=filename,
        prepare=(lambda: _validated(data, actor, limits, progress)),
        write=write,
        confirm_duplicate=confirm_duplicate,
        idempotency_key=idempotency_key,
    )


def _validated(data: bytes, actor, limits, progress) -> list[ParsedRow]:
    if progress is None:
        return ledger_validate(ledger_read(data, limits), actor=actor)
    sheet = ledger_read(data, limits)
    rows = ledger_validate(sheet, actor=actor, progress=lambda done, total: progress("validate", done, total))
    progress("write", 0, len(rows))  # outside the write's transaction, so that a watcher sees it
    return rows


def ledger_import(*, actor, data: bytes, filename: str, **options) -> int:
    """Import a ledger file (ledger_import_file); the number of hazards created."""
    return ledger_import_file(actor=actor, data=data, filename=filename, **options).record.created


def ledger_import_upload(*, actor, upload, **options) -> Imported:
    if not permissions.can_register(actor):
        raise PermissionDenied(_("Your role may not import hazards."))
    limit = uploads.WEB.file_bytes
    if upload.size > limit:
        raise LedgerError(file=[_("The file is larger than %(mb)s MB.") % {"mb": limit // uploads.MB}])
    data = upload.read(limit + 1)
    name = os.path.basename(upload.name or "")
    return ledger_import_file(actor=actor, data=data, filename=name, **options)
