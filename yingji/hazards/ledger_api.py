"""/api/v1/hazards/import and /export: the hazard ledger (台账) in and out. Mounted before the
hazard router, so that /import and /export are not read as a hazard id."""

from typing import Literal

from ninja import File, Query, Router, Schema, Status, UploadedFile

from yingji.hazards import ledger
from yingji.hazards.api import HazardFilters

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


@router.post("/import", response={201: CreatedOut, 400: LedgerErrorOut})
def ledger_import(request, file: File[UploadedFile]):
    """Import a ledger (xlsx, xls or csv; the template of DOMAIN.md §0.3), all rows or none.
    400 lists every problem: `errors.file` for the file, `errors.rows` with each bad row's
    number as the spreadsheet shows it, the column header and the message."""
    return Status(201, {"created": ledger.ledger_import_upload(actor=request.auth, upload=file)})


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
