import datetime

from django.db.models import Q

from yingji.audit.models import AuditEntry

# Filter name -> ORM lookup; an empty filter is no filter.
LOOKUPS = {
    "actor": "actor_username",
    "action": "action",
    "object_type": "object_type",
    "object_id": "object_id",
    "region": "region_code__startswith",
    "date_from": "at__date__gte",
    "date_to": "at__date__lte",
}


def audit_list(*, user, filters: dict):
    """Audit entries in the user's jurisdiction; who may browse is decided by the caller."""
    lookups = {LOOKUPS[name]: value for name, value in filters.items() if name in LOOKUPS and value}
    entries = AuditEntry.objects.for_user(user).filter(**lookups)
    if filters.get("person"):
        # The page's filter: a clerk knows people by name as often as by user name.
        person = filters["person"]
        entries = entries.filter(Q(actor_username=person) | Q(actor__name=person))
    return entries


def parse_date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def audit_codes(*, user) -> dict[str, list[str]]:
    """The actions and record types present in the user's jurisdiction, for the filter selects."""
    entries = AuditEntry.objects.for_user(user).order_by()
    return {name: list(entries.values_list(name, flat=True).distinct()) for name in ("action", "object_type")}
