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
