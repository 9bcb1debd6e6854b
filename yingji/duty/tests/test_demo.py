"""The demo's duty desk: three years of a 24-hour roster with a leader on duty on every shift,
strengthened on holidays and in June–July, the last 90 days handed over; built for today, one
night in the coming week without anyone on it, a gap in the roster keeper's to-do."""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone

from yingji.accounts.models import User
from yingji.core import demo
from yingji.duty.coverage import coverage
from yingji.duty.models import Handover, LogEntry, Shift
from yingji.notifications.todo import todo_for

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield demo.build(seed=7, size="small", today=timezone.localdate(), log=lambda _: None)
        transaction.set_rollback(True)


def test_a_roster_around_the_clock(built):
    today = timezone.localdate()
    last_year = datetime.date(today.year - 1, 1, 1), datetime.date(today.year - 1, 12, 31)
    assert coverage(Shift.objects.all(), built.district, *last_year).complete
    assert coverage(Shift.objects.all(), built.district, *last_year).holidays_not_strengthened == []
    assert not Shift.objects.filter(leader__isnull=True).exists()
    assert Shift.objects.filter(strengthened=True, officers__isnull=False).count() > 0
    assert Handover.objects.count() >= 170 and LogEntry.objects.count() > 500


def test_a_gap_in_the_coming_week(built):
    gaps = [i for i in todo_for(User.objects.get(username="bureau")) if i.kind == "duty_gap"]
    assert len(gaps) == 1 and timezone.localtime(gaps[0].due).hour == 20
