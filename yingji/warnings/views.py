"""The warnings pages: warnings in force and issued (with the form to issue one), a warning with
its history and every recipient's 叫应, the contacts register, and the page the SMS link opens
on a phone without signing in. Every write goes through services, as the API's does."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from yingji.core.dates import query_date
from yingji.core.errors import ApplicationError
from yingji.core.pagination import page_of
from yingji.regions.models import Region
from yingji.regions.scoping import get_for_user
from yingji.regions.selectors import region_choices
from yingji.warnings import contacts, links, permissions, services, stages
from yingji.warnings.choices import Level, Source, Status, WarningType
from yingji.warnings.maps import warning_map
from yingji.warnings.models import Contact, ContactRole, EarlyWarning, Recipient, WarningArea


def _staff(request):
    if not permissions.can_read(request.user):
        raise PermissionDenied


def _listed(request):
    qs = (
        EarlyWarning.objects.for_user(request.user)
        .select_related("region")
        .prefetch_related("area_rows__region")
    )
    if start := query_date(request.GET.get("from", "")):
        qs = qs.filter(changes__at__date__gte=start).distinct()
    if end := query_date(request.GET.get("to", "")):
        qs = qs.filter(changes__at__date__lte=end).distinct()
    region = request.GET.get("region", "")
    if region.isdigit() and len(region) <= 12:  # the map's link: the warnings over that region
        ancestors = [region[:n] for n in (2, 4, 6, 9) if n < len(region)]
        covering = WarningArea.objects.filter(
            Q(region__code__startswith=region) | Q(region__code__in=ancestors)
        )
        qs = qs.filter(pk__in=covering.values("warning_id"))
    if (kind := request.GET.get("type")) in WarningType.values:
        qs = qs.filter(type=kind)
    if (level := request.GET.get("level")) in Level.values:
        qs = qs.filter(level=level)
    return qs.annotate(
        reached=Count("recipients", distinct=True),
        acknowledged=Count("recipients", filter=Q(recipients__acknowledged_at__isnull=False), distinct=True),
    )


@login_required
@require_http_methods(["GET", "POST"])
def warning_list(request):
    _staff(request)
    errors, values = {}, {}
    if request.method == "POST":
        values = request.POST.dict()
        try:
            warning = services.issue(
                actor=request.user, type=values.get("type"), level=values.get("level"),
                region_codes=request.POST.getlist("region_codes"), valid_from=values.get("valid_from"),
                valid_to=values.get("valid_to"), content=values.get("content"), source=values.get("source"),
                stage=values.get("stage"),
            )  # fmt: skip
            messages.success(request, _("Warning issued to %(n)d responsible persons.") % {"n": warning.recipients.count()})  # fmt: skip
            return redirect("warnings:detail", warning.pk)
        except ApplicationError as e:
            errors = e.errors
    qs = _listed(request)
    page, query = page_of(request, qs.exclude(status=Status.IN_FORCE).order_by("-valid_from", "-id"))
    return render(request, "warnings/list.html", {
        "map": warning_map(request.user),
        "in_force": qs.filter(status=Status.IN_FORCE).order_by("-valid_from", "-id"), "page": page, "query": query,
        "can_issue": permissions.can_issue(request.user), "errors": errors, "values": values,
        "types": WarningType.choices, "levels": Level.choices, "sources": Source.choices,
        "stages": stages.choices(), "regions": region_choices(request.user, levels=("county", "street", "community")),
    })  # fmt: skip


@login_required
def warning_detail(request, pk):
    _staff(request)
    warning = get_for_user(EarlyWarning.objects.select_related("region"), request.user, pk=pk)
    recipients = (
        Recipient.objects.for_user(request.user)
        .filter(warning=warning)
        .select_related("change", "region", "contact")
    )
    own = [r for r in recipients if r.acknowledged_at is None and r.contact.user_id == request.user.pk]
    acked = [r for r in recipients if r.acknowledged_at]
    minutes = [(r.acknowledged_at - r.sent_at).total_seconds() / 60 for r in acked]
    return render(request, "warnings/detail.html", {
        "warning": warning, "areas": warning.area_rows.select_related("region"),
        "changes": warning.changes.select_related("by"), "recipients": recipients, "own": own,
        "acknowledged": len(acked), "average_minutes": round(sum(minutes) / len(minutes)) if minutes else None,
        "now": timezone.now(), "levels": Level.choices, "in_force": warning.status == Status.IN_FORCE,
        "can_issue": permissions.can_issue(request.user), "can_call": permissions.can_record_calls(request.user),
    })  # fmt: skip


@login_required
@require_POST
def warning_act(request, pk, action):
    _staff(request)
    warning = get_for_user(EarlyWarning.objects.all(), request.user, pk=pk)
    try:
        if action == "acknowledge":
            recipient = request.POST.get("recipient_id", "")
            rid = int(recipient) if recipient.isdigit() and len(recipient) < 18 else None
            services.acknowledge(actor=request.user, warning=warning, recipient_id=rid)
            messages.success(request, _("Acknowledgement recorded."))
        elif action == "change_level":
            services.change_level(actor=request.user, warning=warning, level=request.POST.get("level"), note=request.POST.get("note", ""))  # fmt: skip
            messages.success(request, _("Level changed; the recipients are told again."))
        elif action == "lift":
            services.lift(actor=request.user, warning=warning, note=request.POST.get("note", ""))
            messages.success(request, _("Warning lifted."))
        else:
            raise PermissionDenied
    except ApplicationError as e:
        messages.error(request, " ".join(m for ms in e.errors.values() for m in ms) or str(e))
    return redirect("warnings:detail", pk)


@require_http_methods(["GET", "POST"])
def acknowledge_link(request, token):
    """The SMS link: no sign-in (a village official's phone); the signed token is the key. A GET
    only shows the warning — link previewers open links — and the button POSTs."""
    rid = links.recipient_id(token)
    recipient = Recipient.objects.filter(pk=rid).select_related("warning").first() if rid else None
    if recipient is None:
        return render(request, "warnings/ack.html", {"invalid": True}, status=404)
    if request.method == "POST":
        recipient = services.acknowledge_by_link(recipient.pk)
    return render(request, "warnings/ack.html", {"recipient": recipient, "warning": recipient.warning})


@login_required
@require_http_methods(["GET", "POST"])
def contact_list(request):
    _staff(request)
    errors, values = {}, {}
    if request.method == "POST":
        values = request.POST.dict()
        superior = values.get("superior_id", "")
        try:
            contacts.contact_create(
                actor=request.user, region_code=values.get("region_code"), name=values.get("name"),
                phone=values.get("phone"), role=values.get("role"), slot=values.get("slot", ""),
                position=values.get("position", ""),
                superior_id=int(superior) if superior.isdigit() and len(superior) < 18 else None,
            )  # fmt: skip
            messages.success(request, _("Responsible person added."))
            return redirect("warnings:contacts")
        except ApplicationError as e:
            errors = e.errors
    qs = Contact.objects.for_user(request.user).select_related("region", "superior")
    region = request.GET.get("region", "")
    if region.isdigit() and len(region) <= 12:
        qs = qs.in_region(region)
    page, query = page_of(request, qs)
    return render(request, "warnings/contacts.html", {
        "page": page, "query": query, "errors": errors, "values": values, "roles": ContactRole.choices,
        "regions": region_choices(request.user, levels=("county", "street", "community")),
        "superiors": Contact.objects.for_user(request.user).filter(active=True)[:500],
        "can_write": permissions.can_write_contacts(request.user),
        "region_name": Region.objects.filter(code=region).values_list("name", flat=True).first(),
    })  # fmt: skip
