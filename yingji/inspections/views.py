"""Inspection pages: the scoped list, the phone-first form with its checklist, the record with
its results, hazards and photos. Every write goes through services."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import F, Q
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yingji.accounts.choices import Role
from yingji.campaigns import tagging
from yingji.core.errors import ApplicationError
from yingji.core.industries import Industry
from yingji.core.pagination import page_of
from yingji.enterprises.models import Enterprise
from yingji.inspections import permissions, selectors, services
from yingji.inspections.choices import InspectionType
from yingji.inspections.forms import InspectionForm
from yingji.inspections.models import ChecklistTemplate
from yingji.web.chips import (
    choice_label,
    clear_url,
    enterprise_name,
    filter_chips,
    kept_params,
    region_name,
    sort_key,
    sort_links,
)

FILTERS = ("q", "region", "enterprise", "type", "industry", "from", "to", "supervision", "campaign")
# Sortable columns: `sort` is one of these, or one with a leading "-" (descending).
SORTS = {
    "inspected_on": "inspected_on",
    "enterprise": "enterprise__name",
    "person_times": "inspector_count",
    "hazards": "hazard_count",
}


def _filters(request) -> tuple[dict, dict]:
    """The query string as the selector's filters; a value that does not parse is dropped."""
    raw = {name: request.GET.get(name, "").strip() for name in FILTERS}
    filters = {"region": raw["region"], "type": raw["type"], "industry": raw["industry"], "q": raw["q"]}
    filters["supervision"] = raw["supervision"] == "1"  # the supervisors' inspections, no self-checks
    for name, key in (("from", "date_from"), ("to", "date_to")):
        try:
            filters[key] = datetime.date.fromisoformat(raw[name]) if raw[name] else None
        except ValueError:
            raw[name] = ""
    if not raw["enterprise"].isdigit() or len(raw["enterprise"]) > 18:
        raw["enterprise"] = ""
    filters["enterprise"] = int(raw["enterprise"]) if raw["enterprise"] else None
    filters["campaign"] = tagging.id_param(raw["campaign"])
    raw["campaign"] = str(filters["campaign"] or "")
    return raw, filters


def _chip_labels(request, raw: dict) -> list[tuple[str, str]]:
    """Every filter the list applies, as its chip says it."""
    labels = [
        ("q", _("Search: %(text)s") % {"text": raw["q"]}),
        ("region", raw["region"] and region_name(raw["region"])),
        ("enterprise", enterprise_name(request.user, raw["enterprise"])),
        ("type", choice_label(InspectionType.choices, raw["type"])),
        ("industry", choice_label(Industry.choices, raw["industry"])),
        ("from", _("Inspected from %(date)s") % {"date": raw["from"]}),
        ("to", _("Inspected to %(date)s") % {"date": raw["to"]}),
        ("campaign", raw["campaign"] and tagging.chip(request.user, raw["campaign"])),
    ]
    return [(name, label) for name, label in labels if raw.get(name)]


def _sorted(inspections, key: str):
    if not key:
        return inspections
    field = F(SORTS[key.lstrip("-")])
    descending = key.startswith("-")
    first = field.desc(nulls_last=True) if descending else field.asc(nulls_last=True)
    return inspections.order_by(first, "-id" if descending else "id")


@login_required
def inspection_list(request):
    raw, filters = _filters(request)
    sort = sort_key(request, SORTS, "")
    inspections = _sorted(selectors.inspection_list(user=request.user, filters=filters), sort)
    page, query = page_of(request, inspections)
    context = {
        "page": page,
        "query": query,
        "kept": kept_params(request),
        "chips": filter_chips(request, _chip_labels(request, raw)),
        "clear_url": clear_url(request, list(FILTERS)),
        "sorts": sort_links(request, SORTS, sort),
        "sort": sort,
        "filters": raw,
        "totals": selectors.inspection_totals(
            selectors.inspection_filter(user=request.user, filters=filters)
        ),
        "types": InspectionType.choices,
        "industries": Industry.choices,
        "can_record": permissions.can_record(request.user),
    }
    return render(request, "inspections/list.html", context)


def _enterprise(request) -> Enterprise | None:
    """The enterprise being inspected: an enterprise user's own; otherwise the one chosen."""
    enterprises = Enterprise.objects.for_user(request.user)
    if request.user.role == Role.ENTERPRISE:
        return enterprises.first()
    value = (request.POST.get("enterprise") or request.GET.get("enterprise") or "").strip()
    if not value:
        return None
    enterprise = enterprises.filter(pk=int(value)).first() if value.isdigit() and len(value) <= 18 else None
    if enterprise is None:
        raise Http404  # outside the jurisdiction, or no such enterprise
    return enterprise


def _template(request, enterprise: Enterprise) -> ChecklistTemplate | None:
    """The checklist chosen, else the one for the enterprise's industry; "none" for no checklist."""
    code = (request.POST.get("template") or request.GET.get("template") or "").strip()
    if code == "none":
        return None
    if code:
        template = ChecklistTemplate.objects.filter(code=code[:32]).first()
        if template:
            return template
    return selectors.checklist_for_industry(enterprise.industry)


@login_required
def inspection_new(request):
    """Pick the enterprise, then fill the checklist; failed items reveal the hazard they propose."""
    if not permissions.can_record(request.user):
        raise PermissionDenied(_("Your role may not record inspections."))
    enterprise = _enterprise(request)
    if enterprise is None:
        search = request.GET.get("search", "").strip()[:100]
        found = Enterprise.objects.for_user(request.user).filter(Q(name__contains=search) | Q(uscc=search))
        context = {"search": search, "found": found.select_related("region")[:30] if search else []}
        return render(request, "inspections/choose.html", context)
    template = _template(request, enterprise)
    form_args = {"user": request.user, "enterprise": enterprise, "template": template}
    photos = request.FILES.getlist("photos")
    if request.method == "POST":
        form = InspectionForm(request.POST, **form_args)
        if form.is_valid():
            try:
                inspection = form.record(photos)
            except ApplicationError as e:
                form.add_service_errors(e.errors)
            else:
                messages.success(request, _("Inspection recorded."))
                return redirect("inspections:detail", inspection_id=inspection.pk)
    else:
        form = InspectionForm(**form_args)
    context = {
        "form": form,
        "enterprise": enterprise,
        "template": template,
        "templates": ChecklistTemplate.objects.all(),
        "photos_lost": bool(photos) and form.is_bound,
        "can_change_enterprise": request.user.role != Role.ENTERPRISE,
    }
    # A refused form comes back as a page (200, as Django's own form views answer), not an error.
    return render(request, "inspections/form.html", context)


@login_required
def inspection_detail(request, inspection_id: int):
    inspection = selectors.inspection_get(user=request.user, inspection_id=inspection_id)
    context = {
        "inspection": inspection,
        "inspectors": inspection.inspectors.select_related("organisation"),
        "results": inspection.results.select_related("item", "hazard"),
        "hazards": inspection.hazards.order_by("pk"),
        "photos": inspection.photos.all(),
        "can_add_photos": permissions.can_add_photos(request.user, inspection),
    }
    return render(request, "inspections/detail.html", context)


@login_required
@require_POST
def inspection_add_photos(request, inspection_id: int):
    inspection = selectors.inspection_get(user=request.user, inspection_id=inspection_id)
    try:
        added = services.inspection_add_photos(
            actor=request.user, inspection=inspection, photos=request.FILES.getlist("photos")
        )
    except ApplicationError as e:
        for problems in e.errors.values():
            for problem in problems:
                messages.error(request, problem)
    else:
        messages.success(request, _("%(count)s photos added.") % {"count": len(added)})
    return redirect("inspections:detail", inspection_id=inspection.pk)


@login_required
def photo_file(request, inspection_id: int, photo_id: int):
    """Photos are served only to users who may see the inspection."""
    inspection = selectors.inspection_get(user=request.user, inspection_id=inspection_id)
    photo = inspection.photos.filter(pk=photo_id).first()
    if photo is None:
        raise Http404
    return FileResponse(photo.file.open("rb"), content_type=photo.content_type, filename=photo.original_name)


@login_required
def checklist_list(request):
    return render(request, "inspections/checklists.html", {"templates": selectors.checklist_list()})
