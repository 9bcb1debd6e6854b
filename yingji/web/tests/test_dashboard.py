"""The bureau's dashboard: numbers from the stats catalog that click through to their records."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from yingji.accounts.tests.factories import web_login
from yingji.hazards.models import Hazard

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def hazard(enterprise, days_ago, **extra):
    found = TODAY - datetime.timedelta(days=days_ago)
    return Hazard.objects.create(
        enterprise=enterprise,
        region_id=enterprise.region_id,
        industry=enterprise.industry,
        description="x",
        found_at=found,
        **extra,
    )


@pytest.fixture
def records(enterprises):
    a, c = enterprises["A"], enterprises["C"]
    this_year = min(TODAY.timetuple().tm_yday - 1, 40)
    hazard(a, this_year, status="rectified", rectified_at=TODAY)
    hazard(a, this_year, status="rectifying", deadline=TODAY - datetime.timedelta(days=1))
    hazard(c, 0, level="major", listed_on=TODAY)
    hazard(c, 0, status="cancelled")
    hazard(enterprises["D"], 0)


def test_every_hazard_card_clicks_through_to_as_many_records(bureau, records):
    client = Client()
    web_login(client, "bureau")
    cards = client.get("/").context["cards"]
    hazard_cards = [c for c in cards if c["key"].startswith("hazards.") and not c["unit"] == ""]
    assert {c["key"] for c in hazard_cards} >= {
        "hazards.found",
        "hazards.rectified",
        "hazards.overdue",
        "hazards.listed",
    }
    for card in hazard_cards:
        listed = client.get(card["url"]).context["counts"]["total"]
        assert listed == card["value"], card


def test_the_dashboard_is_for_bureau_and_leaders_only(street, bureau, records):
    client = Client()
    web_login(client, "street")
    assert "cards" not in client.get("/").context
    client = Client()
    web_login(client, "bureau")
    values = {c["key"]: c["value"] for c in client.get("/").context["cards"]}
    assert values["hazards.found"] == 3 and values["hazards.rectification_rate"] == "33.3%"


@pytest.mark.parametrize(
    ("region", "listed"),
    [("43", "city"), ("4301", "county"), ("430102", "street"), ("430102015", "street"), ("", "city")],
)
def test_the_table_of_parts_lists_the_regions_children(region, listed):
    """A province's bureau reads its cities, a city's its counties, a county's its streets (the
    map's level); never the two thousand streets of a province."""
    from yingji.accounts.choices import Role
    from yingji.accounts.tests.factories import user_factory
    from yingji.web.dashboard import parts_level

    role = Role.ADMIN if not region else Role.BUREAU
    user = user_factory(role=role, username=f"u{region}", **({"region": region} if region else {}))
    assert parts_level(user) == listed


def test_a_city_bureaus_dashboard_lists_its_counties(db):
    from yingji.accounts.choices import Role
    from yingji.accounts.tests.factories import user_factory

    user_factory(role=Role.BUREAU, username="city", region="4301", name="长沙市应急管理局")
    client = Client()
    web_login(client, "city")
    page = client.get("/").content.decode()
    assert "<h2>县（区）</h2>" in page and "<th>县（区）</th>" in page  # not 街道（乡镇）
    assert '<span class="value">9</span><span class="label">县（区）</span>' in page  # 长沙's nine
