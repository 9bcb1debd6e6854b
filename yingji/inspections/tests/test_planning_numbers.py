"""The plan's and draws' indicators against records built for them, the seed-style sentence and
the plan-behind-the-calendar problem."""

import datetime

import pytest

from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory
from yingji.core.industries import Industry
from yingji.enterprises.tests.factories import enterprise_factory
from yingji.inspections import planning_services as services
from yingji.inspections.tests.factories import inspection_factory
from yingji.reports.facts import Facts
from yingji.reports.parts import WORK_PARTS
from yingji.reports.problems import PROBLEM_FINDERS
from yingji.reports.wording import parse, render
from yingji.stats.catalog import CATALOG, Query
from yingji.stats.periods import Period

pytestmark = pytest.mark.django_db
D = datetime.date
YEAR = Period(D(2026, 1, 1), D(2026, 12, 31), "year")


@pytest.fixture
def records(bureau, outsider):
    """2026 plan of 芙蓉区: 4 major + 16 general construction enterprises (20). Inspected in 2026
    by supervisors: 2 major (one twice), 3 general; a self-check and an ungraded one do not count.
    Draws: two in 芙蓉区 (3 and 2 enterprises), one in 天心区 (1)."""
    major = [enterprise_factory(industry=Industry.CONSTRUCTION, risk_grade="major") for _ in range(4)]
    general = [enterprise_factory(industry=Industry.CONSTRUCTION, risk_grade="general") for _ in range(5)]
    ungraded = enterprise_factory(industry=Industry.CONSTRUCTION)
    user_factory(role=Role.INSPECTOR, org=bureau.organisation)
    services.plan_create(
        actor=bureau,
        year=2026,
        rows=[
            {"risk_grade": "major", "industry": "construction", "planned": 4},
            {"risk_grade": "general", "industry": "construction", "planned": 16},
        ],
    )
    for enterprise, day in [(major[0], D(2026, 3, 1)), (major[0], D(2026, 4, 1)), (major[1], D(2026, 5, 1))]:
        inspection_factory(actor=bureau, enterprise=enterprise, inspected_on=day)
    for enterprise in general[:3]:
        inspection_factory(actor=bureau, enterprise=enterprise, inspected_on=D(2026, 6, 1))
    inspection_factory(actor=bureau, enterprise=general[4], inspected_on=D(2026, 6, 1), type="self_check")
    inspection_factory(actor=bureau, enterprise=ungraded, inspected_on=D(2026, 6, 1))
    inspection_factory(actor=bureau, enterprise=major[2], inspected_on=D(2025, 6, 1))
    services.random_draw(actor=bureau, region="430102", enterprises=3, officers=1, seed=1)
    services.random_draw(actor=bureau, region="430102", enterprises=2, officers=0, seed=2)
    enterprise_factory(region="430103002")
    services.random_draw(actor=outsider, region="430103", enterprises=1, officers=0, seed=3)


def _value(user, key, period=YEAR, **filters):
    return CATALOG[key].value(Query(user=user, period=period, filters=filters))


def test_plan_indicators_by_risk_grade(bureau, records):
    assert _value(bureau, "plans.planned") == 20
    assert _value(bureau, "plans.inspected") == 5
    assert str(_value(bureau, "plans.progress")) == "25.0"
    assert _value(bureau, "plans.planned", risk_grade="major") == 4
    assert _value(bureau, "plans.inspected", risk_grade="major") == 2
    assert str(_value(bureau, "plans.progress", risk_grade="major")) == "50.0"
    assert str(_value(bureau, "plans.progress", risk_grade="general")) == "18.8"  # 3 / 16


def test_draw_indicators_within_the_jurisdiction(bureau, outsider, admin, records):
    assert (_value(bureau, "draws.count"), _value(bureau, "draws.enterprises")) == (2, 5)
    assert (_value(outsider, "draws.count"), _value(outsider, "draws.enterprises")) == (1, 1)
    assert _value(admin, "draws.enterprises") == 6


def test_the_seed_style_sentence(bureau, records):
    query = Query(user=bureau, period=YEAR)
    part = WORK_PARTS["work_enforcement_plan"]
    text = render(parse(part.default), part.numbers(Facts(query, query)))
    assert text == (
        "制定年度监督检查计划，计划检查企业20家，已完成5家，完成率25%；"
        "开展“双随机一公开”抽查2次，抽查企业5家。"
    )


def test_a_plan_behind_the_calendar_is_a_problem(bureau, records):
    # On 2026-06-30 181 of 365 days (49.6%) are gone; 25% is more than 10 points behind.
    query = Query(user=bureau, period=YEAR, as_of=D(2026, 6, 30))
    assert PROBLEM_FINDERS["enforcement_plan.behind"].find(Facts(query, query)) == [
        "年度监督检查计划执行进度滞后，计划检查企业完成率25%，落后于时间进度25个百分点。"
    ]


def test_a_plan_on_time_is_no_problem(bureau, records):
    # On 2026-04-10: 100 days, 27.4% of the year; 25% is within 10 points.
    query = Query(user=bureau, period=YEAR, as_of=D(2026, 4, 10))
    assert PROBLEM_FINDERS["enforcement_plan.behind"].find(Facts(query, query)) == []


def test_without_plan_or_draw_the_paragraph_is_left_out(bureau, records):
    query = Query(user=bureau, period=Period(D(2025, 1, 1), D(2025, 12, 31), "year"))
    part = WORK_PARTS["work_enforcement_plan"]
    numbers = part.numbers(Facts(query, query))
    assert numbers["plans"]["inspected"] in (1, "1")  # a major enterprise inspected in 2025
    assert not part.says_something(numbers)
