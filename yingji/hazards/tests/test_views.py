"""The hazard pages: scoped list with counts, the record with its actions, actions through forms."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from yingji.accounts.tests.factories import web_login
from yingji.hazards.tests.factories import assigned, hazard_factory
from yingji.hazards.tests.images import jpeg_bytes

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def logged_in(username: str) -> Client:
    client = Client()
    assert web_login(client, username)
    return client


def test_the_list_is_scoped_and_counts(street, other_street, enterprises):
    hazard_factory(actor=street, enterprise=enterprises["A"], description="东岸的隐患")
    hazard_factory(actor=other_street, enterprise=enterprises["C"], description="文艺路的隐患")
    response = logged_in("street").get("/hazards/")
    page = response.content.decode()
    assert "东岸的隐患" in page and "文艺路的隐患" not in page
    assert response.context["counts"]["total"] == 1


def test_a_bad_filter_value_is_ignored_not_a_500(street, enterprises):
    response = logged_in("street").get("/hazards/", {"from": "yesterday", "enterprise": "x"})
    assert response.status_code == 200


def test_the_record_page_offers_only_the_users_actions(street, enterprise_user, enterprises):
    hazard = hazard_factory(actor=street, enterprise=enterprises["A"])
    supervisor = logged_in("street").get(f"/hazards/{hazard.pk}/").context["actions"]
    assert {"assign", "rectify_on_site"} <= set(supervisor) and "cancel" not in supervisor
    assert logged_in("enterprise").get(f"/hazards/{hazard.pk}/").context["actions"] == []


def test_outside_records_are_404(street, other_street, enterprises):
    hazard = hazard_factory(actor=other_street, enterprise=enterprises["C"])
    client = logged_in("street")
    assert client.get(f"/hazards/{hazard.pk}/").status_code == 404
    assert client.post(f"/hazards/{hazard.pk}/actions/rectify_on_site/").status_code == 404


def test_an_action_through_the_form_with_evidence(street, enterprise_user, other_street, enterprises):
    hazard = assigned(hazard_factory(actor=street, enterprise=enterprises["A"]), street)
    client = logged_in("enterprise")
    photo = SimpleUploadedFile("after.jpg", jpeg_bytes(), "image/jpeg")
    response = client.post(f"/hazards/{hazard.pk}/actions/submit/", {"note": "已整改", "files": [photo]})
    assert response.status_code == 302
    hazard.refresh_from_db()
    evidence = hazard.evidence.get()
    assert hazard.status == "awaiting_review" and evidence.uploaded_by == enterprise_user
    image = client.get(f"/hazards/{hazard.pk}/evidence/{evidence.pk}/thumbnail/")
    assert image.status_code == 200 and image["Content-Type"] == "image/jpeg"
    assert logged_in("wenyilu").get(f"/hazards/{hazard.pk}/evidence/{evidence.pk}/").status_code == 404


def test_a_refused_action_shows_why_and_changes_nothing(street, enterprise_user, other_street, enterprises):
    hazard = hazard_factory(actor=street, enterprise=enterprises["A"])
    client = logged_in("street")
    response = client.post(f"/hazards/{hazard.pk}/actions/assign/", {"measures": "x"}, follow=True)
    assert "responsible" in response.content.decode() or "此项为必填项" in response.content.decode()
    hazard.refresh_from_db()
    assert hazard.status == "reported"
    response = client.post(f"/hazards/{hazard.pk}/actions/approve/", follow=True)
    assert response.status_code == 200
    hazard.refresh_from_db()
    assert hazard.status == "reported"


def test_overdue_filter_on_the_page(street, enterprises):
    old = hazard_factory(
        actor=street, enterprise=enterprises["A"], found_at=TODAY - datetime.timedelta(days=40)
    )
    assigned(old, street, days=5)
    hazard_factory(actor=street, enterprise=enterprises["B"])
    response = logged_in("street").get("/hazards/", {"overdue": "true"})
    assert [h.pk for h in response.context["page"]] == [old.pk]
    assert response.context["counts"]["overdue"] == 1
