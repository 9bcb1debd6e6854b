"""The enterprise import against hostile and repeated files (issue 8, items 2 and 6): the same
upload checks as the ledger before any parser reads the file, and the same file twice asks
before importing again; a retried request is answered, not re-run."""

import dataclasses
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from yingji.accounts.tests.factories import web_login
from yingji.core import uploads
from yingji.enterprises.models import Enterprise
from yingji.enterprises.tests.factories import make_uscc, xlsx
from yingji.hazards.tests.test_ledger_safety import SHEET, declaring, english, repeated_rows, workbook
from yingji.imports.models import ImportRecord

pytestmark = pytest.mark.django_db
IMPORT = "/api/v1/enterprises/import"
MB = 1024 * 1024
HEADER = ["统一社会信用代码", "单位名称", "区划代码", "行业领域"]


def named(data: bytes, name: str = "enterprises.xlsx") -> io.BytesIO:
    out = io.BytesIO(data)
    out.name = name
    return out


def new_enterprises(*names: str) -> io.BytesIO:
    return xlsx([HEADER] + [[make_uscc(), name, "430102015", "商贸"] for name in names])


def test_a_part_that_declares_1_kb_but_inflates_to_50_mb_is_refused_and_nothing_written(
    api, bureau, enterprises
):
    before = Enterprise.objects.count()
    bomb = declaring(workbook(repeated_rows(50 * MB)), SHEET, 1024)
    response = english(api(bureau)).post(IMPORT, {"file": named(bomb)})
    assert response.status_code == 400, response.content
    message = "A part of the file unpacks to more than 200 times its packed size (past 1 MB): refused as a zip bomb."
    assert response.json()["errors"] == {"file": [message]}
    assert response.json()["rows"] == [{"row": None, "column": None, "field": "file", "message": message}]
    assert Enterprise.objects.count() == before and not ImportRecord.objects.exists()


def test_a_file_unpacking_past_the_limit_is_refused_with_the_limit_in_mb(api, bureau, monkeypatch):
    monkeypatch.setattr(uploads, "WEB", dataclasses.replace(uploads.WEB, unpacked_bytes=8 * MB, ratio=2000))
    response = english(api(bureau)).post(IMPORT, {"file": named(workbook(repeated_rows(20 * MB)))})
    assert response.status_code == 400
    assert response.json()["errors"]["file"] == [
        "The file unpacks to more than 8 MB: too large to import here."
    ]


def test_a_sheet_spanning_more_cells_than_the_limit_is_refused(api, bureau, monkeypatch):
    monkeypatch.setattr(uploads, "WEB", dataclasses.replace(uploads.WEB, area=10_000))
    corner = (
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row r="5000">'
        b'<c r="AZ5000" t="inlineStr"><is><t>y</t></is></c></row></sheetData></worksheet>'
    )
    response = english(api(bureau)).post(IMPORT, {"file": named(workbook(corner))})
    assert response.status_code == 400
    assert response.json()["errors"]["file"] == [
        "A sheet spans 5,000 rows by 52 columns, more than 10,000 cells: too large to import here."
    ]


def test_the_web_page_refuses_a_bomb(bureau):
    client = english(Client())
    assert web_login(client, "bureau")
    bomb = declaring(workbook(repeated_rows(50 * MB)), SHEET, 1024)
    response = client.post("/enterprises/import/", {"file": named(bomb)})
    assert "zip" in response.content.decode() and not ImportRecord.objects.exists()


def test_the_same_file_twice_answers_409_naming_the_first_import(api, bureau):
    data = new_enterprises("甲商贸有限公司", "乙商贸有限公司").getvalue()
    first = api(bureau).post(IMPORT, {"file": named(data)})
    assert first.status_code == 201 and first.json()["created"] == 2
    record = ImportRecord.objects.get()
    assert (record.kind, record.rows, record.created) == ("enterprises", 2, 2)
    response = api(bureau).post(IMPORT, {"file": named(data)})
    assert response.status_code == 409, response.content
    assert response.json()["previous"]["id"] == record.pk and response.json()["previous"]["rows"] == 2
    assert ImportRecord.objects.count() == 1
    again = api(bureau).post(IMPORT + "?confirm_duplicate=true", {"file": named(data)})
    assert again.status_code == 201 and again.json()["unchanged"] == 2  # imported again: nothing new
    assert ImportRecord.objects.count() == 2


def test_a_request_retried_with_its_idempotency_key_gets_the_same_answer(api, bureau):
    data = new_enterprises("丙商贸有限公司").getvalue()
    key = {"Idempotency-Key": "5f0c2d7e"}
    first = api(bureau).post(IMPORT, {"file": named(data)}, headers=key)
    again = api(bureau).post(IMPORT, {"file": named(data)}, headers=key)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() == {"created": 1, "updated": 0, "unchanged": 0, "ignored_columns": []}
    assert ImportRecord.objects.count() == 1
    other = api(bureau).post(IMPORT, {"file": new_enterprises("丁商贸有限公司")}, headers=key)
    assert other.status_code == 422


def test_another_county_does_not_learn_of_your_import(api, bureau, outsider):
    data = new_enterprises("戊商贸有限公司").getvalue()
    assert api(bureau).post(IMPORT, {"file": named(data)}).status_code == 201
    response = api(outsider).post(IMPORT, {"file": named(data)})
    assert response.status_code == 400 and "previous" not in response.json()  # its rows: outside 430103


def test_the_web_page_asks_before_importing_again(bureau):
    client = Client()
    assert web_login(client, "bureau")
    data = new_enterprises("己商贸有限公司").getvalue()
    client.post("/enterprises/import/", {"file": named(data)})
    asked = client.post("/enterprises/import/", {"file": named(data)})
    assert asked.status_code == 200 and 'name="confirm_sha256"' in asked.content.decode()
    sha256 = ImportRecord.objects.get().sha256
    confirm = {"confirm_duplicate": "1", "confirm_sha256": sha256}
    assert client.post("/enterprises/import/", confirm | {"file": named(data)}).status_code == 302
    assert ImportRecord.objects.count() == 2


def test_the_command_refuses_a_duplicate_with_exit_2_unless_confirmed(bureau, tmp_path):
    path = tmp_path / "enterprises.xlsx"
    path.write_bytes(new_enterprises("庚商贸有限公司").getvalue())
    call_command("import_enterprises", str(path), "--user", "bureau")
    with pytest.raises(CommandError) as error:
        call_command("import_enterprises", str(path), "--user", "bureau")
    assert error.value.returncode == 2 and "--confirm-duplicate" in str(error.value)
    call_command("import_enterprises", str(path), "--user", "bureau", "--confirm-duplicate")
    assert ImportRecord.objects.count() == 2
