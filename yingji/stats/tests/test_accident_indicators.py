"""Accident indicators on known records: counts, deaths with the missing, injuries, loss, by kind."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from yingji.accidents.models import Accident
from yingji.stats.catalog import CATALOG, Query
from yingji.stats.periods import Period

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")
H1_2026 = Period(datetime.date(2026, 1, 1), datetime.date(2026, 6, 30), "half")


def accident(
    region, when, kind="production", *, deaths=0, missing=0, serious=0, minor=0, loss="0", grade="ordinary"
):
    at = datetime.datetime(*when, tzinfo=SHANGHAI)
    return Accident.objects.create(
        occurred_at=at,
        reported_at=at,
        region_id=region,
        place="x",
        kind=kind,
        category="01",
        industry="other",
        deaths=deaths,
        missing=missing,
        serious_injuries=serious,
        minor_injuries=minor,
        direct_loss=Decimal(loss),
        grade=grade,
        domain="other" if kind == "production" else "",
        summary="x",
    )


@pytest.fixture
def records(db):
    accident(
        "430102015", (2026, 1, 1, 0, 30), deaths=1, loss="120000.50"
    )  # just after midnight, Beijing time
    accident("430102015", (2026, 3, 5, 9, 0), deaths=2, missing=1, serious=2, grade="relatively_serious")
    accident("430102001", (2026, 6, 30, 23, 30), "road_traffic", deaths=1, minor=3)
    accident("430102001", (2026, 7, 1, 0, 10), deaths=5)  # the second half
    accident("430103002", (2026, 2, 1, 8, 0), deaths=9)  # 天心区


def value(key, user, **filters):
    return CATALOG[key].value(Query(user=user, period=H1_2026, filters=filters))


def test_accident_figures_for_the_first_half(bureau, records):
    assert value("accidents.count", bureau) == 3
    assert value("accidents.deaths", bureau) == 5  # dead and missing
    assert value("accidents.missing", bureau) == 1
    assert value("accidents.injuries", bureau) == 5
    assert value("accidents.direct_loss", bureau) == Decimal("120000.50")
    assert value("accidents.serious_or_above", bureau) == 1


def test_sliced_by_kind(bureau, records):
    assert value("accidents.count", bureau, kind="production") == 2
    assert value("accidents.deaths", bureau, kind="road_traffic") == 1


def test_a_street_sees_its_own_accidents(street, records):
    assert value("accidents.count", street) == 2
