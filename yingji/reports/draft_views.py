"""The office's pages of report drafts: the list with a new draft's form (a region picker
within the jurisdiction), and the draft itself, each paragraph editable in place with its
numbers as tokens, 定稿, the history and the downloads (the PDF made in the background)."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yingji.core.errors import ApplicationError
from yingji.reports import draft_files, drafts
from yingji.reports.draft_api import download_response
from yingji.reports.drafts import Addition, Edit
from yingji.reports.permissions import require_report_reader
from yingji.reports.views import PERIODS


@login_required
def draft_list(request):
    """The drafts in the jurisdiction; the bureau starts a new one here."""
    require_report_reader(request.user)
    errors, status = {}, 200
    if request.method == "POST":
        try:
            draft = drafts.draft_create(actor=request.user, **_new_draft(request.POST))
        except ApplicationError as e:
            errors, status = e.errors, e.status if e.status != 404 else 400
        else:
            messages.success(request, _("The draft is saved."))
            return redirect("reports:draft", draft.pk)
    today = timezone.localdate()
    form = {
        "region": request.POST.get("region") or request.GET.get("region") or "",
        "year": request.POST.get("year") or request.GET.get("year") or today.year,
        "period": request.POST.get("period") or request.GET.get("period") or "H1",
    }
    context = {
        "drafts": drafts.draft_list(request.user)[:200],
        "regions": drafts.report_regions(request.user) if drafts.can_edit(request.user) else [],
        "periods": PERIODS,
        "form": form,
        "errors": errors,
        "can_edit": drafts.can_edit(request.user),
        "windows": drafts.windows_supported(),
    }
    return render(request, "reports/drafts/list.html", context, status=status)


def _new_draft(data) -> dict:
    year = data.get("year", "")
    if not year.isdigit() or not 2000 <= int(year) <= 2100:
        raise ApplicationError(_("Enter a year."), errors={"year": [_("Enter a year.")]})
    values = {"region": data.get("region", ""), "year": int(year), "period": data.get("period", "")}
    if data.get("from") or data.get("to"):
        values = {"region": values["region"], "start": _date(data, "from"), "end": _date(data, "to")}
    return values


def _date(data, name: str) -> datetime.date | None:
    if not data.get(name):
        return None
    try:
        return datetime.date.fromisoformat(data[name])
    except ValueError:
        raise ApplicationError(_("Enter a date."), errors={name: [_("Enter a date.")]}) from None


@login_required
def draft_detail(request, pk: int, *, errors: dict | None = None, submitted: dict | None = None):
    draft = drafts.draft_get(request.user, pk)
    view = drafts.draft_view(request.user, draft)
    for slot, paragraph in view.paragraphs().items():  # a refused text is shown where it was typed
        paragraph.error, paragraph.submitted = (errors or {}).get(slot), (submitted or {}).get(slot)
    context = {
        "draft": draft,
        "view": view,
        "can_edit": drafts.can_edit(request.user) and not draft.final,
        "errors": errors or {},
        "submitted": submitted or {},
        "versions": draft.versions.select_related("actor")[:50],
        "pdf_ready": draft_files.stored_pdf(draft, view) is not None,
        "pdf_job": draft_files.latest_pdf_job(request.user, draft),
    }
    return render(request, "reports/drafts/detail.html", context, status=400 if errors else 200)


@login_required
@require_POST
def draft_edit(request, pk: int):
    """One paragraph saved, reset or removed, or the office's own paragraph added."""
    action, slot = request.POST.get("action", "save"), request.POST.get("slot", "")
    text = request.POST.get("text", "")
    try:
        if action == "add":
            section = request.POST.get("section", "")
            after = request.POST.get("after") or None
            addition = Addition(int(section) if section.isdigit() else -1, text, after)
            drafts.draft_update(actor=request.user, draft_id=pk, added=[addition])
        else:
            edit = Edit(slot, text, removed=action == "remove", reset=action == "reset")
            drafts.draft_update(actor=request.user, draft_id=pk, edits=[edit])
    except ApplicationError as e:
        if e.status != 400:
            messages.error(request, e.message)
            return redirect("reports:draft", pk)
        key = "add" if action == "add" else slot
        return draft_detail(request, pk, errors={key: e.message}, submitted={key: text})
    messages.success(request, _("The paragraph is saved."))
    anchor = "" if action in ("add", "remove") else f"#p-{slugify(slot)}"
    return redirect(reverse("reports:draft", args=[pk]) + anchor)


@login_required
@require_POST
def draft_finalise(request, pk: int):
    if not request.POST.get("confirmed"):
        messages.error(request, _("Tick the box to confirm: a finalised report no longer changes."))
        return redirect("reports:draft", pk)
    try:
        drafts.draft_finalise(actor=request.user, draft_id=pk)
    except ApplicationError as e:
        messages.error(request, e.message)
    else:
        messages.success(request, _("The report is finalised: its text and numbers no longer change."))
    return redirect("reports:draft", pk)


@login_required
@require_POST
def draft_pdf(request, pk: int):
    draft_files.start_pdf(actor=request.user, draft_id=pk)
    messages.success(request, _("The PDF is being made; this page shows when it is ready."))
    return redirect("reports:draft", pk)


@login_required
def draft_download(request, pk: int, extension: str) -> HttpResponse:
    try:
        return download_response(request.user, pk, extension)
    except ApplicationError as e:
        messages.error(request, e.message)
        return redirect("reports:draft", pk)
