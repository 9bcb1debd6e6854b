"""The demo's preparedness: the 县乡村 teams with some short, experts, the district's plans with
one brought forward by a drill, drills in each of three years, the annual drill plan; and the
information officers' coverage read from the warnings demo's register."""

import datetime

import pytest

from yingji.accounts.models import User
from yingji.core import demo
from yingji.preparedness.models import Drill, DrillTarget, Expert, Plan, Team
from yingji.preparedness.selectors import shortfall, team_list

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 22)


def test_three_years_of_preparedness():
    demo.build(seed=7, size="small", today=TODAY, log=lambda _: None)
    bureau = User.objects.get(username="bureau")
    levels = set(Team.objects.values_list("level", flat=True))
    assert {"county", "township", "village", "social", "enterprise", "professional"} <= levels
    teams = list(team_list(user=bureau))
    assert any(shortfall(t) for t in teams) and not all(shortfall(t) for t in teams)
    assert Expert.objects.count() >= 20
    for year in (2024, 2025, 2026):
        assert Drill.objects.filter(held_on__year=year).count() >= 5
        assert DrillTarget.objects.filter(year=year).exists()
    assert not Drill.objects.filter(held_on__gt=TODAY).exists()
    assert Plan.objects.filter(needs_revision=True, drills__problems__gt="").exists()
    assert Plan.objects.filter(review_due__lt=TODAY).exists()
    assert all(p.measures_for("IV") for p in Plan.objects.filter(type="flood"))
