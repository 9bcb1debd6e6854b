"""Decree 493 Art. 3 at every threshold, on both sides: "以上包括本数，以下不包括本数"."""

from decimal import Decimal

import pytest

from yingji.accidents.choices import AccidentGrade as G
from yingji.accidents.grading import grade, rank

ORDINARY, RELATIVELY, SERIOUS, EXTRA = G.ORDINARY, G.RELATIVELY_SERIOUS, G.SERIOUS, G.EXTRAORDINARILY_SERIOUS


@pytest.mark.parametrize(
    ("deaths", "expected"),
    [
        (0, ORDINARY),
        (1, ORDINARY),
        (2, ORDINARY),
        (3, RELATIVELY),
        (9, RELATIVELY),
        (10, SERIOUS),
        (29, SERIOUS),
        (30, EXTRA),
        (300, EXTRA),
    ],
)
def test_deaths_alone_grade_the_accident(deaths, expected):
    assert grade(deaths, 0, Decimal(0)) == expected


@pytest.mark.parametrize(
    ("serious_injuries", "expected"),
    [
        (0, ORDINARY),
        (9, ORDINARY),
        (10, RELATIVELY),
        (49, RELATIVELY),
        (50, SERIOUS),
        (99, SERIOUS),
        (100, EXTRA),
    ],
)
def test_serious_injuries_alone_grade_the_accident(serious_injuries, expected):
    assert grade(0, serious_injuries, Decimal(0)) == expected


@pytest.mark.parametrize(
    ("loss", "expected"),
    [
        ("0", ORDINARY),
        ("9999999.99", ORDINARY),
        ("9999999", ORDINARY),
        ("10000000", RELATIVELY),
        ("49999999.99", RELATIVELY),
        ("50000000", SERIOUS),
        ("99999999.99", SERIOUS),
        ("100000000", EXTRA),
    ],
)
def test_direct_loss_alone_grades_the_accident(loss, expected):
    assert grade(0, 0, Decimal(loss)) == expected


def test_the_highest_criterion_wins():
    # 1 death (一般), 12 serious injuries (较大), 60 million yuan (重大): 重大.
    assert grade(1, 12, Decimal("60000000")) == SERIOUS
    assert grade(30, 0, Decimal(0)) == EXTRA
    assert grade(2, 9, Decimal("9999999.99")) == ORDINARY


def test_missing_persons_count_with_the_dead():
    # Callers pass deaths + missing: 2 dead and 1 missing is 3, 较大; 9 and 1 is 10, 重大.
    assert grade(2 + 1, 0, Decimal(0)) == RELATIVELY
    assert grade(9 + 1, 0, Decimal(0)) == SERIOUS
    assert grade(25 + 5, 0, Decimal(0)) == EXTRA


def test_grades_are_ordered_from_ordinary_up():
    assert rank(ORDINARY) < rank(RELATIVELY) < rank(SERIOUS) < rank(EXTRA)
