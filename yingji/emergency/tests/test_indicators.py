"""Every emergency indicator against records built for it, the work-summary paragraph in the
seeds' words, and its problems (incomplete 四个一, late information reports)."""

import pytest
from django.utils import timezone

from yingji.accidents.tests.factories import beijing
from yingji.emergency import responses, services, special
from yingji.emergency.tests.conftest import DISTRICT, DONGAN, WENYILU
from yingji.stats.catalog import CATALOG, Query
from yingji.stats.periods import period_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(bureau, street, other_street, outsider, shelter):
    """2026: a flood (东岸, 6-20) reported by phone in time and in writing late; a landslide (文艺路,
    7-02) reported on time. Flood response 1 Ⅳ (6-20) raised to Ⅲ (6-21) then lowered to Ⅳ
    (6-22); flood response 2 Ⅳ (7-10); a geological response Ⅳ (7-02). Evacuations 40 (6 special)
    in 东岸 and 25 (2) in 文艺路; 2025: one evacuation of 100 and a flood Ⅳ. Three members: two
    complete. Shelters: 东岸小学 300 and 文艺路中学 500. 天心区: one event, one evacuation."""
    flood = services.event_create(actor=bureau, type="flood", title="东岸内涝", place="东岸路", region_code=DONGAN, occurred_at=beijing(2026, 6, 20, 8, 0))  # fmt: skip
    services.report_add(
        actor=bureau, event=flood, kind="first", channel="phone", made_at=beijing(2026, 6, 20, 8, 20)
    )
    services.report_add(
        actor=bureau, event=flood, kind="first", channel="written", made_at=beijing(2026, 6, 20, 9, 20)
    )
    slide = services.event_create(actor=bureau, type="geological", title="文艺路滑坡", place="山脚", region_code=WENYILU, occurred_at=beijing(2026, 7, 2, 8, 0))  # fmt: skip
    services.report_add(
        actor=bureau, event=slide, kind="first", channel="phone", made_at=beijing(2026, 7, 2, 8, 10)
    )
    r1 = responses.response_start(actor=bureau, type="flood", level="IV", region_code=DISTRICT, started_at=beijing(2026, 6, 20, 10, 0))  # fmt: skip
    responses.response_change_level(actor=bureau, response=r1, level="III", at=beijing(2026, 6, 21, 6, 0))
    responses.response_change_level(actor=bureau, response=r1, level="IV", at=beijing(2026, 6, 22, 6, 0))
    responses.response_end(actor=bureau, response=r1, at=beijing(2026, 6, 23, 6, 0))
    responses.response_start(actor=bureau, type="flood", level="IV", region_code=DISTRICT, started_at=beijing(2026, 7, 10, 10, 0))  # fmt: skip
    responses.response_start(actor=bureau, type="geological", level="IV", region_code=DISTRICT, started_at=beijing(2026, 7, 2, 10, 0))  # fmt: skip
    old = responses.response_start(actor=bureau, type="flood", level="IV", region_code=WENYILU, started_at=beijing(2025, 6, 1, 10, 0))  # fmt: skip
    responses.response_end(actor=bureau, response=old, at=beijing(2025, 6, 2, 10, 0))
    services.evacuation_create(actor=street, region_code=DONGAN, date="2026-06-20", people=40, special_group_people=6, event_id=flood.pk)  # fmt: skip
    services.evacuation_create(actor=other_street, region_code=WENYILU, date="2026-07-02", people=25, special_group_people=2)  # fmt: skip
    services.evacuation_create(actor=bureau, region_code=DONGAN, date="2025-07-01", people=100)
    services.shelter_create(
        actor=bureau, name="文艺路中学", region_code=WENYILU, place="文艺路", capacity=500
    )
    complete = {"responsible_person": "李", "route": "北", "shelter": shelter.pk, "contact": "138"}
    special.person_create(
        actor=street, region_code=DONGAN, name="甲", category="sick", risk_area="low_lying", **complete
    )
    special.person_create(actor=street, region_code=DONGAN, name="乙", category="children", risk_area="flash_flood", **complete)  # fmt: skip
    special.person_create(
        actor=other_street, region_code=WENYILU, name="丙", category="sick", risk_area="geological"
    )
    services.event_create(actor=outsider, type="flood", title="天心", place="x", region_code="430103", occurred_at=beijing(2026, 6, 1, 8, 0))  # fmt: skip
    services.evacuation_create(actor=outsider, region_code="430103002", date="2026-06-01", people=9)


def _value(user, key, year=2026, **filters):
    return CATALOG[key].value(Query(user=user, period=period_of(year, "year"), filters=filters))


@pytest.mark.parametrize(
    ("key", "filters", "expected"),
    [
        ("events.count", {}, 2),
        ("events.count", {"type": "flood"}, 1),
        ("event_reports.late", {}, 1),
        ("responses.count", {}, 4),  # flood Ⅳ twice, Ⅲ once (the lowering starts nothing), geological Ⅳ
        ("responses.count", {"type": "flood", "level": "IV"}, 2),
        ("responses.count", {"type": "flood", "level": "III"}, 1),
        ("responses.count", {"type": "geological"}, 1),
        ("evacuations.people", {}, 65),
        ("evacuations.special_group_people", {}, 8),
        ("evacuations.people", {"event_type": "flood"}, 40),
        ("special_groups.registered", {}, 3),
        ("special_groups.complete", {}, 2),
        ("special_groups.registered", {"category": "sick"}, 2),
        ("shelters.capacity", {}, 800),
    ],
)
def test_indicators_count_what_was_built(bureau, records, key, filters, expected):
    assert _value(bureau, key, **filters) == expected


def test_other_years_and_jurisdictions(bureau, street, outsider, records):
    assert _value(bureau, "evacuations.people", year=2025) == 100
    assert _value(bureau, "responses.count", year=2025, level="IV") == 1
    assert _value(street, "evacuations.people") == 40
    assert _value(street, "special_groups.registered") == 2
    assert _value(street, "shelters.capacity") == 300
    assert _value(outsider, "evacuations.people") == 9
    assert _value(outsider, "special_groups.registered") == 0
    assert _value(bureau, "special_groups.registered", year=2025) == 0  # registered in 2026


def test_the_work_summary_paragraph_and_problems(bureau, records):
    from yingji.reports.summary import build_summary

    today = timezone.localdate()
    doc = build_summary(user=bureau, region_code="430102", year=2026, period_code="year", as_of=today)
    text = " ".join(p for _h, paragraphs in doc.sections for p in paragraphs)
    assert (
        "启动防汛应急响应Ⅳ级2次、Ⅲ级1次，应急避险转移65人（其中特殊群体8人），排查受地质灾害、山洪等影响的特殊群体3人。"
        in text
    )
    assert (
        f"特殊群体临灾转移“四个一”落实不到位，截至{today.month}月{today.day}日，"
        "仍有1人未明确责任人、转移路线、安置点或联系方式。" in text
    )
    assert "突发事件信息报送不够及时，有1次信息报送超过时限。" in text
