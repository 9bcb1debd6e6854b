"""The answers the import endpoints share: the 409 of a file imported before, and the 422 of an
Idempotency-Key sent with another file."""

import datetime

from ninja import Field, Schema


class PreviousImportOut(Schema):
    id: int
    created_at: datetime.datetime
    user: str = Field(..., description="who imported it (name, or username)")
    rows: int


class DuplicateImportOut(Schema):
    detail: str
    previous: PreviousImportOut


CONFIRM_DESCRIPTION = (
    "true: import a file that was imported before within your jurisdiction (otherwise 409 naming "
    "that import). Also accepted as a form field."
)
KEY_DESCRIPTION = (
    "Any unique string (e.g. a UUID) per import: a request retried with the key of one that "
    "landed gets that answer again (same status and body) and imports nothing; the same key "
    "with another file answers 422."
)


def confirmed(request, query_value: bool) -> bool:
    """confirm_duplicate from the query string or the multipart form."""
    return query_value or request.POST.get("confirm_duplicate", "").lower() in ("true", "1", "on", "yes")
