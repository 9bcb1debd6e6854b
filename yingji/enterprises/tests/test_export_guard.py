"""The enterprise export writes names and addresses as text, never as formulas (issue 8 item 4),
and the guarded file imports back unchanged."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from yingji.audit.services import snapshot
from yingji.core.tests.test_exports import PAYLOADS, assert_no_formula_and_guarded
from yingji.enterprises.models import Enterprise

pytestmark = pytest.mark.django_db

NAME, ADDRESS = PAYLOADS[0], PAYLOADS[1]


@pytest.fixture
def hostile(enterprises):
    """东岸's enterprises named and described as an attacker would."""
    Enterprise.objects.filter(pk=enterprises["A"].pk).update(
        name=NAME, address=ADDRESS, legal_representative="+1+1", safety_manager="-2+3"
    )
    Enterprise.objects.filter(pk=enterprises["B"].pk).update(name="@SUM(A1)", safety_manager="\t=1")
    return enterprises


def exported(client) -> bytes:
    response = client.get("/api/v1/enterprises/export")
    assert response.status_code == 200, response.content
    return b"".join(response.streaming_content)


def test_the_export_writes_every_text_as_text_after_a_quote(api, bureau, hostile):
    data = exported(api(bureau))
    cells = [c for row in load_workbook(io.BytesIO(data)).active.iter_rows() for c in row]
    assert_no_formula_and_guarded(cells, [NAME, ADDRESS, "+1+1", "-2+3", "@SUM(A1)", "\t=1"])
    # The rest is as it was: numbers stay numbers, ordinary text has no quote.
    sheet = load_workbook(io.BytesIO(data)).active
    assert [sheet.cell(r, 1).value for r in range(2, sheet.max_row + 1)] == [1, 2, 3]
    assert sheet.cell(1, 2).value == "统一社会信用代码"


def test_the_page_export_is_guarded_too(client, bureau, hostile):
    client.force_login(bureau)
    response = client.get("/enterprises/export/")
    assert response.status_code == 200
    cells = [
        c
        for row in load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows()
        for c in row
    ]
    assert_no_formula_and_guarded(cells, [NAME, ADDRESS])


def test_a_guarded_export_imports_back_unchanged(api, bureau, enterprises):
    Enterprise.objects.filter(pk=enterprises["A"].pk).update(
        name=NAME, address=ADDRESS, legal_representative="+1+1", safety_manager="-2+3"
    )
    Enterprise.objects.filter(pk=enterprises["B"].pk).update(name="@SUM(A1)", address="'=1")
    before = {e.uscc: snapshot(e) for e in Enterprise.objects.all()}
    client = api(bureau)
    upload = SimpleUploadedFile("名录.xlsx", exported(client))
    response = client.post("/api/v1/enterprises/import", {"file": upload})
    assert response.status_code == 201, response.content
    assert response.json()["unchanged"] == 3 and response.json()["updated"] == 0
    assert {e.uscc: snapshot(e) for e in Enterprise.objects.all()} == before
