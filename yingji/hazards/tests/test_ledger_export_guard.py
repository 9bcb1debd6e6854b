"""The ledger export writes every text as text, a formula-like one after a quote, in xlsx and CSV
(issue 8 item 4); reading the file back takes the quote off again."""

import csv
import io

import pytest
from openpyxl import load_workbook

from yingji.core.tests.test_exports import PAYLOADS, assert_no_formula_and_guarded
from yingji.hazards.ledger.cells import _text
from yingji.hazards.ledger.reading import ledger_read
from yingji.hazards.models import Hazard
from yingji.hazards.tests.factories import hazard_factory

pytestmark = pytest.mark.django_db

TEXTS = {
    "description": PAYLOADS[0],
    "location": PAYLOADS[1],
    "measures": "+1+1",
    "responsible": "-2+3",
    "note": "@SUM(A1)",
    "category": "\t=1",
}


@pytest.fixture
def hostile(bureau, enterprises):
    hazard = hazard_factory(actor=bureau, enterprise=enterprises["A"])
    Hazard.objects.filter(pk=hazard.pk).update(**TEXTS)
    return hazard


def exported(client, fmt: str) -> bytes:
    response = client.get("/api/v1/hazards/export", {"format": fmt})
    assert response.status_code == 200, response.content
    return b"".join(response.streaming_content)


def test_the_xlsx_export_has_no_formula_and_guards_each_text(api, bureau, hostile):
    data = exported(api(bureau), "xlsx")
    cells = [c for row in load_workbook(io.BytesIO(data)).active.iter_rows() for c in row]
    assert_no_formula_and_guarded(cells, list(TEXTS.values()))
    found = next(c for c in cells if c.column_letter == "I" and c.row == 2)  # 发现日期 stays a date
    assert found.is_date and found.value.date() == hostile.found_at


def test_the_csv_export_guards_each_text(api, bureau, hostile):
    text = exported(api(bureau), "csv").decode("utf-8-sig")
    row = list(csv.reader(io.StringIO(text)))[1]
    for value in TEXTS.values():
        assert "'" + value in row, value
    assert not any(cell[:1] in set("=+-@\t\r") for cell in row)


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_reading_the_export_back_takes_the_quote_off(api, bureau, hostile, fmt):
    sheet = ledger_read(exported(api(bureau), fmt))
    ((_number, cells),) = sheet.rows
    read = {column.key: _text(cells[position]) for position, column in sheet.columns}
    assert read["description"] == TEXTS["description"]
    assert read["location"] == TEXTS["location"]
    assert read["measures"] == "+1+1" and read["responsible"] == "-2+3" and read["note"] == "@SUM(A1)"
    assert read["category"] == "=1"  # import trims a cell's spaces and tabs, as it always has
