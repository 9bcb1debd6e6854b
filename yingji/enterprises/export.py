"""The enterprise list as a workbook (生产经营单位名录) in the layout import reads back
(workbook.COLUMNS): streamed through yingji.core.exports, so every text is written as text and
one that starts like a formula is guarded, and a large list never sits in memory."""

import datetime
from collections.abc import Iterator

from django.http import StreamingHttpResponse
from django.utils import timezone

from yingji.core import exports
from yingji.enterprises.workbook import COLUMNS

HEADERS = tuple(column.header for column in COLUMNS)
WIDTHS = tuple(column.width for column in COLUMNS)
SHEET_NAME = "生产经营单位"


def enterprise_rows(enterprises) -> Iterator[list]:
    """One row per enterprise, numbered, by street and name."""
    rows = enterprises.select_related("region", "supervising_department").order_by("region_id", "name", "pk")
    for number, enterprise in enumerate(rows.iterator(chunk_size=1000), 1):
        yield [number, *(column.export(enterprise) for column in COLUMNS[1:])]


def export_filename(today: datetime.date) -> str:
    return f"生产经营单位名录-{today:%Y%m%d}"


def enterprise_export_response(enterprises) -> StreamingHttpResponse:
    """The enterprises as an .xlsx download."""
    return exports.export_response(
        HEADERS,
        enterprise_rows(enterprises),
        fmt="xlsx",
        filename=export_filename(timezone.localdate()),
        sheet_name=SHEET_NAME,
        widths=WIDTHS,
    )
