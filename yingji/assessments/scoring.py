"""Scores and ranking: an automatic item gives its points less `per` for each record the rule
counts (never below 0), a manual item what the office scored (none yet: 0, marked); a unit with
a veto item counted is failed (一票否决) and ranked after the rest; one with an accident of the
较大 grade or above gets the yellow card (黄牌警告)."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from yingji.assessments.models import ManualScore
from yingji.assessments.rules import RULES, YELLOW_CARD


@dataclass
class Line:
    item: object
    count: int | None  # records counted (automatic), None for a manual item
    score: Decimal | None  # None: a manual item not scored yet
    link: str = ""
    reason: str = ""
    evidence: int | None = None  # the manual score carrying an evidence file


@dataclass
class Result:
    unit: object
    lines: list = field(default_factory=list)
    total: Decimal = Decimal(0)
    vetoed: bool = False
    yellow_card: bool = False
    rank: int = 0


def results(scheme, as_of=None) -> list[Result]:
    as_of = min(as_of or timezone.localdate(), timezone.localdate())
    items = list(scheme.items.all())
    manual = {(m.item_id, m.organisation_id): m for m in ManualScore.objects.filter(item__scheme=scheme)}
    out = []
    for unit in scheme.units.order_by("kind", "name"):
        result = Result(unit)
        for item in items:
            if item.rule in RULES:
                rule = RULES[item.rule]
                n = rule.count(scheme, unit, as_of)
                score = max(Decimal(0), item.points - item.per * n)
                result.lines.append(Line(item, n, score, rule.link(scheme, unit)))
                result.vetoed |= item.veto and n > 0
            else:
                m = manual.get((item.pk, unit.pk))
                result.lines.append(Line(item, None, m.points if m else None, reason=m.reason if m else "",
                                         evidence=m.pk if m and m.file else None))  # fmt: skip
        result.total = sum((line.score or Decimal(0) for line in result.lines), Decimal(0))
        result.yellow_card = RULES[YELLOW_CARD].count(scheme, unit, as_of) > 0
        out.append(result)
    out.sort(key=lambda r: (r.vetoed, -r.total, r.unit.name))
    for rank, r in enumerate(out, 1):
        r.rank = rank
    return out
