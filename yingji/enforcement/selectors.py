"""Reads of cases, always through the user's jurisdiction (outside is 404)."""

from django.db.models import Q
from django.utils import timezone

from yingji.enforcement.models import Case
from yingji.regions.scoping import get_for_user

LOOKUPS = {
    "region": "region__code__startswith",
    "status": "status",
    "source": "source",
    "procedure": "procedure",
    "industry": "industry",
    "enterprise": "enterprise_id",
    "hazard": "hazard_id",
    "inspection": "inspection_id",
    "campaign": "campaigns",
    "date_from": "created_at__date__gte",
    "date_to": "created_at__date__lte",
    "filed_from": "filed_on__gte",
    "filed_to": "filed_on__lte",
    "decided_from": "decided_on__gte",
    "decided_to": "decided_on__lte",
    "closed_from": "closed_on__gte",
    "closed_to": "closed_on__lte",
    "transferred_from": "transferred_on__gte",
    "transferred_to": "transferred_on__lte",
    "transfer_kind": "transfer_kind",
    "penalty": "penalties__kind",
}
SORTS = {"created_at": "created_at", "due_on": "due_on", "status": "status", "filed_on": "filed_on"}
TRUE, FALSE = (True, "true", "1", "on"), (False, "false", "0")


def case_list(*, user, filters: dict):
    lookups = {LOOKUPS[k]: v for k, v in filters.items() if k in LOOKUPS and v not in (None, "")}
    qs = Case.objects.for_user(user).filter(**lookups)
    if filters.get("penalty"):
        qs = qs.distinct()
    overdue = filters.get("overdue")
    if overdue in TRUE:
        qs = qs.overdue()
    elif overdue in FALSE:
        qs = qs.exclude(pk__in=Case.objects.overdue().values("pk"))
    if filters.get("open") in TRUE:
        qs = qs.open()
    text = (filters.get("q") or "").strip()
    if text:
        qs = qs.filter(
            Q(party_name__icontains=text) | Q(number__icontains=text) | Q(facts__icontains=text)
            | Q(enterprise__uscc__icontains=text.upper())
        )  # fmt: skip
    key = filters.get("sort") or ""
    if key.lstrip("-") in SORTS:
        field = SORTS[key.lstrip("-")]
        qs = qs.order_by(f"-{field}" if key.startswith("-") else field, "-id")
    return qs


def case_get(*, user, case_id: int) -> Case:
    qs = Case.objects.select_related("region", "enterprise", "issuer", "violation", "hazard", "inspection")
    return get_for_user(qs, user, pk=case_id)


def overdue_count(user) -> int:
    return Case.objects.for_user(user).overdue(timezone.localdate()).count()
