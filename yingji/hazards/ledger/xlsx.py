"""The template as an xlsx, written while it streams (yingji.core.exports): `xlsx_stream` yields
the file in pieces as the rows come, in constant memory, continuing on a new sheet (台账2, …)
past Excel's row limit."""

from collections.abc import Iterable, Iterator

from yingji.core import exports
from yingji.hazards.ledger.columns import COLUMNS, HEADERS

EXCEL_MAX_ROWS = exports.EXCEL_MAX_ROWS
WIDTHS = tuple(c.width for c in COLUMNS)


def xlsx_stream(rows: Iterable[tuple], *, sheet_rows: int = EXCEL_MAX_ROWS) -> Iterator[bytes]:
    """The template as an xlsx, yielded in pieces as the rows come."""
    return exports.xlsx_stream(HEADERS, rows, sheet_name="台账", widths=WIDTHS, sheet_rows=sheet_rows)
