"""The demo district's three years of accidents: plausible, consistent with the rules, fast."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from yingji.accidents import deadlines, grading
from yingji.accidents.choices import AccidentKind, UpdateKind
from yingji.accidents.models import Accident, AccidentReport, AccidentUpdate
from yingji.core import demo

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 22)


@pytest.fixture
def built():
    return demo.build(seed=7, size="small", today=TODAY, log=lambda _: None)


def per_year(kind: str) -> float:
    return Accident.objects.filter(kind=kind).count() / 3


def test_three_years_at_urban_district_rates(built):
    assert 3 <= per_year(AccidentKind.PRODUCTION) <= 6
    assert 20 <= per_year(AccidentKind.ROAD_TRAFFIC) <= 40
    assert 10 <= per_year(AccidentKind.FIRE) <= 25
    first, last = (
        d.date()
        for d in (
            Accident.objects.earliest("occurred_at").occurred_at,
            Accident.objects.latest("occurred_at").occurred_at,
        )
    )
    assert TODAY - datetime.timedelta(days=3 * 365 + 1) <= first and last < TODAY
    assert set(Accident.objects.values_list("region_id", flat=True)) <= set(built.shared["streets"])


def test_grades_and_figures_follow_the_rules(built):
    for accident in Accident.objects.prefetch_related("updates"):
        assert accident.grade == grading.grade(
            accident.deaths_and_missing, accident.serious_injuries, accident.direct_loss
        )
        updates = list(accident.updates.all())
        assert updates[0].kind == UpdateKind.INITIAL
        counting = [u for u in updates if u.counts]
        assert counting[-1].figures() == accident.figures()
        assert (accident.kind == AccidentKind.PRODUCTION) == bool(accident.domain)


def test_some_reports_are_late_and_some_figures_were_updated(built):
    assert Accident.objects.late().exists() and Accident.objects.on_time().exists()
    assert AccidentUpdate.objects.filter(kind=UpdateKind.UPDATE, counts=True).exists()
    after_window = AccidentUpdate.objects.get(kind=UpdateKind.UPDATE, counts=False)
    accident = after_window.accident
    assert not deadlines.within_update_window(
        accident.occurred_at, accident.kind, accident.domain, after_window.changed_on
    )
    assert accident.deaths < after_window.deaths


def test_production_accidents_are_mostly_one_death_or_injuries_only(built):
    production = Accident.objects.filter(kind=AccidentKind.PRODUCTION)
    assert all(a.deaths_and_missing <= 3 for a in production)
    assert production.filter(status="closed").exists()


def test_the_accidents_add_little_time_to_the_demo(built):
    """Written in bulk: a few statements, not a statement or more an accident (how long it
    takes is a benchmark's question, not a test's: a busy machine made this flaky)."""
    Accident.objects.all().delete()
    generator = next(g for g in demo.ordered() if g.name == "accidents")
    with CaptureQueriesContext(connection) as statements:
        generator.run(built)
    assert Accident.objects.count() > 100
    assert len(statements) <= 10  # 5 for 160 accidents: a bulk insert a table


def test_the_demo_reports_climb_the_chain_from_the_first_report(built):
    accident = Accident.objects.earliest("occurred_at")
    steps = accident.report_steps()
    assert [s.level for s in steps] == [level for level, _ in accident.report_chain]
    assert steps[0].report.made_at == accident.reported_at
    assert all(s.report is not None for s in steps)
    states = {s.state for a in Accident.objects.all() for s in a.report_steps()}
    assert states <= {"on_time", "late"} and "late" in states
    assert AccidentReport.objects.count() >= 2 * Accident.objects.count()
