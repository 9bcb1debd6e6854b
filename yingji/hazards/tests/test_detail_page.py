"""The hazard page tells its reader what they need first: the inspection that found the hazard
(date, inspectors, site photos) for those who may see that inspection, the inspection's
deadline in the assign form, and a confirmation before accepting or writing a hazard off."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from yingji.accounts.tests.factories import web_login
from yingji.core.industries import Industry
from yingji.hazards.tests.factories import assigned, hazard_factory
from yingji.hazards.tests.images import jpeg_bytes
from yingji.inspections.models import Inspection
from yingji.inspections.tests.factories import inspection_factory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
DEADLINE = TODAY + datetime.timedelta(days=12)


def logged_in(username: str) -> Client:
    client = Client()
    assert web_login(client, username)
    return client


@pytest.fixture
def found(inspector, enterprises):
    """A hazard an inspection of 王检查 registered, with the deadline the inspector proposed,
    and the inspection's site photo."""
    inspector.name = "王检查"
    inspector.save()
    inspection = inspection_factory(
        actor=inspector,
        enterprise=enterprises["A"],
        inspected_on=TODAY - datetime.timedelta(days=2),
        hazards=[{"description": "脚手架未设防护栏", "level": "general", "deadline": DEADLINE}],
        photos=[SimpleUploadedFile("现场.jpg", jpeg_bytes(), "image/jpeg")],
    )
    return inspection, inspection.hazards.get(), inspection.photos.get()


@pytest.mark.parametrize("username", ["inspector", "bureau", "street", "enterprise"])
def test_the_page_links_the_inspection_that_found_it_with_its_photo(
    found, bureau, street, enterprise_user, username
):
    inspection, hazard, photo = found
    page = logged_in(username).get(f"/hazards/{hazard.pk}/").content.decode()
    assert f'href="/inspections/{inspection.pk}/"' in page
    assert str(TODAY - datetime.timedelta(days=2)) in page and "王检查" in page
    assert f'src="/inspections/{inspection.pk}/photos/{photo.pk}/"' in page


def test_who_may_not_see_the_inspection_gets_neither_link_nor_photo(found, department):
    inspection, hazard, photo = found
    # The inspection's record says another industry than the hazard's: the department, which
    # supervises construction, sees the hazard but not that inspection.
    Inspection.objects.filter(pk=inspection.pk).update(industry=Industry.COMMERCE_TRADE)
    client = logged_in("department")
    response = client.get(f"/hazards/{hazard.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert f"/inspections/{inspection.pk}/" not in page and 'data-testid="found-by"' not in page
    assert client.get(f"/inspections/{inspection.pk}/photos/{photo.pk}/").status_code == 404


def test_a_hazard_found_by_nobody_in_particular_has_no_inspection_line(street, enterprises):
    hazard = hazard_factory(actor=street, enterprise=enterprises["A"])
    response = logged_in("street").get(f"/hazards/{hazard.pk}/")
    assert response.context["found_by"] is None
    assert 'data-testid="found-by"' not in response.content.decode()


def test_the_assign_form_starts_with_the_inspections_deadline(found):
    _inspection, hazard, _photo = found
    page = logged_in("inspector").get(f"/hazards/{hazard.pk}/").content.decode()
    assert f'name="deadline" required value="{DEADLINE.isoformat()}"' in page


def test_without_a_proposed_deadline_the_assign_form_starts_empty(street, enterprises):
    hazard = hazard_factory(actor=street, enterprise=enterprises["A"])
    page = logged_in("street").get(f"/hazards/{hazard.pk}/").content.decode()
    assert 'name="deadline" required value=""' in page


def refusals(response) -> list[str]:
    """The actions an error message on the page names (the message says to tick the box)."""
    return [
        label
        for m in response.context["messages"]
        if m.level_tag == "error"
        for label in ("验收通过", "销号")
        if label in str(m)
    ]


def _awaiting_review(street, enterprise_user, enterprises):
    hazard = assigned(hazard_factory(actor=street, enterprise=enterprises["A"]), street)
    client = logged_in("enterprise")
    photo = SimpleUploadedFile("after.jpg", jpeg_bytes(), "image/jpeg")
    client.post(f"/hazards/{hazard.pk}/actions/submit/", {"note": "已整改", "files": [photo]})
    hazard.refresh_from_db()
    assert hazard.status == "awaiting_review"
    return hazard


def test_accepting_and_writing_off_ask_for_confirmation(street, enterprise_user, enterprises):
    hazard = _awaiting_review(street, enterprise_user, enterprises)
    client = logged_in("street")
    page = client.get(f"/hazards/{hazard.pk}/").content.decode()
    assert "data-confirm=" in page and 'name="confirmed" value="1" required' in page
    assert "/static/js/confirm.js" in page

    response = client.post(f"/hazards/{hazard.pk}/actions/approve/", follow=True)
    hazard.refresh_from_db()
    assert hazard.status == "awaiting_review"
    assert refusals(response) == ["验收通过"]

    client.post(f"/hazards/{hazard.pk}/actions/approve/", {"confirmed": "1"})
    hazard.refresh_from_db()
    assert hazard.status == "rectified"

    response = client.post(f"/hazards/{hazard.pk}/actions/close/", {"confirmed": "0"}, follow=True)
    hazard.refresh_from_db()
    assert hazard.status == "rectified" and refusals(response) == ["销号"]

    client.post(f"/hazards/{hazard.pk}/actions/close/", {"confirmed": "1"})
    hazard.refresh_from_db()
    assert hazard.status == "closed"
    assert list(hazard.events.values_list("action", flat=True)) == [
        "register",
        "assign",
        "submit",
        "approve",
        "close",
    ]


def test_other_actions_need_no_confirmation(street, enterprises):
    hazard = hazard_factory(actor=street, enterprise=enterprises["A"])
    logged_in("street").post(f"/hazards/{hazard.pk}/actions/rectify_on_site/", {"measures": "当场加锁"})
    hazard.refresh_from_db()
    assert hazard.status == "rectified"
