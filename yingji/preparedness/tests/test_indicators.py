"""Every preparedness indicator against records built for it, the seed-style sentence and the
problems it finds."""

import datetime

import pytest

from yingji.preparedness.tests.factories import DONGAN, WENYILU, drill, officer, plan, team
from yingji.reports.facts import Facts, as_of_label
from yingji.reports.parts import WORK_PARTS
from yingji.reports.problems import PROBLEM_FINDERS
from yingji.reports.wording import parse, render
from yingji.stats.catalog import CATALOG, Query
from yingji.stats.periods import period_of
from yingji.warnings.models import Contact

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(bureau, street, outsider):
    """2026: drills of 120 (district) and 80 (东岸) people, 2025: one of 50; 天心区: one of 300.
    Teams: the district's county team of 52 (founded 2024), 东岸's township team of 12 (short by
    18, founded 2026-03), a social team of 3 (2025); 天心区 a county team of 1.
    Plans: approved 2023-01-10 and filed 2023-02 (review overdue from 2026-01-10), approved and
    filed 2026-04; a 2025 plan not filed. Experts: 2 joined 2025, 1 in 2026.
    Officers (registered 2025-03): 东岸 A+B; 文艺路 A only."""
    drill(bureau, day="2026-06-10", participants=120)
    drill(street, day="2026-05-12", participants=80, region=DONGAN)
    drill(bureau, day="2025-06-10", participants=50)
    drill(outsider, day="2026-06-10", participants=300, region="430103")
    team(
        bureau,
        name="芙蓉区应急抢险突击队",
        level="county",
        region="430102",
        members=52,
        founded_on="2024-04-01",
    )
    team(street, members=12, founded_on="2026-03-01")
    team(bureau, name="蓝天救援队", level="social", region="430102", members=3, founded_on="2025-01-01")
    team(outsider, name="天心区突击队", level="county", region="430103", members=1, founded_on="2024-01-01")
    plan(bureau, title="总体预案", approved_on="2023-01-10", filed_on="2023-02-01")
    plan(bureau, title="防汛预案", approved_on="2026-04-01", filed_on="2026-04-20")
    plan(bureau, title="地震预案", approved_on="2025-04-01")
    from yingji.preparedness import services

    for name, joined in (("甲", "2025-01-01"), ("乙", "2025-02-01"), ("丙", "2026-02-01")):
        services.expert_create(actor=bureau, values={"name": name, "field": "flood", "phone": "13800001111",
                                                     "region_code": "430102", "joined_on": joined})  # fmt: skip
    officer(DONGAN, "A")
    officer(DONGAN, "B")
    officer(WENYILU, "A")
    Contact.objects.update(created_at=datetime.datetime(2025, 3, 1, tzinfo=datetime.UTC))


def _value(user, key, year=2026, **filters):
    return CATALOG[key].value(Query(user=user, period=period_of(year, "year"), filters=filters))


@pytest.mark.parametrize(
    ("key", "expected", "expected_2025"),
    [
        ("drills.count", 2, 1),
        ("drills.participants", 200, 50),
        ("teams.count", 3, 2),  # state at the period's end: 东岸's team was founded in 2026
        ("teams.members", 67, 55),
        ("teams.short", 1, 0),  # 东岸 12 < 30; the social team has no minimum
        ("experts.count", 3, 2),
        ("plans.filed", 1, 0),
        ("plans.review_overdue", 1, 0),  # 总体预案 due 2026-01-10
        ("info_officers.covered", 1, 1),
        ("info_officers.uncovered", 13, 13),
        ("info_officers.without_b", 13, 13),
    ],
)
def test_indicators_count_what_was_built(bureau, records, key, expected, expected_2025):
    assert _value(bureau, key) == expected
    assert _value(bureau, key, year=2025) == expected_2025


def test_teams_short_are_the_three_levels_below_their_minimum(bureau, records):
    assert _value(bureau, "teams.short", level="township") == 1
    assert _value(bureau, "teams.short", level="social") == 0


def test_officers_registered_after_the_period_do_not_count(bureau, records):
    officer(WENYILU, "B")  # registered today, in 2026
    assert _value(bureau, "info_officers.covered") == 2
    assert _value(bureau, "info_officers.covered", year=2025) == 1
    assert _value(bureau, "info_officers.covered", year=2024) == 0


def test_scoping_and_dimensions(street, outsider, bureau, records):
    assert _value(street, "drills.count") == 1
    assert _value(street, "teams.members") == 12
    assert _value(street, "info_officers.covered") == 1
    assert _value(street, "info_officers.uncovered") == 0
    assert _value(outsider, "drills.participants") == 300
    assert _value(outsider, "teams.short") == 1
    assert _value(bureau, "drills.count", type="combined") == 2
    assert _value(bureau, "teams.count", level="county") == 1


def test_the_seed_style_sentence(bureau, records):
    query = Query(user=bureau, period=period_of(2026, "year"))
    part = WORK_PARTS["work_preparedness"]
    text = render(parse(part.default), part.numbers(Facts(query, query)))
    assert text == (
        "组建县乡村三级应急抢险队伍2支64人，完成1个乡镇（街道）灾害信息员A、B角设置；"
        "修订完善各类应急预案1部，开展应急演练2次、200余人参加。"
    )


def test_the_sentence_leaves_out_the_officers_when_none_is_set(bureau, records):
    Contact.objects.all().delete()
    query = Query(user=bureau, period=period_of(2026, "year"))
    part = WORK_PARTS["work_preparedness"]
    text = render(parse(part.default), part.numbers(Facts(query, query)))
    assert (
        text == "组建县乡村三级应急抢险队伍2支64人，修订完善各类应急预案1部，开展应急演练2次、200余人参加。"
    )


def test_the_problems_found(bureau, records):
    query = Query(user=bureau, period=period_of(2026, "year"))
    facts = Facts(query, query)
    finders = PROBLEM_FINDERS
    day = as_of_label(query.cutoff)
    assert finders["plans.review_overdue"].find(facts) == [
        f"应急预案修订不够及时，{day}，仍有1部应急预案超过评估修订期限未修订。"
    ]
    assert finders["info_officers.without_b"].find(facts) == [
        f"基层灾害信息员队伍不够健全，{day}，仍有13个乡镇（街道）未设置灾害信息员B角。"
    ]
