"""The template as an xlsx, written while it streams: `xlsx_stream` yields the file in pieces
as the rows come, in constant memory, continuing on a new sheet past Excel's row limit."""

import datetime
import itertools
import re
import zipfile
from collections.abc import Iterable, Iterator

from yingji.hazards.ledger.cells import EXCEL_EPOCH
from yingji.hazards.ledger.columns import COLUMNS, HEADERS

# The xlsx is written as it streams: a zip whose worksheet part is deflated row by row, with
# inline strings (no shared-string table to hold in memory). openpyxl's write-only mode
# manages ~5,000 rows/s here, which puts a million rows far past the server's 60 s request
# timeout; this exports a million rows from the database in ~16 s, in constant memory
# (bench/README.md).

EXCEL_MAX_ROWS = 1_048_576  # per sheet, the header included; more rows continue on a new sheet
_LETTERS = [chr(ord("A") + i) for i in range(len(COLUMNS))]
_EPOCH_ORDINAL = EXCEL_EPOCH.toordinal()
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_XML_SPECIAL = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_STYLES = (
    f'{_XML_HEAD}<styleSheet xmlns="{_MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)
_SHEET_HEAD = (
    f'{_XML_HEAD}<worksheet xmlns="{_MAIN}"><sheetViews><sheetView workbookViewId="0">'
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
    "<cols>"
    + "".join(
        f'<col min="{i}" max="{i}" width="{c.width}" customWidth="1"/>' for i, c in enumerate(COLUMNS, 1)
    )
    + "</cols><sheetData>"
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


def xlsx_stream(rows: Iterable[tuple], *, sheet_rows: int = EXCEL_MAX_ROWS) -> Iterator[bytes]:
    """The template as an xlsx, yielded in pieces as the rows come."""
    sink = _Sink()
    book = zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1)
    rows = iter(rows)
    sheets = 0
    while True:
        sheets += 1
        with book.open(f"xl/worksheets/sheet{sheets}.xml", "w", force_zip64=True) as part:
            part.write((_SHEET_HEAD + _xml_row(1, HEADERS, style=' s="2"')).encode())
            chunk = []
            for number, row in enumerate(itertools.islice(rows, sheet_rows - 1), start=2):
                chunk.append(_xml_row(number, row))
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
    for name, text in _package_parts(sheets):
        book.writestr(name, text)
    book.close()
    yield sink.take()


def _xml_row(number: int, values: Iterable, style: str = "") -> str:
    cells = []
    for letter, value in zip(_LETTERS, values, strict=False):
        if isinstance(value, str):
            if value:
                cells.append(
                    f'<c r="{letter}{number}"{style} t="inlineStr"><is><t>{_xml_text(value)}</t></is></c>'
                )
        elif isinstance(value, datetime.date):
            cells.append(f'<c r="{letter}{number}" s="1"><v>{value.toordinal() - _EPOCH_ORDINAL}</v></c>')
        elif value is not None:
            cells.append(f'<c r="{letter}{number}"><v>{value}</v></c>')
    return f'<row r="{number}">{"".join(cells)}</row>'


def _xml_text(text: str) -> str:
    if _XML_SPECIAL.search(text) is None:  # nearly always: one scan instead of five
        return text
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    return _XML_ILLEGAL.sub("", text)  # control characters XML cannot hold


def _package_parts(sheets: int) -> list[tuple[str, str]]:
    # Written after the sheets (a zip's order does not matter), once their number is known.
    numbers = range(1, sheets + 1)
    worksheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    types = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{worksheet}"/>' for n in numbers
    )
    sheet_list = "".join(
        f'<sheet name="台账{n if n > 1 else ""}" sheetId="{n}" r:id="rId{n}"/>' for n in numbers
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
