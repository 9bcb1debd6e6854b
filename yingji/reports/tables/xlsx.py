"""Sheets as an xlsx in the layout of the statistical forms bureaus send upward: a merged
title; 填报单位, 统计期间 and the units above a two-row header, with the column numbers
(甲、乙、1、2 …) under it; 合计 first; the signature line and the notes below. Printed A4
landscape, one page wide, the header repeated on every page; frozen on screen. Every cell is
written through yingji.core.exports.set_cell: a text is text, never a formula."""

import io
import math

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties

from yingji.core.exports import set_cell
from yingji.reports.tables.content import Row, Sheet, chinese_date

TITLE_FONT = Font(name="宋体", size=18, bold=True)
HEADER_FONT = Font(name="黑体", size=10.5)
BODY_FONT = Font(name="宋体", size=10.5)
BOLD_FONT = Font(name="宋体", size=10.5, bold=True)
META_FONT = Font(name="仿宋", size=11)
NOTE_FONT = Font(name="仿宋", size=10)
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)

# Rows of the layout: title, meta line, two header rows, column numbers, then the data.
TITLE_ROW, META_ROW, HEADER_ROW, NUMBERS_ROW, FIRST_DATA_ROW = 1, 2, 3, 5, 6
NUMBER_WIDTH = 6  # 序号
CJK_WIDTH = 2  # column-width units one Chinese character of the notes takes
# A form is signed and stamped on one page: up to this many rows it is shrunk to fit one;
# a longer one runs over pages, its header repeated on each.
ONE_PAGE_ROWS = 32


def workbook_bytes(sheets: list[Sheet]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        _draw(book.create_sheet(sheet.name), sheet)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _draw(ws, sheet: Sheet) -> None:
    widths = [NUMBER_WIDTH, sheet.stub_width] + [c.width for c in sheet.columns]
    for n, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(n)].width = width
    _title(ws, sheet, len(widths))
    _meta(ws, sheet, widths)
    _header(ws, sheet)
    for n, row in enumerate(sheet.rows):
        _data_row(ws, FIRST_DATA_ROW + n, row, sheet)
    end = FIRST_DATA_ROW + len(sheet.rows)
    _spread(ws, end, widths, _signatures(sheet), META_FONT, height=26)
    last = _notes(ws, end + 1, sheet.notes, widths)
    _page_setup(ws, len(widths), last, one_page=len(sheet.rows) <= ONE_PAGE_ROWS)


def _merge(ws, row: int, first: int, last: int, value, *, font, alignment, border=None, row2=None):
    cell = ws.cell(row, first)
    set_cell(cell, value)  # region, industry and unit names are text, never formulas
    cell.font, cell.alignment = font, alignment
    if border:  # a merged range shows the border of each cell it covers
        for r in range(row, (row2 or row) + 1):
            for c in range(first, last + 1):
                ws.cell(r, c).border = border
    if last > first or (row2 or row) > row:
        ws.merge_cells(start_row=row, start_column=first, end_row=row2 or row, end_column=last)
    return cell


def _title(ws, sheet: Sheet, columns: int) -> None:
    _merge(ws, TITLE_ROW, 1, columns, sheet.title, font=TITLE_FONT, alignment=CENTER)
    ws.row_dimensions[TITLE_ROW].height = 36


def _meta(ws, sheet: Sheet, widths: list[float]) -> None:
    period = sheet.heading.period
    texts = [
        f"填报单位（盖章）：{sheet.heading.org}",
        f"统计期间：{chinese_date(period.start)}至{chinese_date(period.end)}",
        sheet.unit,
    ]
    _spread(ws, META_ROW, widths, texts, META_FONT, height=22, aligns=("left", "center", "right"))


def _spread(ws, row: int, widths: list[float], texts: list[str], font, *, height: float, aligns=None) -> None:
    """Texts side by side in one row, each over a block of columns of about equal width."""
    aligns = aligns or ["left"] * len(texts)
    for (first, last), text, align in zip(_blocks(widths, len(texts)), texts, aligns, strict=True):
        alignment = Alignment(horizontal=align, vertical="center")
        _merge(ws, row, first, last, text, font=font, alignment=alignment)
    ws.row_dimensions[row].height = height


def _blocks(widths: list[float], parts: int) -> list[tuple[int, int]]:
    """Cut the columns into `parts` runs of about equal total width (1-based, inclusive)."""
    total, blocks, first, used = sum(widths), [], 1, 0.0
    for n, width in enumerate(widths, 1):
        used += width
        if len(blocks) < parts - 1 and used >= total * (len(blocks) + 1) / parts and n < len(widths):
            blocks.append((first, n))
            first = n + 1
    return [*blocks, (first, len(widths))]


def _header(ws, sheet: Sheet) -> None:
    top, bottom = HEADER_ROW, HEADER_ROW + 1
    header = {"font": HEADER_FONT, "alignment": CENTER, "border": BOX, "row2": bottom}
    _merge(ws, top, 1, 1, "序号", **header)
    _merge(ws, top, 2, 2, sheet.stub, **header)
    column = 3
    for group, run in _groups(sheet):
        if len(run) == 1 and not run[0].label:  # a column on its own spans both rows
            _merge(ws, top, column, column, group, **header)
        else:
            _merge(ws, top, column, column + len(run) - 1, group, **header | {"row2": None})
            for n, col in enumerate(run):
                _merge(ws, bottom, column + n, column + n, col.label, **header | {"row2": None})
        column += len(run)
    ws.row_dimensions[top].height = ws.row_dimensions[bottom].height = 30
    numbers = ["甲", "乙"] + [str(n) for n in range(1, len(sheet.columns) + 1)]
    for n, text in enumerate(numbers, 1):
        _merge(ws, NUMBERS_ROW, n, n, text, font=BODY_FONT, alignment=CENTER, border=BOX)
    ws.row_dimensions[NUMBERS_ROW].height = 16


def _groups(sheet: Sheet) -> list[tuple[str, list]]:
    """Neighbouring columns under the same upper header."""
    runs: list[tuple[str, list]] = []
    for col in sheet.columns:
        if runs and runs[-1][0] == col.group:
            runs[-1][1].append(col)
        else:
            runs.append((col.group, [col]))
    return runs


def _data_row(ws, r: int, row: Row, sheet: Sheet) -> None:
    font = BOLD_FONT if row.bold else BODY_FONT
    _merge(ws, r, 1, 1, row.number, font=font, alignment=CENTER, border=BOX)
    # Indented one step off the border; "其中" rows one more.
    label = CENTER if row.centered else Alignment(horizontal="left", vertical="center", indent=row.indent + 1)
    _merge(ws, r, 2, 2, row.label, font=font, alignment=label, border=BOX)
    for n, (value, col) in enumerate(zip(row.values, sheet.columns, strict=True), 3):
        cell = _merge(ws, r, n, n, value, font=font, alignment=CENTER, border=BOX)
        cell.number_format = col.number_format
    ws.row_dimensions[r].height = 18


def _signatures(sheet: Sheet) -> list[str]:
    return [
        "单位负责人：",
        "统计负责人：",
        "审核人：",
        "填表人：",
        "联系电话：",
        f"填报日期：{chinese_date(sheet.heading.as_of)}",
    ]


def _notes(ws, row: int, notes: list[str], widths: list[float]) -> int:
    """注：1．… 2．…, one merged row each, tall enough for its wrapped lines. Returns the last row."""
    per_line = sum(widths) / CJK_WIDTH
    for n, note in enumerate(notes, 1):
        text = f"{'注：' if n == 1 else '　　'}{n}．{note}"
        alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
        _merge(ws, row, 1, len(widths), text, font=NOTE_FONT, alignment=alignment)
        ws.row_dimensions[row].height = 15 * math.ceil(len(text) / per_line) + 3
        row += 1
    return row - 1


def _page_setup(ws, columns: int, last_row: int, *, one_page: bool) -> None:
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 1 if one_page else 0  # 0: as many as it takes
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.6, header=0.3, footer=0.3)
    ws.print_options.horizontalCentered = True
    ws.print_title_rows = f"{HEADER_ROW}:{NUMBERS_ROW}"
    ws.print_area = f"A1:{get_column_letter(columns)}{last_row}"
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.freeze_panes = ws.cell(FIRST_DATA_ROW, 3)
    ws.sheet_view.showGridLines = False
