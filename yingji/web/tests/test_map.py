"""The dashboard's map: every child region coloured by the stats catalog's number, each
number clicking through to as many records."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory
from yingji.hazards.models import Hazard
from yingji.regions.models import Region
from yingji.stats.catalog import Query
from yingji.stats.periods import period_of
from yingji.stats.selectors import stats_answer

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
DONGAN, WENYILU = "430102015", "430102001"


def hazard(enterprise, days_ago=0, **extra):
    return Hazard.objects.create(
        enterprise=enterprise,
        region_id=enterprise.region_id,
        industry=enterprise.industry,
        description="x",
        found_at=TODAY - datetime.timedelta(days=days_ago),
        **extra,
    )


@pytest.fixture
def records(enterprises):
    """东岸: two found, one rectified; 文艺路: one found, overdue; 天心区: one (not ours)."""
    hazard(enterprises["A"], status="rectified", rectified_at=TODAY)
    hazard(enterprises["B"])
    # Found this year (even on 1 January) and past its deadline.
    hazard(enterprises["C"], status="rectifying", deadline=TODAY - datetime.timedelta(days=1))
    hazard(enterprises["D"])


def map_of(user) -> tuple[dict | None, Client]:
    client = Client()
    client.force_login(user)
    return client.get("/").context.get("map"), client


def region(answer: dict, code: str) -> dict:
    return next(r for r in answer["regions"] if r["code"] == code)


def test_a_district_map_has_every_street_with_its_numbers(bureau, records):
    answer, _ = map_of(bureau)
    assert answer["geo_url"] == "/dashboard/geo/430102/" and answer["approximate"] is True
    assert {r["code"] for r in answer["regions"]} == set(
        Region.objects.filter(parent_id="430102").values_list("code", flat=True)
    )
    assert region(answer, DONGAN)["values"]["hazards.found"] == 2
    assert region(answer, DONGAN)["values"]["hazards.rectification_rate"] == 50
    assert region(answer, WENYILU)["values"]["hazards.overdue"] == 1
    quiet = region(answer, "430102013")["values"]  # 定王台: no records
    assert quiet["hazards.found"] == 0 and quiet["hazards.rectification_rate"] is None


def test_the_map_numbers_are_the_stats_catalogs(bureau, records):
    answer, _ = map_of(bureau)
    keys = [i["key"] for i in answer["indicators"]]
    ytd = period_of(TODAY.year, "ytd", today=TODAY)
    groups = stats_answer(query=Query(user=bureau, period=ytd), keys=keys, group_by="street")["groups"]
    for group in groups:
        assert region(answer, group["key"])["values"] == group["values"]


def test_a_street_on_the_map_clicks_through_to_as_many_hazards(bureau, records):
    answer, client = map_of(bureau)
    for code in (DONGAN, WENYILU):
        for key in ("hazards.found", "hazards.overdue"):
            listed = client.get(region(answer, code)["urls"][key]).context["counts"]["total"]
            assert listed == region(answer, code)["values"][key], (code, key)


def test_a_city_map_is_cut_into_counties(enterprises, records):
    city = user_factory(role=Role.BUREAU, region="4301", name="长沙市应急管理局")
    answer, _ = map_of(city)
    assert answer["geo_url"] == "/dashboard/geo/4301/" and answer["approximate"] is False
    assert region(answer, "430102")["values"]["hazards.found"] == 3
    assert region(answer, "430103")["values"]["hazards.found"] == 1  # 天心区
    assert "region=430103" in region(answer, "430103")["urls"]["hazards.found"]


def test_a_district_without_drawn_streets_says_so(outsider):
    answer, client = map_of(outsider)
    assert answer["geo_url"] is None
    assert "尚未绘制" in client.get("/").content.decode()


def test_the_indicator_select_offers_every_map_indicator(bureau):
    _, client = map_of(bureau)
    page = client.get("/").content.decode()
    for key in ("hazards.found", "hazards.rectification_rate", "hazards.overdue", "accidents.count"):
        assert f'<option value="{key}">' in page
    assert "街道边界为示意" in page
