"""Reads of complaints, always through the user's jurisdiction (outside is 404). The reporter's
fields are never searched (they are encrypted, and a search would reveal them)."""

from django.db.models import Q
from django.utils import timezone

from yingji.complaints.models import Complaint
from yingji.regions.scoping import get_for_user

LOOKUPS = {
    "region": "region__code__startswith",
    "status": "status",
    "channel": "channel",
    "verification": "verification",
    "enterprise": "enterprise_id",
    "unit": "handling_unit_id",
    "received_from": "received_on__gte",
    "received_to": "received_on__lte",
    "closed_from": "closed_on__gte",
    "closed_to": "closed_on__lte",
    "verified_from": "verified_on__gte",
    "verified_to": "verified_on__lte",
    "paid_from": "reward_paid_on__gte",
    "paid_to": "reward_paid_on__lte",
}
TRUE, FALSE = (True, "true", "1", "on"), (False, "false", "0")


def complaint_list(*, user, filters: dict):
    lookups = {LOOKUPS[k]: v for k, v in filters.items() if k in LOOKUPS and v not in (None, "")}
    qs = Complaint.objects.for_user(user).filter(**lookups)
    overdue = filters.get("overdue")
    if overdue in TRUE:
        qs = qs.overdue()
    elif overdue in FALSE:
        qs = qs.exclude(pk__in=Complaint.objects.overdue().values("pk"))
    if filters.get("found_true") in TRUE:
        qs = qs.filter(verification__in=("true", "partly_true"))
    text = (filters.get("q") or "").strip()
    if text:
        qs = qs.filter(
            Q(content__icontains=text) | Q(place__icontains=text) | Q(enterprise_name__icontains=text)
            | Q(receipt__iexact=text.upper()) | Q(enterprise__name__icontains=text)
        )  # fmt: skip
    return qs.select_related("region", "enterprise", "handling_unit")


def complaint_get(*, user, complaint_id: int) -> Complaint:
    qs = Complaint.objects.select_related("region", "enterprise", "handling_unit", "inspection", "hazard")
    return get_for_user(qs, user, pk=complaint_id)


def overdue_count(user) -> int:
    return Complaint.objects.for_user(user).overdue(timezone.localdate()).count()
