"""Every training indicator against records built for it, and the seed-style sentence."""

import pytest

from yingji.reports.facts import Facts
from yingji.reports.parts import WORK_PARTS
from yingji.reports.wording import parse, render
from yingji.stats.catalog import CATALOG, Query
from yingji.stats.periods import period_of
from yingji.training import services
from yingji.training.report_parts import wan_copies

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(bureau, street, outsider):
    """2026 in 芙蓉区: training 3 sessions/150 people, a lecture 1/80 with 500 copies, 宣讲 4
    sessions/200 people/1,500 copies, 防灾减灾日 1 session with 8,000 copies, 五进 6 sessions
    with 12,000 copies; exams 40 sat 35 passed, 60 sat 50 passed. 2025: one training 2/90, an
    exam 30/20. Communities: named 2024 (national), named 2026 (city), one being created.
    天心区: a training 9/900 in 2026."""
    for user, kind, day, sessions, people, copies, region in (
        (bureau, "training", "2026-03-05", 3, 150, 0, "430102"),
        (street, "lecture", "2026-04-10", 1, 80, 500, "430102015"),
        (street, "talk", "2026-05-12", 4, 200, 1500, "430102015"),
        (bureau, "disaster_day", "2026-05-12", 1, 0, 8000, "430102"),
        (bureau, "five_into", "2026-06-16", 6, 0, 12000, "430102"),
        (bureau, "training", "2025-03-05", 2, 90, 0, "430102"),
        (outsider, "training", "2026-03-05", 9, 900, 0, "430103"),
    ):
        services.event_create(actor=user, values={"kind": kind, "title": "t", "held_on": day, "sessions": sessions,
                                                  "participants": people, "materials": copies, "region_code": region})  # fmt: skip
    for day, sat, passed in (("2026-04-01", 40, 35), ("2026-09-01", 60, 50), ("2025-09-01", 30, 20)):
        services.exam_create(actor=bureau, values={"held_on": day, "operation": "welding", "region_code": "430102",
                                                   "candidates": sat, "passed": passed})  # fmt: skip
    for name, values in (("A社区", {"status": "named", "level": "national", "named_year": 2024}),
                         ("B社区", {"status": "named", "level": "city", "named_year": 2026}), ("C社区", {})):  # fmt: skip
        services.community_create(actor=street, values={"name": name, "region_code": "430102015",
                                                        "started_on": "2023-01-01", **values})  # fmt: skip


def _value(user, key, year=2026, **filters):
    return CATALOG[key].value(Query(user=user, period=period_of(year, "year"), filters=filters))


@pytest.mark.parametrize(
    ("key", "expected", "expected_2025"),
    [
        ("trainings.sessions", 4, 2),  # training and lectures only
        ("trainings.participants", 230, 90),
        ("publicity.events", 11, 0),  # 宣讲, 防灾减灾日, 五进
        ("publicity.materials", 22000, 0),  # copies at any event
        ("exams.candidates", 100, 30),
        ("exams.passed", 85, 20),
        ("communities.named", 2, 1),  # cumulative: named by the period's year
    ],
)
def test_indicators_count_what_was_built(bureau, records, key, expected, expected_2025):
    assert _value(bureau, key) == expected
    assert _value(bureau, key, year=2025) == expected_2025


def test_scoping_and_dimensions(street, outsider, records, bureau):
    assert _value(street, "trainings.sessions") == 1
    assert _value(outsider, "trainings.participants") == 900
    assert _value(bureau, "publicity.events", kind="five_into") == 6


def test_the_seed_style_sentence(bureau, records):
    query = Query(user=bureau, period=period_of(2026, "year"))
    part = WORK_PARTS["work_training"]
    text = render(parse(part.default), part.numbers(Facts(query, query)))
    assert (
        text == "开展安全培训讲座4场、230人次；组织宣传活动11场次，发放宣传资料2.2万份；特种作业考试100人次。"
    )


@pytest.mark.parametrize(("copies", "text"), [(200000, "20"), (3500, "0.35"), (22000, "2.2"), (0, "0")])
def test_copies_in_ten_thousands(copies, text):
    assert wan_copies(copies) == text
