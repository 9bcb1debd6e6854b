"""Overdue on any day — open past its deadline: found by the day, its deadline before it, not
rectified by it — from the deadline rollup instead of the hazards. The rollup counts hazards by
the month due and the month rectified, which decides every hazard due before the day's month
and rectified (if ever) after it; the rest, due in the day's month before the day or rectified
in its month after the day, are the residue, counted from the records through their day
indexes. Found by the day follows from due before it: a deadline never precedes the day found
(entry and import refuse it)."""

from dataclasses import dataclass

from django.db.models import Q, Sum
from django.utils import timezone

from yingji.hazards.rollup import GRAINS, ROLLUP_FILTERS, ROLLUP_GROUPS
from yingji.regions.scoping import Jurisdiction
from yingji.stats.catalog import GroupFields, Query, grouped_values_many, rollup_keeps
from yingji.stats.periods import month_end

STREET, COUNTY, TOTAL = (g for g in GRAINS if g.by == "deadline")


def _month_bounds(day):
    return day.replace(day=1), month_end(day)


@dataclass(frozen=True)
class OverdueRollup:
    splits: bool = False  # a snapshot on the cutoff day: the period's months do not matter
    additive = True

    def answers(self, query: Query, dims: tuple[str, ...] = ()) -> bool:
        return rollup_keeps(query, dims, filters=ROLLUP_FILTERS, groups=ROLLUP_GROUPS - {"month"})

    def _grain(self, query: Query, dims: tuple[str, ...]):
        scope = Jurisdiction.of(query.user)
        regions = [scope.region, query.filters.get("region")]
        if "street" in dims or any(code and len(code) > 6 for code in regions):
            return STREET
        if "industry" in dims or scope.industries is not None or query.filters.get("industry") or query.filters.get("level"):  # fmt: skip
            return COUNTY
        return TOTAL

    def queryset(self, query: Query, dims: tuple[str, ...] = ()):
        first, _last = _month_bounds(query.cutoff)
        model = self._grain(query, dims).model
        qs = model.objects.for_user(query.user, within=query.filters.get("region") or None)
        qs = qs.filter(deadline_month__lt=first, rectified_month__gt=first)
        for name in ("industry", "level"):
            if query.filters.get(name):
                qs = qs.filter(**{name: query.filters[name]})
        return qs

    def value(self, query: Query) -> int:
        return self.queryset(query).aggregate(v=Sum("hazards"))["v"] or 0

    def grouped(self, query: Query, dims: tuple[str, ...]) -> dict:
        fields = GroupFields(region="region_code", industry="industry")
        return grouped_values_many(self.queryset(query, dims), dims, fields, "deadline_month", {"v": Sum("hazards")})["v"]  # fmt: skip

    def residue(self, query: Query) -> list[Q]:
        """Due in the cutoff's month before it; due earlier and rectified in its month after it —
        none when the cutoff is today: no hazard is rectified in the future (entry refuses it)."""
        first, last = _month_bounds(query.cutoff)
        due_this_month = Q(deadline__gte=first)
        if query.cutoff >= timezone.localdate():
            return [due_this_month]
        return [due_this_month, Q(deadline__lt=first, rectified_at__gt=query.cutoff, rectified_at__lte=last)]

    def adopt(self, key: str) -> None:
        pass
