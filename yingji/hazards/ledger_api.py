"""/api/v1/hazards/import and /export: the hazard ledger (台账) in and out. Mounted before the
hazard router, so that /import and /export are not read as a hazard id."""

from typing import Literal

from ninja import File, Header, Query, Router, Schema, Status, UploadedFile

from yingji.core.api import DetailOut
from yingji.hazards import ledger
from yingji.hazards.api import HazardFilters
from yingji.imports.schemas import CONFIRM_DESCRIPTION, KEY_DESCRIPTION, DuplicateImportOut, confirmed
from yingji.imports.services import MAX_KEY_LENGTH, DuplicateImport

router = Router(tags=["hazards"])


class CreatedOut(Schema):
    created: int


class RowErrorOut(Schema):
    row: int
    column: str
    message: str


class LedgerErrorsOut(Schema):
    file: list[str] = []
    rows: list[RowErrorOut] = []


class LedgerErrorOut(Schema):
    errors: LedgerErrorsOut


@router.post(
    "/import", response={201: CreatedOut, 400: LedgerErrorOut, 409: DuplicateImportOut, 422: DetailOut}
)
def ledger_import(
    request,
    file: File[UploadedFile],
    confirm_duplicate: bool = Query(False, description=CONFIRM_DESCRIPTION),
    idempotency_key: str | None = Header(
        None, alias="Idempotency-Key", max_length=MAX_KEY_LENGTH, description=KEY_DESCRIPTION
    ),
):
    """Import a ledger (xlsx, xls or csv; the template of DOMAIN.md §0.3), all rows or none.
    400 lists every problem: `errors.file` for the file (also one too large, or one that
    unpacks past the limits), `errors.rows` with each bad row's number as the spreadsheet
    shows it, the column header and the message. 409: the same file was imported before in
    your jurisdiction (`previous` names that import); send confirm_duplicate=true to import
    it again."""
    try:
        imported = ledger.ledger_import_upload(
            actor=request.auth,
            upload=file,
            confirm_duplicate=confirmed(request, confirm_duplicate),
            idempotency_key=idempotency_key or "",
        )
    except DuplicateImport as e:
        return Status(409, e.body())
    return Status(imported.status, imported.body)


FILE = {"schema": {"type": "string", "format": "binary"}}


@router.get(
    "/export",
    response={200: None},
    openapi_extra={
        "responses": {
            200: {
                "description": "The ledger file",
                "content": {ledger.CONTENT_TYPES["xlsx"]: FILE, "text/csv": FILE},
            }
        }
    },
)
def ledger_export(request, filters: Query[HazardFilters], format: Literal["xlsx", "csv"] = "xlsx"):
    """The hazards of the list with the same filters, as the ledger template (streamed)."""
    return ledger.ledger_export_response(user=request.auth, filters=filters.dict(), fmt=format)
