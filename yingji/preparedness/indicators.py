"""Preparedness indicators. Drills and plans filed are flows (in the period); teams, members,
experts, the information officers' coverage and the plans overdue for review are states, as of
the period's end (or today, in a period still running)."""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from yingji.preparedness import selectors
from yingji.preparedness.models import Drill, Expert, Plan, Team, TeamMember
from yingji.regions.models import Region
from yingji.stats.catalog import Measure, Query, register


def _teams_then(q: Query) -> Q:
    return Q(active=True, founded_on__lte=q.cutoff)


def _short(q: Query) -> Q:
    short = Team.objects.annotate(member_count=Count("members")).filter(selectors.short_q()).values("pk")
    return _teams_then(q) & Q(pk__in=short)


class RegionMeasure(Measure):
    """Counts regions (streets, communities) in the user's jurisdiction: Region is not scoped by
    a manager, so the jurisdiction is applied to the region's own code here."""

    def queryset(self, query: Query):
        within = query.filters.get("region") or None
        qs = selectors.covered_regions(query.user, within=within, as_of=query.cutoff)
        return qs.filter(self.where(query))


register(
    Measure(
        key="drills.count", label=_("Drills held"), unit="次", model=Drill, date_field="held_on",
        aggregate=lambda: Count("id"), dimensions={"type": "type"}, link=lambda q: "/preparedness/drills/?",
    ),
    Measure(
        key="drills.participants", label=_("Drill participants"), unit="人", model=Drill, date_field="held_on",
        aggregate=lambda: Sum("participants"),
        dimensions={"type": "type"}, link=lambda q: "/preparedness/drills/?",
    ),
    Measure(
        key="teams.count", label=_("Rescue teams"), unit="支", model=Team, date_field="founded_on",
        aggregate=lambda: Count("id"), in_period=_teams_then, dimensions={"level": "level"},
        link=lambda q: "/preparedness/?",
    ),
    Measure(
        key="teams.members", label=_("Rescue team members"), unit="人", model=TeamMember,
        date_field="team__founded_on", aggregate=lambda: Count("id"),
        in_period=lambda q: Q(team__active=True, team__founded_on__lte=q.cutoff),
        dimensions={"level": "team__level"}, region_field="team__region_id", link=lambda q: "/preparedness/?",
    ),
    Measure(
        key="teams.short", label=_("Teams below their minimum strength"), unit="支", model=Team,
        date_field="founded_on", aggregate=lambda: Count("id"), in_period=_short, dimensions={"level": "level"},
        link=lambda q: "/preparedness/?short=1",
    ),
    Measure(
        key="experts.count", label=_("Experts in the pool"), unit="人", model=Expert, date_field="joined_on",
        aggregate=lambda: Count("id"), in_period=lambda q: Q(joined_on__lte=q.cutoff),
        dimensions={"field": "field"}, link=lambda q: "/preparedness/experts/?",
    ),
    RegionMeasure(
        key="info_officers.covered", label=_("Regions with A and B information officers"), unit="个",
        model=Region, date_field="created_at", aggregate=lambda: Count("code"),
        where=lambda q: Q(has_a=True, has_b=True), region_field="code",
        link=lambda q: "/preparedness/coverage/?",
    ),
    RegionMeasure(
        key="info_officers.uncovered", label=_("Regions without both A and B information officers"), unit="个",
        model=Region, date_field="created_at", aggregate=lambda: Count("code"),
        where=lambda q: Q(has_a=False) | Q(has_b=False), region_field="code",
        link=lambda q: "/preparedness/coverage/?",
    ),
    RegionMeasure(
        key="info_officers.without_b", label=_("Regions without a B information officer"), unit="个",
        model=Region, date_field="created_at", aggregate=lambda: Count("code"),
        where=lambda q: Q(has_b=False), region_field="code", link=lambda q: "/preparedness/coverage/?",
    ),
    Measure(
        key="plans.filed", label=_("Contingency plans filed"), unit="部", model=Plan, date_field="filed_on",
        aggregate=lambda: Count("id"), dimensions={"level": "level", "type": "type"},
        link=lambda q: "/preparedness/plans/?",
    ),
    Measure(
        key="plans.review_overdue", label=_("Plans overdue for review"), unit="部", model=Plan,
        date_field="review_due", aggregate=lambda: Count("id"),
        in_period=lambda q: Q(approved_on__lte=q.cutoff, review_due__lt=q.cutoff),
        dimensions={"level": "level", "type": "type"}, link=lambda q: "/preparedness/plans/?overdue=1",
    ),
)  # fmt: skip
