"""The demo's three flood seasons: events with their reports, one or two flood responses a year
(Ⅳ, some raised to Ⅲ), evacuations by street, the register of about 200 people (a few
incomplete) with their ID numbers encrypted; the work summary says it."""

import datetime

import pytest

from yingji.core import demo
from yingji.emergency.models import Evacuation, Event, Response, SpecialPerson, complete_q
from yingji.stats.catalog import CATALOG, Query
from yingji.stats.periods import period_of

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 22)


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        from django.db import transaction

        with transaction.atomic():
            ctx = demo.build(seed=7, size="small", today=TODAY, log=lambda _: None)
            yield ctx
            transaction.set_rollback(True)


def test_three_flood_seasons(built):
    for year in (2024, 2025, 2026):
        assert 2 <= Event.objects.filter(occurred_at__year=year).count() <= 3
        assert 1 <= Response.objects.filter(started_at__year=year, type="flood").count() <= 2
        assert Evacuation.objects.filter(date__year=year).count() >= 4
    assert (
        Response.objects.filter(level="IV", changes__kind="raise").exists()
        or Response.objects.filter(changes__to_level="III").exists()
    )
    assert all(
        e.special_group_people <= e.people and e.returned_on > e.date for e in Evacuation.objects.all()
    )


def test_the_register(built):
    assert SpecialPerson.objects.count() == 200
    incomplete = SpecialPerson.objects.exclude(complete_q()).count()
    assert 1 <= incomplete <= 10
    assert all(len(p.id_number) == 18 for p in SpecialPerson.objects.all()[:20])


def test_the_numbers_the_summary_reads(built):
    from yingji.accounts.models import User

    bureau = User.objects.get(username="bureau")
    query = Query(user=bureau, period=period_of(2026, "year"))
    assert (
        CATALOG["responses.count"].value(
            Query(user=bureau, period=period_of(2026, "year"), filters={"level": "IV"})
        )
        >= 1
    )
    assert CATALOG["evacuations.people"].value(query) == sum(
        Evacuation.objects.filter(date__year=2026).values_list("people", flat=True)
    )
    assert CATALOG["special_groups.registered"].value(query) == 200
