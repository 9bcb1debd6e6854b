"""Export: the hazards the list shows for its filters, as rows of the template, oldest first,
streamed as xlsx or as CSV (UTF-8 with a BOM); the same template, so an exported file imports
back unchanged. Also the empty template to download."""

from collections.abc import Iterable, Iterator

from django.http import StreamingHttpResponse
from django.utils import timezone

from yingji.core import exports
from yingji.hazards import selectors
from yingji.hazards.ledger.columns import HEADERS, LEVEL_LABELS, SOURCE_LABELS, STATUS_LABELS
from yingji.hazards.ledger.xlsx import WIDTHS

EXPORT_FIELDS = (
    "enterprise__name",
    "enterprise__uscc",
    "description",
    "location",
    "category",
    "level",
    "source",
    "found_at",
    "measures",
    "responsible",
    "deadline",
    "funds",
    "rectified_at",
    "verifier",
    "verified_at",
    "status",
    "note",
)
CONTENT_TYPES = exports.CONTENT_TYPES


def ledger_rows(*, user, filters: dict) -> Iterator[tuple]:
    """The hazards the list shows for these filters, as template rows, oldest first."""
    hazards = selectors.hazard_list(user=user, filters=filters).order_by("found_at", "id")
    for number, h in enumerate(hazards.values_list(*EXPORT_FIELDS).iterator(chunk_size=2000), start=1):
        yield (
            number, *h[:5], LEVEL_LABELS.get(h[5], h[5]), SOURCE_LABELS.get(h[6], h[6]),
            *h[7:15], STATUS_LABELS.get(h[15], h[15]), h[16],
        )  # fmt: skip


def ledger_export_response(*, user, filters: dict, fmt: str = "xlsx") -> StreamingHttpResponse:
    return _file_response(
        ledger_rows(user=user, filters=filters), fmt, f"隐患排查治理台账-{timezone.localdate():%Y%m%d}"
    )


def ledger_template_response() -> StreamingHttpResponse:
    return _file_response(iter(()), "xlsx", "隐患排查治理台账模板")


def _file_response(rows: Iterator[tuple], fmt: str, name: str) -> StreamingHttpResponse:
    # Text cells are written as text, guarded against running as formulas (yingji.core.exports).
    return exports.export_response(HEADERS, rows, fmt=fmt, filename=name, sheet_name="台账", widths=WIDTHS)


def csv_stream(rows: Iterable[tuple]) -> Iterator[bytes]:
    """UTF-8 with a BOM, so that Excel opens it in Chinese."""
    return exports.csv_stream(HEADERS, rows)
