"""The emergency pages: the overview (responses in force, events, the register per street),
events with their reports timeline, responses with their level history and checklist,
evacuations, the special-groups register (masked; reveal for those allowed) and shelters.
Every write goes through services (or special) as the API's does."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, Sum
from django.http import StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from yingji.accidents.forms import region_options
from yingji.core.dates import query_date
from yingji.core.errors import ApplicationError
from yingji.core.pagination import page_of
from yingji.emergency import permissions, responses, services, special
from yingji.emergency.choices import (  # fmt: skip
    EventType,
    ReportChannel,
    ReportKind,
    ResponseLevel,
    ResponseStatus,
    ResponseType,
    RiskArea,
    SpecialCategory,
)
from yingji.emergency.models import Evacuation, Event, Response, Shelter, SpecialPerson, complete_q
from yingji.regions.models import Region
from yingji.regions.scoping import get_for_user


def _staff(request):
    if not permissions.can_read(request.user):
        raise PermissionDenied


def _window(request, qs, field: str):
    """The list inside ?from=…&to=… (the stats catalog's links), dates that do not parse ignored."""
    if start := query_date(request.GET.get("from", "")):
        qs = qs.filter(**{f"{field}__gte": start})
    if end := query_date(request.GET.get("to", "")):
        qs = qs.filter(**{f"{field}__lte": end})
    region = request.GET.get("region", "")
    if region.isdigit() and len(region) <= 12:
        qs = qs.in_region(region)
    return qs


def _int(value):
    value = (value or "").strip()
    return int(value) if value.isdigit() and len(value) < 18 else None


@login_required
def overview(request):
    _staff(request)
    user, year = request.user, timezone.localdate().year
    evacuations = Evacuation.objects.for_user(user).filter(date__year=year)
    people = SpecialPerson.objects.for_user(user)
    per_street = (
        people.values("region_id").annotate(n=Count("id"), complete=Count("id", filter=complete_q())).order_by("region_id")
        if permissions.can_read_special(user) else []
    )  # fmt: skip
    names = dict(
        Region.objects.filter(code__in=[r["region_id"] for r in per_street]).values_list("code", "name")
    )
    shelters = (
        Shelter.objects.for_user(user).values("region_id").annotate(n=Count("id"), capacity=Sum("capacity"))
    )
    shelter_by = {s["region_id"]: s for s in shelters}
    return render(request, "emergency/overview.html", {
        "active": Response.objects.for_user(user).filter(status=ResponseStatus.ACTIVE),
        "events": Event.objects.for_user(user).select_related("region")[:10],
        "year": year,
        "evacuated": evacuations.aggregate(p=Sum("people"), s=Sum("special_group_people")),
        "streets": [r | {"name": names.get(r["region_id"], r["region_id"]), "shelters": shelter_by.get(r["region_id"], {})} for r in per_street],
    })  # fmt: skip


# --- events -------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def event_list(request):
    _staff(request)
    errors, values = {}, {}
    if request.method == "POST":
        values = request.POST.dict()
        try:
            event = services.event_create(actor=request.user, type=values.get("type"), title=values.get("title"),
                                          place=values.get("place"), region_code=values.get("region_code"),
                                          occurred_at=values.get("occurred_at"), dead=values.get("dead"),
                                          missing=values.get("missing"), injured=values.get("injured"),
                                          losses=values.get("losses"), summary=values.get("summary"))  # fmt: skip
            return redirect("emergency:event", event.pk)
        except ApplicationError as e:
            errors = e.errors
    events = (
        Event.objects.for_user(request.user)
        .select_related("region")
        .annotate(late=Count("reports", filter=Q(reports__late=True)))
        .order_by("-occurred_at", "-id")
    )
    events = _window(request, events, "occurred_at__date")
    if (kind := request.GET.get("type")) in EventType.values:
        events = events.filter(type=kind)
    page, query = page_of(request, events)
    return render(request, "emergency/events.html", {
        "page": page, "query": query, "types": EventType.choices, "errors": errors, "values": values,
        "regions": region_options(request.user) or [], "can_write": permissions.can_write_events(request.user),
    })  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def event_detail(request, pk):
    _staff(request)
    event = get_for_user(Event.objects.select_related("region", "accident"), request.user, pk=pk)
    errors = {}
    if request.method == "POST":
        try:
            if request.POST.get("do") == "update":
                fields = ("dead", "missing", "injured", "losses", "summary")
                services.event_update(actor=request.user, event=event, changes={k: request.POST[k] for k in fields if k in request.POST})  # fmt: skip
            elif request.POST.get("do") == "close":
                services.event_close(actor=request.user, event=event, closed_at=request.POST.get("closed_at"))
            else:
                services.report_add(actor=request.user, event=event, kind=request.POST.get("kind"),
                                    channel=request.POST.get("channel"), made_at=request.POST.get("made_at"),
                                    content=request.POST.get("content"))  # fmt: skip
            return redirect("emergency:event", event.pk)
        except ApplicationError as e:
            errors = e.errors
    return render(request, "emergency/event.html", {
        "event": event, "reports": event.reports.select_related("made_by"), "errors": errors,
        "kinds": ReportKind.choices, "channels": ReportChannel.choices,
        "responses": event.responses.all(), "evacuations": event.evacuations.select_related("region", "shelter"),
        "can_write": permissions.can_write_events(request.user),
    })  # fmt: skip


# --- responses ----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def response_list(request):
    _staff(request)
    errors, values = {}, {}
    if request.method == "POST":
        values = request.POST.dict()
        try:
            response = responses.response_start(actor=request.user, type=values.get("type"), level=values.get("level"),
                                                region_code=values.get("region_code"),
                                                started_at=values.get("started_at"), reason=values.get("reason"),
                                                event_ids=[i for i in map(_int, request.POST.getlist("event_ids")) if i])  # fmt: skip
            return redirect("emergency:response", response.pk)
        except ApplicationError as e:
            errors = e.errors
    listed = _window(
        request, Response.objects.for_user(request.user).select_related("region"), "started_at__date"
    )
    page, query = page_of(request, listed)
    return render(request, "emergency/responses.html", {
        "page": page, "query": query, "types": ResponseType.choices, "levels": ResponseLevel.choices,
        "errors": errors, "values": values, "regions": region_options(request.user) or [],
        "events": Event.objects.for_user(request.user).filter(status="open")[:50],
        "can_write": permissions.can_write_responses(request.user),
    })  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def response_detail(request, pk):
    _staff(request)
    response = get_for_user(Response.objects.select_related("region"), request.user, pk=pk)
    errors = {}
    if request.method == "POST":
        do = request.POST.get("do")
        try:
            if do == "change_level":
                responses.response_change_level(actor=request.user, response=response, level=request.POST.get("level"),
                                               at=request.POST.get("at"), note=request.POST.get("note", ""))  # fmt: skip
            elif do == "end":
                responses.response_end(actor=request.user, response=response, at=request.POST.get("at"))
            elif do == "tick":
                responses.response_tick(actor=request.user, response=response, measure_id=_int(request.POST.get("measure_id")))  # fmt: skip
            return redirect("emergency:response", response.pk)
        except ApplicationError as e:
            errors = e.errors
            messages.error(request, e.message)
    return render(request, "emergency/response.html", {
        "response": response, "changes": response.changes.select_related("by"),
        "measures": response.measures.select_related("ticked_by"), "levels": ResponseLevel.choices,
        "events": response.events.all(), "errors": errors,
        "can_write": permissions.can_write_responses(request.user) and response.status == ResponseStatus.ACTIVE,
    })  # fmt: skip


# --- evacuations --------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def evacuation_list(request):
    _staff(request)
    errors, values = {}, {}
    if request.method == "POST":
        values = request.POST.dict()
        try:
            services.evacuation_create(actor=request.user, region_code=values.get("region_code"), date=values.get("date"),
                                       people=values.get("people"), special_group_people=values.get("special_group_people"),
                                       shelter=_int(values.get("shelter")), event_id=_int(values.get("event_id")),
                                       note=values.get("note", ""))  # fmt: skip
            messages.success(request, _("The evacuation is recorded."))
            return redirect("emergency:evacuations")
        except ApplicationError as e:
            errors = e.errors
    evacuations = Evacuation.objects.for_user(request.user).select_related("region", "shelter", "event")
    this_year = evacuations.filter(date__year=timezone.localdate().year)
    by_street = this_year.values("region_id", "region__name").annotate(
        p=Sum("people"), s=Sum("special_group_people")
    )
    evacuations = _window(request, evacuations, "date")
    page, query = page_of(request, evacuations)
    streets = [(c, n) for c, n in (region_options(request.user) or []) if len(c) >= 9]
    return render(request, "emergency/evacuations.html", {
        "page": page, "query": query, "errors": errors, "values": values, "streets": streets,
        "by_street": by_street.order_by("region_id"),
        "totals": this_year.aggregate(p=Sum("people"), s=Sum("special_group_people")),
        "shelters": Shelter.objects.for_user(request.user), "events": Event.objects.for_user(request.user)[:50],
        "today": timezone.localdate().isoformat(), "can_write": permissions.can_write_evacuations(request.user),
    })  # fmt: skip


@login_required
@require_POST
def evacuation_return(request, pk):
    evacuation = get_for_user(Evacuation.objects.all(), request.user, pk=pk)
    try:
        services.evacuation_return(
            actor=request.user, evacuation=evacuation, returned_on=request.POST.get("returned_on")
        )
    except ApplicationError as e:
        messages.error(request, e.message)
    return redirect("emergency:evacuations")


# --- special groups -----------------------------------------------------------------------


def _special_reader(request):
    if not permissions.can_read_special(request.user):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def special_list(request, revealed=None):
    _special_reader(request)
    errors, values = {}, {}
    if request.method == "POST" and revealed is None:
        values = request.POST.dict()
        try:
            if "file" in request.FILES:
                n = special.import_register(actor=request.user, data=request.FILES["file"].read())
                messages.success(request, _("%(n)d members imported.") % {"n": n})
            else:
                special.person_create(
                    actor=request.user, **{k: v for k, v in values.items() if k in special.EDITABLE}
                )
                messages.success(request, _("The member is registered."))
            return redirect("emergency:special")
        except ApplicationError as e:
            errors = e.errors
    people = SpecialPerson.objects.for_user(request.user).select_related("region", "shelter")
    people = _window(request, people, "registered_on")
    if request.GET.get("incomplete") == "true":
        people = special.incomplete(people)
    page, query = page_of(request, people)
    return render(request, "emergency/special.html", {
        "page": page, "query": query, "errors": errors, "values": values, "revealed": revealed or {},
        "incomplete": special.incomplete(SpecialPerson.objects.for_user(request.user)).count(),
        "categories": SpecialCategory.choices, "areas": RiskArea.choices,
        "streets": [(c, n) for c, n in (region_options(request.user) or []) if len(c) >= 9],
        "shelters": Shelter.objects.for_user(request.user), "filter_incomplete": request.GET.get("incomplete") == "true",
        "can_write": permissions.can_write_special(request.user), "can_reveal": permissions.can_reveal(request.user),
    })  # fmt: skip


@login_required
@require_POST
def special_reveal(request, pk):
    """The page again, with this member's full ID number shown (the reveal audited)."""
    _special_reader(request)
    person = get_for_user(SpecialPerson.objects.all(), request.user, pk=pk)
    number = special.reveal(actor=request.user, person=person)
    return special_list(request, revealed={person.pk: number})


@login_required
def special_export(request):
    _special_reader(request)
    response = StreamingHttpResponse(
        special.export_stream(SpecialPerson.objects.for_user(request.user)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="special-groups-{timezone.localdate():%Y%m%d}.xlsx"'
    )
    return response


# --- shelters -----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def shelter_list(request):
    _staff(request)
    errors, values = {}, {}
    if request.method == "POST":
        values = request.POST.dict()
        try:
            services.shelter_create(actor=request.user, name=values.get("name"), region_code=values.get("region_code"),
                                    place=values.get("place"), capacity=values.get("capacity"),
                                    facilities=values.get("facilities", ""))  # fmt: skip
            return redirect("emergency:shelters")
        except ApplicationError as e:
            errors = e.errors
    page, query = page_of(request, Shelter.objects.for_user(request.user).select_related("region"))
    return render(request, "emergency/shelters.html", {
        "page": page, "query": query, "errors": errors, "values": values,
        "regions": region_options(request.user) or [], "can_write": permissions.can_write_shelters(request.user),
    })  # fmt: skip
