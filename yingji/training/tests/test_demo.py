"""The demo's three years of training and publicity: events of every year with the seed
reports' two days (5·12, 安全生产月), monthly exam sittings, communities named and in creation."""

import datetime

import pytest

from yingji.core import demo
from yingji.training.models import DemoCommunity, Exam, TrainingEvent

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 22)


def test_three_years_of_training_and_publicity():
    demo.build(seed=7, size="small", today=TODAY, log=lambda _: None)
    for year in (2024, 2025, 2026):
        events = TrainingEvent.objects.filter(held_on__year=year)
        assert events.filter(kind__in=["training", "lecture"]).count() >= 20
        assert events.filter(kind="disaster_day", held_on=datetime.date(year, 5, 12)).exists()
        assert events.filter(kind="safety_month").exists()
        assert Exam.objects.filter(held_on__year=year).count() >= 10
    assert not TrainingEvent.objects.filter(held_on__gt=TODAY).exists()
    assert all(e.passed <= e.candidates for e in Exam.objects.all())
    assert set(DemoCommunity.objects.values_list("status", flat=True)) == {"named", "creating"}
