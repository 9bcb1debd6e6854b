"""Pages of the annual enforcement plan (progress bars by grade and industry) and of the
双随机一公开 draws: the form, the published list (公示) and its XLSX export."""

import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yingji.accidents.forms import add_service_errors, region_options
from yingji.core.errors import ApplicationError
from yingji.core.exports import export_response
from yingji.core.industries import Industry
from yingji.enterprises.choices import RiskGrade
from yingji.inspections import planning_services as services


class PlanRowForm(forms.Form):
    year = forms.IntegerField(label=gettext_lazy("Year"), min_value=2000, max_value=2100)
    risk_grade = forms.ChoiceField(label=gettext_lazy("Risk grade"), choices=RiskGrade.choices)
    industry = forms.ChoiceField(label=gettext_lazy("Industry"), choices=Industry.choices)
    planned = forms.IntegerField(
        label=gettext_lazy("Enterprises planned"), min_value=0, max_value=services.MAX_PLANNED
    )
    frequency = forms.IntegerField(
        label=gettext_lazy("Inspections per enterprise a year"), min_value=1, max_value=365, initial=1
    )


class DrawForm(forms.Form):
    region = forms.ChoiceField(label=gettext_lazy("Region"))
    industry = forms.ChoiceField(label=gettext_lazy("Industry"), required=False)
    risk_grade = forms.ChoiceField(label=gettext_lazy("Risk grade"), required=False)
    enterprises = forms.IntegerField(label=gettext_lazy("Enterprises to draw"), min_value=1, max_value=10_000)
    officers = forms.IntegerField(
        label=gettext_lazy("Officers to draw"), min_value=0, max_value=100, initial=2
    )
    seed = forms.IntegerField(
        label=gettext_lazy("Seed (leave empty for a random one)"),
        min_value=0,
        max_value=services.MAX_SEED,
        required=False,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = region_options(user) or []
        self.fields["industry"].choices = [("", _("All"))] + list(Industry.choices)
        self.fields["risk_grade"].choices = [("", _("All"))] + list(RiskGrade.choices)


@login_required
def plan_page(request):
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year") or today.year)
    except ValueError:
        year = today.year
    plans = services.plans_for(request.user).filter(year=year)
    own = request.user.organisation_id
    plan = plans.filter(organisation_id=own).first() or plans.first()
    can_plan = services.can_plan(request.user)
    form = PlanRowForm(request.POST or None, initial={"year": year, "frequency": 1})
    if request.method == "POST":
        if not can_plan:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            row = {k: data[k] for k in ("risk_grade", "industry", "planned", "frequency")}
            try:
                mine = services.plans_for(request.user).filter(organisation_id=own, year=data["year"]).first()
                if mine is None:
                    services.plan_create(actor=request.user, year=data["year"], rows=[row])
                else:
                    services.plan_set_rows(actor=request.user, plan=mine, rows=[row])
            except ApplicationError as e:
                add_service_errors(form, e)
            else:
                messages.success(request, _("Plan saved."))
                return redirect(f"{request.path}?year={data['year']}")
    rows = services.plan_progress(plan, until=today) if plan else []
    grades, industries = dict(RiskGrade.choices), dict(Industry.choices)
    for row in rows:
        row["grade_label"], row["industry_label"] = grades[row["risk_grade"]], industries[row["industry"]]
    context = {
        "year": year,
        "years": [today.year + 1 - n for n in range(4)],
        "plan": plan,
        "rows": rows,
        "totals": services.progress_totals(rows),
        "can_plan": can_plan,
        "form": form,
    }
    return render(request, "inspections/planning/plan.html", context)


@login_required
def draw_list(request):
    """The draws published (公示) within the user's jurisdiction; the bureau draws from here."""
    can_plan = services.can_plan(request.user)
    form = DrawForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if not can_plan:
            raise PermissionDenied
        if form.is_valid():
            try:
                record = services.random_draw(actor=request.user, **form.cleaned_data)
            except ApplicationError as e:
                add_service_errors(form, e)
            else:
                messages.success(request, _("Draw recorded and published."))
                return redirect("inspections:draw", draw_id=record.pk)
    draws = services.RandomDraw.objects.for_user(request.user).select_related("region")
    for name, lookup in (("from", "drawn_on__gte"), ("to", "drawn_on__lte")):
        try:
            draws = draws.filter(**{lookup: datetime.date.fromisoformat(request.GET.get(name, ""))})
        except ValueError:
            pass
    context = {"draws": draws[:200], "form": form, "can_plan": can_plan}
    return render(request, "inspections/planning/draws.html", context)


@login_required
def draw_detail(request, draw_id: int):
    record = services.draw_get(user=request.user, draw_id=draw_id)
    enterprises, officers = services.draw_rows(record)
    context = {"draw": record, "enterprises": enterprises, "officers": officers}
    return render(request, "inspections/planning/draw.html", context)


@login_required
def draw_export(request, draw_id: int):
    """The draw as published, one row per enterprise drawn, then one per officer."""
    record = services.draw_get(user=request.user, draw_id=draw_id)
    enterprises, officers = services.draw_rows(record)
    header = [
        _("No."),
        _("Drawn"),
        _("Name"),
        _("USCC / organisation"),
        _("Region"),
        _("Industry"),
        _("Risk grade"),
    ]
    rows = [
        [
            n,
            _("Enterprise"),
            e.name,
            e.uscc,
            e.region.name,
            e.get_industry_display(),
            e.get_risk_grade_display(),
        ]
        for n, e in enumerate(enterprises, 1)
    ] + [
        [
            n,
            _("Officer"),
            str(u),
            u.organisation.name if u.organisation else "",
            "",
            "",
            "",
        ]
        for n, u in enumerate(officers, 1)
    ]
    return export_response(
        header,
        rows,
        fmt="xlsx",
        filename=f"双随机抽查-{record.drawn_on}-{record.pk}",
        sheet_name="抽查名单",
        widths=(6, 10, 36, 24, 16, 14, 12),
    )
