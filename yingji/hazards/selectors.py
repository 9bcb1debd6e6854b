import datetime

from django.db.models import F, Q
from django.utils import timezone

from yingji.hazards.choices import OPEN_STATES, HazardStatus
from yingji.hazards.models import Hazard
from yingji.regions.scoping import get_for_user

# Filter name -> ORM lookup; an empty filter is no filter.
LOOKUPS = {
    "region": "region__code__startswith",
    "industry": "industry",
    "level": "level",
    "status": "status",
    "source": "source",
    "enterprise": "enterprise_id",
    "inspection": "inspection_id",
    "campaign": "campaigns",
    "date_from": "found_at__gte",
    "date_to": "found_at__lte",
    "rectified_by": "rectified_at__lte",
    "listed_from": "listed_on__gte",
    "listed_to": "listed_on__lte",
}

ORDERINGS = ("-found_at", "found_at", "deadline", "-deadline")
# Sortable columns: `sort` is one of these, or one with a leading "-" (descending).
SORTS = {
    "found_at": "found_at",
    "deadline": "deadline",
    "level": "level",
    "status": "status",
    "enterprise": "enterprise__name",
}


def hazard_list(*, user, filters: dict, today: datetime.date | None = None):
    """Hazards in the user's jurisdiction, filtered; each carries `is_overdue`."""
    today = today or timezone.localdate()
    lookups = {
        LOOKUPS[name]: value for name, value in filters.items() if name in LOOKUPS and value not in (None, "")
    }
    qs = Hazard.objects.for_user(user).filter(**lookups).with_overdue(today)
    if filters.get("counted"):  # as the statistics count: cancelled hazards count nowhere
        qs = qs.exclude(status=HazardStatus.CANCELLED)
    for name, overdue_too in (("open_on", False), ("overdue_on", True)):
        if filters.get(name):
            qs = qs.filter(open_on(filters[name], overdue=overdue_too))
    overdue = filters.get("overdue")
    if overdue is True or overdue == "true":
        qs = qs.filter(deadline__lt=today, status__in=OPEN_STATES)
    elif overdue is False or overdue == "false":
        qs = qs.exclude(deadline__lt=today, status__in=OPEN_STATES)
    if filters.get("street"):
        qs = qs.filter(region__code__startswith=filters["street"])
    if filters.get("q"):
        qs = qs.filter(search(filters["q"]))
    if filters.get("ordering") in ORDERINGS:
        qs = qs.order_by(filters["ordering"], "id")
    if (filters.get("sort") or "").lstrip("-") in SORTS:
        qs = qs.order_by(*sorted_by(filters["sort"]))
    return qs


def search(text: str) -> Q:
    """The keyword in the description, the enterprise's name or its USCC."""
    text = text.strip()
    return (
        Q(description__icontains=text)
        | Q(enterprise__name__icontains=text)
        | Q(enterprise__uscc__icontains=text.upper())
    )


def sorted_by(key: str) -> list:
    """The ordering of a `sort` key; hazards without a deadline come last either way."""
    descending = key.startswith("-")
    field = F(SORTS[key.lstrip("-")])
    first = field.desc(nulls_last=True) if descending else field.asc(nulls_last=True)
    return [first, "-id" if descending else "id"]


def open_on(day: datetime.date, *, overdue: bool = False) -> Q:
    """Found by the day and not rectified by it (and past its deadline, when overdue)."""
    q = Q(found_at__lte=day) & (Q(rectified_at__isnull=True) | Q(rectified_at__gt=day))
    return q & Q(deadline__isnull=False, deadline__lt=day) if overdue else q


def hazard_get(*, user, hazard_id: int) -> Hazard:
    return get_for_user(
        Hazard.objects.with_overdue().select_related("enterprise", "region"), user, pk=hazard_id
    )
