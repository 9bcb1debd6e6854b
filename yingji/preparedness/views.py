"""The pages: teams (list, detail with members, create), experts, plans (with the file and the
measures per response level), drills, and the information officers' A/B coverage."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from yingji.core.errors import ApplicationError
from yingji.core.pagination import page_of
from yingji.preparedness import permissions, selectors, services, team_import
from yingji.preparedness.choices import (
    RESPONSE_LEVELS,
    DrillType,
    ExpertField,
    PlanLevel,
    PlanType,
    TeamLevel,
)
from yingji.preparedness.models import Drill, Expert, Plan
from yingji.regions.selectors import region_choices


def _choice(request, name, choices) -> str:
    value = request.GET.get(name, "")
    return value if value in choices.values else ""


def _regions(user) -> list[tuple[str, str]]:
    return region_choices(user, levels=("county", "street", "community"))


def _form(request, *, allowed, fields, service, title, success, defaults, extra=None):
    """A create form over a service: the same rules and messages as the API."""
    if not allowed:
        raise PermissionDenied
    errors: dict = {}
    values = {name: request.POST.get(name, "").strip() for name, *_rest in fields}
    if request.method == "POST":
        try:
            obj = service(actor=request.user, values=values | (extra(values) if extra else {}))
        except ApplicationError as error:
            errors = error.errors
        else:
            messages.success(request, _("Saved."))
            return redirect(success(obj))
    else:
        values |= defaults
    rows = [
        (name, label, kind, options, values.get(name, ""), errors.get(name))
        for name, label, kind, options in fields
    ]
    context = {"title": title, "rows": rows, "errors": errors}
    return render(request, "preparedness/form.html", context, status=400 if errors else 200)


# Teams -----------------------------------------------------------------------------------------


@login_required
def team_list(request):
    filters = {"level": _choice(request, "level", TeamLevel), "short": request.GET.get("short") == "1",
               "region": request.GET.get("region", "")[:12]}  # fmt: skip
    teams = selectors.team_list(user=request.user, filters=filters)
    page, query = page_of(request, teams)
    for team in page:
        team.shortfall = selectors.shortfall(team)
    context = {"page": page, "query": query, "filters": filters, "levels": TeamLevel.choices,
               "can_keep": permissions.can_keep(request.user)}  # fmt: skip
    return render(request, "preparedness/teams.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def team_detail(request, pk: int):
    team = selectors.team_get(user=request.user, pk=pk)
    errors, values = {}, {}
    if request.method == "POST":
        values = {k: request.POST.get(k, "").strip() for k in ("name", "phone", "position", "certificates")}
        try:
            services.member_add(actor=request.user, team=team, values=values)
        except ApplicationError as error:
            errors = error.errors
        else:
            messages.success(request, _("Member added."))
            return redirect("preparedness:team", pk=team.pk)
    context = {"team": team, "members": team.members.all(), "shortfall": selectors.shortfall(team),
               "errors": errors, "values": values, "can_keep": permissions.can_keep(request.user)}  # fmt: skip
    return render(request, "preparedness/team.html", context, status=400 if errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def team_create(request):
    fields = [
        ("name", gettext_lazy("Name"), "text", None),
        ("level", gettext_lazy("Level"), "select", TeamLevel.choices),
        ("region_code", gettext_lazy("District or street"), "select", _regions(request.user)),
        ("specialty", gettext_lazy("Specialty"), "text", None),
        ("leader", gettext_lazy("Leader"), "text", None),
        ("phone", gettext_lazy("Phone"), "text", None),
        ("equipment", gettext_lazy("Equipment (one item a line)"), "textarea", None),
        ("founded_on", gettext_lazy("Founded on"), "date", None),
    ]
    return _form(request, allowed=permissions.can_keep(request.user), fields=fields, service=services.team_create,
                 title=_("Add a rescue team"), success=lambda t: f"/preparedness/teams/{t.pk}/",
                 defaults={"founded_on": timezone.localdate().isoformat()})  # fmt: skip


@login_required
@require_http_methods(["POST"])
def team_import_page(request):
    """Teams and members from XLSX: all rows or none, each problem shown with its row and column."""
    if not permissions.can_keep(request.user):
        raise PermissionDenied
    upload = request.FILES.get("file")
    try:
        result = team_import.import_teams(actor=request.user, data=upload.read() if upload else b"")
    except team_import.ImportRejected as rejected:
        for problem in rejected.problems[:50]:
            messages.error(request, problem.text())
    else:
        messages.success(request, _("%(teams)d teams, %(members)d members imported.") % {
            "teams": result.teams, "members": result.members})  # fmt: skip
    return redirect("preparedness:list")


# Experts ---------------------------------------------------------------------------------------


@login_required
def expert_list(request):
    filters = {"field": _choice(request, "field", ExpertField), "region": request.GET.get("region", "")[:12]}
    page, query = page_of(request, selectors.expert_list(user=request.user, filters=filters))
    context = {"page": page, "query": query, "filters": filters, "fields": ExpertField.choices,
               "can_keep": permissions.can_keep(request.user)}  # fmt: skip
    return render(request, "preparedness/experts.html", context)


@login_required
def expert_detail(request, pk: int):
    expert = selectors.get(Expert, user=request.user, pk=pk)
    return render(request, "preparedness/expert.html", {"expert": expert})


@login_required
@require_http_methods(["GET", "POST"])
def expert_create(request):
    fields = [
        ("name", gettext_lazy("Name"), "text", None),
        ("field", gettext_lazy("Field"), "select", ExpertField.choices),
        ("employer", gettext_lazy("Employer"), "text", None),
        ("title", gettext_lazy("Professional title"), "text", None),
        ("phone", gettext_lazy("Phone"), "text", None),
        ("region_code", gettext_lazy("District or street"), "select", _regions(request.user)),
        ("joined_on", gettext_lazy("Joined on"), "date", None),
    ]
    return _form(request, allowed=permissions.can_keep(request.user), fields=fields, service=services.expert_create,
                 title=_("Add an expert"), success=lambda e: f"/preparedness/experts/{e.pk}/",
                 defaults={"joined_on": timezone.localdate().isoformat()})  # fmt: skip


# Information officers --------------------------------------------------------------------------


@login_required
def coverage(request):
    rows = selectors.coverage(user=request.user, region=request.GET.get("region", "")[:12] or None)
    officers = {}
    for c in selectors.info_officers(user=request.user):
        officers.setdefault(c.region_id, []).append(c)
    for row in rows:
        row["officers"] = officers.get(row["region_code"], [])
    context = {"rows": rows, "covered": sum(1 for r in rows if r["covered"])}
    return render(request, "preparedness/coverage.html", context)


# Plans -----------------------------------------------------------------------------------------


@login_required
def plan_list(request):
    filters = {"level": _choice(request, "level", PlanLevel), "type": _choice(request, "type", PlanType),
               "overdue": request.GET.get("overdue") == "1", "region": request.GET.get("region", "")[:12]}  # fmt: skip
    page, query = page_of(request, selectors.plan_list(user=request.user, filters=filters))
    context = {"page": page, "query": query, "filters": filters, "levels": PlanLevel.choices,
               "types": PlanType.choices, "today": timezone.localdate(),
               "can_plan": permissions.can_plan(request.user)}  # fmt: skip
    return render(request, "preparedness/plans.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def plan_detail(request, pk: int):
    plan = selectors.get(Plan, user=request.user, pk=pk)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "revise":
                fields = ("version", "approved_on", "filed_on", "filed_with")
                values = {k: request.POST.get(k, "").strip() for k in fields}
                services.plan_revise(actor=request.user, plan=plan, values=values)
            elif request.FILES.get("file"):
                services.plan_attach(actor=request.user, plan=plan, upload=request.FILES["file"])
            else:
                raise ApplicationError(_("Choose a file."), errors={"file": [_("Choose a file.")]})
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Saved."))
        return redirect("preparedness:plan", pk=plan.pk)
    measures = [(level, plan.measures_for(level)) for level in RESPONSE_LEVELS]
    context = {"plan": plan, "measures": measures, "drills": plan.drills.order_by("-held_on")[:20],
               "today": timezone.localdate(), "can_edit": permissions.can_edit_plan(request.user, plan)}  # fmt: skip
    return render(request, "preparedness/plan.html", context)


def _plan_measures(values: dict) -> dict:
    return {"measures": {level: values.pop(f"measures_{level}", "") for level in RESPONSE_LEVELS}}


@login_required
@require_http_methods(["GET", "POST"])
def plan_create(request):
    fields = [
        ("title", gettext_lazy("Title"), "text", None),
        ("level", gettext_lazy("Level"), "select", PlanLevel.choices),
        ("type", gettext_lazy("Type"), "select", PlanType.choices),
        ("region_code", gettext_lazy("District or street"), "select", _regions(request.user)),
        ("version", gettext_lazy("Version"), "text", None),
        ("approved_on", gettext_lazy("Approved on"), "date", None),
        ("filed_on", gettext_lazy("Filed on"), "date", None),
        ("filed_with", gettext_lazy("Filed with"), "text", None),
    ] + [(f"measures_{level}", _("Measures at response level %(level)s (one a line)") % {"level": level},
          "textarea", None) for level in RESPONSE_LEVELS]  # fmt: skip
    return _form(request, allowed=permissions.can_plan(request.user), fields=fields, service=services.plan_create,
                 title=_("Add a contingency plan"), success=lambda p: f"/preparedness/plans/{p.pk}/",
                 defaults={"version": "1"}, extra=_plan_measures)  # fmt: skip


# Drills ----------------------------------------------------------------------------------------


@login_required
def drill_list(request):
    filters = {"type": _choice(request, "type", DrillType), "region": request.GET.get("region", "")[:12]}
    year = request.GET.get("year", "")
    filters["year"] = int(year) if year.isdigit() and 2000 <= int(year) <= 2100 else None
    drills = selectors.drill_list(user=request.user, filters=filters)
    page, query = page_of(request, drills)
    progress_year = filters["year"] or timezone.localdate().year
    context = {"page": page, "query": query, "filters": filters, "types": DrillType.choices,
               "totals": drills.aggregate(participants=Sum("participants")), "count": drills.count(),
               "progress": selectors.drill_progress(user=request.user, year=progress_year),
               "progress_year": progress_year, "can_plan": permissions.can_plan(request.user)}  # fmt: skip
    return render(request, "preparedness/drills.html", context)


@login_required
def drill_detail(request, pk: int):
    drill = selectors.get(Drill, user=request.user, pk=pk)
    return render(request, "preparedness/drill.html", {"drill": drill})


@login_required
@require_http_methods(["GET", "POST"])
def drill_create(request):
    plans = [("", "—")] + [
        (str(p.pk), f"{p.title}（{p.version}）") for p in selectors.plan_list(user=request.user)[:300]
    ]
    fields = [
        ("title", gettext_lazy("Title"), "text", None),
        ("date", gettext_lazy("Date"), "date", None),
        ("type", gettext_lazy("Type"), "select", DrillType.choices),
        ("region_code", gettext_lazy("District or street"), "select", _regions(request.user)),
        ("participants", gettext_lazy("Participants"), "number", None),
        ("plan_id", gettext_lazy("Plan drilled"), "select", plans),
        ("organiser", gettext_lazy("Organiser"), "text", None),
        ("scenario", gettext_lazy("Scenario"), "textarea", None),
        ("evaluation", gettext_lazy("Evaluation"), "textarea", None),
        ("problems", gettext_lazy("Problems found"), "textarea", None),
        ("follow_ups", gettext_lazy("Follow-up tasks (one a line)"), "textarea", None),
        ("plan_needs_revision", gettext_lazy("The problems call for revising the plan"), "checkbox", None),
    ]
    return _form(request, allowed=permissions.can_plan(request.user), fields=fields, service=services.drill_create,
                 title=_("Record a drill"), success=lambda d: f"/preparedness/drills/{d.pk}/",
                 defaults={"date": timezone.localdate().isoformat()})  # fmt: skip
