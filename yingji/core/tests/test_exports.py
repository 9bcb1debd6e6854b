"""The shared export writer: a text that would run as a formula in Excel or Calc is written as
text after a quote (OWASP, CSV injection), in xlsx and CSV alike; numbers and dates stay numbers
and dates; unguard gives back exactly what was guarded."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.utils.http import content_disposition_header
from openpyxl import Workbook, load_workbook

from yingji.core.exports import csv_stream, export_response, guard, set_cell, unguard, xlsx_stream

# The two payloads and the other starts OWASP names.
PAYLOADS = [
    '=HYPERLINK("http://evil.example","长沙公式企业")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
]


def cells_of(data: bytes) -> list:
    book = load_workbook(io.BytesIO(data))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def assert_no_formula_and_guarded(cells, payloads=PAYLOADS) -> None:
    """No cell is a formula, and each payload is there, after a quote."""
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    texts = [c.value for c in cells if isinstance(c.value, str)]
    for payload in payloads:
        assert "'" + payload in texts, payload


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_text_that_starts_like_a_formula_is_written_after_a_quote(payload):
    assert guard(payload) == "'" + payload
    assert unguard(guard(payload)) == payload


@pytest.mark.parametrize("text", ["长沙公式企业", "0731-84123456", "A=1", "", "E4710", "'quoted", " =1"])
def test_other_text_is_written_as_it_is(text):
    assert guard(text) == text
    assert unguard(text) == text


@pytest.mark.parametrize("text", ["'=1", "''+1", "'''@x"])
def test_a_text_already_starting_with_quotes_before_a_formula_sign_comes_back_exactly(text):
    assert guard(text) == "'" + text
    assert unguard(guard(text)) == text


def test_the_xlsx_writes_text_as_text_and_numbers_and_dates_as_themselves():
    day, moment = datetime.date(2026, 3, 5), datetime.datetime(2026, 3, 5, 14, 30)  # noqa: DTZ001
    rows = [[n, text, Decimal("-12.5"), -3, day, moment] for n, text in enumerate(PAYLOADS, 1)]
    data = b"".join(xlsx_stream(["序号", "名称", "资金", "数", "日期", "时间"], rows, sheet_name="表"))
    cells = cells_of(data)
    assert_no_formula_and_guarded(cells)
    sheet = load_workbook(io.BytesIO(data)).active
    assert [c.value for c in sheet[2]] == [
        1,
        "'" + PAYLOADS[0],
        -12.5,
        -3,
        datetime.datetime(2026, 3, 5),  # noqa: DTZ001 (Excel keeps no time zone)
        moment,
    ]
    assert [c.data_type for c in sheet[2]] == ["n", "s", "n", "n", "d", "d"]


def test_the_csv_writes_the_quote_before_a_formula_and_numbers_as_numbers():
    rows = [[n, text, -3] for n, text in enumerate(PAYLOADS, 1)]
    text = b"".join(csv_stream(["序号", "名称", "数"], rows)).decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text)))
    assert table[0] == ["序号", "名称", "数"]
    assert [r[1] for r in table[1:]] == ["'" + p for p in PAYLOADS]
    assert {r[2] for r in table[1:]} == {"-3"}
    assert not any(cell[:1] in set("=+-@\t\r") for row in table for cell in row[:2])


def test_an_openpyxl_cell_set_through_the_writer_is_never_a_formula():
    book = Workbook()
    for n, payload in enumerate(PAYLOADS, 1):
        set_cell(book.active.cell(n, 1), payload)
    set_cell(book.active.cell(1, 2), 42)
    out = io.BytesIO()
    book.save(out)
    cells = cells_of(out.getvalue())
    assert_no_formula_and_guarded(cells)
    assert book.active.cell(1, 2).value == 42


@pytest.mark.parametrize(
    ("fmt", "content_type"),
    [
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("csv", "text/csv; charset=utf-8"),
    ],
)
def test_the_download_is_named_typed_and_guarded(fmt, content_type):
    response = export_response(["名称"], [[PAYLOADS[0]]], fmt=fmt, filename="名录", sheet_name="表")
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == content_disposition_header(True, f"名录.{fmt}")
    content = b"".join(response.streaming_content)
    if fmt == "xlsx":
        assert_no_formula_and_guarded(cells_of(content), PAYLOADS[:1])
    else:
        line = content.decode("utf-8-sig").splitlines()[1]
        assert line == '"\'=HYPERLINK(""http://evil.example"",""长沙公式企业"")"'
