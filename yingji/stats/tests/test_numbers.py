"""The rounding and wording rules of DESIGN.md."""

from decimal import Decimal

import pytest

from yingji.stats.numbers import as_number, change, format_percent, percent


@pytest.mark.parametrize(
    ("numerator", "denominator", "text"),
    [
        (3, 7, "42.9"),
        (1, 2, "50"),
        (1, 3, "33.3"),
        (2, 3, "66.7"),
        (1, 8, "12.5"),
        (1, 16, "6.3"),
        (7, 7, "100"),
        (0, 5, "0"),
    ],
)
def test_one_decimal_half_up_trailing_zero_dropped(numerator, denominator, text):
    assert format_percent(percent(numerator, denominator)) == text


def test_half_up_not_half_even():
    assert percent(1, 16) == Decimal("6.3")  # 6.25 → 6.3 (banker's rounding would give 6.2)
    assert percent(3, 16) == Decimal("18.8")  # 18.75 → 18.8


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [
        (Decimal("1"), Decimal("16"), "6.3"),  # money (funds) as well as counts
        (Decimal("0.05"), 2, "2.5"),
        (1_000_000_000_001, 3_000_000_000_000, "33.3"),
        (5, 10, "50.0"),  # one decimal kept until worded
    ],
)
def test_the_same_rule_whatever_the_numbers_are(numerator, denominator, expected):
    assert str(percent(numerator, denominator)) == expected


def test_no_denominator_no_percentage():
    assert percent(3, 0) is None and format_percent(None) == "—"


@pytest.mark.parametrize(
    ("current", "previous", "text", "absolute"),
    [
        (4, 7, "下降42.9%", "减少3起"),  # "发生生产安全事故4起 … 同比下降42.9%"
        (4, 8, "下降50%", "减少4起"),
        (9, 6, "上升50%", "增加3起"),
        (5, 5, "持平", "持平"),
        (0, 0, "持平", "持平"),
        (2, 0, "增加2起", "增加2起"),  # no percentage on a zero base
        (0, 3, "下降100%", "减少3起"),
    ],
)
def test_year_on_year_wording(current, previous, text, absolute):
    moved = change(current, previous)
    assert moved.text("起") == text
    assert moved.absolute_text("起") == absolute


def test_numbers_in_json_are_rounded_the_same_way():
    assert as_number(percent(3, 7)) == 42.9 and as_number(percent(1, 2)) == 50
    assert isinstance(as_number(percent(1, 2)), int)
