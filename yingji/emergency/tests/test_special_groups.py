"""The special-groups register: ID numbers encrypted at rest and masked in every list, detail,
export and audit entry; the full number only by the audited reveal, for the person's street and
the bureau — every role tried; the 四个一 completeness check and the street's to-do; the XLSX
import (all or nothing) and export."""

import datetime
import io

import openpyxl
import pytest
from django.db import connection
from django.utils import timezone

from yingji.audit.models import AuditEntry
from yingji.emergency import special
from yingji.emergency.models import SpecialPerson
from yingji.emergency.tests.conftest import DONGAN, WENYILU
from yingji.notifications.todo import todo_for

pytestmark = pytest.mark.django_db
NUMBER = "430102195001011234"
MASKED = "4301**********1234"


@pytest.fixture
def person(street, shelter):
    return special.person_create(actor=street, region_code=DONGAN, name="王奶奶", category="elderly_alone",
                                 risk_area="low_lying", id_number=NUMBER, responsible_person="李网格",
                                 route="沿东岸路向北", shelter=shelter.pk, contact="13800000000")  # fmt: skip


def test_the_number_is_encrypted_in_the_database(person):
    with connection.cursor() as cursor:
        cursor.execute("SELECT id_number FROM emergency_specialperson WHERE id = %s", [person.pk])
        stored = cursor.fetchone()[0]
    assert NUMBER not in stored and stored
    assert SpecialPerson.objects.get(pk=person.pk).id_number == NUMBER


def test_masked_in_list_detail_and_audit(person, bureau, street, call):
    assert call(street, "get", "/api/v1/special-groups")[1]["results"][0]["id_number"] == MASKED
    assert call(bureau, "get", f"/api/v1/special-groups/{person.pk}")[1]["id_number"] == MASKED
    entry = AuditEntry.objects.get(object_type="emergency.specialperson", action="create")
    assert entry.after["id_number"] == MASKED and NUMBER not in str(entry.after)


def test_masked_in_the_export(person, bureau, api, client):
    for response in (api(bureau).get("/api/v1/special-groups/export"), _page_export(client, bureau)):
        book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
        rows = list(book.active.iter_rows(values_only=True))
        assert rows[1][4] == MASKED and NUMBER not in str(rows)


def _page_export(client, user):
    client.force_login(user)
    return client.get("/emergency/special-groups/export/")


@pytest.mark.parametrize(
    ("role", "list_status", "reveal_status"),
    [("bureau", 200, 200), ("street", 200, 200), ("other_street", 200, 404), ("outsider", 200, 404),
     ("inspector", 200, 403), ("leader", 200, 403), ("duty", 200, 403), ("admin", 200, 403),
     ("department", 403, 403), ("enterprise_user", 403, 403)],
)  # fmt: skip
def test_reveal_in_every_role(request, person, call, role, list_status, reveal_status):
    user = request.getfixturevalue(role)
    assert call(user, "get", "/api/v1/special-groups")[0] == list_status
    status, data = call(user, "post", f"/api/v1/special-groups/{person.pk}/actions/reveal")
    assert status == reveal_status
    reveals = AuditEntry.objects.filter(action="special_person.id_revealed")
    if reveal_status == 200:
        assert data == {"id": person.pk, "id_number": NUMBER}
        assert [e.actor_id for e in reveals] == [user.pk]
    else:
        assert not reveals.exists()


def test_the_page_shows_masked_numbers_and_reveals_for_the_street(person, street, leader, client):
    client.force_login(street)
    page = client.get("/emergency/special-groups/").content.decode()
    assert MASKED in page and NUMBER not in page and f'data-testid="reveal-{person.pk}"' in page
    revealed = client.post(f"/emergency/special-groups/{person.pk}/reveal/").content.decode()
    assert NUMBER in revealed
    client.force_login(leader)
    page = client.get("/emergency/special-groups/").content.decode()
    assert MASKED in page and "reveal-" not in page
    assert client.post(f"/emergency/special-groups/{person.pk}/reveal/").status_code == 403


def test_bad_id_numbers_and_fields_are_400(street, call):
    body = {"region_code": DONGAN, "name": "张三", "category": "sick", "risk_area": "geological"}
    assert call(street, "post", "/api/v1/special-groups", body | {"id_number": "12345"})[0] == 400
    assert call(street, "post", "/api/v1/special-groups", body | {"region_code": WENYILU})[0] == 400
    assert call(street, "post", "/api/v1/special-groups", body | {"shelter": 99999})[0] == 400
    status, data = call(street, "post", "/api/v1/special-groups", body | {"id_number": "43010219500101123x"})
    assert status == 201 and data["id_number"] == "4301**********123X"


def test_completeness_lists_members_missing_an_item(person, street, other_street, bureau, call):
    lacking = special.person_create(actor=street, region_code=DONGAN, name="赵爷爷", category="disabled",
                                    risk_area="flash_flood", responsible_person="李网格")  # fmt: skip
    data = call(street, "get", "/api/v1/special-groups?incomplete=true")[1]
    assert [(p["id"], p["missing_items"]) for p in data["results"]] == [
        (lacking.pk, ["route", "shelter", "contact"])
    ]
    assert data["results"][0]["complete"] is False
    items = [i for i in todo_for(street) if i.kind == "special_groups_incomplete"]
    assert [(i.due, i.url) for i in items] == [
        (special.next_flood_season(timezone.localdate()), "/emergency/special-groups/?incomplete=true")
    ]
    assert not [i for i in todo_for(other_street) if i.kind == "special_groups_incomplete"]
    assert not [i for i in todo_for(bureau) if i.kind == "special_groups_incomplete"]


def test_the_flood_season_check_runs_before_april():
    assert special.next_flood_season(datetime.date(2026, 2, 1)) == datetime.date(2026, 4, 1)
    assert special.next_flood_season(datetime.date(2026, 6, 1)) == datetime.date(
        2026, 4, 1
    )  # in season: due already
    assert special.next_flood_season(datetime.date(2026, 10, 1)) == datetime.date(2027, 4, 1)


def _xlsx(rows) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(special.HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_import_is_all_or_nothing(street, shelter, api):
    good = [
        DONGAN,
        "陈奶奶",
        "独居老人",
        "低洼",
        NUMBER,
        "东岸路5号",
        "",
        "李网格",
        "向北",
        "东岸小学",
        "138",
    ]
    bad = [DONGAN, "", "病患", "山洪", "123", "", "", "", "", "", ""]
    client = api(street)
    response = client.post("/api/v1/special-groups/import", {"file": io.BytesIO(_xlsx([good, bad]))})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"第3行：name", "第3行：id_number"}
    assert not SpecialPerson.objects.exists()
    response = client.post("/api/v1/special-groups/import", {"file": io.BytesIO(_xlsx([good]))})
    assert response.status_code == 201 and response.json() == {"added": 1}
    person = SpecialPerson.objects.get()
    assert (person.category, person.risk_area, person.shelter_id, person.id_number) == (
        "elderly_alone",
        "low_lying",
        shelter.pk,
        NUMBER,
    )


def test_import_refuses_what_is_not_the_template(street, api):
    client = api(street)
    assert client.post("/api/v1/special-groups/import", {"file": io.BytesIO(b"name,id\n")}).status_code == 400
    book = openpyxl.Workbook()
    book.active.append(["别的表"])
    out = io.BytesIO()
    book.save(out)
    assert (
        client.post("/api/v1/special-groups/import", {"file": io.BytesIO(out.getvalue())}).status_code == 400
    )


def test_details_outside_the_street_are_404_and_roles_without_the_register_403(
    person, other_street, outsider, department, call
):
    for user in (other_street, outsider):
        assert call(user, "get", f"/api/v1/special-groups/{person.pk}")[0] == 404
        assert call(user, "patch", f"/api/v1/special-groups/{person.pk}", {"route": "x"})[0] == 404
    assert call(department, "get", f"/api/v1/special-groups/{person.pk}")[0] == 403
    assert call(department, "get", "/api/v1/special-groups/export")[0] == 403


def test_an_update_is_audited_masked(person, street, call):
    status, data = call(
        street,
        "patch",
        f"/api/v1/special-groups/{person.pk}",
        {"contact": "", "id_number": "430102196001019876"},
    )
    assert (
        status == 200 and data["missing_items"] == ["contact"] and data["id_number"] == "4301**********9876"
    )
    entry = AuditEntry.objects.get(object_type="emergency.specialperson", action="update")
    assert (entry.before["id_number"], entry.after["id_number"]) == (MASKED, "4301**********9876")
    assert "430102196001019876" not in str(entry.after) + str(entry.before)


def test_the_page_imports_the_register(street, shelter, client):
    client.force_login(street)
    row = [DONGAN, "陈奶奶", "独居老人", "低洼", NUMBER, "东岸路5号", "", "李网格", "向北", "东岸小学", "138"]
    upload = io.BytesIO(_xlsx([row]))
    upload.name = "register.xlsx"
    response = client.post("/emergency/special-groups/", {"file": upload}, follow=True)
    assert (
        response.status_code == 200 and SpecialPerson.objects.filter(name="陈奶奶", shelter=shelter).exists()
    )
    assert MASKED in response.content.decode() and NUMBER not in response.content.decode()
