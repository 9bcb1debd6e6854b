"""The demo's warnings: a contacts register for every street, three seasons of warnings with
their 条次, most 叫应 in time; built for today, a cold wave in force with the street account's
叫应 outstanding — so the street's and the duty officer's to-do lists have work."""

import pytest
from django.db import transaction
from django.utils import timezone

from yingji.accounts.models import User
from yingji.core import demo
from yingji.notifications.todo import todo_for
from yingji.stats.catalog import CATALOG, Query
from yingji.stats.periods import period_of
from yingji.warnings.models import Contact, EarlyWarning

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield demo.build(seed=7, size="small", today=timezone.localdate(), log=lambda _: None)
        transaction.set_rollback(True)


def test_the_register_and_three_seasons(built):
    streets = built.shared["streets"]
    assert Contact.objects.filter(region_id__in=streets).count() == 5 * len(streets)
    assert Contact.objects.filter(user__username="street").count() == 1
    bureau = User.objects.get(username="bureau")
    for year in range(timezone.localdate().year - 2, timezone.localdate().year + 1):
        query = Query(user=bureau, period=period_of(year, "year"))
        assert CATALOG["warnings.issued"].value(query) >= 10
        assert 80 <= CATALOG["warnings.ack_rate"].value(query) < 100


def test_todays_cold_wave_waits_for_the_street(built):
    warning = EarlyWarning.objects.get(status="in_force")
    assert warning.type == "cold_wave"
    assert [i.kind for i in todo_for(User.objects.get(username="street")) if i.kind.startswith("warning")] == ["warning_ack"]  # fmt: skip
    calls = [i for i in todo_for(User.objects.get(username="duty")) if i.kind == "warning_call"]
    assert len(calls) >= 1
