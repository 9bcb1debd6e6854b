"""Each role's to-do list (GET /api/v1/todo and the home page), oldest due first, within its
jurisdiction only."""

import datetime

import pytest
from django.utils import timezone

from yingji.accidents.tests.factories import accident_factory
from yingji.accounts.tests.factories import web_login
from yingji.hazards import services
from yingji.hazards.tests.factories import PLAN, assigned, hazard_factory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def act(hazard, actor, action, **data):
    return services.hazard_act(actor=actor, hazard=hazard, action=action, data=data)


@pytest.fixture
def work(street, other_street, inspector, bureau, department, enterprise_user, enterprises, outsider):
    """Hazards (found 10 days ago) and accidents at every step somebody must act on."""
    A, B, C, D = (enterprises[k] for k in "ABCD")
    rectifying = assigned(hazard_factory(actor=street, enterprise=A), street, days=20)  # due in 10 days
    overdue = assigned(hazard_factory(actor=street, enterprise=B), street, days=5)  # 5 days ago
    rejected = assigned(hazard_factory(actor=inspector, enterprise=A), inspector, days=15)
    rejected = act(act(rejected, enterprise_user, "submit"), inspector, "reject", reason="照片不清")
    awaiting = act(
        assigned(hazard_factory(actor=inspector, enterprise=A), inspector, days=12), enterprise_user, "submit"
    )
    extension = assigned(hazard_factory(actor=street, enterprise=A), street, days=18)
    extension = act(
        extension, enterprise_user, "request_extension", until=TODAY + 30 * DAY, reason="材料未到"
    )
    other_street_overdue = assigned(hazard_factory(actor=other_street, enterprise=C), other_street, days=3)
    major = hazard_factory(actor=inspector, enterprise=A, level="major")
    services.hazard_set_plan(actor=department, hazard=major, **PLAN)
    major = act(major, department, "list", level="county")
    outside = assigned(hazard_factory(actor=outsider, enterprise=D), outsider, days=2)
    now = timezone.now()
    fresh = accident_factory(actor=bureau, occurred_at=now - datetime.timedelta(minutes=30), reported_at=now)
    serious = accident_factory(actor=bureau, occurred_at=now - 2 * DAY, reported_at=now - 2 * DAY, deaths=3)
    return locals()


def todo(api, user):
    answer = api(user).get("/api/v1/todo")
    assert answer.status_code == 200
    return [(i["kind"], i["object_id"], i["overdue"]) for i in answer.json()["results"]]


def test_the_enterprise_rectifies_its_hazards_and_sees_rejected_evidence(api, enterprise_user, work):
    w = work
    assert todo(api, enterprise_user) == [
        ("hazard_rejected", w["rejected"].pk, False),  # due in 5 days
        ("hazard_rectify", w["extension"].pk, False),  # 8 days
        ("hazard_rectify", w["rectifying"].pk, False),  # 10 days
    ]


def test_the_inspector_accepts_what_it_may(api, inspector, work):
    # Not the major hazard: it is listed by the department, which alone accepts it.
    assert todo(api, inspector) == [
        ("hazard_accept", work["awaiting"].pk, False),
        ("hazard_extension", work["extension"].pk, False),
    ]


def test_the_street_sees_its_enterprises_overdue_hazards_and_what_it_found(api, street, other_street, work):
    assert todo(api, street) == [
        ("hazard_overdue", work["overdue"].pk, True),
        ("hazard_extension", work["extension"].pk, False),
    ]
    assert todo(api, other_street) == [("hazard_overdue", work["other_street_overdue"].pk, True)]


def test_the_bureau_accepts_decides_and_follows_its_accidents(api, bureau, work):
    w = work
    # The first report reached the county (Art. 9): the county passes it to the city within the
    # next two hours (Art. 10), 1 + 2 hours after the accident.
    city_report_due = w["fresh"].occurred_at + datetime.timedelta(hours=3)
    answer = api(bureau).get("/api/v1/todo").json()["results"]
    assert [(i["kind"], i["object_id"], i["overdue"]) for i in answer] == [
        ("accident_report", w["fresh"].pk, False),  # to the city, within 3 hours
        ("hazard_accept", w["awaiting"].pk, False),
        ("hazard_extension", w["extension"].pk, False),
        ("accident_investigation", w["serious"].pk, False),  # 60 days after it
        ("accident_investigation", w["fresh"].pk, False),
    ]
    due = datetime.datetime.fromisoformat(answer[0]["due"])
    assert abs(due - city_report_due) < datetime.timedelta(milliseconds=1)
    assert answer[0]["url"] == f"/accidents/{w['fresh'].pk}/"


def test_the_leader_watches_major_hazards_and_serious_accidents(api, bureau, work):
    from yingji.accounts.choices import Role
    from yingji.accounts.tests.factories import user_factory

    leader = user_factory(role=Role.LEADER, org=bureau.organisation, username="leader")
    assert todo(api, leader) == [
        ("accident_serious", work["serious"].pk, False),  # its investigation due in 58 days
        ("hazard_major", work["major"].pk, False),  # no deadline yet: last
    ]


def test_the_duty_officer_sees_reports_due(api, bureau, work):
    from yingji.accounts.choices import Role
    from yingji.accounts.tests.factories import user_factory

    duty = user_factory(role=Role.DUTY, org=bureau.organisation, username="duty")
    assert todo(api, duty) == [("accident_report", work["fresh"].pk, False)]


def test_the_outsider_sees_only_its_own(api, outsider, work):
    assert todo(api, outsider) == []  # its hazard is due in 2 days' time: nothing to accept or decide


def test_a_city_bureau_waits_only_on_the_hazards_it_listed(api, work, department):
    """The city may judge any hazard of its counties, but accepting and extending a county's
    hazards is the county's work: only a hazard the city listed is on the city's list."""
    from yingji.accounts.choices import Role
    from yingji.accounts.tests.factories import user_factory

    city = user_factory(role=Role.BUREAU, username="city", region="4301", name="长沙市应急管理局")

    def hazards():
        return [item for item in todo(api, city) if item[0].startswith("hazard_")]

    assert hazards() == []  # the county's awaiting and extension hazards are the county's
    listed = work["major"]
    type(listed).objects.filter(pk=listed.pk).update(
        listed_by_id=city.organisation_id, status="awaiting_review"
    )
    assert hazards() == [("hazard_accept", listed.pk, False)]


def test_the_department_accepts_what_it_listed(api, department, work):
    assert ("hazard_accept", work["major"].pk, False) not in todo(api, department)  # not submitted yet
    assert [k for k, _pk, _o in todo(api, department)] == ["hazard_accept", "hazard_extension"]


def test_home_starts_with_the_to_do_list_and_the_badge_counts_it(client, enterprise_user, work):
    web_login(client, "enterprise")
    page = client.get("/").content.decode()
    assert page.index('data-testid="todo"') < page.index('data-testid="welcome"')
    assert f'href="/hazards/{work["rectifying"].pk}/"' in page
    assert 'data-testid="todo-badge"' in page


def test_an_assigned_hazard_shows_on_the_enterprises_next_page(
    client, inspector, enterprise_user, enterprises, django_capture_on_commit_callbacks
):
    web_login(client, "enterprise")
    assert 'data-testid="unread-badge"' not in client.get("/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        hazard = assigned(hazard_factory(actor=inspector, enterprise=enterprises["A"]), inspector)
    page = client.get("/").content.decode()
    assert 'data-testid="unread-badge"' in page and 'data-testid="todo-badge"' in page
    assert f'<a href="/hazards/{hazard.pk}/">' in page


def test_a_bureau_item_names_the_enterprise_and_the_hazard(api, inspector, work):
    # Two rectifications of one enterprise must not read alike on the list.
    titles = {i["object_id"]: i["title"] for i in api(inspector).get("/api/v1/todo").json()["results"]}
    awaiting = work["awaiting"]
    assert awaiting.enterprise.name in titles[awaiting.pk]
    assert awaiting.description[:20] in titles[awaiting.pk]


def test_the_home_shows_the_first_ten_and_links_to_the_whole_list(
    client, inspector, enterprise_user, enterprises
):
    # Twelve hazards to rectify, due day by day: the home keeps the ten due first.
    due = [
        assigned(hazard_factory(actor=inspector, enterprise=enterprises["A"]), inspector, days=d)
        for d in range(1, 13)
    ]
    web_login(client, "enterprise")
    home = client.get("/").content.decode()
    assert [f'href="/hazards/{h.pk}/"' in home for h in due] == [True] * 10 + [False] * 2
    assert 'href="/todo/"' in home
    everything = client.get("/todo/").content.decode()
    assert all(f'href="/hazards/{h.pk}/"' in everything for h in due)


def test_a_short_list_needs_no_link_to_the_whole(client, enterprise_user, work):
    web_login(client, "enterprise")
    assert 'href="/todo/"' not in client.get("/").content.decode()


@pytest.mark.parametrize("path", ["/", "/todo/"])
def test_a_page_and_its_badge_work_the_list_out_once(client, enterprise_user, work, monkeypatch, path):
    from yingji.notifications import todo as registry

    calls = []
    original = registry.todo_for
    monkeypatch.setattr(registry, "todo_for", lambda user: calls.append(user) or original(user))
    web_login(client, "enterprise")
    page = client.get(path).content.decode()
    assert 'data-testid="todo-badge"' in page and len(calls) == 1
