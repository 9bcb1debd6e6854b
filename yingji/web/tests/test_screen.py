"""The wall display (大屏): for bureau staff and leaders, every number the dashboard's."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory
from yingji.hazards.models import Hazard
from yingji.stats.catalog import Query
from yingji.stats.periods import period_of
from yingji.stats.selectors import stats_answer

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
YESTERDAY = TODAY - datetime.timedelta(days=1)


def hazard(enterprise, **extra):
    return Hazard.objects.create(
        enterprise=enterprise,
        region_id=enterprise.region_id,
        industry=enterprise.industry,
        description="x",
        found_at=TODAY,
        **extra,
    )


@pytest.fixture
def records(enterprises):
    return {
        "overdue": hazard(enterprises["A"], status="rectifying", deadline=YESTERDAY),
        "listed": hazard(enterprises["C"], level="major", listed_on=TODAY, deadline=TODAY),
        "done": hazard(enterprises["B"], status="rectified", rectified_at=TODAY, deadline=YESTERDAY),
        "elsewhere": hazard(enterprises["D"], status="rectifying", deadline=YESTERDAY),
    }


@pytest.fixture
def leader(bureau):
    return user_factory(role=Role.LEADER, org=bureau.organisation, username="leader")


def screen(user, **headers):
    client = Client()
    client.force_login(user)
    return client.get("/dashboard/screen/", headers=headers)


@pytest.mark.parametrize("persona", ["bureau", "leader"])
def test_bureau_staff_and_leaders_get_the_wall_display(request, persona, records):
    response = screen(request.getfixturevalue(persona))
    assert response.status_code == 200
    page = response.content.decode()
    assert "芙蓉区安全生产态势" in page and 'id="clock"' in page
    assert 'class="nav"' not in page  # no navigation chrome on a wall
    assert 'hx-trigger="every 60s"' in page


@pytest.mark.parametrize("persona", ["inspector", "street", "department", "enterprise_user", "admin"])
def test_other_roles_are_refused_like_the_dashboard(request, persona):
    assert screen(request.getfixturevalue(persona)).status_code == 403


def test_the_wall_display_needs_a_login(client):
    response = client.get("/dashboard/screen/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_htmx_polling_gets_the_panels_only(bureau, records):
    page = screen(bureau, **{"HX-Request": "true"}).content.decode()
    assert "<html" not in page and 'data-testid="headline"' in page


def test_the_big_numbers_are_the_dashboards(bureau, records):
    client = Client()
    client.force_login(bureau)
    cards = {c["key"]: c for c in client.get("/").context["cards"]}
    headline = screen(bureau).context["headline"]
    assert [c["key"] for c in headline] == [
        "hazards.found",
        "hazards.rectification_rate",
        "hazards.overdue",
        "hazards.listed",
        "inspections.count",
        "inspections.units",
    ]
    assert all(card == cards[card["key"]] for card in headline)
    assert cards["hazards.found"]["value"] == 3 and cards["hazards.overdue"]["value"] == 1


def test_the_funnel_is_found_rectified_closed_from_the_catalog(bureau, records):
    funnel = screen(bureau).context["funnel"]
    ytd = period_of(TODAY.year, "ytd", today=TODAY)
    keys = ["hazards.found", "hazards.rectified", "hazards.closed"]
    answer = stats_answer(query=Query(user=bureau, period=ytd), keys=keys)["indicators"]
    assert [step["value"] for step in funnel] == [answer[k]["value"] for k in keys] == [3, 1, 0]
    assert funnel[0]["url"].startswith("/hazards/?counted=1")


def test_accidents_by_kind_are_set_against_last_year(bureau):
    chart = screen(bureau).context["accident_chart"]
    assert chart["categories"] == ["生产安全事故", "道路交通事故", "火灾", "森林火灾"]
    assert [len(s["data"]) for s in chart["series"]] == [4, 4]


def test_the_watch_list_holds_open_listed_and_overdue_hazards_in_the_jurisdiction(bureau, records):
    watch = screen(bureau).context["watch"]
    assert watch == [records["listed"], records["overdue"]]  # listed first


def test_a_watch_list_full_of_listed_hazards_shows_no_unlisted_one(bureau, records, monkeypatch):
    from yingji.web import screen as screen_module

    monkeypatch.setattr(screen_module, "WATCH_ROWS", 1)
    assert screen(bureau).context["watch"] == [records["listed"]]


def test_the_watch_list_finds_its_rows_by_id_before_reading_them_whole(bureau, records):
    # Ordered and cut to eight, the ids alone come from the open listed hazards' covering
    # index; asked for whole rows at once, PostgreSQL intersected a county's region index.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from yingji.web.screen import _watch_list

    with CaptureQueriesContext(connection) as statements:
        watch = _watch_list(bureau, TODAY)
    assert [h.enterprise.name for h in watch] == [records["listed"].enterprise.name, records["overdue"].enterprise.name]  # fmt: skip
    first = statements.captured_queries[0]["sql"]
    assert first.startswith('SELECT "hazards_hazard"."id" AS "pk" FROM') and first.endswith("LIMIT 8")
