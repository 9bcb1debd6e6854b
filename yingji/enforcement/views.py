import datetime
import io
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from yingji.campaigns import tagging
from yingji.core.errors import ApplicationError
from yingji.core.industries import Industry
from yingji.core.pagination import page_of
from yingji.enforcement import deadlines, issuing, permissions, selectors, services, table, workflow
from yingji.enforcement.choices import (
    CaseAction,
    CaseSource,
    CaseStatus,
    DocumentKind,
    PartyKind,
    PenaltyKind,
    Procedure,
)
from yingji.enforcement.models import ViolationCode
from yingji.enterprises.models import Enterprise
from yingji.hazards.models import Hazard
from yingji.inspections.models import Inspection
from yingji.regions.scoping import get_for_user
from yingji.web.chips import choice_label, clear_url, enterprise_name, filter_chips, kept_params, region_name

FILTERS = (
    "q", "region", "status", "source", "procedure", "penalty", "overdue", "enterprise",
    "filed_from", "filed_to", "decided_from", "decided_to", "closed_from", "closed_to",
    "transferred_from", "transferred_to", "campaign",
)  # fmt: skip
DATES = tuple(name for name in FILTERS if name.endswith(("_from", "_to")))
DATE_LABELS = {
    "filed_from": gettext_lazy("Filed from %(date)s"),
    "filed_to": gettext_lazy("Filed to %(date)s"),
    "decided_from": gettext_lazy("Decided from %(date)s"),
    "decided_to": gettext_lazy("Decided to %(date)s"),
    "closed_from": gettext_lazy("Closed from %(date)s"),
    "closed_to": gettext_lazy("Closed to %(date)s"),
    "transferred_from": gettext_lazy("Transferred from %(date)s"),
    "transferred_to": gettext_lazy("Transferred to %(date)s"),
}
EVENT_LABELS = {
    "create": gettext_lazy("Case opened"),
    "evidence": gettext_lazy("Evidence added"),
    "document.issue": gettext_lazy("Document issued"),
    "document.regenerate": gettext_lazy("Document written again"),
}


def _label(choices, value: str) -> str:
    return str(choices(value).label) if value in choices.values else value


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
    if not raw["enterprise"].isdigit() or len(raw["enterprise"]) > 18:
        raw["enterprise"] = ""
    choices = {"status": CaseStatus, "source": CaseSource, "procedure": Procedure, "penalty": PenaltyKind}
    for name, kind in choices.items():
        if raw[name] not in kind.values:
            raw[name] = ""
    filters = dict(raw) | {name: _date(raw[name]) for name in DATES}
    filters["enterprise"] = int(raw["enterprise"]) if raw["enterprise"] else None
    filters["campaign"] = tagging.id_param(raw["campaign"])
    raw["campaign"] = str(filters["campaign"] or "")
    return raw, filters


def _chips(request, raw: dict) -> list:
    labels = [
        ("q", _("Search: %(text)s") % {"text": raw["q"]}),
        ("region", raw["region"] and region_name(raw["region"])),
        ("enterprise", enterprise_name(request.user, raw["enterprise"])),
        ("status", choice_label(CaseStatus.choices, raw["status"])),
        ("source", choice_label(CaseSource.choices, raw["source"])),
        ("procedure", choice_label(Procedure.choices, raw["procedure"])),
        ("penalty", choice_label(PenaltyKind.choices, raw["penalty"])),
        ("overdue", {"true": _("Overdue steps only"), "false": _("Not overdue")}.get(raw["overdue"], "")),
        ("campaign", raw["campaign"] and tagging.chip(request.user, raw["campaign"])),
    ]
    labels += [(name, DATE_LABELS[name] % {"date": raw[name]}) for name in DATES]
    return filter_chips(request, [(name, label) for name, label in labels if raw.get(name) and label])


@login_required
def case_list(request):
    raw, filters = _filters(request)
    cases = selectors.case_list(user=request.user, filters=filters)
    page, query = page_of(request, cases.select_related("region", "enterprise"))
    today = timezone.localdate()
    context = {
        "page": page,
        "query": query,
        "kept": kept_params(request),
        "chips": _chips(request, raw),
        "clear_url": clear_url(request, list(FILTERS)),
        "filters": raw,
        "statuses": CaseStatus.choices,
        "sources": CaseSource.choices,
        "procedures": Procedure.choices,
        "penalties": PenaltyKind.choices,
        "today": today,
        "overdue_count": selectors.overdue_count(request.user),
        "year": today.year,
        "region": request.user.organisation.region_id if request.user.organisation_id else "",
        "can_file": permissions.can_file(request.user),
    }
    return render(request, "enforcement/list.html", context)


@login_required
@require_GET
def case_table(request):
    """行政执法情况统计表 as XLSX for ?region=&year=&period= (default: the user's region, this year)."""
    year = request.GET.get("year", "")
    region = request.GET.get("region") or (
        request.user.organisation.region_id if request.user.organisation_id else ""
    )
    period = request.GET.get("period") or "year"
    if not year.isdigit() or not 2000 <= int(year) <= 2100:
        year = str(timezone.localdate().year)
    try:
        content = table.build(
            user=request.user, region_code=region[:12], year=int(year), period_code=period[:4]
        )
    except ApplicationError as error:
        if error.status == 404:
            raise Http404 from None
        return HttpResponse(error.message, status=400, content_type="text/plain; charset=utf-8")
    response = HttpResponse(content, content_type=table.XLSX_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="enforcement-table-{region}-{year}-{period}.xlsx"'
    )
    return response


def _prefill(request) -> dict:
    hazard_id, inspection_id = request.GET.get("hazard", ""), request.GET.get("inspection", "")
    if hazard_id.isdigit() and len(hazard_id) < 18:
        return services.prefill_from_hazard(get_for_user(Hazard.objects, request.user, pk=int(hazard_id)))
    if inspection_id.isdigit() and len(inspection_id) < 18:
        inspection = get_for_user(Inspection.objects, request.user, pk=int(inspection_id))
        result_id = request.GET.get("result", "")
        result = None
        if result_id.isdigit() and len(result_id) < 18:  # one failed checklist item: the finding
            result = (
                inspection.results.select_related("item").filter(pk=int(result_id), outcome="fail").first()
            )
        return services.prefill_from_inspection(inspection, result)
    return {}


def _form_values(post) -> dict:
    def number(name):
        value = post.get(name, "").strip()
        return int(value) if value.isdigit() and len(value) < 18 else None

    officers = [int(v) for v in post.getlist("officer_ids") if v.isdigit() and len(v) < 18]
    return {
        "party_kind": post.get("party_kind") or PartyKind.ORGANISATION,
        "enterprise_id": number("enterprise_id"),
        "party_name": post.get("party_name", ""),
        "party_address": post.get("party_address", ""),
        "region_code": post.get("region_code", ""),
        "source": post.get("source", ""),
        "hazard_id": number("hazard_id"),
        "inspection_id": number("inspection_id"),
        "violation_code": post.get("violation_code", ""),
        "facts": post.get("facts", ""),
        "act_on": _date(post.get("act_on", "")) or (None if post.get("act_on") else timezone.localdate()),
        "legal_basis": post.get("legal_basis", ""),
        "penalty_basis": post.get("penalty_basis", ""),
        "procedure": post.get("procedure") or Procedure.ORDINARY,
        "officer_ids": officers,
        "campaign": post.get("campaign", ""),
        "campaign_ids": tagging.from_form(post.get("campaign", "")),
    }


@login_required
@require_http_methods(["GET", "POST"])
def case_create(request):
    permissions.require_file(request.user)
    errors: dict = {}
    if request.method == "POST":
        values = _form_values(request.POST)
        try:
            case = services.case_create(actor=request.user, values=values)
        except ApplicationError as error:
            errors = error.errors
        else:
            messages.success(request, _("The case is opened and awaits filing approval."))
            return redirect("enforcement:detail", pk=case.pk)
    else:
        values = _prefill(request)
    context = {
        "values": values,
        "errors": errors,
        "officers": services.officer_choices(request.user),
        "campaigns": tagging.form_choices(request.user, timezone.localdate()),
        "enterprises": Enterprise.objects.for_user(request.user)
        .order_by("name")
        .values_list("pk", "name")[:3000],
        "codes": ViolationCode.objects.filter(active=True),
        "sources": CaseSource.choices,
        "procedures": Procedure.choices,
        "party_kinds": PartyKind.choices,
        "industries": Industry.choices,
    }
    return render(request, "enforcement/form.html", context, status=400 if errors else 200)


@login_required
def case_detail(request, pk: int):
    case = selectors.case_get(user=request.user, case_id=pk)
    actions = permissions.actions_for(request.user, case)
    context = {
        "case": case,
        "actions": [(a, CaseAction(a).label) for a in actions],
        "events": [
            (e, EVENT_LABELS.get(e.action) or _label(CaseAction, e.action), _label(CaseStatus, e.to_status))
            for e in case.events.select_related("actor")
        ],
        "penalties": case.penalties.all(),
        "payments": case.payments.all(),
        "documents": case.documents.all(),
        "evidence": case.evidence.all(),
        "officers": case.officers.all(),
        "can_file": permissions.can_file(request.user),
        "penalties_editable": case.status in services.EDITABLE_PENALTIES,
        "penalty_kinds": PenaltyKind.choices,
        "document_kinds": DocumentKind.choices,
        "hearing_applies": workflow.hearing_applies(case),
        "limitation_ends": deadlines.limitation_ends(case.act_on),
        "overdue": case.overdue_on(),
        "today": timezone.localdate(),
    }
    return render(request, "enforcement/detail.html", context)


def _action_data(post) -> dict:
    data = {"note": post.get("note", ""), "waived": post.get("waived") == "on"}
    for name in ("served_on", "paid_on"):
        if post.get(name):
            data[name] = _date(post[name]) or "bad"
    if post.get("amount"):
        data["amount"] = post["amount"].strip()[:20]
    if post.get("to"):
        data["to"] = post["to"]
    return data


@login_required
@require_POST
def case_act(request, pk: int, action: str):
    case = selectors.case_get(user=request.user, case_id=pk)
    if action not in CaseAction.values:
        raise Http404
    try:
        workflow.case_act(actor=request.user, case=case, action=action, data=_action_data(request.POST))
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Done: %(action)s.") % {"action": CaseAction(action).label})
    return redirect("enforcement:detail", pk=pk)


@login_required
@require_POST
def penalty_add(request, pk: int):
    case = selectors.case_get(user=request.user, case_id=pk)
    try:
        amount = Decimal(request.POST.get("amount") or 0)
    except ArithmeticError:
        amount = "bad"
    try:
        services.penalty_add(
            actor=request.user,
            case=case,
            kind=request.POST.get("kind", ""),
            amount=amount,
            note=request.POST.get("note", ""),
        )
    except ApplicationError as error:
        messages.error(request, error.message)
    return redirect("enforcement:detail", pk=pk)


@login_required
@require_POST
def penalty_remove(request, pk: int, penalty_id: int):
    case = selectors.case_get(user=request.user, case_id=pk)
    permissions.require_file(request.user)  # a role that may not: 403, whether or not the penalty is there
    penalty = case.penalties.filter(pk=penalty_id).first()
    if penalty is None:
        raise Http404
    try:
        services.penalty_remove(actor=request.user, penalty=penalty)
    except ApplicationError as error:
        messages.error(request, error.message)
    return redirect("enforcement:detail", pk=pk)


@login_required
@require_POST
def evidence_add(request, pk: int):
    case = selectors.case_get(user=request.user, case_id=pk)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a file."))
        return redirect("enforcement:detail", pk=pk)
    try:
        services.evidence_add(
            actor=request.user, case=case, upload=upload, description=request.POST.get("description", "")
        )
    except ApplicationError as error:
        messages.error(request, error.message)
    return redirect("enforcement:detail", pk=pk)


@login_required
@require_GET
def evidence_file(request, pk: int, evidence_id: int):
    case = selectors.case_get(user=request.user, case_id=pk)
    found = case.evidence.filter(pk=evidence_id).first()
    if found is None:
        raise Http404
    return FileResponse(found.file.open("rb"), content_type=found.content_type)


@login_required
@require_POST
def document_generate(request, pk: int):
    case = selectors.case_get(user=request.user, case_id=pk)
    try:
        document = issuing.document_issue(actor=request.user, case=case, kind=request.POST.get("kind", ""))
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Document %(number)s is ready.") % {"number": document.number})
    return redirect("enforcement:detail", pk=pk)


@login_required
@require_GET
def document_download(request, pk: int, document_id: int):
    case = selectors.case_get(user=request.user, case_id=pk)
    found = case.documents.filter(pk=document_id).first()
    if found is None:
        raise Http404
    name = f"{found.get_kind_display()}-{found.number}.docx"
    return FileResponse(io.BytesIO(issuing.document_content(found)), as_attachment=True, filename=name)
