"""The pages: the event list with its totals and the create form, exams, communities named from
their list, the navigation entry."""

import pytest
from django.test import Client

from yingji.accounts.tests.factories import web_login
from yingji.training import services
from yingji.training.models import DemoCommunity, Exam, TrainingEvent

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    assert web_login(client, user.username)
    return client


def test_recording_an_event_from_the_form(street, other_street):
    client = _client(street)
    assert client.get("/training/new/").status_code == 200
    answer = client.post("/training/new/", {"kind": "talk", "title": "防汛知识宣讲", "held_on": "2026-05-20",
                                            "region_code": "430102015", "sessions": "3", "participants": "150",
                                            "materials": "800"})  # fmt: skip
    assert answer.status_code == 302
    event = TrainingEvent.objects.get()
    assert (event.sessions, event.participants, event.materials, event.organiser) == (
        3,
        150,
        800,
        "东岸街道办事处",
    )
    bad = client.post(
        "/training/new/", {"kind": "talk", "title": "x", "region_code": "430102015", "sessions": "0"}
    )
    assert bad.status_code == 400 and "sessions" in bad.context["errors"]
    page = client.get("/training/", {"group": "publicity"})
    assert page.context["totals"] == {"sessions": 3, "participants": 150, "materials": 800}
    assert "宣传培训" in page.content.decode()  # the navigation entry
    assert _client(other_street).get("/training/").context["totals"]["sessions"] is None


def test_exams_from_the_page(bureau, street):
    client = _client(bureau)
    client.post("/training/exams/new/", {"held_on": "2026-04-01", "operation": "welding", "region_code": "430102",
                                         "candidates": "50", "passed": "44"})  # fmt: skip
    assert Exam.objects.get().passed == 44
    assert client.get("/training/exams/").context["totals"] == {"c": 50, "p": 44}
    assert _client(street).get("/training/exams/new/").status_code == 403


def test_a_community_named_from_its_list(street):
    community = services.community_create(actor=street, values={"name": "东岸社区", "region_code": "430102015",
                                                                "started_on": "2025-01-01"})  # fmt: skip
    client = _client(street)
    assert client.get("/training/communities/").status_code == 200
    client.post(f"/training/communities/{community.pk}/name/", {"level": "provincial", "named_year": "2026"})
    community.refresh_from_db()
    assert (community.status, community.level, community.named_year) == ("named", "provincial", 2026)
    assert DemoCommunity.objects.count() == 1
