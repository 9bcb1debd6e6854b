from django.db.models import Count, Prefetch, Q, Sum
from django.http import Http404

from yingji.accounts.choices import Role
from yingji.accounts.models import User
from yingji.hazards.models import Hazard
from yingji.inspections.choices import InspectionType
from yingji.inspections.models import ChecklistItem, ChecklistTemplate, Inspection
from yingji.regions.models import CODE_LENGTHS
from yingji.regions.scoping import get_for_user

# Filter name -> ORM lookup; an empty filter is no filter.
LOOKUPS = {
    "region": "region__code__startswith",
    "enterprise": "enterprise_id",
    "campaign": "campaigns",
    "type": "type",
    "industry": "industry",
    "date_from": "inspected_on__gte",
    "date_to": "inspected_on__lte",
}


def inspection_filter(*, user, filters: dict):
    """Inspections in the user's jurisdiction, filtered."""
    lookups = {
        LOOKUPS[name]: value for name, value in filters.items() if name in LOOKUPS and value not in (None, "")
    }
    qs = Inspection.objects.for_user(user).filter(**lookups)
    if filters.get("street"):
        qs = qs.filter(region__code__startswith=filters["street"])
    if filters.get("supervision"):
        qs = qs.exclude(type=InspectionType.SELF_CHECK)
    text = (filters.get("q") or "").strip()
    if text:  # the enterprise's name or USCC
        qs = qs.filter(Q(enterprise__name__icontains=text) | Q(enterprise__uscc__icontains=text.upper()))
    return qs


def inspection_list(*, user, filters: dict):
    """The same, for listing: each carries `hazard_count`."""
    return (
        inspection_filter(user=user, filters=filters)
        .select_related("enterprise", "region", "template", "organisation")
        .annotate(hazard_count=Count("hazards"))
        .order_by("-inspected_on", "-id")  # Meta.ordering does not apply to a grouped query
    )


def inspection_totals(inspections) -> dict:
    """What a bureau report says of a set of inspections: how many, how many enterprises
    (家次 and 家), person-times (人次) and the hazards they found."""
    totals = inspections.aggregate(
        inspections=Count("id"),
        enterprises=Count("enterprise_id", distinct=True),
        person_times=Sum("inspector_count"),
    )
    totals["person_times"] = totals["person_times"] or 0
    totals["hazards"] = Hazard.objects.filter(inspection__in=inspections.values("pk")).count()
    return totals


def inspection_get(*, user, inspection_id: int) -> Inspection:
    return get_for_user(
        Inspection.objects.select_related("enterprise", "region", "template", "organisation", "created_by"),
        user,
        pk=inspection_id,
    )


def _with_items(queryset):
    return queryset.prefetch_related(
        Prefetch("items", queryset=ChecklistItem.objects.filter(active=True).order_by("order", "id"))
    )


def checklist_list(*, industry: str | None = None) -> list[ChecklistTemplate]:
    # Five templates: filtering the JSON list in Python keeps the query portable.
    templates = list(_with_items(ChecklistTemplate.objects.all()))
    return [t for t in templates if industry in t.industries] if industry else templates


def checklist_get(*, code: str) -> ChecklistTemplate:
    template = _with_items(ChecklistTemplate.objects.filter(code=code)).first()
    if template is None:
        raise Http404
    return template


def checklist_for_industry(industry: str) -> ChecklistTemplate | None:
    return next(iter(checklist_list(industry=industry)), None)


def inspector_choices(*, user, enterprise, type: str | None = None):
    """Whom the form offers as inspectors: active users in the user's jurisdiction whose
    organisation stands over the enterprise (its bureau, departments, street office), and the
    enterprise's own people for a self-check. The service decides what is allowed."""
    code = enterprise.region_id
    over = [code[:n] for n in sorted(CODE_LENGTHS) if n <= len(code)]
    users = User.objects.for_user(user).filter(is_active=True).select_related("organisation")
    supervisors = users.filter(organisation__region_id__in=over).exclude(role=Role.ENTERPRISE)
    if type == InspectionType.SELF_CHECK:
        own = users.filter(role=Role.ENTERPRISE, organisation__enterprise_id=enterprise.pk)
        return (
            (supervisors | own | users.filter(pk=user.pk)).distinct().order_by("organisation_id", "username")
        )
    return (supervisors | users.filter(pk=user.pk)).distinct().order_by("organisation_id", "username")
