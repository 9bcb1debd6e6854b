"""Enterprise pages: the list with filters and the workbook, the record with its hazards,
inspections and history, and the form. Every write goes through services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db.models import Count, F
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from yingji.accidents.models import Accident
from yingji.accounts.models import Organisation
from yingji.core.errors import ApplicationError
from yingji.core.industries import Industry
from yingji.core.pagination import page_of
from yingji.enterprises import import_jobs, selectors, services, workbook
from yingji.enterprises.choices import FLAGS, EnterpriseStatus, RiskGrade
from yingji.enterprises.export import enterprise_export_response
from yingji.enterprises.forms import EnterpriseForm, ImportForm, initial_for
from yingji.enterprises.models import Enterprise
from yingji.enterprises.permissions import can_edit, can_register, editable_fields
from yingji.hazards.choices import OPEN_STATES
from yingji.imports.services import DuplicateImport
from yingji.imports.views import confirmed_again
from yingji.jobs.services import jobs_of
from yingji.regions.models import Region
from yingji.web.chips import (
    choice_label,
    clear_url,
    filter_chips,
    kept_params,
    region_name,
    sort_key,
    sort_links,
)

FILTERS = ("q", "search", "industry", "region", "risk_grade", "status", "department", *FLAGS)
YES_NO = {"yes": True, "no": False}
SHOWN = 20  # accidents, open hazards and inspections on the record page; the rest through their lists


def _filters(request) -> tuple[dict, dict]:
    """The query string as the selector's filters: a flag is "yes", "no" or absent."""
    raw = {name: request.GET.get(name, "").strip() for name in FILTERS}
    filters = {k: v for k, v in raw.items() if k not in FLAGS and k != "department"}
    filters |= {flag: YES_NO.get(raw[flag]) for flag in FLAGS}
    filters["department"] = int(raw["department"]) if raw["department"].isdigit() else None
    return raw, filters


def _flag_label(name: str) -> str:
    return Enterprise._meta.get_field(name).verbose_name


def _chip_labels(request, raw: dict) -> list[tuple[str, str]]:
    """Every filter the list applies, as its chip says it."""
    department = raw["department"] and (
        Organisation.objects.filter(pk=raw["department"]).values_list("name", flat=True).first()
    )
    yes_no = {"yes": _("yes"), "no": _("no")}
    labels = [
        ("q", _("Search: %(text)s") % {"text": raw["q"]}),
        ("search", _("Search: %(text)s") % {"text": raw["search"]}),
        ("region", raw["region"] and region_name(raw["region"])),
        ("industry", choice_label(Industry.choices, raw["industry"])),
        ("risk_grade", choice_label(RiskGrade.choices, raw["risk_grade"])),
        ("status", choice_label(EnterpriseStatus.choices, raw["status"])),
        ("department", department or raw["department"]),
    ] + [
        (flag, f"{_flag_label(flag)}: {yes_no[raw[flag]]}")
        for flag in FLAGS
        if raw[flag] in yes_no  # another value is not applied
    ]
    return [(name, label) for name, label in labels if raw.get(name)]


@login_required
def enterprise_list(request):
    raw, filters = _filters(request)
    filters["sort"] = sort = sort_key(request, selectors.SORTS, "")
    enterprises = selectors.enterprise_list(user=request.user, filters=filters)
    page, query = page_of(request, enterprises.select_related("region"))
    context = {
        "page": page,
        "query": query,
        "kept": kept_params(request),
        "chips": filter_chips(request, _chip_labels(request, raw)),
        "clear_url": clear_url(request, list(FILTERS)),
        "sorts": sort_links(request, selectors.SORTS, sort),
        "sort": sort,
        "filters": raw,
        "industries": Industry.choices,
        "risk_grades": RiskGrade.choices,
        "statuses": EnterpriseStatus.choices,
        "streets": selectors.streets_with_enterprises(user=request.user),
        "flags": [(name, _flag_label(name), raw[name]) for name in FLAGS],
        "can_register": can_register(request.user),
    }
    return render(request, "enterprises/list.html", context)


@login_required
def enterprise_export(request):
    _raw, filters = _filters(request)
    enterprises = selectors.enterprise_list(user=request.user, filters=filters)
    return enterprise_export_response(enterprises)


@login_required
def enterprise_import(request):
    if not can_register(request.user):
        raise PermissionDenied(_("Your role may not do this."))
    form = ImportForm(request.POST or None, request.FILES or None)
    problems, duplicate, job = [], None, None
    if request.GET.get("job", "").isdigit():  # a background import, watched on its progress bar
        job = get_object_or_404(jobs_of(request.user), pk=request.GET["job"], kind=import_jobs.IMPORT)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if started := import_jobs.start_if_large(request, upload):
                return redirect(import_jobs.import_page(started))
            result = workbook.import_workbook(
                actor=request.user, file=upload, confirm_duplicate=confirmed_again(request, upload)
            )
        except workbook.ImportRejected as e:
            problems = e.problems
        except DuplicateImport as e:  # asked, not refused: the same file again, box ticked, imports it
            duplicate = {"question": e.question(), "sha256": e.previous.sha256, "filename": upload.name}
        else:
            messages.success(
                request,
                _("Imported: %(created)s registered, %(updated)s changed, %(unchanged)s unchanged.")
                % result.__dict__,
            )
            if result.ignored_columns:
                messages.info(
                    request,
                    _("Columns not imported: %(columns)s.") % {"columns": "、".join(result.ignored_columns)},
                )
            return redirect("enterprises:list")
    context = {
        "form": form,
        "problems": problems,
        "duplicate": duplicate,
        "columns": workbook.COLUMNS,
        "job": job,
    }
    return render(request, "enterprises/import.html", context)


@login_required
def enterprise_detail(request, enterprise_id: int):
    enterprise = selectors.enterprise_get(user=request.user, enterprise_id=enterprise_id)
    hazards = selectors.enterprise_hazards(user=request.user, enterprise=enterprise)
    inspections = selectors.enterprise_inspections(user=request.user, enterprise=enterprise)
    accidents = Accident.objects.for_user(request.user).filter(enterprise=enterprise)
    # Open hazards, the nearest deadline first (none last): what the file's reader acts on.
    open_hazards = (
        hazards.filter(status__in=OPEN_STATES)
        .with_overdue(timezone.localdate())
        .order_by(F("deadline").asc(nulls_last=True), "-found_at", "-id")
    )
    context = {
        "enterprise": enterprise,
        "hazards": open_hazards[:SHOWN],
        "open_hazard_count": open_hazards.count(),
        "hazard_count": hazards.count(),
        "inspections": inspections.annotate(hazard_count=Count("hazards"))[:SHOWN],
        "inspection_count": inspections.count(),
        "accidents": accidents.order_by("-occurred_at", "-id")[:SHOWN],
        "accident_count": accidents.count(),
        "history": _history(selectors.enterprise_history(enterprise=enterprise)),
        "can_edit": can_edit(request.user),
        "shown": SHOWN,
    }
    return render(request, "enterprises/detail.html", context)


@login_required
def enterprise_create(request):
    if not can_register(request.user):
        raise PermissionDenied(_("Your role may not do this."))
    fields = editable_fields(request.user, services.FIELDS)
    form = EnterpriseForm(request.POST or None, user=request.user, fields=fields)
    if request.method == "POST" and form.is_valid():
        try:
            enterprise = services.enterprise_create(actor=request.user, **form.cleaned_data)
        except ApplicationError as e:
            form.add_service_errors(e)
        else:
            messages.success(request, _("Registered %(name)s.") % {"name": enterprise.name})
            return redirect("enterprises:detail", enterprise_id=enterprise.pk)
    return render(request, "enterprises/form.html", {"form": form, "enterprise": None})


@login_required
def enterprise_edit(request, enterprise_id: int):
    enterprise = selectors.enterprise_get(user=request.user, enterprise_id=enterprise_id)
    if not can_edit(request.user):
        raise PermissionDenied(_("Your role may not do this."))
    fields = editable_fields(request.user, services.FIELDS)
    form = EnterpriseForm(
        request.POST or None,
        initial=initial_for(enterprise),
        user=request.user,
        fields=fields,
        enterprise=enterprise,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.enterprise_update(actor=request.user, enterprise=enterprise, **form.cleaned_data)
        except ApplicationError as e:
            form.add_service_errors(e)
        else:
            messages.success(request, _("Saved."))
            return redirect("enterprises:detail", enterprise_id=enterprise.pk)
    return render(request, "enterprises/form.html", {"form": form, "enterprise": enterprise})


# --- the history ----------------------------------------------------------------------------

HIDDEN = {"id", "created_at", "updated_at"}


def _history(entries) -> list[dict]:
    """Audit entries as lines of the record's history: who, when, and each change in words."""
    entries = list(entries[:100])
    values = [v for e in entries for v in (e.before or {}, e.after or {})]
    departments = {v.get("supervising_department_id") for v in values} - {None}
    regions = {v.get("region_id") for v in values} - {None}
    names = dict(Organisation.objects.filter(pk__in=departments).values_list("pk", "name"))
    names |= dict(Region.objects.filter(code__in=regions).values_list("code", "name"))
    history = []
    for entry in entries:
        changes = []
        if entry.action != "create":
            changes = [
                (
                    _field(key).verbose_name if _field(key) else key,
                    _shown(key, old, names),
                    _shown(key, new, names),
                )
                for key, old, new in entry.changed_fields()
                if key not in HIDDEN
            ]
        history.append({"entry": entry, "created": entry.action == "create", "changes": changes})
    return history


def _field(key: str):
    try:
        return Enterprise._meta.get_field(key)
    except FieldDoesNotExist:  # a field since removed: its stored name is all there is
        return None


def _shown(key: str, value, names: dict) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if key in ("region_id", "supervising_department_id"):
        return str(names.get(value, value))
    field = _field(key)
    choices = dict(field.flatchoices) if field and field.choices else {}
    return str(choices.get(value, value))
