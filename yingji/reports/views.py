from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from yingji.accounts.access import require_role
from yingji.accounts.choices import Role
from yingji.core.errors import ApplicationError
from yingji.regions.scoping import Jurisdiction
from yingji.reports import narrative, services
from yingji.reports.api import summary_response, table_response
from yingji.reports.narrative import DEFAULTS
from yingji.reports.summary import build_summary
from yingji.reports.tables import TABLES
from yingji.reports.writers import to_html

READERS = {Role.ADMIN, Role.BUREAU, Role.LEADER}
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
    require_role(request.user, READERS)
    today = timezone.localdate()
    region = request.GET.get("region") or Jurisdiction.of(request.user).region or ""
    year = int(request.GET["year"]) if request.GET.get("year", "").isdigit() else today.year
    period = request.GET.get("period") or ("H1" if today.month > 6 else "ytd")
    form = {"region": region, "year": year, "period": period}
    if request.GET.get("format") in ("docx", "html", "md"):
        try:
            return summary_response(request.user, format=request.GET["format"], **form)
        except ApplicationError:
            pass  # shown with the preview below
    if request.GET.get("table") in TABLES:
        try:
            return table_response(request.user, request.GET["table"], **form)
        except ApplicationError:
            pass  # shown with the preview below
    try:
        preview, error = (
            to_html(build_summary(user=request.user, region_code=region, year=year, period_code=period)),
            None,
        )
    except ApplicationError as e:
        preview, error = None, e.message
    context = {"form": form, "periods": PERIODS, "preview": preview, "error": error}
    return render(request, "reports/work_summary.html", context)


EDITORS = {Role.ADMIN, Role.BUREAU}


@login_required
def wording(request):
    """The report's wording, part by part: Django templates with the numbers as variables."""
    require_role(request.user, EDITORS)
    errors = {}
    if request.method == "POST":
        for key in DEFAULTS:
            try:
                services.wording_set(actor=request.user, key=key, text=request.POST.get(key, ""))
            except ApplicationError as e:
                errors[key] = e.message
        if not errors:
            messages.success(request, _("The wording is saved."))
            return redirect("reports:wording")
    parts = [
        (key, request.POST.get(key) if errors else narrative.wording(key), errors.get(key))
        for key in DEFAULTS
    ]
    return render(request, "reports/wording.html", {"parts": parts})
