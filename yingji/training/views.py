"""The pages: events (training and publicity), exam sittings and demonstration communities,
each a list with its create form; a community being created is named from its list."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from yingji.core.errors import ApplicationError
from yingji.core.pagination import page_of
from yingji.regions.selectors import region_choices
from yingji.training import permissions, selectors, services
from yingji.training.choices import (
    PUBLICITY_KINDS,
    TRAINING_KINDS,
    CommunityLevel,
    CommunityStatus,
    SpecialOperation,
    TrainingKind,
)
from yingji.training.models import DemoCommunity

GROUPS = {"training": TRAINING_KINDS, "publicity": PUBLICITY_KINDS}


def _date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _filters(request, *names) -> dict:
    raw = {
        name: request.GET.get(name, "").strip()[:20] for name in ("region", "date_from", "date_to", *names)
    }
    raw["date_from"] = raw["date_from"] if _date(raw["date_from"]) else ""
    raw["date_to"] = raw["date_to"] if _date(raw["date_to"]) else ""
    return raw


@login_required
def event_list(request):
    raw = _filters(request, "kind", "group")
    raw["kind"] = raw["kind"] if raw["kind"] in TrainingKind.values else ""
    filters = dict(raw) | {"kinds": GROUPS.get(raw["group"])}
    events = selectors.event_list(user=request.user, filters=filters)
    page, query = page_of(request, events)
    totals = events.aggregate(
        sessions=Sum("sessions"), participants=Sum("participants"), materials=Sum("materials")
    )
    context = {"page": page, "query": query, "filters": raw, "kinds": TrainingKind.choices, "totals": totals,
               "can_record": permissions.can_record_event(request.user)}  # fmt: skip
    return render(request, "training/list.html", context)


def _regions(user) -> list[tuple[str, str]]:
    return region_choices(user)


def _form(request, *, allowed, fields, service, title, success_url, defaults):
    if not allowed:
        raise PermissionDenied
    errors: dict = {}
    values = {name: request.POST.get(name, "").strip() for name, *_rest in fields}
    if request.method == "POST":
        try:
            service(actor=request.user, values=values)
        except ApplicationError as error:
            errors = error.errors
        else:
            messages.success(request, _("Saved."))
            return redirect(success_url)
    else:
        values |= defaults
    rows = [
        (name, label, kind, options, values.get(name, ""), errors.get(name))
        for name, label, kind, options in fields
    ]
    context = {"title": title, "rows": rows, "errors": errors}
    return render(request, "training/form.html", context, status=400 if errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def event_create(request):
    fields = [
        ("kind", gettext_lazy("Kind"), "select", TrainingKind.choices),
        ("title", gettext_lazy("Title"), "text", None),
        ("held_on", gettext_lazy("Held on"), "date", None),
        ("region_code", gettext_lazy("District or street"), "select", _regions(request.user)),
        ("organiser", gettext_lazy("Organiser"), "text", None),
        ("audience", gettext_lazy("Audience"), "text", None),
        ("sessions", gettext_lazy("Sessions"), "number", None),
        ("participants", gettext_lazy("Participants (person-times)"), "number", None),
        ("materials", gettext_lazy("Materials distributed (copies)"), "number", None),
        ("note", gettext_lazy("Note"), "text", None),
    ]
    defaults = {
        "held_on": timezone.localdate().isoformat(),
        "sessions": "1",
        "participants": "0",
        "materials": "0",
    }
    return _form(request, allowed=permissions.can_record_event(request.user), fields=fields, service=services.event_create,
                 title=_("Record a training or publicity event"), success_url="training:list", defaults=defaults)  # fmt: skip


@login_required
def exam_list(request):
    raw = _filters(request, "operation")
    exams = selectors.exam_list(user=request.user, filters=raw)
    page, query = page_of(request, exams)
    context = {"page": page, "query": query, "filters": raw, "totals": exams.aggregate(c=Sum("candidates"), p=Sum("passed")),
               "can_record": permissions.can_record_exam(request.user)}  # fmt: skip
    return render(request, "training/exams.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def exam_create(request):
    fields = [
        ("held_on", gettext_lazy("Held on"), "date", None),
        ("operation", gettext_lazy("Special operation"), "select", SpecialOperation.choices),
        ("region_code", gettext_lazy("District or street"), "select", _regions(request.user)),
        ("organiser", gettext_lazy("Exam centre"), "text", None),
        ("candidates", gettext_lazy("Candidates"), "number", None),
        ("passed", gettext_lazy("Passed"), "number", None),
    ]
    return _form(request, allowed=permissions.can_record_exam(request.user), fields=fields, service=services.exam_create,
                 title=_("Record an exam sitting"), success_url="training:exams",
                 defaults={"held_on": timezone.localdate().isoformat()})  # fmt: skip


@login_required
def community_list(request):
    status = request.GET.get("status", "")
    filters = {
        "status": status if status in CommunityStatus.values else "",
        "region": request.GET.get("region", "")[:12],
    }
    communities = selectors.community_list(user=request.user, filters=filters)
    page, query = page_of(request, communities)
    context = {"page": page, "query": query, "filters": filters, "levels": CommunityLevel.choices,
               "year": timezone.localdate().year, "can_record": permissions.can_record_community(request.user)}  # fmt: skip
    return render(request, "training/communities.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def community_create(request):
    fields = [
        ("name", gettext_lazy("Name"), "text", None),
        ("region_code", gettext_lazy("District or street"), "select", _regions(request.user)),
        ("started_on", gettext_lazy("Creation started on"), "date", None),
        ("note", gettext_lazy("Note"), "text", None),
    ]
    return _form(request, allowed=permissions.can_record_community(request.user), fields=fields,
                 service=services.community_create, title=_("Add a demonstration community"),
                 success_url="training:communities", defaults={"started_on": timezone.localdate().isoformat()})  # fmt: skip


@login_required
@require_POST
def community_name(request, pk: int):
    community = selectors.get(DemoCommunity, user=request.user, pk=pk)
    try:
        services.community_name(actor=request.user, community=community, values=request.POST.dict())
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(name)s named.") % {"name": community.name})
    return redirect("training:communities")
