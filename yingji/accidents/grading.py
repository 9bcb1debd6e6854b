"""Accident grade by State Council Decree 493 Art. 3 (DOMAIN.md §1.1).

The grade is the highest one that any of the three criteria reaches. "以上包括本数，以下不包括本数":
every band is `lower <= x < upper`, so 3 deaths is 较大 and 2 is 一般. Missing persons count with
the dead (DOMAIN.md §0.4), so callers pass deaths + missing. Light injuries do not count.

Fires are graded by the same figures (the Ministry of Public Security's fire grades use the
same thresholds), and so, for the bureau's statistics, is every other kind of accident.
"""

from decimal import Decimal

from yingji.accidents.choices import AccidentGrade

# Where each grade above 一般 starts: deaths (incl. missing), serious injuries, direct loss in yuan.
THRESHOLDS: list[tuple[AccidentGrade, int, int, Decimal]] = [
    (AccidentGrade.EXTRAORDINARILY_SERIOUS, 30, 100, Decimal("100000000")),
    (AccidentGrade.SERIOUS, 10, 50, Decimal("50000000")),
    (AccidentGrade.RELATIVELY_SERIOUS, 3, 10, Decimal("10000000")),
]

# Lowest first, so that grades compare by their position.
ORDER = list(AccidentGrade)


def grade(deaths_and_missing: int, serious_injuries: int, direct_loss: Decimal | int) -> AccidentGrade:
    loss = Decimal(direct_loss)
    for level, deaths_from, injuries_from, loss_from in THRESHOLDS:
        if deaths_and_missing >= deaths_from or serious_injuries >= injuries_from or loss >= loss_from:
            return level
    return AccidentGrade.ORDINARY


def rank(level: str) -> int:
    return ORDER.index(AccidentGrade(level))
