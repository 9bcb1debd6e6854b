"""The demo's plans (one a year for three years) and about ten 双随机 draws a year, each
reproducible from its recorded seed over the demo registry."""

import datetime

import pytest

from yingji.core import demo
from yingji.inspections import planning_services as services
from yingji.inspections.planning_models import EnforcementPlan, RandomDraw

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 22)


def test_three_years_of_plans_and_draws():
    demo.build(seed=7, size="small", today=TODAY, log=lambda _: None)
    assert sorted(EnforcementPlan.objects.values_list("year", flat=True)) == [2024, 2025, 2026]
    plan = EnforcementPlan.objects.get(year=2026)
    totals = services.progress_totals(services.plan_progress(plan, until=TODAY))
    assert totals["planned"] > 0 and 0 < totals["inspected"] <= totals["planned"]
    assert 8 <= RandomDraw.objects.filter(drawn_on__year=2025).count() <= 10
    for record in RandomDraw.objects.all()[:5]:
        pool = list(services.candidates(region=record.region_id).values_list("id", flat=True))
        assert services.draw(pool, record.enterprise_count, record.seed) == record.enterprise_ids
