"""The number rules of DESIGN.md: percentages to one decimal, half up, a trailing ".0"
dropped; year-on-year wording 上升 / 下降 / 持平, and the absolute change when the base is zero."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

ONE_DECIMAL = Decimal("0.1")


def percent(numerator, denominator) -> Decimal | None:
    """numerator / denominator × 100, rounded half up to one decimal; None when undefined."""
    if not denominator:
        return None
    if type(numerator) is int and type(denominator) is int and numerator >= 0 and denominator > 0:
        # Counts: tenths of a percent rounded half up in whole numbers, exactly (a county's
        # 700 groups of a rate are 700 of these).
        return Decimal((2000 * numerator + denominator) // (2 * denominator)).scaleb(-1)
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def format_percent(value: Decimal | None) -> str:
    """42.857 → "42.9", 50.0 → "50"; None → "—"."""
    if value is None:
        return "—"
    text = f"{value.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP):f}"
    return text[:-2] if text.endswith(".0") else text


def as_number(value: Decimal | None) -> float | int | None:
    """A rounded percentage for JSON: 42.9, 50 (an integer when the decimal is zero)."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


@dataclass(frozen=True)
class Change:
    current: Decimal | int
    previous: Decimal | int
    pct: Decimal | None  # None when the previous period is zero

    @property
    def absolute(self):
        return self.current - self.previous

    def text(self, unit: str = "") -> str:
        """下降42.9% · 上升50% · 持平 · 增加2起 (when last period was zero)."""
        if self.current == self.previous:
            return "持平"
        if self.pct is None:
            return f"增加{_plain(self.absolute)}{unit}"
        word = "上升" if self.pct > 0 else "下降"
        return f"{word}{format_percent(abs(self.pct))}%"

    def absolute_text(self, unit: str = "") -> str:
        """同比减少8起 style: 增加 / 减少 / 持平."""
        if self.absolute == 0:
            return "持平"
        return f"{'增加' if self.absolute > 0 else '减少'}{_plain(abs(self.absolute))}{unit}"


def change(current, previous) -> Change:
    pct = None if not previous else percent(Decimal(current) - Decimal(previous), previous)
    return Change(current=current, previous=previous, pct=pct)


def _plain(value) -> str:
    text = f"{value:f}" if isinstance(value, Decimal) else str(value)
    return text.rstrip("0").rstrip(".") if "." in text else text
