"""The one way files leave the system: every export, xlsx or CSV, writes its cells through here.

A text that starts with = + - @ (or a tab or carriage return) would run as a formula once the
file is opened in Excel or Calc (CSV injection, OWASP): an enterprise named
`=HYPERLINK("http://evil.example","…")` becomes a link, `=cmd|' /C calc'!A0` a command. So every
text is written as text (never a formula cell) and, when it starts like a formula, after a single
quote, as OWASP advises. Numbers and dates stay numbers and dates: only text is guarded.
`unguard` takes the quote off again on import, so an exported file imports back unchanged.

    guard / unguard     one text, for a file / back from one
    xlsx_stream         an xlsx written while it streams, in constant memory
    csv_stream          CSV, UTF-8 with a BOM so that Excel opens it in Chinese
    set_cell            a value into an openpyxl cell (for laid-out forms that cannot stream)
    export_response     a streamed download
"""

import csv
import datetime
import io
import itertools
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from openpyxl.utils import get_column_letter

FORMULA_STARTS = frozenset("=+-@\t\r")
_MAYBE_GUARDED = FORMULA_STARTS | {"'"}

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def guard(text: str) -> str:
    """The text as a cell may hold it: after a quote when it would start a formula. A text that
    already starts with quotes before such a character gets one more, so unguard is exact."""
    if text[:1] in _MAYBE_GUARDED and text.lstrip("'")[:1] in FORMULA_STARTS:
        return "'" + text
    return text


def unguard(text: str) -> str:
    """The text guard was given (a file's own '=… is read as =… too)."""
    if text[:1] == "'" and text.lstrip("'")[:1] in FORMULA_STARTS:
        return text[1:]
    return text


def set_cell(cell, value) -> None:
    """An openpyxl cell holding the value, a text always as text (openpyxl would make a
    formula of any text starting with =)."""
    if isinstance(value, str):
        cell.value = guard(value)
        cell.data_type = "s"
    else:
        cell.value = value


# --- CSV -------------------------------------------------------------------------------------


def csv_stream(header: Sequence[str], rows: Iterable[Sequence]) -> Iterator[bytes]:
    """UTF-8 with a BOM, so that Excel opens it in Chinese; yielded every 1,000 rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow([_csv_cell(value) for value in header])
    for n, row in enumerate(rows, start=1):
        writer.writerow([_csv_cell(value) for value in row])
        if n % 1000 == 0:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return guard(value)
    if isinstance(value, bool):
        return "是" if value else "否"
    return value


# --- xlsx ------------------------------------------------------------------------------------

# The xlsx is written as it streams: a zip whose worksheet part is deflated row by row, with
# inline strings (no shared-string table to hold in memory). openpyxl's write-only mode
# manages ~5,000 rows/s here, which puts a million rows far past the server's 60 s request
# timeout; this exports a million ledger rows from the database in ~16 s, in constant memory
# (bench/README.md).

EXCEL_MAX_ROWS = 1_048_576  # per sheet, the header included; more rows continue on a new sheet
EXCEL_EPOCH = datetime.date(1899, 12, 30)  # serial 61 is 1900-03-01
_EPOCH_ORDINAL = EXCEL_EPOCH.toordinal()
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_XML_SPECIAL = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
# Cell styles: 0 plain, 1 a date, 2 bold (the header), 3 a date and time.
_STYLES = (
    f'{_XML_HEAD}<styleSheet xmlns="{_MAIN}">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>'
    '<numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd\\ hh:mm"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)


class _Sink:
    """A write-only file for zipfile that hands over what was written so far."""

    def __init__(self):
        self.parts: list[bytes] = []

    def write(self, data) -> int:
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data = b"".join(self.parts)
        self.parts.clear()
        return data


def xlsx_stream(
    header: Sequence[str],
    rows: Iterable[Sequence],
    *,
    sheet_name: str,
    widths: Sequence[float] = (),
    sheet_rows: int = EXCEL_MAX_ROWS,
) -> Iterator[bytes]:
    """A bold, frozen header row and the rows under it, yielded in pieces as the rows come;
    past `sheet_rows` the rows go on in a new sheet (`sheet_name`2, 3, …) under the header."""
    sink = _Sink()
    book = zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1)
    letters = [get_column_letter(n) for n in range(1, len(header) + 1)]
    head = _sheet_head(widths) + _xml_row(letters, 1, header, style=' s="2"')
    rows = iter(rows)
    sheets = 0
    while True:
        sheets += 1
        with book.open(f"xl/worksheets/sheet{sheets}.xml", "w", force_zip64=True) as part:
            part.write(head.encode())
            chunk = []
            for number, row in enumerate(itertools.islice(rows, sheet_rows - 1), start=2):
                chunk.append(_xml_row(letters, number, row))
                if len(chunk) == 1000:
                    part.write("".join(chunk).encode())
                    chunk.clear()
                    yield sink.take()
            part.write(("".join(chunk) + "</sheetData></worksheet>").encode())
        yield sink.take()
        following = next(rows, None)
        if following is None:
            break
        rows = itertools.chain([following], rows)
    for name, text in _package_parts(sheets, sheet_name):
        book.writestr(name, text)
    book.close()
    yield sink.take()


def _sheet_head(widths: Sequence[float]) -> str:
    cols = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(widths, 1))
    return (
        f'{_XML_HEAD}<worksheet xmlns="{_MAIN}"><sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
        + (f"<cols>{cols}</cols>" if cols else "")
        + "<sheetData>"
    )


def _xml_row(letters: list[str], number: int, values: Iterable, style: str = "") -> str:
    cells = []
    for letter, value in zip(letters, values, strict=False):
        if value is None:
            continue
        if isinstance(value, str):  # always an inline string: never a formula, whatever it starts with
            if not value:
                continue
            if value[0] in _MAYBE_GUARDED:  # rare: the call only then
                value = guard(value)
            cells.append(
                f'<c r="{letter}{number}"{style} t="inlineStr"><is><t>{_xml_text(value)}</t></is></c>'
            )
        elif isinstance(value, datetime.date):
            cells.append(_date_cell(f"{letter}{number}", value))
        elif isinstance(value, bool):
            cells.append(f'<c r="{letter}{number}" t="b"><v>{int(value)}</v></c>')
        else:
            cells.append(f'<c r="{letter}{number}"><v>{value}</v></c>')
    return f'<row r="{number}">{"".join(cells)}</row>'


def _date_cell(reference: str, value: datetime.date) -> str:
    if not isinstance(value, datetime.datetime):
        return f'<c r="{reference}" s="1"><v>{value.toordinal() - _EPOCH_ORDINAL}</v></c>'
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    seconds = value.hour * 3600 + value.minute * 60 + value.second
    return f'<c r="{reference}" s="3"><v>{value.toordinal() - _EPOCH_ORDINAL + seconds / 86400}</v></c>'


def _xml_text(text: str) -> str:
    if _XML_SPECIAL.search(text) is None:  # nearly always: one scan instead of five
        return text
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _XML_ILLEGAL.sub("", text.replace("\r", "&#13;"))  # control characters XML cannot hold


def _package_parts(sheets: int, sheet_name: str) -> list[tuple[str, str]]:
    # Written after the sheets (a zip's order does not matter), once their number is known.
    numbers = range(1, sheets + 1)
    worksheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    types = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{worksheet}"/>' for n in numbers
    )
    name = _xml_text(sheet_name)
    sheet_list = "".join(
        f'<sheet name="{name}{n if n > 1 else ""}" sheetId="{n}" r:id="rId{n}"/>' for n in numbers
    )
    sheet_rels = "".join(
        f'<Relationship Id="rId{n}" Type="{_REL}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in numbers
    )
    return [
        (
            "[Content_Types].xml",
            f'{_XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            f"{types}</Types>",
        ),
        (
            "_rels/.rels",
            f'{_XML_HEAD}<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
            f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        ),
        (
            "xl/workbook.xml",
            f'{_XML_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>{sheet_list}</sheets></workbook>',
        ),
        (
            "xl/_rels/workbook.xml.rels",
            f'{_XML_HEAD}<Relationships xmlns="{_PKG_REL}">{sheet_rels}'
            f'<Relationship Id="rId{sheets + 1}" Type="{_REL}/styles" Target="styles.xml"/></Relationships>',
        ),
        ("xl/styles.xml", _STYLES),
    ]


# --- the download ----------------------------------------------------------------------------


def export_response(
    header: Sequence[str],
    rows: Iterable[Sequence],
    *,
    fmt: str,
    filename: str,
    sheet_name: str,
    widths: Sequence[float] = (),
) -> StreamingHttpResponse:
    """The rows as a streamed xlsx or CSV download named `filename`.`fmt`."""
    if fmt == "xlsx":
        chunks = xlsx_stream(header, rows, sheet_name=sheet_name, widths=widths)
    else:
        chunks = csv_stream(header, rows)
    response = StreamingHttpResponse(chunks, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = content_disposition_header(True, f"{filename}.{fmt}")
    return response
