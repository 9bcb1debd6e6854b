"""Hazard pages: the list with filters and counts, and the record with its timeline and the
actions the user may take. Every write goes through services.hazard_act."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yingji.campaigns import tagging
from yingji.core.errors import ApplicationError
from yingji.core.industries import Industry
from yingji.core.pagination import page_of
from yingji.enterprises.selectors import streets_with_enterprises
from yingji.hazards import selectors, services
from yingji.hazards.choices import (
    DONE_STATES,
    OPEN_STATES,
    HazardAction,
    HazardLevel,
    HazardSource,
    HazardStatus,
)
from yingji.hazards.permissions import actions_for
from yingji.inspections.models import Inspection
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

FILTERS = (
    "region",
    "industry",
    "level",
    "status",
    "source",
    "overdue",
    "enterprise",
    "from",
    "to",
    "counted",
    "q",
    "street",
)
# Dates a statistic's click-through may add (see hazards/indicators.py).
DATE_FILTERS = ("rectified_by", "listed_from", "listed_to", "open_on", "overdue_on")


def list_filters(request) -> tuple[dict, dict]:
    """The query string as the selector's filters; a value that does not parse is dropped."""
    raw = {name: request.GET.get(name, "").strip() for name in FILTERS}
    filters = {k: v for k, v in raw.items() if k not in ("from", "to", "enterprise")}
    for name, key in (("from", "date_from"), ("to", "date_to")):
        try:
            filters[key] = datetime.date.fromisoformat(raw[name]) if raw[name] else None
        except ValueError:
            raw[name] = ""
    if not raw["enterprise"].isdigit() or len(raw["enterprise"]) > 18:
        raw["enterprise"] = ""
    filters["enterprise"] = int(raw["enterprise"]) if raw["enterprise"] else None
    filters["campaign"] = tagging.id_param(request.GET.get("campaign", ""))
    raw["campaign"] = str(filters["campaign"] or "")
    for name in DATE_FILTERS:
        value = request.GET.get(name, "").strip()
        try:
            filters[name] = datetime.date.fromisoformat(value) if value else None
        except ValueError:
            continue
        raw[name] = value
    return raw, filters


def chip_labels(request, raw: dict) -> list[tuple[str, str]]:
    """Every filter the list applies, as its chip says it (dates as the query gives them)."""
    labels = [
        ("q", _("Search: %(text)s") % {"text": raw["q"]}),
        ("region", raw["region"] and region_name(raw["region"])),
        ("street", raw["street"] and region_name(raw["street"])),
        ("enterprise", enterprise_name(request.user, raw["enterprise"])),
        ("status", choice_label(HazardStatus.choices, raw["status"])),
        ("level", choice_label(HazardLevel.choices, raw["level"])),
        ("source", choice_label(HazardSource.choices, raw["source"])),
        ("industry", choice_label(Industry.choices, raw["industry"])),
        ("overdue", _("Overdue only") if raw["overdue"] == "true" else _("Not overdue")),
        ("from", _("Found from %(date)s") % {"date": raw["from"]}),
        ("to", _("Found to %(date)s") % {"date": raw["to"]}),
        ("counted", _("As the statistics count (cancelled left out)")),
        ("campaign", raw["campaign"] and tagging.chip(request.user, raw["campaign"])),
        ("rectified_by", _("Rectified by %(date)s") % {"date": raw.get("rectified_by")}),
        ("listed_from", _("Listed from %(date)s") % {"date": raw.get("listed_from")}),
        ("listed_to", _("Listed to %(date)s") % {"date": raw.get("listed_to")}),
        ("open_on", _("Open on %(date)s") % {"date": raw.get("open_on")}),
        ("overdue_on", _("Overdue as of %(date)s") % {"date": raw.get("overdue_on")}),
    ]
    # A date that did not parse is not applied, so it shows no chip either.
    return [(name, label) for name, label in labels if raw.get(name)]


@login_required
def hazard_list(request):
    raw, filters = list_filters(request)
    today = timezone.localdate()
    filters["sort"] = sort = sort_key(request, selectors.SORTS, "-found_at")
    hazards = selectors.hazard_list(user=request.user, filters=filters, today=today)
    counts = hazards.aggregate(
        total=Count("id"),
        open=Count("id", filter=Q(status__in=OPEN_STATES)),
        done=Count("id", filter=Q(status__in=DONE_STATES)),
        overdue=Count("id", filter=Q(deadline__lt=today, status__in=OPEN_STATES)),
        major=Count("id", filter=Q(level=HazardLevel.MAJOR)),
    )
    page, query = page_of(request, hazards.select_related("enterprise", "region"))
    context = {
        "page": page,
        "query": query,
        "kept": kept_params(request),
        "filters": raw,
        "hidden": [
            (name, raw[name])
            for name in ("counted", "enterprise", "campaign", *DATE_FILTERS)
            if raw.get(name)
        ],
        "chips": filter_chips(request, chip_labels(request, raw)),
        "clear_url": clear_url(request, [*FILTERS, "campaign", *DATE_FILTERS]),
        "sorts": sort_links(request, selectors.SORTS, sort),
        "sort": sort,
        "streets": streets_with_enterprises(user=request.user),
        "counts": counts,
        "statuses": HazardStatus.choices,
        "levels": HazardLevel.choices,
        "sources": HazardSource.choices,
        "industries": Industry.choices,
    }
    return render(request, "hazards/list.html", context)


# Actions that cannot be taken back: the page asks before it sends them (static/js/confirm.js),
# and without the script the user ticks `confirmed`; the view refuses them unticked.
CONFIRMED_ACTIONS = (HazardAction.APPROVE, HazardAction.CLOSE)
PHOTOS_SHOWN = 6


def _found_by(user, hazard) -> dict | None:
    """The inspection that found the hazard, with its inspectors and photos, if the user may
    see it (its own scope, not the hazard's)."""
    if not hazard.inspection_id:
        return None
    inspection = (
        Inspection.objects.for_user(user).select_related("created_by").filter(pk=hazard.inspection_id).first()
    )
    if inspection is None:
        return None
    inspectors = list(inspection.inspectors.all())
    if not inspectors and inspection.created_by:
        inspectors = [inspection.created_by]
    return {
        "inspection": inspection,
        "inspectors": inspectors,
        "photos": list(inspection.photos.all()[:PHOTOS_SHOWN]),
    }


@login_required
def hazard_detail(request, hazard_id: int):
    hazard = selectors.hazard_get(user=request.user, hazard_id=hazard_id)
    context = {
        "hazard": hazard,
        "found_by": _found_by(request.user, hazard),
        "events": hazard.events.select_related("actor"),
        "evidence": hazard.evidence.all(),
        "actions": actions_for(request.user, hazard),
        "plan": getattr(hazard, "plan", None),
        "today": timezone.localdate(),
        "can_plan": hazard.level == HazardLevel.MAJOR
        and hazard.status == HazardStatus.REPORTED
        and HazardAction.ASSIGN in actions_for(request.user, hazard),
    }
    return render(request, "hazards/detail.html", context)


@login_required
@require_POST
def hazard_action(request, hazard_id: int, action: str):
    hazard = selectors.hazard_get(user=request.user, hazard_id=hazard_id)
    data = {
        k: v for k, v in request.POST.items() if k not in ("csrfmiddlewaretoken", "confirmed") and v != ""
    }
    if action in CONFIRMED_ACTIONS and request.POST.get("confirmed") != "1":
        messages.error(
            request,
            _("Nothing was changed: tick the box to confirm %(action)s.")
            % {"action": HazardAction(action).label},
        )
        return redirect("hazards:detail", hazard_id=hazard_id)
    try:
        services.hazard_act(
            actor=request.user, hazard=hazard, action=action, data=data, files=request.FILES.getlist("files")
        )
    except ApplicationError as e:
        for field, problems in e.errors.items():
            for problem in problems:
                messages.error(request, problem if field == "non_field_errors" else f"{field}: {problem}")
    except PermissionDenied as e:
        messages.error(request, str(e) or _("Your role may not do this."))
    else:
        messages.success(request, _("Done: %(action)s.") % {"action": HazardAction(action).label})
    return redirect("hazards:detail", hazard_id=hazard_id)


@login_required
@require_POST
def hazard_plan(request, hazard_id: int):
    hazard = selectors.hazard_get(user=request.user, hazard_id=hazard_id)
    items = {k: request.POST.get(k, "").strip() for k in services.PLAN_FIELDS}
    try:
        services.hazard_set_plan(actor=request.user, hazard=hazard, **items)
    except ApplicationError as e:
        messages.error(request, e.message)
    return redirect("hazards:detail", hazard_id=hazard_id)


@login_required
def evidence_file(request, hazard_id: int, evidence_id: int, thumbnail: bool = False):
    """Evidence is served only to users who may see the hazard."""
    hazard = selectors.hazard_get(user=request.user, hazard_id=hazard_id)
    evidence = hazard.evidence.filter(pk=evidence_id).first()
    if evidence is None or (thumbnail and not evidence.thumbnail):
        raise Http404
    stored = evidence.thumbnail if thumbnail else evidence.file
    return FileResponse(
        stored.open("rb"),
        content_type="image/jpeg" if thumbnail else evidence.content_type,
        filename=evidence.original_name,
        as_attachment=False,
    )
