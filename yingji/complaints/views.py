"""The staff's pages: the complaint list (filters as chips, XLSX export), a complaint's page
(timeline, next steps; the reporter only for its complaint handlers, each view audited) and
the intake form."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from yingji.accounts.choices import OrgKind
from yingji.accounts.models import Organisation
from yingji.complaints import export, permissions, selectors, services, workflow
from yingji.complaints.choices import Action, Channel, NotifiedHow, Status, Verification
from yingji.complaints.privacy import reporter_for
from yingji.core.errors import ApplicationError
from yingji.core.pagination import page_of
from yingji.hazards.models import Hazard
from yingji.inspections.models import Inspection
from yingji.regions.selectors import region_choices
from yingji.web.chips import choice_label, clear_url, filter_chips, kept_params, region_name

FILTERS = ("q", "region", "status", "channel", "verification", "overdue", "found_true",
           "received_from", "received_to", "verified_from", "verified_to", "closed_from", "closed_to",
           "paid_from", "paid_to")  # fmt: skip
DATES = tuple(name for name in FILTERS if name.endswith(("_from", "_to")))
DATE_LABELS = {
    "received_from": gettext_lazy("Received from %(date)s"),
    "received_to": gettext_lazy("Received to %(date)s"),
    "verified_from": gettext_lazy("Verified from %(date)s"),
    "verified_to": gettext_lazy("Verified to %(date)s"),
    "closed_from": gettext_lazy("Closed from %(date)s"),
    "closed_to": gettext_lazy("Closed to %(date)s"),
    "paid_from": gettext_lazy("Reward paid from %(date)s"),
    "paid_to": gettext_lazy("Reward paid to %(date)s"),
}
CHOICES = {"status": Status, "channel": Channel, "verification": Verification}
FORM_FIELDS = ("channel", "transferred_from", "received_on", "region_code", "place", "enterprise_name",
               "content", "items", "reporter_name", "reporter_phone")  # fmt: skip
ACTION_FIELDS = ("note", "unit_id", "deadline", "verification", "result", "verified_on", "inspection_id",
                 "hazard_id", "case_id", "closed_on", "amount", "decided_on", "paid_on", "how", "notified_on")  # fmt: skip


def _date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _filters(request) -> tuple[dict, dict]:
    raw = {name: request.GET.get(name, "").strip()[:100] for name in FILTERS}
    for name in DATES:
        if _date(raw[name]) is None:
            raw[name] = ""
    for name, kind in CHOICES.items():
        if raw[name] not in kind.values:
            raw[name] = ""
    return raw, dict(raw) | {name: _date(raw[name]) for name in DATES}


def _chips(request, raw: dict) -> list:
    labels = [
        ("q", _("Search: %(text)s") % {"text": raw["q"]}),
        ("region", raw["region"] and region_name(raw["region"])),
        ("status", choice_label(Status.choices, raw["status"])),
        ("channel", choice_label(Channel.choices, raw["channel"])),
        ("verification", choice_label(Verification.choices, raw["verification"])),
        (
            "overdue",
            {"true": _("Past the deadline"), "false": _("Not past the deadline")}.get(raw["overdue"], ""),
        ),
        ("found_true", raw["found_true"] == "true" and _("Found true or partly true")),
    ]
    labels += [(name, DATE_LABELS[name] % {"date": raw[name]}) for name in DATES]
    return filter_chips(request, [(name, label) for name, label in labels if raw.get(name) and label])


@login_required
def complaint_list(request):
    raw, filters = _filters(request)
    complaints = selectors.complaint_list(user=request.user, filters=filters)
    page, query = page_of(request, complaints)
    context = {
        "page": page,
        "query": query,
        "kept": kept_params(request),
        "chips": _chips(request, raw),
        "clear_url": clear_url(request, list(FILTERS)),
        "filters": raw,
        "statuses": Status.choices,
        "channels": Channel.choices,
        "verifications": Verification.choices,
        "overdue_count": selectors.overdue_count(request.user),
        "can_handle": permissions.can_handle(request.user),
    }
    return render(request, "complaints/list.html", context)


@login_required
@require_GET
def complaint_export(request):
    _raw, filters = _filters(request)
    return export.complaint_export_response(selectors.complaint_list(user=request.user, filters=filters))


def _regions(user) -> list[tuple[str, str]]:
    return region_choices(user)


@login_required
@require_http_methods(["GET", "POST"])
def complaint_create(request):
    permissions.require_handle(request.user)
    errors: dict = {}
    values = {name: request.POST.get(name, "").strip() for name in FORM_FIELDS}
    values["anonymous"] = request.POST.get("anonymous") == "on"
    if request.method == "POST":
        data = dict(values)
        data["items"] = (
            int(values["items"])
            if values["items"].isdigit() and len(values["items"]) < 4
            else values["items"] or 1
        )
        try:
            complaint = services.complaint_create(actor=request.user, values=data)
        except ApplicationError as error:
            errors = error.errors
        else:
            messages.success(request, _("Complaint %(receipt)s taken in.") % {"receipt": complaint.receipt})
            return redirect("complaints:detail", pk=complaint.pk)
    else:
        values |= {
            "channel": Channel.HOTLINE_12350,
            "received_on": timezone.localdate().isoformat(),
            "items": "1",
        }
    context = {
        "values": values,
        "errors": errors,
        "channels": Channel.choices,
        "regions": _regions(request.user),
    }
    return render(request, "complaints/form.html", context, status=400 if errors else 200)


def _links(user, complaint) -> dict:
    if not complaint.enterprise_id:
        return {"inspections": [], "hazards": []}
    inspections = Inspection.objects.for_user(user).filter(enterprise_id=complaint.enterprise_id)
    hazards = Hazard.objects.for_user(user).filter(enterprise_id=complaint.enterprise_id)
    return {
        "inspections": list(inspections.order_by("-inspected_on", "-pk")[:30]),
        "hazards": list(hazards.order_by("-created_at", "-pk")[:30]),
    }


@login_required
def complaint_detail(request, pk: int):
    complaint = selectors.complaint_get(user=request.user, complaint_id=pk)
    actions = permissions.actions_for(request.user, complaint)
    units = (
        Organisation.objects.for_user(request.user).exclude(kind=OrgKind.ENTERPRISE).order_by("kind", "name")
        if Action.ASSIGN in actions
        else []
    )
    today = timezone.localdate()
    context = {
        "complaint": complaint,
        "reporter": reporter_for(request.user, complaint),
        "actions": [(a, Action(a).label) for a in actions],
        "events": [
            (
                e,
                _label(Action, e.action) if e.action != "create" else _("Taken in"),
                _label(Status, e.to_status),
            )
            for e in complaint.events.select_related("actor")
        ],
        "attachments": complaint.attachments.all(),
        "units": units,
        "verifications": Verification.choices,
        "hows": NotifiedHow.choices,
        "today": today,
        "default_deadline": today + datetime.timedelta(days=15),
        **(_links(request.user, complaint) if Action.VERIFY in actions else {}),
    }
    return render(request, "complaints/detail.html", context)


def _label(choices, value: str) -> str:
    return str(choices(value).label) if value in choices.values else value


@login_required
@require_POST
def complaint_act(request, pk: int, action: str):
    complaint = selectors.complaint_get(user=request.user, complaint_id=pk)
    if action not in Action.values:
        raise Http404
    data = {
        name: request.POST.get(name, "").strip()
        for name in ACTION_FIELDS
        if request.POST.get(name, "").strip()
    }
    try:
        workflow.complaint_act(actor=request.user, complaint=complaint, action=action, data=data)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Done: %(action)s.") % {"action": Action(action).label})
    return redirect("complaints:detail", pk=pk)


@login_required
def attachment_file(request, pk: int, attachment_id: int):
    complaint = selectors.complaint_get(user=request.user, complaint_id=pk)
    found = complaint.attachments.filter(pk=attachment_id).first()
    if found is None:
        raise Http404
    return FileResponse(found.file.open("rb"), content_type=found.content_type)
