"""The statistics tables write region names as text, never as formulas (issue 8 item 4)."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from yingji.core.tests.test_exports import PAYLOADS, assert_no_formula_and_guarded
from yingji.hazards.tests.factories import hazard_factory
from yingji.regions.models import Region
from yingji.reports.tables import build_table

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["hazard-table", "accident-table"])
def test_a_region_named_like_a_formula_is_text_in_the_table(bureau, enterprises, name):
    street = enterprises["A"].region_id
    Region.objects.filter(code=street).update(name=PAYLOADS[0])
    hazard_factory(actor=bureau, enterprise=enterprises["A"], found_at=datetime.date(2026, 2, 1))
    data = build_table(
        name, user=bureau, region_code="430102", year=2026, period_code="H1", as_of=datetime.date(2026, 7, 15)
    )
    cells = [
        c for sheet in load_workbook(io.BytesIO(data)).worksheets for row in sheet.iter_rows() for c in row
    ]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    if name == "hazard-table":
        assert_no_formula_and_guarded(cells, PAYLOADS[:1])
