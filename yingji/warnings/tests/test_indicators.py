"""Every warning indicator against records built for it: 条次 count the issue and each change of
level, never the lift; people reached count 人次 per step; the 叫应 rates; the work-summary
paragraph and its problem."""

import pytest
from django.utils import timezone

from yingji.accidents.tests.factories import beijing
from yingji.stats.catalog import CATALOG, Query
from yingji.stats.periods import period_of
from yingji.warnings import services
from yingji.warnings.models import Recipient
from yingji.warnings.tests.conftest import DONGAN, WENYILU, ahead

pytestmark = pytest.mark.django_db


def _issue(actor, level, regions, at, **kw):
    return services.issue(
        actor=actor, type=kw.pop("type", "rainstorm"), level=level, region_codes=regions, valid_from=at,
        valid_to=kw.pop("valid_to", ahead()), content="强降雨", source="meteorology", issued_at=at, **kw,
    )  # fmt: skip


@pytest.fixture
def records(duty, street, people, outsider):
    """2026: A, rainstorm orange to both streets (6-20), raised to red (6-21), lowered to yellow
    (6-22), 张三 acknowledges late, lifted (6-23); B, flash-flood blue to 东岸 (7-02); C, blue
    to 文艺路 now, 赵六's 叫应 recorded on the phone at once. 2025: one yellow. 天心区: one."""
    a = _issue(duty, "orange", [DONGAN, WENYILU], beijing(2026, 6, 20, 8, 0))
    services.change_level(actor=duty, warning=a, level="red", at=beijing(2026, 6, 21, 8, 0))
    services.change_level(actor=duty, warning=a, level="yellow", at=beijing(2026, 6, 22, 8, 0))
    services.acknowledge(actor=street, warning=a)
    services.lift(actor=duty, warning=a, at=beijing(2026, 6, 23, 8, 0))
    _issue(duty, "blue", [DONGAN], beijing(2026, 7, 2, 8, 0), type="flash_flood")
    c = _issue(duty, "blue", [WENYILU], None)
    services.acknowledge(actor=duty, warning=c, recipient_id=Recipient.objects.get(warning=c).pk)
    _issue(duty, "yellow", [DONGAN], beijing(2025, 7, 1, 8, 0))
    _issue(outsider, "red", ["430103002"], beijing(2026, 6, 1, 8, 0))


def _value(user, key, year=2026, **filters):
    return CATALOG[key].value(Query(user=user, period=period_of(year, "year"), filters=filters))


@pytest.mark.parametrize(
    ("key", "filters", "expected"),
    [
        ("warnings.issued", {}, 5),  # A issued, raised, lowered (the lift is no 条次); B; C
        ("warnings.issued", {"level": "red"}, 1),
        ("warnings.issued", {"level": "orange"}, 1),
        ("warnings.issued", {"level": "blue"}, 2),
        ("warnings.issued", {"type": "flash_flood"}, 1),
        ("warnings.reached", {}, 12),  # A: 3 steps × 3 people; B: 2 in 东岸; C: 1 in 文艺路
        ("warnings.acknowledged", {}, 4),  # 张三 for A's three steps, 赵六 for C
        ("warnings.acknowledged_in_time", {}, 1),  # only C's was within 30 minutes
        ("warnings.ack_rate", {}, pytest.approx(33.3)),
        ("warnings.ack_in_time_rate", {}, pytest.approx(8.3)),
    ],
)
def test_indicators_count_what_was_built(bureau, records, key, filters, expected):
    assert float(_value(bureau, key, **filters)) == expected


def test_other_years_and_jurisdictions(bureau, street, outsider, records):
    assert _value(bureau, "warnings.issued", year=2025) == 1
    assert _value(street, "warnings.reached") == 8  # A's six in 东岸, B's two
    assert _value(outsider, "warnings.issued") == 1
    assert _value(outsider, "warnings.reached") == 0  # nobody in 天心区's register


def test_the_work_summary_paragraph_and_problem(bureau, records):
    from yingji.reports.summary import build_summary

    doc = build_summary(
        user=bureau, region_code="430102", year=2026, period_code="year", as_of=timezone.localdate()
    )
    text = " ".join(p for _h, paragraphs in doc.sections for p in paragraphs)
    assert (
        "及时发布预警信息5条次（其中红色预警1条次、橙色预警1条次），通过“预警叫应”直达基层责任人12人次，叫应率33.3%。"
        in text
    )
    assert "预警叫应落实不够到位，8人次未叫应、3人次超时叫应，按时叫应率仅为8.3%。" in text


def test_no_warning_no_paragraph(bureau, people):
    from yingji.reports.summary import build_summary

    doc = build_summary(
        user=bureau, region_code="430102", year=2026, period_code="year", as_of=timezone.localdate()
    )
    text = " ".join(p for _h, paragraphs in doc.sections for p in paragraphs)
    assert "预警信息" not in text and "预警叫应" not in text
