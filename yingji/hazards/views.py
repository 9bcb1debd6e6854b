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

from yingji.core.errors import ApplicationError
from yingji.core.industries import Industry
from yingji.core.pagination import page_of
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
    filters["enterprise"] = int(raw["enterprise"]) if raw["enterprise"].isdigit() else None
    for name in DATE_FILTERS:
        value = request.GET.get(name, "").strip()
        try:
            filters[name] = datetime.date.fromisoformat(value) if value else None
        except ValueError:
            continue
        raw[name] = value
    return raw, filters


@login_required
def hazard_list(request):
    raw, filters = list_filters(request)
    today = timezone.localdate()
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
        "filters": raw,
        "hidden": [(name, raw[name]) for name in ("counted", *DATE_FILTERS) if raw.get(name)],
        "counts": counts,
        "statuses": HazardStatus.choices,
        "levels": HazardLevel.choices,
        "sources": HazardSource.choices,
        "industries": Industry.choices,
    }
    return render(request, "hazards/list.html", context)


@login_required
def hazard_detail(request, hazard_id: int):
    hazard = selectors.hazard_get(user=request.user, hazard_id=hazard_id)
    context = {
        "hazard": hazard,
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
    data = {k: v for k, v in request.POST.items() if k != "csrfmiddlewaretoken" and v != ""}
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
