"""The staff's pages: the list with its chips and export, the intake form, a complaint's page
with its next steps, the navigation entry."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from yingji.accounts.tests.factories import web_login
from yingji.complaints.models import Complaint

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    assert web_login(client, user.username)
    return client


def test_the_list_filters_with_chips_and_offers_the_export(bureau, take_in):
    take_in(content="油漆桶", channel="letter")
    take_in(content="电焊")
    page = _client(bureau).get("/complaints/", {"channel": "letter", "status": "received"})
    assert page.status_code == 200
    assert len(page.context["page"].object_list) == 1
    assert {c.name for c in page.context["chips"]} == {"channel", "status"}
    assert "/complaints/export/?" in page.content.decode()
    assert "投诉举报" in page.content.decode()  # the navigation entry
    assert "/complaints/new/" in page.content.decode()


def test_the_intake_form_takes_a_complaint_in(bureau, inspector):
    client = _client(bureau)
    assert client.get("/complaints/new/").status_code == 200
    answer = client.post("/complaints/new/", {"channel": "visit", "region_code": "430102015",
                                              "content": "夜间施工", "items": "2", "received_on": "2026-12-01"})  # fmt: skip
    complaint = Complaint.objects.get()
    assert answer.status_code == 302 and answer["Location"] == f"/complaints/{complaint.pk}/"
    assert (complaint.items, complaint.channel) == (2, "visit")
    bad = client.post("/complaints/new/", {"channel": "visit", "region_code": "430102015", "content": ""})
    assert bad.status_code == 400
    assert _client(inspector).get("/complaints/new/").status_code == 403


def test_the_page_offers_the_next_steps_and_takes_them(bureau, street, take_in):
    complaint = take_in()
    client = _client(bureau)
    page = client.get(f"/complaints/{complaint.pk}/")
    assert [a for a, _l in page.context["actions"]] == ["assign"]
    deadline = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()
    client.post(
        f"/complaints/{complaint.pk}/actions/assign/",
        {"unit_id": street.organisation_id, "deadline": deadline},
    )
    complaint.refresh_from_db()
    assert complaint.status == "assigned"
    refused = client.post(f"/complaints/{complaint.pk}/actions/close/", follow=True)
    assert refused.status_code == 200 and complaint.status == "assigned"
    street_page = _client(street).get(f"/complaints/{complaint.pk}/")
    assert [a for a, _l in street_page.context["actions"]] == ["verify"]
    assert street_page.context["reporter"] is None
