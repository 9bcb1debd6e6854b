"""The pages: lists, details and create forms answer inside the jurisdiction, 404 outside."""

import pytest

from yingji.preparedness.models import Drill
from yingji.preparedness.tests.factories import DONGAN, drill, officer, plan, team

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged_in(client):
    def as_user(user):
        client.force_login(user)
        return client

    return as_user


def test_every_list_and_form_answers(bureau, logged_in):
    c = logged_in(bureau)
    for url in ("/preparedness/", "/preparedness/new/", "/preparedness/experts/", "/preparedness/experts/new/",
                "/preparedness/coverage/", "/preparedness/plans/", "/preparedness/plans/new/",
                "/preparedness/drills/", "/preparedness/drills/new/"):  # fmt: skip
        assert c.get(url).status_code == 200, url


def test_details_are_404_outside(bureau, street, other_street, logged_in):
    t, p, d = team(street), plan(street, region=DONGAN), drill(street, region=DONGAN)
    urls = (f"/preparedness/teams/{t.pk}/", f"/preparedness/plans/{p.pk}/", f"/preparedness/drills/{d.pk}/")
    for url in urls:
        assert logged_in(bureau).get(url).status_code == 200
    for url in urls:
        assert logged_in(other_street).get(url).status_code == 404


def test_a_drill_recorded_on_the_form(bureau, logged_in):
    c = logged_in(bureau)
    answer = c.post("/preparedness/drills/new/", {"title": "防汛应急演练", "date": "2026-06-01", "type": "field",
                    "region_code": "430102", "participants": "150", "plan_id": ""})  # fmt: skip
    assert answer.status_code == 302
    assert Drill.objects.get().participants == 150
    bad = c.post("/preparedness/drills/new/", {"title": "x", "date": "2026-06-01", "type": "field",
                 "region_code": "430102", "participants": "0"})  # fmt: skip
    assert bad.status_code == 400


def test_the_coverage_page_flags_a_missing_b(bureau, logged_in):
    officer(DONGAN, "A", name="周敏")
    page = logged_in(bureau).get("/preparedness/coverage/").content.decode()
    assert "周敏" in page and 'class="flagged"' in page


def test_a_team_page_adds_members_and_shows_the_shortfall(street, logged_in):
    t = team(street)
    c = logged_in(street)
    assert c.post(f"/preparedness/teams/{t.pk}/", {"name": "李强", "phone": "13812345678",
                  "certificates": "救生员证，急救证"}).status_code == 302  # fmt: skip
    assert t.members.get().certificates == ["救生员证", "急救证"]
    assert "29" in c.get(f"/preparedness/teams/{t.pk}/").content.decode()


def test_a_revision_recorded_on_the_plan_page_clears_the_flag(bureau, logged_in):
    p = plan(bureau, approved_on="2025-03-01")
    drill(bureau, plan_id=p.pk, problems="预警叫应不到位", plan_needs_revision=True)
    c = logged_in(bureau)
    answer = c.post(f"/preparedness/plans/{p.pk}/", {"action": "revise", "version": "2026版",
                    "approved_on": "2026-09-01", "filed_on": "2026-09-20"})  # fmt: skip
    assert answer.status_code == 302
    p.refresh_from_db()
    assert (p.version, p.needs_revision, str(p.review_due)) == ("2026版", False, "2029-09-01")
