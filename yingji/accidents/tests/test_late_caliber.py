"""迟报 (DOMAIN.md 0.7): the one-hour rule of Decree 493 Art. 9 covers production accidents, so
only they are counted late; a non-business road accident or fire reported hours later is not."""

import datetime

import pytest

from yingji.accidents.choices import AccidentKind
from yingji.accidents.tests.factories import accident_factory, beijing
from yingji.stats.catalog import CATALOG, Query
from yingji.stats.periods import Period

pytestmark = pytest.mark.django_db
MARCH = Period(datetime.date(2026, 3, 1), datetime.date(2026, 3, 31))


def late(user) -> int:
    return CATALOG["accidents.late"].value(Query(user=user, period=MARCH))


@pytest.mark.parametrize(
    ("kind", "counted"),
    [(AccidentKind.PRODUCTION, 1), (AccidentKind.ROAD_TRAFFIC, 0), (AccidentKind.FIRE, 0)],
)
def test_only_a_production_accident_reported_after_the_hour_is_late(bureau, kind, counted):
    accident_factory(
        actor=bureau, kind=kind, occurred_at=beijing(2026, 3, 1, 9, 0), reported_at=beijing(2026, 3, 1, 12, 0)
    )
    assert late(bureau) == counted


def test_a_production_accident_reported_within_the_hour_is_not_late(bureau):
    accident_factory(
        actor=bureau, occurred_at=beijing(2026, 3, 1, 9, 0), reported_at=beijing(2026, 3, 1, 10, 0)
    )
    assert late(bureau) == 0


def test_the_record_and_the_list_follow_the_same_rule(bureau):
    from yingji.accidents.models import Accident

    road = accident_factory(
        actor=bureau,
        kind=AccidentKind.ROAD_TRAFFIC,
        occurred_at=beijing(2026, 3, 1, 9, 0),
        reported_at=beijing(2026, 3, 1, 12, 0),
    )
    site = accident_factory(
        actor=bureau, occurred_at=beijing(2026, 3, 2, 9, 0), reported_at=beijing(2026, 3, 2, 12, 0)
    )
    assert (road.late, site.late) == (False, True)
    assert list(Accident.objects.late()) == [site]
    assert road in Accident.objects.on_time()
