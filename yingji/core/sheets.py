"""Reading an uploaded workbook for an all-or-nothing import: the file checked by core/uploads
before the parser sees it, the first sheet's rows, each cell as the text a user typed (a whole
number without ".0", a date without a time, a guarded formula unguarded), and the problems of
the rows — each with its row number and column — that refuse the whole file."""

import datetime
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _
from python_calamine import CalamineError, CalamineWorkbook

from yingji.core import uploads
from yingji.core.exports import unguard


@dataclass(frozen=True)
class Problem:
    row: int | None  # the sheet's row number; None for the file or its header
    column: str
    message: str

    def text(self) -> str:
        where = (
            _("Row %(row)d, %(column)s") % {"row": self.row, "column": self.column}
            if self.row
            else self.column
        )
        return f"{where}: {self.message}"


class ImportRejected(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problems")
        self.problems = problems


def cell_text(cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, datetime.datetime):
        cell = cell.date()
    return unguard(str(cell).strip())


def first_sheet(data: bytes, max_bytes: int | None = None) -> list[list]:
    """The rows of the workbook's first sheet, or ImportRejected saying why the file is refused."""
    unreadable = _("This is not an Excel workbook (.xlsx) that can be read.")
    if max_bytes is not None and len(data) > max_bytes:
        message = _("The file is larger than %(mb)s MB.") % {"mb": max_bytes // uploads.MB}
        raise ImportRejected([Problem(None, "file", message)])
    try:
        uploads.check_upload(data)
    except uploads.Unreadable:
        raise ImportRejected([Problem(None, "file", unreadable)]) from None
    except uploads.UploadRefused as e:
        raise ImportRejected([Problem(None, "file", e.message)]) from None
    try:
        return (
            CalamineWorkbook.from_object(io.BytesIO(data))
            .get_sheet_by_index(0)
            .to_python(skip_empty_area=False)
        )
    except (CalamineError, ValueError, IndexError, OSError):
        raise ImportRejected([Problem(None, "file", unreadable)]) from None
