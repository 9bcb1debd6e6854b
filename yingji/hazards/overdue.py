"""Overdue on any day — open past its deadline: found by the day, its deadline before it, not
rectified by it — from the deadline rollup instead of the hazards. The rollup counts hazards by
the month due and the month rectified, which decides every hazard due before the day's month
and rectified (if ever) after it; the rest, due in the day's month before the day or rectified
in its month after the day, are the residue, counted from the records through their day
indexes (or, for a day early in a past month, those rectified in its month up to the day are
taken away: _counts_back; for a day late in its month, those due from the day to the month's
end: _due_forward). Found by the day follows from due before it: a deadline never precedes the
day found (entry and import refuse it)."""

from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.utils import timezone

from yingji.hazards.choices import HazardStatus
from yingji.hazards.models import Hazard
from yingji.hazards.rollup import ROLLUP_FILTERS, ROLLUP_GROUPS, grain_for
from yingji.stats.catalog import GroupFields, Part, Query, grouped_values_many, rollup_keeps
from yingji.stats.periods import month_end

DEADLINE = ("deadline", "rectified_at")  # the rollups by the month due (rollup.GRAINS)


def _month_bounds(day):
    return day.replace(day=1), month_end(day)


def _counts_back(query: Query) -> bool:
    """A past cutoff early in its month: fewer of its month's days lie up to it than after it.
    Then the rollup's hazards due before the month and rectified in it or later are counted,
    and those rectified from its 1st to the cutoff taken away — a few days of the rectified-day
    index instead of the rest of the month's (the year before's 同比 of a card on the 4th)."""
    first, last = _month_bounds(query.cutoff)
    return query.cutoff < timezone.localdate() and (query.cutoff - first) < (last - query.cutoff)


def _due_forward(query: Query) -> bool:
    """A cutoff late in its month (its last day, say): fewer of its month's days lie after it
    than before it. Then the rollup's hazards due in the cutoff's month are counted too, and
    those due from the cutoff to the month's end taken away (not overdue yet) — a few days of
    the deadline-day index instead of the month's (a half year's summary, a June 30 cutoff).
    Never together with _counts_back, which needs a cutoff early in its month."""
    first, last = _month_bounds(query.cutoff)
    return (last - query.cutoff) < (query.cutoff - first)


def _not_due_yet(query: Query):
    """Counted by the rollup when due forward, not overdue on the cutoff: due from the cutoff
    to its month's end, and not rectified in that month (the rollup's rows rectified later)."""
    _first, last = _month_bounds(query.cutoff)
    qs = Hazard.objects.for_user(query.user, within=query.filters.get("region") or None)
    qs = qs.exclude(status=HazardStatus.CANCELLED).filter(deadline__gte=query.cutoff, deadline__lte=last)
    return _filtered(qs.filter(Q(rectified_at__isnull=True) | Q(rectified_at__gt=last)), query)


def _rectified_back(query: Query):
    """Due before the cutoff's month and rectified from its 1st to the cutoff: not overdue on it."""
    first, _last = _month_bounds(query.cutoff)
    qs = Hazard.objects.for_user(query.user, within=query.filters.get("region") or None)
    qs = qs.exclude(status=HazardStatus.CANCELLED)
    return _filtered(
        qs.filter(deadline__lt=first, rectified_at__gte=first, rectified_at__lte=query.cutoff), query
    )


def _filtered(qs, query: Query):
    for name in ("industry", "level"):
        if query.filters.get(name):
            qs = qs.filter(**{name: query.filters[name]})
    return qs


@dataclass(frozen=True)
class OverdueRollup:
    splits: bool = False  # a snapshot on the cutoff day: the period's months do not matter
    additive = True

    def answers(self, query: Query, dims: tuple[str, ...] = ()) -> bool:
        return rollup_keeps(query, dims, filters=ROLLUP_FILTERS, groups=ROLLUP_GROUPS - {"month"})

    def queryset(self, query: Query, dims: tuple[str, ...] = ()):
        first, _last = _month_bounds(query.cutoff)
        model = grain_for(query, dims, None, DEADLINE).model
        qs = model.objects.for_user(query.user, within=query.filters.get("region") or None)
        rectified = {"rectified_month__gte" if _counts_back(query) else "rectified_month__gt": first}
        due = {"deadline_month__lte" if _due_forward(query) else "deadline_month__lt": first}
        return _filtered(qs.filter(**due, **rectified), query)

    def _taken_away(self, query: Query) -> list:
        """The records the rollup's part counted that are not overdue on the cutoff."""
        if _counts_back(query):
            return [_rectified_back(query)]
        return [_not_due_yet(query)] if _due_forward(query) else []

    def value(self, query: Query) -> int:
        total = self.queryset(query).aggregate(v=Sum("hazards"))["v"] or 0
        return total - sum(qs.count() for qs in self._taken_away(query))

    def grouped(self, query: Query, dims: tuple[str, ...]) -> dict:
        fields = GroupFields(region="region_code", industry="industry")
        answer = grouped_values_many(self.queryset(query, dims), dims, fields, "deadline_month", {"v": Sum("hazards")})["v"]  # fmt: skip
        raw = GroupFields(region="region_id", industry="industry")
        for qs in self._taken_away(query):
            back = grouped_values_many(qs, dims, raw, "deadline", {"v": Count("*")})["v"]
            answer = {k: v - back.get(k, 0) for k, v in answer.items() if v != back.get(k, 0)}
        return answer

    def residue(self, query: Query) -> list[Part]:
        """Due in the cutoff's month before it (unless due forward, _due_forward); due earlier
        and rectified in its month after it (unless counted back, _counts_back) — none when the
        cutoff is today or its month's last day: no hazard is rectified in the future (entry
        refuses it), none after a month's end in that month."""
        first, last = _month_bounds(query.cutoff)
        rectified_after = query.cutoff < min(timezone.localdate(), last)
        if _due_forward(query):  # every due day before the cutoff is the rollup's
            rest = [Q(rectified_at__gt=query.cutoff, rectified_at__lte=last)] if rectified_after else []
        elif not rectified_after or _counts_back(query):
            rest = [Q(deadline__gte=first)]
        else:
            rest = [Q(deadline__gte=first), Q(deadline__lt=first, rectified_at__gt=query.cutoff, rectified_at__lte=last)]  # fmt: skip
        return [Part(query, q) for q in rest]

    def adopt(self, key: str) -> None:
        pass
