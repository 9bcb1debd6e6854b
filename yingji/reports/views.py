from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from yingji.core.dates import query_date
from yingji.core.errors import ApplicationError
from yingji.regions.scoping import Jurisdiction
from yingji.regions.selectors import region_choices
from yingji.reports import report_jobs, services
from yingji.reports.api import summary_response, table_response
from yingji.reports.narrative import DEFAULTS, PART_TITLES, Narrative
from yingji.reports.parts import placeholders
from yingji.reports.permissions import require_report_reader, require_wording_editor
from yingji.reports.scope import report_region
from yingji.reports.summary import build_summary
from yingji.reports.tables import TABLES
from yingji.reports.writers import FORMATS, to_html

PERIODS = [
    ("H1", "上半年"),
    ("H2", "下半年"),
    ("year", "全年"),
    ("ytd", "年初至今"),
    ("Q1", "第一季度"),
    ("Q2", "第二季度"),
    ("Q3", "第三季度"),
    ("Q4", "第四季度"),
]


@login_required
def work_summary(request):
    """Preview the work summary and download it as DOCX, HTML or Markdown, and the hazard and
    accident statistics tables for the same region and period as XLSX."""
    require_report_reader(request.user)
    today = timezone.localdate()
    region = request.GET.get("region") or Jurisdiction.of(request.user).region or ""
    year = int(request.GET["year"]) if request.GET.get("year", "").isdigit() else today.year
    period = request.GET.get("period") or ("H1" if today.month > 6 else "ytd")
    form = {"region": region, "year": year, "period": period}
    window = {"from_": query_date(request.GET.get("from")), "to": query_date(request.GET.get("to"))}
    form_window = {"from": request.GET.get("from", ""), "to": request.GET.get("to", "")}
    if report_jobs.in_background(region):  # a city's or province's: made by the worker
        return _work_summary_in_background(request, form)
    if request.GET.get("format") in ("docx", "html", "md"):
        try:
            return summary_response(request.user, format=request.GET["format"], **form, **window)
        except ApplicationError:
            pass  # shown with the preview below
    if request.GET.get("table") in TABLES:
        try:
            return table_response(request.user, request.GET["table"], **form)
        except ApplicationError:
            pass  # shown with the preview below
    try:
        preview, error = (
            to_html(
                build_summary(
                    user=request.user,
                    region_code=region,
                    year=year,
                    period_code=period,
                    start=window["from_"],
                    end=window["to"],
                )
            ),
            None,
        )
    except ApplicationError as e:
        preview, error = None, e.message
    query = urlencode(
        {"region": region, "year": year, "period": period} | {k: v for k, v in form_window.items() if v}
    )
    context = {"form": form | form_window, "periods": PERIODS, "preview": preview, "error": error, "query": query,
               "regions": _report_regions(request.user)}  # fmt: skip
    return render(request, "reports/work_summary.html", context)


def _work_summary_in_background(request, form: dict):
    """No preview (it would count the whole region while the browser waits): each download
    starts a job, whose progress bar the page shows, and its user is notified with the file."""
    what = request.GET.get("format") if request.GET.get("format") in FORMATS else request.GET.get("table")
    job, error = None, None
    try:
        report_region(request.user, form["region"])
        if what in FORMATS or what in TABLES:
            job = report_jobs.start_report(actor=request.user, what=what, **form)
    except ApplicationError as e:
        error = e.message
    context = {
        "form": form,
        "periods": PERIODS,
        "preview": None,
        "error": error,
        "job": job,
        "background": True,
    }
    return render(request, "reports/work_summary.html", context)


@login_required
def wording(request):
    """The report's wording, part by part, with the placeholders each part may use. A bureau
    words its own reports; the administrator words the defaults for every organisation."""
    require_wording_editor(request.user)
    errors = {}
    if request.method == "POST":
        texts = {key: request.POST.get(key, "") for key in DEFAULTS}
        try:
            services.wording_set_many(actor=request.user, texts=texts)
        except ApplicationError as e:
            errors = {key: " ".join(texts_) for key, texts_ in e.errors.items()}
        else:
            messages.success(request, _("The wording is saved."))
            return redirect("reports:wording")
    narrative = Narrative(services.wording_organisation_id(request.user))
    parts = [
        (
            key,
            PART_TITLES.get(key, key),
            request.POST.get(key) if errors else narrative.text(key),
            errors.get(key),
            placeholders(key),
        )
        for key in DEFAULTS
    ]
    context = {"parts": parts, "defaults": narrative.organisation_id is None, "syntax_help": _syntax_help()}
    return render(request, "reports/wording.html", context, status=400 if errors else 200)


def _syntax_help() -> str:
    return _(
        "Write %(var)s to fill in a value, and %(if)s…%(endif)s to keep a sentence only when the value "
        "holds (also %(if_not)s and %(else)s). Nothing else is allowed: no filters and no other tags."
    ) % {
        "var": "{{ name }}",
        "if": "{% if name %}",
        "endif": "{% endif %}",
        "if_not": "{% if not name %}",
        "else": "{% else %}",
    }


def _report_regions(user) -> list[tuple[str, str]]:
    """The picker offers the regions a report is written for: down to the counties, and a
    county's streets to a county's (or a street's) user."""
    root = Jurisdiction.of(user).region or ""
    levels = ("province", "city", "county") + (("street",) if len(root) >= 6 else ())
    return region_choices(user, levels=levels)
