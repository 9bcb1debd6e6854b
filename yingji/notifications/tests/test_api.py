"""GET /api/v1/notifications and POST …/read: each user's own, read by each on their own."""

import pytest

from yingji.accounts.tests.factories import web_login
from yingji.notifications.services import send_now

pytestmark = pytest.mark.django_db


@pytest.fixture
def notes(bureau, inspector):
    """The same event to the bureau user and the inspector of one bureau, and one more to the bureau."""
    first = send_now(
        kind="major_hazard", user_ids=[bureau.pk, inspector.pk], title="重大隐患登记", url="/hazards/1/"
    )
    second = send_now(kind="evidence_submitted", user_ids=[bureau.pk], title="整改资料待验收", body="配电箱")
    return {"bureau": [first[0], second[0]], "inspector": first[1]}


def test_each_user_lists_only_their_own(api, bureau, inspector, notes):
    answer = api(bureau).get("/api/v1/notifications").json()
    assert answer["count"] == 2
    assert [(n["kind"], n["title"], n["body"], n["url"], n["read_at"]) for n in answer["results"]] == [
        ("evidence_submitted", "整改资料待验收", "配电箱", "", None),
        ("major_hazard", "重大隐患登记", "", "/hazards/1/", None),
    ]
    assert set(answer["results"][0]) == {"id", "kind", "title", "body", "url", "created_at", "read_at"}
    assert api(inspector).get("/api/v1/notifications").json()["count"] == 1


def test_reading_is_per_user(api, bureau, inspector, notes):
    shared = notes["inspector"]
    answer = api(inspector).post(f"/api/v1/notifications/{shared.pk}/read")
    assert answer.status_code == 200 and answer.json()["read_at"]
    assert api(inspector).get("/api/v1/notifications?unread=1").json()["count"] == 0
    # The bureau user's copy of the same event is still unread.
    unread = api(bureau).get("/api/v1/notifications?unread=1").json()
    assert unread["count"] == 2


def test_another_users_notification_is_not_found(api, bureau, outsider, notes):
    mine = notes["bureau"][0]
    assert api(outsider).post(f"/api/v1/notifications/{mine.pk}/read").status_code == 404
    assert api(outsider).get("/api/v1/notifications").json()["count"] == 0
    assert api(bureau).get("/api/v1/notifications?unread=1").json()["count"] == 2
    assert api().get("/api/v1/notifications").status_code == 401


def test_the_unread_badge_shows_on_every_page_and_opening_one_reads_it(client, bureau, notes):
    web_login(client, "bureau")
    page = client.get("/enterprises/").content.decode()
    assert 'data-testid="unread-badge"' in page and ">2</span>" in page
    answer = client.post(f"/notifications/{notes['bureau'][1].pk}/open/")
    assert answer.status_code == 302
    assert api_unread(bureau) == 1


def test_the_web_page_does_not_open_another_users_notification(client, outsider, notes):
    web_login(client, "outsider")
    assert client.post(f"/notifications/{notes['bureau'][0].pk}/open/").status_code == 404


def api_unread(user) -> int:
    from yingji.notifications.views import unread_count

    return unread_count(user)
