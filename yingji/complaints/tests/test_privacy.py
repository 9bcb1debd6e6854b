"""The reporter's name and phone: stored encrypted; present in a complaint's detail only for the
bureau's complaint handlers, each view audited; absent (the keys themselves) for every other
role, on every list, every export and every page but the handler's, and in the audit log."""

import datetime
import io
import json

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from yingji.accounts.tests.factories import web_login
from yingji.audit.models import AuditEntry
from yingji.complaints.tests.conftest import NAME, PHONE, act

pytestmark = pytest.mark.django_db
URL = "/api/v1/complaints"
ROLES = [
    "bureau",
    "inspector",
    "department",
    "street",
    "enterprise_user",
    "leader",
    "duty",
    "outsider",
    "admin",
]


@pytest.fixture
def users(request):
    return {role: request.getfixturevalue(role) for role in ROLES}


@pytest.fixture
def complaints(bureau, users, take_in, enterprises):
    """About enterprise A: one assigned to the street 东岸, one assigned to the department."""
    deadline = timezone.localdate() + datetime.timedelta(days=10)
    to_street = take_in(enterprise_id=enterprises["A"].pk)
    act(bureau, to_street, "assign", unit_id=users["street"].organisation_id, deadline=deadline)
    to_department = take_in(
        enterprise_id=enterprises["A"].pk, reporter_name="赵六", reporter_phone="13700007777"
    )
    act(bureau, to_department, "assign", unit_id=users["department"].organisation_id, deadline=deadline)
    return to_street, to_department


def _viewed():
    return AuditEntry.objects.filter(action="complaint.reporter_viewed").count()


@pytest.mark.parametrize("role", ROLES)
def test_detail_carries_the_reporter_only_for_the_handler(api, users, complaints, role):
    user = users[role]
    seen = 0
    for complaint in complaints:
        answer = api(user).get(f"{URL}/{complaint.pk}")
        if answer.status_code == 404:
            continue
        seen += 1
        body = answer.json()
        if role == "bureau":
            assert body["reporter_name"] in (NAME, "赵六") and body["reporter_phone"]
        else:
            assert "reporter_name" not in body and "reporter_phone" not in body
            assert NAME not in answer.content.decode() and PHONE not in answer.content.decode()
    expected_seen = {
        "bureau": 2,
        "inspector": 2,
        "leader": 2,
        "duty": 2,
        "admin": 2,
        "street": 1,
        "department": 1,
    }
    assert seen == expected_seen.get(role, 0)  # the enterprise reported on and the outsider: 404
    assert _viewed() == (2 if role == "bureau" else 0)


def test_every_view_is_audited_with_who_and_which(api, bureau, complaints):
    api(bureau).get(f"{URL}/{complaints[0].pk}")
    api(bureau).get(f"{URL}/{complaints[0].pk}")
    entries = AuditEntry.objects.filter(action="complaint.reporter_viewed")
    assert entries.count() == 2
    assert {(e.actor_id, e.object_id) for e in entries} == {(bureau.pk, str(complaints[0].pk))}


@pytest.mark.parametrize("role", ROLES)
def test_lists_never_carry_the_reporter(api, users, complaints, role):
    answer = api(users[role]).get(URL)
    assert answer.status_code == 200
    for row in answer.json()["results"]:
        assert "reporter_name" not in row and "reporter_phone" not in row
    assert NAME not in answer.content.decode() and PHONE not in answer.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_exports_never_carry_the_reporter(api, users, complaints, role):
    answer = api(users[role]).get(f"{URL}/export")
    assert answer.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(answer.streaming_content))).worksheets[0]
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert not any(NAME in c or PHONE in c or "赵六" in c for c in cells)
    rows = sheet.max_row - 1
    assert rows == {"bureau": 2, "inspector": 2, "leader": 2, "duty": 2, "admin": 2, "street": 1,
                    "department": 1}.get(role, 0)  # fmt: skip


@pytest.mark.parametrize("role", ROLES)
def test_pages_show_the_reporter_only_to_the_handler(users, complaints, role):
    client = Client()
    assert web_login(client, users[role].username)
    listing = client.get("/complaints/")
    if role == "enterprise_user":
        assert listing.status_code in (200, 403)
    assert NAME not in listing.content.decode()
    page = client.get(f"/complaints/{complaints[0].pk}/")
    text = page.content.decode()
    if role == "bureau":
        assert NAME in text and PHONE in text
    else:
        assert NAME not in text and PHONE not in text
    export = client.get("/complaints/export/")
    if export.status_code == 200:
        content = b"".join(export.streaming_content)
        sheet = load_workbook(io.BytesIO(content)).worksheets[0]
        assert not any(NAME in str(c.value) for row in sheet.iter_rows() for c in row)


def test_stored_encrypted_and_kept_out_of_the_audit_log(complaints):
    with connection.cursor() as cursor:
        cursor.execute("SELECT reporter_name, reporter_phone FROM complaints_complaint")
        for name, phone in cursor.fetchall():
            assert name and NAME not in name and "赵六" not in name and PHONE not in phone
    for entry in AuditEntry.objects.filter(object_type="complaints.complaint"):
        text = json.dumps([entry.before, entry.after], ensure_ascii=False) + entry.object_repr
        assert NAME not in text and PHONE not in text and "赵六" not in text
