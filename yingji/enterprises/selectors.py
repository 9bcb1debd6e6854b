"""Reads of the registry, always through the jurisdiction scope."""

from django.db.models import F, Q

from yingji.accounts.choices import OrgKind, Role
from yingji.accounts.models import Organisation
from yingji.audit.models import AuditEntry
from yingji.enterprises.choices import FLAGS
from yingji.enterprises.models import Enterprise
from yingji.hazards.models import Hazard
from yingji.inspections.models import Inspection
from yingji.regions.models import Region
from yingji.regions.scoping import get_for_user

# Filter name -> ORM lookup for the filters that match one value; an empty filter is no filter.
LOOKUPS = {
    "industry": "industry",
    "risk_grade": "risk_grade",
    "status": "status",
    "scale": "scale",
    "standardisation_grade": "standardisation_grade",
    "department": "supervising_department_id",
}


# Sortable columns: `sort` is one of these, or one with a leading "-" (descending).
SORTS = {
    "name": "name",
    "uscc": "uscc",
    "industry": "industry",
    "street": "region_id",
    "risk_grade": "risk_grade",
    "employees": "employees",
}


def enterprise_list(*, user, filters: dict):
    """Enterprises in the user's jurisdiction. Filters: region or street (code prefix), the
    LOOKUPS, each of FLAGS (True / False / None), q (name, USCC or address contains), sort."""
    qs = Enterprise.objects.for_user(user)
    if filters.get("region"):
        qs = qs.in_region(filters["region"])
    qs = qs.filter(
        **{LOOKUPS[k]: v for k, v in filters.items() if k in LOOKUPS and v not in (None, "")},
        **{flag: filters[flag] for flag in FLAGS if isinstance(filters.get(flag), bool)},
    )
    if filters.get("street"):
        qs = qs.in_region(filters["street"])
    for name in ("search", "q"):  # `search` is the older name of `q`
        text = (filters.get(name) or "").strip()
        if text:
            qs = qs.filter(
                Q(name__icontains=text) | Q(uscc__icontains=text.upper()) | Q(address__icontains=text)
            )
    if (filters.get("sort") or "").lstrip("-") in SORTS:
        key = filters["sort"]
        descending = key.startswith("-")
        field = F(SORTS[key.lstrip("-")])
        qs = qs.order_by(field.desc(nulls_last=True) if descending else field.asc(nulls_last=True), "id")
    return qs


def enterprise_get(*, user, enterprise_id: int) -> Enterprise:
    return get_for_user(
        Enterprise.objects.select_related("region", "supervising_department"), user, pk=enterprise_id
    )


def enterprise_hazards(*, user, enterprise: Enterprise):
    """The enterprise's hazards the user may see, newest first."""
    return Hazard.objects.for_user(user).filter(enterprise=enterprise).order_by("-found_at", "-id")


def enterprise_inspections(*, user, enterprise: Enterprise):
    return Inspection.objects.for_user(user).filter(enterprise=enterprise).order_by("-inspected_on", "-id")


def enterprise_history(*, enterprise: Enterprise):
    """The audit entries of this enterprise, newest first. The caller has shown that the
    user may see the enterprise, and its own history goes with it (for its own users too,
    whom the audit log's region scope would show nothing)."""
    return AuditEntry.objects.filter(object_type="enterprises.enterprise", object_id=str(enterprise.pk))


def streets_with_enterprises(*, user) -> list[Region]:
    """The streets (9-digit regions) holding enterprises the user can see, for the street filter."""
    codes = {
        code[:9] for code in Enterprise.objects.for_user(user).values_list("region_id", flat=True).distinct()
    }
    return list(Region.objects.filter(code__in=codes).order_by("code"))


def departments_for(*, user, region_code: str | None = None):
    """Member departments that may supervise enterprises of the user's jurisdiction: those
    inside it and those above it on the same branch (a city department for a district)."""
    qs = Organisation.objects.filter(kind=OrgKind.DEPARTMENT)
    root = region_code or (user.organisation.region_id if user.organisation_id else None)
    if user.role == Role.ADMIN and not region_code:
        return qs.order_by("region_id", "name")
    if not root:
        return qs.none()
    above = [root[:n] for n in (2, 4, 6, 9) if n < len(root)]
    return qs.filter(Q(region__code__startswith=root) | Q(region_id__in=above)).order_by("region_id", "name")
