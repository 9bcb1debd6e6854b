"""The first step of an import: an xlsx, xls, ods or csv file to its data rows. `ledger_read`
finds the header row (the one with 隐患描述), maps its cells to the template's columns and keeps
the rows under it; a file too large (yingji.core.uploads: no zip bombs), unreadable or without
the required columns is a LedgerError."""

import csv
import functools
import gc
import io
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _
from python_calamine import CalamineError, CalamineWorkbook

from yingji.core import uploads
from yingji.hazards.ledger.cells import _SPACE
from yingji.hazards.ledger.columns import (
    BY_HEADER,
    DESCRIPTION,
    NAME,
    REQUIRED_HEADERS,
    USCC,
    Column,
)
from yingji.hazards.ledger.errors import LedgerError

# What a worker takes (about 150,000 rows); the command line takes more (uploads.py).
MAX_FILE_BYTES = uploads.WEB.file_bytes
MAX_UNPACKED_BYTES = uploads.WEB.unpacked_bytes


def _without_gc(function):
    """A ledger's cells, rows and hazards are made by the hundred thousand and kept, none of them
    garbage; the cyclic collector would walk them over and over (a third of the time to read
    a file, bench/README.md), so it waits until the step is done."""

    @functools.wraps(function)
    def step(*args, **kwargs):
        enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return step


@dataclass
class Sheet:
    columns: list[tuple[int, Column]]  # position in the row -> template column
    rows: list[tuple[int, list]]  # (row number, cells) of each data row


def _header_key(cell) -> str:
    return _SPACE.sub("", str(cell)).replace("(", "（").replace(")", "）")


@_without_gc
def ledger_read(data: bytes, limits: uploads.Limits | None = None) -> Sheet:
    """The template's columns and the data rows of an xlsx, xls, ods or csv file, once the file
    has passed the upload checks (no zip bombs, no more cells than the limits)."""
    try:
        uploads.check_upload(data, limits)
    except uploads.Unreadable:
        raise LedgerError(file=[_("The file is not a readable xlsx, xls or csv file.")]) from None
    except uploads.UploadRefused as e:
        raise LedgerError(file=[e.message]) from None
    if data[:4] == b"PK\x03\x04" or data[:8] == uploads.OLE:
        tables = _workbook_tables(data)
    else:
        tables = iter([_csv_table(data)])
    for table in tables:
        header = next((i for i, row in enumerate(table) if _has_description(row)), None)
        if header is not None:
            return _sheet(table, header)
    raise LedgerError(file=[_("No header row: no cell of the file reads 隐患描述.")])


def _has_description(row: list) -> bool:
    return any(isinstance(cell, str) and "述" in cell and _header_key(cell) == DESCRIPTION for cell in row)


def _workbook_tables(data: bytes) -> Iterator[list[list]]:
    unreadable = _("The file is not a readable xlsx, xls or csv file.")
    try:
        book = CalamineWorkbook.from_object(io.BytesIO(data))
        for name in book.sheet_names:
            # skip_empty_area=False keeps the sheet's own row numbers: row 1 is rows[0].
            yield book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except (
        CalamineError,
        ValueError,
        OSError,
        EOFError,
        NotImplementedError,
        RuntimeError,
    ):
        raise LedgerError(file=[unreadable]) from None


def _csv_table(data: bytes) -> list[list]:
    # Excel in China saves csv as GB18030 (GBK), and "Unicode text" as UTF-16 with tabs.
    encodings = ("utf-16",) if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise LedgerError(file=[_("The file is not a readable xlsx, xls or csv file.")])
    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    try:
        # A cell export guarded ('=…) is unguarded with the other text cells (cells._text).
        return list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error:
        raise LedgerError(file=[_("The file is not a readable xlsx, xls or csv file.")]) from None


def _sheet(table: list[list], header: int) -> Sheet:
    columns, seen, problems = [], set(), []
    for position, cell in enumerate(table[header]):
        column = BY_HEADER.get(_header_key(cell)) if isinstance(cell, str) else None
        if column is None:
            continue  # a column the template does not know is left alone
        if column.header in seen:
            problems.append(_("The column %(header)s appears twice.") % {"header": column.header})
        seen.add(column.header)
        if column.kind != "ignore":
            columns.append((position, column))
    problems += [
        _("The column %(header)s is missing.") % {"header": h} for h in REQUIRED_HEADERS if h not in seen
    ]
    if NAME not in seen and USCC not in seen:
        problems.append(
            _("The columns 单位名称 and 统一社会信用代码 are both missing: one must identify the enterprise.")
        )
    if problems:
        raise LedgerError(file=problems)
    at = next(p for p, c in columns if c.header == DESCRIPTION)
    # Data ends at the last row with a description: notes below it are not hazards.
    last = max(
        (i for i in range(header + 1, len(table)) if at < len(table[i]) and not _blank(table[i][at])),
        default=header,
    )
    # A row with nothing in the template's columns (a blank line, a lone 序号) is no hazard.
    rows = [
        (i + 1, table[i])
        for i in range(header + 1, last + 1)
        if not all(_blank(table[i][p]) for p, _c in columns if p < len(table[i]))
    ]
    if not rows:
        raise LedgerError(file=[_("The file has no hazard rows under its header.")])
    return Sheet(columns=columns, rows=rows)


def _blank(cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())
