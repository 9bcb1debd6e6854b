import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from yingji.accidents import grading, notice, permissions, selectors, services
from yingji.accidents.choices import (
    AccidentAction,
    AccidentGrade,
    AccidentKind,
    InvestigationStatus,
)
from yingji.accidents.export import accident_export_response
from yingji.accidents.forms import (
    ACTION_FORMS,
    AccidentForm,
    CompleteMeasureForm,
    MeasureForm,
    ReportMadeForm,
    ReportUploadForm,
    UpdateForm,
    add_service_errors,
    category_choices,
    region_options,
)
from yingji.accidents.models import AccidentMeasure
from yingji.accidents.money import parse_yuan
from yingji.core.errors import ApplicationError
from yingji.core.industries import Industry
from yingji.core.pagination import page_of
from yingji.tasks import permissions as tasks_permissions
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
    "q",
    "region",
    "enterprise",
    "kind",
    "category",
    "industry",
    "grade",
    "status",
    "from",
    "to",
    "late",
)


def _parse_date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _list_filters(request) -> tuple[dict, dict]:
    """The query string as the selector's filters; a value that does not parse is dropped."""
    raw = {name: request.GET.get(name, "").strip() for name in FILTERS}
    for name in ("from", "to"):
        if _parse_date(raw[name]) is None:
            raw[name] = ""
    if not raw["enterprise"].isdigit() or len(raw["enterprise"]) > 18:
        raw["enterprise"] = ""
    filters = raw | {"date_from": _parse_date(raw["from"]), "date_to": _parse_date(raw["to"])}
    filters["enterprise"] = int(raw["enterprise"]) if raw["enterprise"] else None
    filters["sort"] = sort_key(request, selectors.SORTS, "")
    return raw, filters


def _chip_labels(request, raw: dict) -> list[tuple[str, str]]:
    """Every filter the list applies, as its chip says it."""
    late = {"true": _("Late (迟报) only"), "false": _("On time only")}
    labels = [
        ("q", _("Search: %(text)s") % {"text": raw["q"]}),
        ("region", raw["region"] and region_name(raw["region"])),
        ("enterprise", enterprise_name(request.user, raw["enterprise"])),
        ("kind", choice_label(AccidentKind.choices, raw["kind"])),
        ("category", choice_label(category_choices(), raw["category"])),
        ("industry", choice_label(Industry.choices, raw["industry"])),
        ("grade", choice_label(AccidentGrade.choices, raw["grade"])),
        ("status", choice_label(InvestigationStatus.choices, raw["status"])),
        ("late", late.get(raw["late"], "")),
        ("from", _("Occurred from %(date)s") % {"date": raw["from"]}),
        ("to", _("Occurred to %(date)s") % {"date": raw["to"]}),
    ]
    return [(name, label) for name, label in labels if raw.get(name) and label]


@login_required
def accident_list(request):
    raw, filters = _list_filters(request)
    accidents = selectors.accident_list(user=request.user, filters=filters)
    page, query = page_of(request, accidents.with_open_measures().select_related("region", "enterprise"))
    context = {
        "page": page,
        "query": query,
        "kept": kept_params(request),
        "chips": filter_chips(request, _chip_labels(request, raw)),
        "clear_url": clear_url(request, list(FILTERS)),
        "sorts": sort_links(request, selectors.SORTS, filters["sort"]),
        "sort": filters["sort"],
        "filters": raw,
        "totals": selectors.accident_totals(accidents),
        "regions": region_options(request.user) or [],
        "kinds": AccidentKind.choices,
        "categories": category_choices(),
        "industries": Industry.choices,
        "grades": AccidentGrade.choices,
        "statuses": InvestigationStatus.choices,
        "can_write": permissions.can_write(request.user),
    }
    return render(request, "accidents/list.html", context)


@login_required
@require_GET
def accident_export(request):
    """The accidents the list shows with the same query string (?format=csv for CSV)."""
    _raw, filters = _list_filters(request)
    accidents = selectors.accident_list(user=request.user, filters=filters)
    fmt = "csv" if request.GET.get("format") == "csv" else "xlsx"
    return accident_export_response(accidents, fmt=fmt)


@login_required
@require_http_methods(["GET", "POST"])
def accident_create(request):
    permissions.require_write(request.user)
    form = AccidentForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            accident = services.accident_register(actor=request.user, **form.service_kwargs())
        except ApplicationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The accident is registered."))
            return redirect("accidents:detail", pk=accident.pk)
    return render(
        request,
        "accidents/form.html",
        {"form": form, "grade": _preview(form.data), "title": _("Register an accident")},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def accident_edit(request, pk: int):
    accident = selectors.accident_get(user=request.user, accident_id=pk)
    permissions.require_write(request.user)
    form = AccidentForm(request.POST or None, user=request.user, figures=False, initial=_initial(accident))
    if request.method == "POST" and form.is_valid():
        try:
            services.accident_update(actor=request.user, accident=accident, changes=form.service_kwargs())
        except ApplicationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The accident is saved."))
            return redirect("accidents:detail", pk=accident.pk)
    context = {"form": form, "accident": accident, "title": _("Correct the accident")}
    return render(request, "accidents/form.html", context, status=400 if form.errors else 200)


def _initial(accident) -> dict:
    return {
        "occurred_at": timezone.localtime(accident.occurred_at),
        "region_code": accident.region_id,
        "place": accident.place,
        "enterprise": accident.enterprise.name if accident.enterprise_id else "",
        "kind": accident.kind,
        "domain": accident.domain,
        "category": accident.category,
        "industry": accident.industry,
        "summary": accident.summary,
        "cause": accident.cause,
        "report_source": accident.report_source,
        "reported_at": timezone.localtime(accident.reported_at),
    }


def _preview(data) -> str | None:
    """The grade the figures typed so far give, or None while they are not numbers."""
    try:
        counts = [int(data.get(name) or 0) for name in ("deaths", "missing", "serious_injuries")]
        loss = parse_yuan(data.get("direct_loss") or 0)
    except ValueError:
        return None
    if min(counts) < 0 or not loss.is_finite() or loss < 0:
        return None
    return grading.grade(counts[0] + counts[1], counts[2], loss)


@login_required
@require_GET
def grade_preview(request):
    """htmx: the grade badge for the figures in the form, as they are typed."""
    return render(request, "accidents/partials/grade.html", {"grade": _preview(request.GET), "live": True})


def _detail(request, accident, status: int = 200, **bound):
    user = request.user
    updates = list(accident.updates.select_related("created_by"))
    steps = accident.report_steps()
    latest = updates[-1]
    actions = permissions.actions_for(user, accident)
    context = {
        "accident": accident,
        "updates": updates,
        "latest": latest,
        "latest_differs": latest.figures() != accident.figures(),
        "measures": accident.measures.all(),
        "steps": [(step, _step_form(step, accident, bound.get(f"step_{step.level}"))) for step in steps],
        "can_write": permissions.can_write(user),
        "can_investigate": permissions.can_investigate(user),
        "action_forms": [
            (action, AccidentAction(action).label, bound.get(action) or ACTION_FORMS[action]())
            for action in actions
        ],
        "update_form": bound.get("update") or UpdateForm(initial=latest.figures()),
        "measure_form": bound.get("measure") or MeasureForm(),
        "complete_form": CompleteMeasureForm(auto_id=False),
        "report_form": bound.get("report") or ReportUploadForm(),
        "today": timezone.localdate(),
        "can_notice": tasks_permissions.can_keep(user),
    }
    return render(request, "accidents/detail.html", context, status=status)


@login_required
@require_POST
def accident_notice(request, pk: int):
    """The committee office's numbered accident notice (事故通报), as a DOCX in the notices list."""
    accident = selectors.accident_get(user=request.user, accident_id=pk)
    try:
        issued = notice.issue(actor=request.user, accident=accident)
    except ApplicationError as error:  # e.g. an administrator, of no office to sign it
        messages.error(request, error.message)
        return redirect("accidents:detail", pk=pk)
    messages.success(request, _("Notice %(number)s issued.") % {"number": issued.document_number})
    return redirect("notices:list")


def _step_form(step, accident, bound):
    """The 已上报 form of a level not yet recorded; the first level starts from the first report."""
    if step.report is not None:
        return None
    if bound is not None:
        return bound
    initial = {"made_at": timezone.localtime(accident.reported_at)} if step.level == "county" else {}
    return ReportMadeForm(level=step.level, initial=initial)


@login_required
def accident_detail(request, pk: int):
    return _detail(request, selectors.accident_get(user=request.user, accident_id=pk))


@login_required
@require_POST
def update_create(request, pk: int):
    accident = selectors.accident_get(user=request.user, accident_id=pk)
    permissions.require_write(request.user)
    form = UpdateForm(request.POST)
    if form.is_valid():
        try:
            update = services.accident_add_casualty_update(
                actor=request.user, accident=accident, **form.cleaned_data
            )
        except ApplicationError as error:
            add_service_errors(form, error)
        else:
            if update.counts:
                messages.success(request, _("The update is recorded and counts in the statistics."))
            else:
                messages.warning(
                    request,
                    _(
                        "The update is recorded; it came after the legal window and does not change the statistics."
                    ),
                )
            return redirect("accidents:detail", pk=pk)
    return _detail(request, accident, status=400, update=form)


@login_required
@require_POST
def accident_act(request, pk: int, action: str):
    accident = selectors.accident_get(user=request.user, accident_id=pk)
    if action not in ACTION_FORMS:
        raise Http404
    form = ACTION_FORMS[action](request.POST)
    if form.is_valid():
        try:
            services.accident_act(
                actor=request.user, accident=accident, action=action, data=form.cleaned_data
            )
        except ApplicationError as error:
            if error.status != 400:
                messages.error(request, error.message)
                return redirect("accidents:detail", pk=pk)
            add_service_errors(form, error)
        else:
            messages.success(request, _("Done: %(action)s.") % {"action": AccidentAction(action).label})
            return redirect("accidents:detail", pk=pk)
    return _detail(
        request, selectors.accident_get(user=request.user, accident_id=pk), status=400, **{action: form}
    )


@login_required
@require_POST
def report_made(request, pk: int, level: str):
    accident = selectors.accident_get(user=request.user, accident_id=pk)
    permissions.require_write(request.user)
    form = ReportMadeForm(request.POST, level=level)
    if form.is_valid():
        try:
            services.accident_report_made(
                actor=request.user, accident=accident, level=level, **form.cleaned_data
            )
        except ApplicationError as error:
            if error.status != 400 or "level" in error.errors:
                messages.error(request, error.message)
                return redirect("accidents:detail", pk=pk)
            add_service_errors(form, error)
        else:
            messages.success(request, _("The report is recorded."))
            return redirect("accidents:detail", pk=pk)
    return _detail(request, accident, status=400, **{f"step_{level}": form})


@login_required
@require_POST
def measure_create(request, pk: int):
    accident = selectors.accident_get(user=request.user, accident_id=pk)
    form = MeasureForm(request.POST)
    if form.is_valid():
        try:
            services.accident_add_measure(actor=request.user, accident=accident, **form.cleaned_data)
        except ApplicationError as error:
            add_service_errors(form, error)
        else:
            return redirect("accidents:detail", pk=pk)
    return _detail(request, accident, status=400, measure=form)


@login_required
@require_POST
def measure_complete(request, pk: int, measure_id: int):
    accident = selectors.accident_get(user=request.user, accident_id=pk)
    measure = get_object_or_404(AccidentMeasure, accident=accident, pk=measure_id)
    form = CompleteMeasureForm(request.POST)
    if form.is_valid():
        try:
            services.accident_complete_measure(actor=request.user, measure=measure, **form.cleaned_data)
        except ApplicationError as error:
            messages.error(request, error.message)
    else:
        messages.error(request, _("Enter a date as YYYY-MM-DD."))
    return redirect("accidents:detail", pk=pk)


@login_required
@require_POST
def report_upload(request, pk: int):
    accident = selectors.accident_get(user=request.user, accident_id=pk)
    form = ReportUploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.accident_attach_report(
                actor=request.user, accident=accident, upload=form.cleaned_data["file"]
            )
        except ApplicationError as error:
            if error.status != 400:
                messages.error(request, error.message)
                return redirect("accidents:detail", pk=pk)
            add_service_errors(form, error)
        else:
            return redirect("accidents:detail", pk=pk)
    return _detail(request, accident, status=400, report=form)


@login_required
def report_download(request, pk: int):
    accident = selectors.accident_get(user=request.user, accident_id=pk)
    if not accident.investigation_report:
        raise Http404
    return FileResponse(accident.investigation_report.open("rb"), as_attachment=True)
