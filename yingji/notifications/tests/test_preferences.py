"""Each user chooses, per kind, the channels besides in-app: in-app only by default, SMS too for
an accident."""

import pytest

from yingji.accounts.tests.factories import web_login
from yingji.audit.models import AuditEntry
from yingji.notifications.models import ChannelPreference

pytestmark = pytest.mark.django_db


def chosen(rows) -> dict:
    return {r["kind"]: (r["email"], r["sms"]) for r in rows if r["email"] or r["sms"]}


def test_the_defaults_and_a_users_own_choice(api, bureau, inspector):
    assert chosen(api(bureau).get("/api/v1/notifications/preferences").json()) == {
        "accident_registered": (False, True),
        "accident_grade_raised": (False, True),
    }
    answer = api(bureau).put(
        "/api/v1/notifications/preferences",
        [{"kind": "evidence_submitted", "email": True}, {"kind": "accident_registered", "sms": False}],
        content_type="application/json",
    )
    assert answer.status_code == 200
    assert chosen(answer.json()) == {
        "evidence_submitted": (True, False),
        "accident_grade_raised": (False, True),
    }
    # Another user's choices are their own.
    assert "evidence_submitted" not in chosen(api(inspector).get("/api/v1/notifications/preferences").json())
    assert AuditEntry.objects.filter(action="notifications.channels", actor=bureau).count() == 2


def test_an_unknown_kind_is_a_400_on_its_field(api, bureau):
    answer = api(bureau).put(
        "/api/v1/notifications/preferences",
        [{"kind": "nonsense", "email": True}],
        content_type="application/json",
    )
    assert answer.status_code == 400 and "kind" in answer.json()["errors"]
    assert ChannelPreference.objects.count() == 0


def test_the_notifications_page_saves_the_channels(client, bureau):
    web_login(client, "bureau")
    page = client.get("/notifications/").content.decode()
    assert 'name="accident_registered:sms" aria-label' in page
    client.post("/notifications/preferences/", {"hazard_assigned:email": "on"})
    assert sorted(ChannelPreference.objects.values_list("kind", "email", "sms")) == [
        ("accident_grade_raised", False, False),
        ("accident_registered", False, False),
        ("hazard_assigned", True, False),
    ]
