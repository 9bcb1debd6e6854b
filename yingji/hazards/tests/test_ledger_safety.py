"""The ledger import against hostile and repeated files (issue 8, items 2 and 6): a file that
unpacks past the limits is refused before any parser reads it, whatever its headers declare;
the same file twice asks before importing again; a retried request is answered, not re-run."""

import dataclasses
import io
import struct
import zipfile
import zlib

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from yingji.accounts.tests.factories import web_login
from yingji.core import uploads
from yingji.hazards.ledger import errors as ledger_errors
from yingji.hazards.ledger.errors import LedgerError
from yingji.hazards.ledger.writing import ledger_import
from yingji.hazards.models import Hazard
from yingji.hazards.tests.test_ledger import ledger_file, row
from yingji.imports.models import ImportRecord
from yingji.imports.services import import_once

pytestmark = pytest.mark.django_db
IMPORT = "/api/v1/hazards/import"
MB = 1024 * 1024

# A minimal xlsx package around one worksheet.
_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
    'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
    '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}
SHEET = "xl/worksheets/sheet1.xml"
HEAD = b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
HEADER_ROW = b'<row r="1"><c r="A1" t="inlineStr"><is><t>\xe9\x9a\x90\xe6\x82\xa3\xe6\x8f\x8f\xe8\xbf\xb0</t></is></c></row>'
TAIL = b"</sheetData></worksheet>"


def workbook(sheet: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in _PARTS.items():
            archive.writestr(name, text)
        archive.writestr(SHEET, sheet)
    return out.getvalue()


def repeated_rows(size: int) -> bytes:
    """A sheet of `size` bytes: the header, then one row over and over (deflates ~1000:1)."""
    body = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
    return HEAD + HEADER_ROW + body * ((size - len(HEAD) - len(TAIL)) // len(body)) + TAIL


def declaring(data: bytes, name: str, size: int) -> bytes:
    """The zip with `name` declaring `size` bytes unpacked, in its local and central headers."""
    data = bytearray(data)
    encoded = name.encode()
    at = 0
    while (at := data.find(b"PK\x03\x04", at)) >= 0:  # local headers: size at +22, name at +30
        if data[at + 30 : at + 30 + len(encoded)] == encoded:
            struct.pack_into("<I", data, at + 22, size)
        at += 4
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:  # central directory: size at +24, name at +46
        if data[at + 46 : at + 46 + len(encoded)] == encoded:
            struct.pack_into("<I", data, at + 24, size)
        at += 4
    return bytes(data)


@pytest.fixture
def low_limits(monkeypatch):
    """Test-sized limits, so that small files stand for bombs."""
    limits = dataclasses.replace(
        uploads.WEB, unpacked_bytes=8 * MB, cells=5_000, area=10_000, text_bytes=1 * MB
    )
    monkeypatch.setattr(uploads, "WEB", limits)
    return limits


def english(client: Client) -> Client:
    """The messages as written (the msgids): the pages and the API speak Chinese by default."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def refused(client: Client, data: bytes) -> list[str]:
    response = english(client).post(IMPORT, {"file": SimpleUploadedFile("台账.xlsx", data)})
    assert response.status_code == 400, response.content
    assert not Hazard.objects.exists() and not ImportRecord.objects.exists(), "a refused file writes nothing"
    return response.json()["errors"]["file"]


# Zip bombs ---------------------------------------------------------------------------------


def test_a_part_that_declares_1_kb_but_inflates_to_50_mb_is_refused_as_a_bomb(api, street):
    bomb = declaring(workbook(repeated_rows(50 * MB)), SHEET, 1024)
    assert zipfile.ZipFile(io.BytesIO(bomb)).getinfo(SHEET).file_size == 1024
    assert refused(api(street), bomb) == [
        "A part of the file unpacks to more than 200 times its packed size (past 1 MB): refused as a zip bomb."
    ]


def test_a_file_unpacking_past_the_limit_is_refused_with_the_limit_in_mb(api, street, monkeypatch):
    monkeypatch.setattr(uploads, "WEB", dataclasses.replace(uploads.WEB, unpacked_bytes=8 * MB, ratio=2000))
    honest = workbook(repeated_rows(20 * MB))
    lying = declaring(honest, SHEET, 1024)
    message = ["The file unpacks to more than 8 MB: too large to import here."]
    assert refused(api(street), honest) == message  # by what it declares
    assert refused(api(street), lying) == message  # by what it actually inflates to


def test_a_sheet_spanning_more_cells_than_the_limit_is_refused_however_small(api, street, low_limits):
    corner = (
        HEAD + HEADER_ROW + b'<row r="1000"><c r="Z1000" t="inlineStr"><is><t>x</t></is></c></row>' + TAIL
    )
    assert refused(api(street), workbook(corner)) == [
        "A sheet spans 1,000 rows by 26 columns, more than 10,000 cells: too large to import here."
    ]


def test_a_shared_string_used_in_many_cells_counts_its_text_in_each(api, street, low_limits):
    strings = b'<?xml version="1.0"?><sst xmlns="x"><si><t>' + b"x" * 2000 + b"</t></si></sst>"
    cells = b"".join(b'<row r="%d"><c r="A%d" t="s"><v>0</v></c></row>' % (n, n) for n in range(2, 1002))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in _PARTS.items():
            archive.writestr(name, text)
        archive.writestr("xl/sharedStrings.xml", strings)
        archive.writestr(SHEET, HEAD + HEADER_ROW + cells + TAIL)
    assert refused(api(street), out.getvalue()) == [
        "The cells' text comes to more than 1 MB: too large to import here."
    ]


def test_an_ods_cell_repeated_a_million_times_is_refused(api, street, low_limits):
    content = (
        b'<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
        b'office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:'
        b'names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="S">'
        b'<table:table-row table:number-rows-repeated="1000"><table:table-cell office:value-type="string" '
        b'table:number-columns-repeated="1000"><text:p>x</text:p></table:table-cell></table:table-row>'
        b"</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
    assert refused(api(street), out.getvalue()) == [
        "The file holds more than 5,000 cells: too large to import here."
    ]


def test_a_csv_with_more_cells_than_the_limit_is_refused(api, street, low_limits):
    data = "隐患描述,隐患等级\n".encode() + b"ab," * 6000
    assert refused(api(street), data) == ["The file holds more than 5,000 cells: too large to import here."]


def test_the_web_page_refuses_a_bomb_with_the_same_message(street, enterprises):
    client = english(Client())
    assert web_login(client, "street")
    bomb = declaring(workbook(repeated_rows(50 * MB)), SHEET, 1024)
    response = client.post("/hazards/ledger/import/", {"file": SimpleUploadedFile("台账.xlsx", bomb)})
    assert "zip" in response.content.decode() and not Hazard.objects.exists()


def test_a_file_within_the_limits_still_imports(api, street, enterprises, low_limits):
    data = ledger_file([row(enterprises["A"])] * 20)
    assert api(street).post(IMPORT, {"file": SimpleUploadedFile("台账.xlsx", data)}).status_code == 201


# The same file twice, and retries ----------------------------------------------------------


def post(client: Client, data: bytes, query: str = "", **headers):
    return client.post(IMPORT + query, {"file": SimpleUploadedFile("台账.xlsx", data)}, headers=headers)


def test_the_same_file_twice_answers_409_naming_the_first_import_and_imports_nothing(
    api, street, enterprises
):
    data = ledger_file([row(enterprises["A"]), row(enterprises["B"])])
    assert post(api(street), data).status_code == 201
    first = ImportRecord.objects.get()
    assert (first.kind, first.rows, first.created, first.user) == ("hazards", 2, 2, street)
    response = post(api(street), data)
    assert response.status_code == 409, response.content
    body = response.json()
    assert body["previous"]["id"] == first.pk and body["previous"]["rows"] == 2
    assert body["previous"]["user"] == "street" and "confirm_duplicate=true" in body["detail"]
    assert Hazard.objects.count() == 2 and ImportRecord.objects.count() == 1


def test_confirm_duplicate_imports_the_same_file_again(api, street, enterprises):
    data = ledger_file([row(enterprises["A"])])
    assert post(api(street), data).status_code == 201
    assert post(api(street), data, "?confirm_duplicate=true").status_code == 201
    response = api(street).post(
        IMPORT, {"file": SimpleUploadedFile("台账.xlsx", data), "confirm_duplicate": "true"}
    )
    assert response.status_code == 201  # as a form field too
    assert Hazard.objects.count() == 3
    assert list(ImportRecord.objects.order_by("id").values_list("confirmed_duplicate", flat=True)) == [
        False,
        True,
        True,
    ]


def test_a_request_retried_with_its_idempotency_key_gets_the_same_answer_and_imports_once(
    api, street, enterprises
):
    data = ledger_file([row(enterprises["A"]), row(enterprises["A"])])
    first = post(api(street), data, **{"Idempotency-Key": "b7c1-retry"})
    again = post(api(street), data, **{"Idempotency-Key": "b7c1-retry"})
    assert (first.status_code, first.json()) == (201, {"created": 2})
    assert (again.status_code, again.json()) == (201, {"created": 2})
    assert Hazard.objects.count() == 2 and ImportRecord.objects.get().idempotency_key == "b7c1-retry"


def test_the_same_idempotency_key_with_another_file_answers_422(api, street, enterprises):
    assert (
        post(api(street), ledger_file([row(enterprises["A"])]), **{"Idempotency-Key": "k1"}).status_code
        == 201
    )
    response = post(api(street), ledger_file([row(enterprises["B"])]), **{"Idempotency-Key": "k1"})
    assert response.status_code == 422 and "Idempotency-Key" in response.json()["detail"]
    assert Hazard.objects.count() == 1


def test_a_bureau_finds_its_streets_import_but_a_street_or_another_county_reveals_nothing(
    api, street, bureau, outsider, enterprises
):
    data = ledger_file([row(enterprises["A"])])
    assert post(api(street), data).status_code == 201
    assert post(api(bureau), data).status_code == 409  # the street lies within the district
    foreign = ledger_file([row(enterprises["D"])])
    assert post(api(outsider), foreign).status_code == 201
    response = post(api(bureau), foreign)  # another county's file: its rows, not a duplicate
    assert response.status_code == 400 and "previous" not in response.json()
    assert "天心" not in str(response.json().get("errors", {}).get("file", []))


def test_another_countys_identical_file_is_not_a_duplicate_of_yours(bureau, outsider):
    def land(user):
        return import_once(
            kind="hazards",
            actor=user,
            data=b"the same bytes",
            filename="台账.xlsx",
            prepare=lambda: None,
            write=lambda _prepared: (1, 1, {"created": 1}),
        )

    assert land(outsider).record.region_code == "430103"
    assert land(bureau).record.region_code == "430102"  # no DuplicateImport


def test_the_schema_documents_the_409_and_the_idempotency_key(api):
    operation = api().get("/api/v1/schema").json()["paths"][IMPORT]["post"]
    assert "DuplicateImportOut" in str(operation["responses"]["409"]) and "422" in operation["responses"]
    assert "Idempotency-Key" in [p["name"] for p in operation["parameters"]]


def test_the_web_page_asks_before_importing_the_same_file_again(street, enterprises):
    client = Client()
    assert web_login(client, "street")
    data = ledger_file([row(enterprises["A"])])
    page = "/hazards/ledger/import/"
    client.post(page, {"file": SimpleUploadedFile("台账.xlsx", data)})
    asked = client.post(page, {"file": SimpleUploadedFile("台账.xlsx", data)})
    assert "此文件已于" in asked.content.decode() or "already imported" in asked.content.decode()
    assert Hazard.objects.count() == 1
    sha256 = ImportRecord.objects.get().sha256
    other = ledger_file([row(enterprises["B"])])
    confirm = {"confirm_duplicate": "1", "confirm_sha256": sha256}
    client.post(page, confirm | {"file": SimpleUploadedFile("x.xlsx", other)})  # new file: imported as usual
    client.post(page, confirm | {"file": SimpleUploadedFile("台账.xlsx", data)})
    assert Hazard.objects.count() == 3 and ImportRecord.objects.filter(confirmed_duplicate=True).count() == 1


def test_the_command_refuses_a_duplicate_with_exit_2_unless_confirmed(street, enterprises, tmp_path):
    path = tmp_path / "台账.xlsx"
    path.write_bytes(ledger_file([row(enterprises["A"])]))
    call_command("import_hazards", str(path), "--user", "street")
    with pytest.raises(CommandError) as error:
        call_command("import_hazards", str(path), "--user", "street")
    assert error.value.returncode == 2 and Hazard.objects.count() == 1
    call_command("import_hazards", str(path), "--user", "street", "--confirm-duplicate")
    assert Hazard.objects.count() == 2


def test_deflate_cannot_pass_the_cap_unread(monkeypatch):
    """The cap stops inflating: at most one chunk past it is ever held."""
    packed = zlib.compress(b"\0" * (30 * MB))[2:-4]
    produced = 0
    with pytest.raises(uploads.UploadRefused):
        budget = uploads._Budget(dataclasses.replace(uploads.WEB, unpacked_bytes=4 * MB, ratio=10_000))
        info = zipfile.ZipInfo("x")
        info.compress_type, info.header_offset, info.compress_size = zipfile.ZIP_DEFLATED, 0, len(packed)
        header = b"PK\x03\x04" + b"\0" * 22 + struct.pack("<HH", 1, 0) + b"x"
        for piece in budget.inflate(header + packed, info):
            produced += len(piece)
    assert produced <= 4 * MB + uploads.CHUNK


def test_a_file_with_more_problems_than_can_be_listed_lists_the_first_and_counts_the_rest(
    bureau, enterprises, monkeypatch
):
    monkeypatch.setattr(ledger_errors, "MAX_LISTED", 25)
    header = "单位名称,隐患描述,隐患等级,发现日期\n"
    rows = "".join(f"{enterprises['A'].name},隐患{i},不知道,昨天\n" for i in range(30))  # 2 bad cells a row
    with pytest.raises(LedgerError) as refused:
        ledger_import(actor=bureau, data=(header + rows).encode(), filename="many.csv")
    assert len(refused.value.rows) == 25
    assert "35" in refused.value.file[-1]  # 60 problems, 25 listed
    assert "60" in refused.value.message
    assert not Hazard.objects.exists()
