"""Reads of preparedness, always through the user's jurisdiction (outside: 404), and the A/B
coverage of disaster information officers, read from the warnings module's contacts register."""

import datetime

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from yingji.preparedness.choices import REVIEW_WARNING_DAYS, minimum_strength
from yingji.preparedness.models import Drill, DrillTarget, Expert, Plan, Team
from yingji.regions.models import Region
from yingji.regions.scoping import Jurisdiction, ScopeFields, get_for_user
from yingji.warnings.models import Contact, ContactRole, Slot

COVERED_LEVELS = ("street", "community")  # 乡镇（街道）, and 村（社区） where the tree has them


def team_list(*, user, filters: dict | None = None):
    filters = filters or {}
    qs = (
        Team.objects.for_user(user, within=filters.get("region") or None)
        .filter(active=True)
        .select_related("region")
        .annotate(member_count=Count("members"))
        .order_by("region_id", "level", "name")
    )
    if filters.get("level"):
        qs = qs.filter(level=filters["level"])
    if filters.get("short"):
        qs = qs.filter(short_q())
    return qs


def short_q() -> Q:
    """Teams (annotated with member_count) below the minimum strength of their level."""
    q = Q(pk__in=[])
    for level, minimum in minimum_strength().items():
        q |= Q(level=level, member_count__lt=minimum)
    return q


def shortfall(team) -> int:
    """How many members the team lacks (0: enough, or no minimum for its level)."""
    minimum = minimum_strength().get(team.level)
    count = getattr(team, "member_count", None)
    count = team.members.count() if count is None else count
    return max(0, (minimum or 0) - count)


def get(model, *, user, pk: int):
    return get_for_user(model.objects.all(), user, pk=pk)


def team_get(*, user, pk: int) -> Team:
    return get_for_user(
        Team.objects.select_related("region").annotate(member_count=Count("members")), user, pk=pk
    )


def expert_list(*, user, filters: dict | None = None):
    filters = filters or {}
    qs = Expert.objects.for_user(user, within=filters.get("region") or None).select_related("region")
    if filters.get("field"):
        qs = qs.filter(field=filters["field"])
    if filters.get("available") is not None:
        qs = qs.filter(available=filters["available"])
    return qs


def plan_list(*, user, filters: dict | None = None, today: datetime.date | None = None):
    filters = filters or {}
    today = today or timezone.localdate()
    qs = Plan.objects.for_user(user, within=filters.get("region") or None).select_related("region", "owner")
    for name in ("level", "type"):
        if filters.get(name):
            qs = qs.filter(**{name: filters[name]})
    if filters.get("overdue"):
        qs = qs.filter(review_due__lt=today)
    return qs


def plans_due(*, owner, today: datetime.date | None = None):
    """The owner's plans whose review is due within REVIEW_WARNING_DAYS (or overdue)."""
    today = today or timezone.localdate()
    return Plan.objects.for_user(owner).filter(
        owner=owner, review_due__lte=today + datetime.timedelta(days=REVIEW_WARNING_DAYS)
    )


def drill_list(*, user, filters: dict | None = None):
    filters = filters or {}
    qs = Drill.objects.for_user(user, within=filters.get("region") or None).select_related("region", "plan")
    if filters.get("type"):
        qs = qs.filter(type=filters["type"])
    if filters.get("year"):
        qs = qs.filter(held_on__year=filters["year"])
    if filters.get("date_from"):
        qs = qs.filter(held_on__gte=filters["date_from"])
    if filters.get("date_to"):
        qs = qs.filter(held_on__lte=filters["date_to"])
    return qs


def drill_progress(*, user, year: int) -> list[dict]:
    """The annual drill plan against the drills held: [{region_code, region_name, target, held}]."""
    rows = []
    for t in DrillTarget.objects.for_user(user).filter(year=year).select_related("region"):
        held = Drill.objects.for_user(user, within=t.region_id).filter(held_on__year=year).count()
        rows.append(
            {"region_code": t.region_id, "region_name": t.region.name, "target": t.target, "held": held}
        )
    return rows


# Information officers ----------------------------------------------------------------------------


def info_officers(*, user, region: str | None = None):
    return (
        Contact.objects.for_user(user, within=region or None)
        .filter(role=ContactRole.INFO_OFFICER, active=True)
        .select_related("region")
    )


def _has(slot: str, as_of: datetime.date | None):
    officers = Contact.objects.filter(
        region=OuterRef("code"), role=ContactRole.INFO_OFFICER, active=True, slot=slot
    )
    if as_of is not None:
        officers = officers.filter(created_at__date__lte=as_of)
    return Exists(officers)


def covered_regions(user, *, within: str | None = None, as_of: datetime.date | None = None):
    """The streets (and communities) in the user's jurisdiction, annotated has_a / has_b: whether
    an active information officer holds the A role and the B role (registered by `as_of`)."""
    scope = Jurisdiction.of(user).q(ScopeFields(region="code"), within)
    return (
        Region.objects.filter(scope, level__in=COVERED_LEVELS)
        .annotate(has_a=_has(Slot.A, as_of), has_b=_has(Slot.B, as_of))
        .order_by("code")
    )


def coverage(*, user, region: str | None = None) -> list[dict]:
    return [
        {"region_code": r.code, "region_name": r.name, "level": r.level, "has_a": r.has_a, "has_b": r.has_b,
         "covered": r.has_a and r.has_b}
        for r in covered_regions(user, within=region)
    ]  # fmt: skip
