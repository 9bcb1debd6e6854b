"""A spreadsheet upload checked before any parser sees it: no zip bomb, no sheet that spans more
cells than a worker's memory holds. Both imports (hazard ledger, enterprises) call
`check_upload` on the file's bytes, from the API, the web pages and the command line alike.

A parser's memory follows what it builds, not the file's size: python-calamine lays a sheet out
as a full rectangle of cells (32 bytes each, then a Python object each), so a 1.5 KB xlsx with
one cell in A1 and one in XFD1048576 asks for 512 GB, a zipped sheet of repeated rows inflates
300:1, an ODS cell may be repeated a million times, and a shared string is copied into every
cell that uses it. So, for every part of a zip (xlsx, ods), without trusting its headers:

- its declared size and ratio, then its actual size, inflated here with a hard cap (reading stops
  at the cap), each part and all together;
- in each sheet: the cells, the rectangle they span (rows x columns, from the cell references),
  and the text they come to (shared strings counted once per cell that uses them).

An xls (OLE) is held to its size (the format holds at most 65,536 x 256 cells a sheet), and a
csv to its size and the cells its separators make. Limits: bench/README.md (zip bombs)."""

import io
import re
import struct
import zipfile
import zlib
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, replace
from operator import itemgetter

from django.utils.translation import gettext as _

MB = 1024 * 1024
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CHUNK = MB


@dataclass(frozen=True)
class Limits:
    file_bytes: int  # the file as sent
    xls_bytes: int  # an xls (OLE) file
    unpacked_bytes: int  # every part of a zip, inflated, together (also: one part)
    ratio: int  # how far a part may inflate, for parts over 1 MB
    rows: int  # rows of one sheet (each row is checked and may carry problems)
    cells: int  # cells of the file's sheets together
    area: int  # the rectangle (rows x columns) one sheet spans
    text_bytes: int  # the text of the cells, each shared string counted where it is used

    def scaled(self, factor: float) -> "Limits":
        """The same limits, factor times larger (the command line's bigger files)."""
        return replace(
            self,
            **{k: int(v * factor) for k, v in self.__dict__.items() if k not in ("ratio", "xls_bytes")},
        )


# A worker's limits (API and web pages), from the ledger export of 100,000 rows: a 7.6 MB xlsx
# whose sheet inflates to 112 MB of XML, 1.7 million cells, read within 320 MB; these caps take
# about 150,000 such rows and keep any file within 600 MB (bench/zip_bomb.py).
WEB = Limits(
    file_bytes=40 * MB,
    xls_bytes=16 * MB,
    unpacked_bytes=160 * MB,
    ratio=200,
    rows=150_000,
    cells=3_000_000,
    area=6_000_000,
    text_bytes=160 * MB,
)
# The command line (`yingji import-hazards`): a bureau's million rows, `--max-rows` for more.
COMMAND_LINE_ROWS = 1_200_000
WEB_ROWS = 150_000


def command_line_limits(rows: int = COMMAND_LINE_ROWS) -> Limits:
    return WEB.scaled(max(rows, WEB_ROWS) / WEB_ROWS)


class UploadRefused(Exception):
    """A file refused before parsing; the message says why, with the limit."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class Unreadable(UploadRefused):
    """Not a file the guard can read through: each import says so in its own words."""

    def __init__(self):
        super().__init__("unreadable")


def check_upload(data: bytes, limits: Limits | None = None) -> None:
    """Refuse (UploadRefused) a file that a parser could not read within the limits (a
    worker's, WEB, unless given)."""
    limits = limits or WEB
    if len(data) > limits.file_bytes:
        raise UploadRefused(_("The file is larger than %(mb)s MB.") % {"mb": limits.file_bytes // MB})
    if data[:2] == b"PK":
        _check_zip(data, limits)
    elif data[:8] == OLE:
        if len(data) > limits.xls_bytes:
            message = _("An xls file may be at most %(mb)s MB: save larger ledgers as xlsx or csv.")
            raise UploadRefused(message % {"mb": limits.xls_bytes // MB})
    else:
        _check_text(data, limits)


def _refuse_cells(limits: Limits) -> UploadRefused:
    message = _("The file holds more than %(cells)s cells: too large to import here.")
    return UploadRefused(message % {"cells": f"{limits.cells:,}"})


def _check_text(data: bytes, limits: Limits) -> None:
    # Each separator or line break starts a cell: an upper bound, quoted text counted too.
    rows = data.count(b"\n") + 1
    if rows > limits.rows:
        raise _refuse_rows(limits)
    cells = data.count(b",") + data.count(b"\t") + rows
    if cells > limits.cells:
        raise _refuse_cells(limits)


def _refuse_rows(limits: Limits) -> UploadRefused:
    message = _("The file has more than %(rows)s rows: too large to import here.")
    return UploadRefused(message % {"rows": f"{limits.rows:,}"})


# --- zip: xlsx and ods ---------------------------------------------------------------------


def _check_zip(data: bytes, limits: Limits) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise Unreadable from None
    names = {i.filename.lower() for i in infos}
    if any(n.endswith(".bin") and "worksheets/" in n for n in names):
        raise UploadRefused(_("Binary workbooks (.xlsb) are not accepted: save the file as .xlsx."))
    budget = _Budget(limits)
    for info in infos:  # declared sizes first: most bombs stop here, before any inflating
        budget.declared(info)
    strings = array("Q")
    shared = [i for i in infos if i.filename.lower().endswith("sharedstrings.xml")]
    for info in shared:
        _shared_string_lengths(budget.inflate(data, info), strings)
    sheets = _Sheets(limits, strings)
    ods = "content.xml" in names
    for info in infos:
        if info in shared:
            continue
        chunks = budget.inflate(data, info)
        if ods and info.filename.lower().endswith("content.xml"):
            _scan_ods(chunks, sheets)
        elif info.filename.lower().endswith(".xml"):
            sheets.scan_xlsx(chunks)
        else:
            for _chunk in chunks:  # pictures and the like: counted, not read
                pass


class _Budget:
    """The bytes the parts inflate to, declared and actual, against the limits."""

    def __init__(self, limits: Limits):
        self.limits = limits
        self.declared_total = 0
        self.total = 0

    def too_large(self) -> UploadRefused:
        message = _("The file unpacks to more than %(mb)s MB: too large to import here.")
        return UploadRefused(message % {"mb": self.limits.unpacked_bytes // MB})

    def bomb(self) -> UploadRefused:
        message = _(
            "A part of the file unpacks to more than %(ratio)s times its packed size "
            "(past 1 MB): refused as a zip bomb."
        )
        return UploadRefused(message % {"ratio": self.limits.ratio})

    def declared(self, info: zipfile.ZipInfo) -> None:
        if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise Unreadable
        self.declared_total += info.file_size
        if self.declared_total > self.limits.unpacked_bytes:
            raise self.too_large()
        if info.file_size > MB and info.file_size > self.limits.ratio * max(info.compress_size, 1):
            raise self.bomb()

    def inflate(self, data: bytes, info: zipfile.ZipInfo) -> Iterator[bytes]:
        """The part's actual bytes, inflated here from its compressed data (never trusting the
        declared sizes), stopped as soon as a limit is passed."""
        start = info.header_offset
        if data[start : start + 4] != b"PK\x03\x04":
            raise Unreadable
        name_length, extra_length = struct.unpack("<HH", data[start + 26 : start + 30])
        begin = start + 30 + name_length + extra_length
        packed = data[begin : begin + info.compress_size]
        allowed = max(self.limits.ratio * len(packed), MB)
        produced = 0
        if info.compress_type == zipfile.ZIP_STORED:
            pieces: Iterator[bytes] = (packed[i : i + CHUNK] for i in range(0, len(packed), CHUNK))
        else:
            pieces = _inflated(packed)
        for piece in pieces:
            produced += len(piece)
            self.total += len(piece)
            if self.total > self.limits.unpacked_bytes:
                raise self.too_large()
            if produced > allowed:
                raise self.bomb()
            yield piece


def _inflated(packed: bytes) -> Iterator[bytes]:
    inflater = zlib.decompressobj(-15)
    pending = packed
    try:
        while pending and not inflater.eof:
            piece = inflater.decompress(pending, CHUNK)
            pending = inflater.unconsumed_tail
            if piece:
                yield piece
        while not inflater.eof and (piece := inflater.decompress(b"", CHUNK)):
            yield piece
    except zlib.error:
        raise Unreadable from None


def _shared_string_lengths(chunks: Iterator[bytes], lengths: array) -> None:
    """The length in bytes of each shared string (markup included: an upper bound)."""
    current = 0
    for chunk in chunks:
        pieces = chunk.split(b"</si>")
        if len(pieces) == 1:
            current += len(chunk)
            continue
        lengths.append(current + len(pieces[0]))
        lengths.extend(len(p) for p in pieces[1:-1])
        current = len(pieces[-1])


# A cell or row reference r="AB12" (r="12" for a row); the letters name the column.
_REF = re.compile(rb'\sr\s*=\s*["\']([A-Za-z]{0,3})([0-9]+)')
_REF_FAST = re.compile(rb' r="([A-Za-z]{0,3})([0-9]+)"')  # the spelling of Excel and every writer we know
_ODD_SPELLING = re.compile(rb"r\s+=|r=\s|r='|[\t\r\n]r=")
# A cell or row tag, any namespace prefix, any spacing: <c …>, <x:c>, <row …>.
_CELL = re.compile(rb"<(?:[\w.-]+:)?c[\s/>]")
_ROW = re.compile(rb"<(?:[\w.-]+:)?row[\s/>]")
_PLAIN_CELLS = (b"<c ", b"<c>", b"<c/")
_PLAIN_ROWS = (b"<row ", b"<row>", b"<row/")
# The index of a shared-string cell: <c … t="s" …><v>12</v>.
_SHARED = re.compile(rb't\s*=\s*["\']s["\'][^>]*>\s*<(?:[\w.-]+:)?v>\s*([0-9]+)')


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


class _Sheets:
    """Cells, rectangle and text of the sheets, against the limits."""

    def __init__(self, limits: Limits, strings: array):
        self.limits = limits
        self.strings = strings
        self.cells = 0
        self.text = 0

    def add(self, *, cells: int, rows: int, columns: int, text: int) -> None:
        self.cells += cells
        self.text += text
        if self.cells > self.limits.cells:
            raise _refuse_cells(self.limits)
        if rows > self.limits.rows:
            raise _refuse_rows(self.limits)
        if rows * columns > self.limits.area:
            message = _(
                "A sheet spans %(rows)s rows by %(columns)s columns, more than %(cells)s cells: "
                "too large to import here."
            )
            raise UploadRefused(
                message % {"rows": f"{rows:,}", "columns": f"{columns:,}", "cells": f"{self.limits.area:,}"}
            )
        if self.text > self.limits.text_bytes:
            message = _("The cells' text comes to more than %(mb)s MB: too large to import here.")
            raise UploadRefused(message % {"mb": self.limits.text_bytes // MB})

    def scan_xlsx(self, chunks: Iterator[bytes]) -> None:
        """One xml part as a worksheet (other parts simply have no cells). Cells without a
        reference follow the one before: the rectangle is bounded by the largest reference
        plus the cells and rows that have none."""
        max_row = max_column = cell_tags = row_tags = cell_refs = row_refs = 0
        for chunk in _whole_tags(chunks):
            refs = (_REF if _ODD_SPELLING.search(chunk) else _REF_FAST).findall(chunk)
            if refs:
                max_row = max(max_row, max(map(int, map(itemgetter(1), refs))))
                letters = list(map(itemgetter(0), refs))
                rows_here = letters.count(b"")
                row_refs += rows_here
                cell_refs += len(refs) - rows_here
                named = set(letters) - {b""}
                if named:
                    max_column = max(max_column, max(map(_column_number, named)))
            cells_here = _tags(chunk, _PLAIN_CELLS, b":c", _CELL)
            cell_tags += cells_here
            row_tags += _tags(chunk, _PLAIN_ROWS, b":row", _ROW)
            text = sum(map(self._string_length, _SHARED.findall(chunk))) if self.strings else 0
            self.add(cells=cells_here, rows=0, columns=0, text=text)
        rows = max_row + max(row_tags - row_refs, 0)
        columns = max_column + max(cell_tags - cell_refs, 0)
        self.add(cells=max(cell_refs - cell_tags, 0), rows=rows, columns=columns, text=0)

    def _string_length(self, index: bytes) -> int:
        position = int(index)
        return self.strings[position] if position < len(self.strings) else 0


def _whole_tags(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """The chunks cut after their last tag, so that no tag is split between two (the rest goes
    with the next; a megabyte without a tag is text, passed on as it is)."""
    carry = b""
    for chunk in chunks:
        text = carry + chunk
        end = text.rfind(b">") + 1
        if len(text) - end > CHUNK:
            end = len(text)
        carry = text[end:]
        yield text[:end]
    yield carry


def _tags(chunk: bytes, plain: tuple[bytes, ...], prefixed: bytes, pattern: re.Pattern) -> int:
    """How many tags of a kind a chunk holds: counted fast in the common spelling, by pattern
    when the chunk spells them otherwise (a namespace prefix, a line break in the tag)."""
    if prefixed in chunk or b"\n" in chunk or b"\t" in chunk or b"\r" in chunk:
        return len(pattern.findall(chunk))
    return sum(map(chunk.count, plain))


# --- ods -----------------------------------------------------------------------------------

_ODS_TAG = re.compile(
    rb"<(/?)table:(table-row|table-cell|covered-table-cell|table)\b([^>]*?)(/?)>",
)
_ROWS_REPEATED = re.compile(rb'number-rows-repeated\s*=\s*["\']([0-9]+)')
_COLUMNS_REPEATED = re.compile(rb'number-columns-repeated\s*=\s*["\']([0-9]+)')


def _scan_ods(chunks: Iterator[bytes], sheets: _Sheets) -> None:
    """An ODS content.xml: rows and cells repeat (number-rows/columns-repeated), and a repeated
    cell with content is laid out that many times. Empty cells and rows (self-closing) only
    move the position, as trailing ones do in every LibreOffice file."""
    state = {"row": 0, "row_repeat": 1, "column": 0, "height": 0, "width": 0, "cell": None}
    offset = 0
    for text in _whole_tags(chunks):
        _ods_tags(text, offset, state, sheets)
        offset += len(text)
    sheets.add(cells=0, rows=state["height"], columns=state["width"], text=0)


def _ods_tags(text: bytes, offset: int, state: dict, sheets: _Sheets) -> None:
    for match in _ODS_TAG.finditer(text):
        closing, kind, attributes, empty = match.groups()
        if kind == b"table":
            if not closing:  # a new sheet: its own rectangle
                sheets.add(cells=0, rows=state["height"], columns=state["width"], text=0)
                state.update(row=0, column=0, height=0, width=0)
            continue
        if kind == b"table-row":
            if closing:
                state["row"] += state["row_repeat"]
            else:
                repeat = _ROWS_REPEATED.search(attributes)
                state.update(row_repeat=int(repeat.group(1)) if repeat else 1, column=0)
                if empty:
                    state["row"] += state["row_repeat"]
            continue
        if closing:  # the end of a cell with content: its text, once per copy
            start, repeat = state["cell"] or (offset + match.start(), 0)
            sheets.add(cells=0, rows=0, columns=0, text=(offset + match.start() - start) * repeat)
            state["cell"] = None
            continue
        columns = _COLUMNS_REPEATED.search(attributes)
        repeat = int(columns.group(1)) if columns else 1
        state["column"] += repeat
        if not empty:
            copies = repeat * state["row_repeat"]
            sheets.add(cells=copies, rows=0, columns=0, text=0)
            state["height"] = max(state["height"], state["row"] + state["row_repeat"])
            state["width"] = max(state["width"], state["column"])
            state["cell"] = (offset + match.end(), copies)
