"""The campaign pages: the list with the form to start a campaign (the office), a campaign's
lights (participants × periods) and roll-up for a period or cumulatively with its XLSX, and a
participant's form, pre-filled from its own records. Writes go through services."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from yingji.accounts.choices import OrgKind
from yingji.accounts.models import Organisation
from yingji.campaigns import notice, permissions, rollup, services
from yingji.campaigns.choices import Cycle, FieldKind
from yingji.campaigns.models import Campaign
from yingji.campaigns.periods import current, period_starting
from yingji.core.errors import ApplicationError
from yingji.core.exports import CONTENT_TYPES
from yingji.core.industries import Industry
from yingji.enforcement.models import Case
from yingji.hazards.models import Hazard
from yingji.inspections.models import Inspection
from yingji.regions.scoping import Jurisdiction
from yingji.regions.selectors import region_choices
from yingji.stats.catalog import CATALOG, Query
from yingji.stats.periods import Period
from yingji.web.lines import split_lines


def _read(request):
    if not permissions.can_read(request.user):
        raise PermissionDenied


def _campaign(request, pk):
    _read(request)
    return get_object_or_404(Campaign.objects.for_user(request.user).select_related("lead"), pk=pk)


def _field_lines(text: str) -> list[dict]:
    """One field a line: key|label|unit|indicator (the last two may be left out)."""
    return [dict(zip(("key", "label", "unit", "indicator"), parts, strict=False)) for parts in split_lines(text, 4)]


def _int(value, default):
    value = str(value or "").strip()
    return int(value) if value.isdigit() and len(value) < 4 else default


@login_required
@require_http_methods(["GET", "POST"])
def campaign_list(request):
    _read(request)
    errors, values = {}, {}
    if request.method == "POST":
        values = request.POST.dict()
        try:
            campaign = services.campaign_create(
                actor=request.user, name=values.get("name"), region_code=values.get("region_code"),
                starts_on=values.get("starts_on"), ends_on=values.get("ends_on"), cycle=values.get("cycle"),
                due_weekday=_int(values.get("due_weekday"), 4), due_hour=_int(values.get("due_hour"), 16),
                industry=values.get("industry", ""), description=values.get("description", ""),
                participant_ids=[int(i) for i in request.POST.getlist("participant_ids") if i.isdigit() and len(i) < 18],
                fields=_field_lines(values.get("fields", "")),
            )  # fmt: skip
            messages.success(request, _("Campaign started."))
            return redirect("campaigns:detail", campaign.pk)
        except ApplicationError as e:
            errors = e.errors
    region = Jurisdiction.of(request.user).region or ""
    orgs = Organisation.objects.filter(region__code__startswith=region, kind__in=[OrgKind.DEPARTMENT, OrgKind.STREET, OrgKind.BUREAU]) if region else Organisation.objects.none()  # fmt: skip
    return render(request, "campaigns/list.html", {
        "campaigns": Campaign.objects.for_user(request.user).select_related("lead", "region"),
        "can_write": permissions.can_write(request.user), "errors": errors, "values": values,
        "cycles": Cycle.choices, "industries": Industry.choices, "regions": region_choices(request.user),
        "organisations": orgs.order_by("kind", "region_id", "name")[:300],
        "indicators": sorted((k, str(m.label)) for k, m in CATALOG.items() if not hasattr(m, "numerator")),
    })  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def campaign_detail(request, pk):
    campaign = _campaign(request, pk)
    user = request.user
    if request.method == "POST":  # the progress notice
        permissions.require(permissions.can_write(user) and permissions.can_see_rollup(user, campaign))
        try:
            issued = notice.issue(actor=user, campaign=campaign)
        except ApplicationError as error:  # e.g. an administrator, of no office to sign it
            messages.error(request, error.message)
            return redirect("campaigns:detail", pk)
        messages.success(request, _("Notice %(number)s issued.") % {"number": issued.document_number})
        return redirect("notices:list")
    chosen = _period(campaign, request.GET.get("period"))
    shown, grid = rollup.lights(campaign)
    office = permissions.can_see_rollup(user, campaign)
    return render(request, "campaigns/detail.html", {
        "campaign": campaign, "fields": campaign.fields.all(), "periods": shown, "grid": grid if office else [],
        "table": _table(rollup.rollup(campaign, chosen)) if office else None, "chosen": chosen, "office": office,
        "can_submit": permissions.can_submit(user, campaign), "can_notice": office and permissions.can_write(user), "next": current(campaign),
        "participants": campaign.participants.order_by("kind", "name"), "records": _record_links(campaign, user),
        "tagged": _tagged(campaign, user), "charts": rollup.charts(campaign) if office else [],
    })  # fmt: skip


def _tagged(campaign, user) -> list[tuple[str, int, str]]:
    """The inspections, hazards and cases recorded in the campaign that the user may see, each
    with its list filtered to the campaign."""
    lists = (
        (_("inspections"), Inspection, "inspections:list"),
        (_("hazards"), Hazard, "hazards:list"),
        (_("enforcement cases"), Case, "enforcement:list"),
    )
    return [
        (label, model.objects.for_user(user).filter(campaigns=campaign).count(), f"{reverse(name)}?campaign={campaign.pk}")
        for label, model, name in lists
    ]  # fmt: skip


def _record_links(campaign, user) -> list[tuple[str, str]]:
    """Each indicator-bound field's records in the campaign's scope and window, as far as today:
    the hazards, inspections… the campaign's figures come from (the hazard list's campaign view)."""
    end = min(campaign.ends_on, timezone.localdate())
    if end < campaign.starts_on:
        return []
    filters = {"region": campaign.region_id} | ({"industry": campaign.industry} if campaign.industry else {})
    query = Query(user=user, period=Period(campaign.starts_on, end), filters=filters)
    links = []
    for field in campaign.fields.all():
        measure = CATALOG.get(field.indicator)
        if measure is not None and (url := measure.url(query)):
            links.append((field.label, url))
    return links


def _table(table) -> dict:
    """The roll-up as the page lays it out: a list of cells a row, the totals under them."""
    keys = [(f.key, f.kind == FieldKind.NUMBER) for f in table.fields]
    rows = [
        {
            "name": r.organisation.name,
            "light": r.light,
            "cells": [(r.values[k], k in r.differs, n) for k, n in keys],
        }
        for r in table.rows
    ]
    return {"rows": rows, "totals": [(k, table.totals.get(k)) for k, _n in keys]}


def _period(campaign, value):
    try:
        return period_starting(campaign, datetime.date.fromisoformat(value)) if value else None
    except ValueError:
        return None


@login_required
def rollup_xlsx(request, pk):
    campaign = _campaign(request, pk)
    permissions.require(permissions.can_see_rollup(request.user, campaign))
    chosen = _period(campaign, request.GET.get("period"))
    data = rollup.xlsx(
        rollup.rollup(campaign, chosen), prepared_by=request.user.name or request.user.username
    )
    response = HttpResponse(data, content_type=CONTENT_TYPES["xlsx"])
    name = f"{campaign.name}汇总表{'-' + str(chosen.start) if chosen else '-累计'}.xlsx"
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@login_required
@require_http_methods(["GET", "POST"])
def form_page(request, pk, start):
    campaign = _campaign(request, pk)
    permissions.require(permissions.can_submit(request.user, campaign))
    period = _period(campaign, start)
    if period is None:
        raise Http404
    errors = {}
    if request.method == "POST":
        try:
            values = {f.key: request.POST.get(f.key, "") for f in campaign.fields.all()}
            services.submit(actor=request.user, campaign=campaign, period_start=period.start, values=values)
            messages.success(request, _("Dispatch form submitted."))
            return redirect("campaigns:form", pk, start)
        except ApplicationError as e:
            errors = e.errors
    form = services.form(campaign, request.user.organisation, period)
    if request.method == "POST":
        form["values"] = request.POST.dict()
    rows = [{"field": f, "value": form["values"].get(f.key, ""), "product": form["prefilled"].get(f.key)} for f in campaign.fields.all()]  # fmt: skip
    return render(request, "campaigns/form.html", {
        "campaign": campaign, "period": period, "rows": rows, "submission": form["submission"], "errors": errors,
    })  # fmt: skip
