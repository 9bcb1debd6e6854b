"""Reporting (Arts. 9–10), investigation (Art. 29) and casualty-update (Art. 13) deadlines."""

import datetime

import pytest

from yingji.accidents import deadlines
from yingji.accidents.choices import AccidentDomain, AccidentGrade, AccidentKind, ReportLevel
from yingji.accidents.tests.factories import beijing

OCCURRED = beijing(2026, 3, 1, 9, 0)
H = datetime.timedelta(hours=1)


def test_the_unit_reports_to_the_county_within_one_hour():
    assert deadlines.report_deadline(OCCURRED) == beijing(2026, 3, 1, 10, 0)


@pytest.mark.parametrize(
    ("grade", "levels"),
    [
        (AccidentGrade.ORDINARY, ["county", "city"]),
        (AccidentGrade.RELATIVELY_SERIOUS, ["county", "city", "province"]),
        (AccidentGrade.SERIOUS, ["county", "city", "province", "state_council"]),
        (AccidentGrade.EXTRAORDINARILY_SERIOUS, ["county", "city", "province", "state_council"]),
    ],
)
def test_the_report_climbs_as_high_as_the_grade_requires(grade, levels):
    chain = deadlines.report_chain(OCCURRED, grade)
    assert [level for level, _ in chain] == levels


def test_each_level_passes_the_report_up_within_two_hours():
    chain = dict(deadlines.report_chain(OCCURRED, AccidentGrade.SERIOUS))
    assert chain[ReportLevel.COUNTY] == OCCURRED + 1 * H
    assert chain[ReportLevel.CITY] == OCCURRED + 3 * H
    assert chain[ReportLevel.PROVINCE] == OCCURRED + 5 * H
    assert chain[ReportLevel.STATE_COUNCIL] == OCCURRED + 7 * H


def test_a_report_on_the_hour_is_on_time_and_a_minute_later_is_late():
    assert not deadlines.is_late(OCCURRED, OCCURRED + H)
    assert deadlines.late_by(OCCURRED, OCCURRED + H) is None
    assert deadlines.is_late(OCCURRED, OCCURRED + H + datetime.timedelta(seconds=1))
    assert deadlines.late_by(OCCURRED, OCCURRED + 3 * H) == 2 * H


def test_the_investigation_reports_within_60_days_plus_one_extension():
    assert deadlines.investigation_deadline(OCCURRED) == datetime.date(2026, 4, 30)
    assert deadlines.investigation_deadline(OCCURRED, 60) == datetime.date(2026, 6, 29)


def test_days_are_beijing_days():
    # 00:30 on 2 March in Beijing is still 1 March in UTC: the window counts from 2 March.
    just_after_midnight = beijing(2026, 3, 2, 0, 30)
    assert deadlines.occurred_on(just_after_midnight) == datetime.date(2026, 3, 2)
    assert deadlines.update_window_end(
        just_after_midnight, AccidentKind.PRODUCTION, "other"
    ) == datetime.date(2026, 4, 1)


@pytest.mark.parametrize(
    ("kind", "domain", "days"),
    [
        (AccidentKind.PRODUCTION, AccidentDomain.CONSTRUCTION, 30),
        (AccidentKind.PRODUCTION, AccidentDomain.INDUSTRY_MINING_COMMERCE, 30),
        (AccidentKind.PRODUCTION, AccidentDomain.ROAD_TRANSPORT, 7),
        (AccidentKind.PRODUCTION, AccidentDomain.FIRE, 7),
        (AccidentKind.ROAD_TRAFFIC, "", 7),
        (AccidentKind.FIRE, "", 7),
        (AccidentKind.FOREST_FIRE, "", 30),
        (AccidentKind.NATURAL_DISASTER, "", 30),
    ],
)
def test_the_update_window_is_7_days_for_road_traffic_and_fire_and_30_otherwise(kind, domain, days):
    assert deadlines.update_window_days(kind, domain) == days


def test_day_30_is_inside_the_window_and_day_31_outside():
    # The day of the accident is not counted (民法典 Art. 201): 1 March + 30 days = 31 March.
    inside = deadlines.within_update_window
    assert inside(OCCURRED, AccidentKind.PRODUCTION, "construction", datetime.date(2026, 3, 31))
    assert not inside(OCCURRED, AccidentKind.PRODUCTION, "construction", datetime.date(2026, 4, 1))


def test_day_7_is_inside_the_road_traffic_window_and_day_8_outside():
    inside = deadlines.within_update_window
    assert inside(OCCURRED, AccidentKind.ROAD_TRAFFIC, "", datetime.date(2026, 3, 8))
    assert not inside(OCCURRED, AccidentKind.ROAD_TRAFFIC, "", datetime.date(2026, 3, 9))
    assert inside(OCCURRED, AccidentKind.FIRE, "", datetime.date(2026, 3, 8))
    assert not inside(OCCURRED, AccidentKind.FIRE, "", datetime.date(2026, 3, 9))


@pytest.mark.parametrize(
    ("grade", "level"),
    [
        (AccidentGrade.ORDINARY, "county"),
        (AccidentGrade.RELATIVELY_SERIOUS, "city"),
        (AccidentGrade.SERIOUS, "province"),
        (AccidentGrade.EXTRAORDINARILY_SERIOUS, "state_council"),
    ],
)
def test_the_grade_decides_whose_government_investigates(grade, level):
    assert deadlines.investigating_level(grade) == level
