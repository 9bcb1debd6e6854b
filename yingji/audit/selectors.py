import datetime

from yingji.audit.models import AuditEntry


def audit_list(*, user, filters: dict):
    """Audit entries in the user's jurisdiction; who may browse is decided by the caller."""
    qs = AuditEntry.objects.for_user(user).select_related("actor")
    if filters.get("actor"):
        qs = qs.filter(actor_username=filters["actor"])
    if filters.get("action"):
        qs = qs.filter(action=filters["action"])
    if filters.get("object_type"):
        qs = qs.filter(object_type=filters["object_type"])
    if filters.get("object_id"):
        qs = qs.filter(object_id=filters["object_id"])
    if filters.get("region"):
        qs = qs.filter(region_code__startswith=filters["region"])
    if filters.get("date_from"):
        qs = qs.filter(at__date__gte=filters["date_from"])
    if filters.get("date_to"):
        qs = qs.filter(at__date__lte=filters["date_to"])
    return qs


def parse_date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None
