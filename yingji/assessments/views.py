"""The assessment pages: schemes with the form to set one up (items a line: label|points|rule|
points off each|veto), and a scheme's ranking with each item's score and the records behind it,
the office's manual scores and the ranking notice."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from yingji.assessments import notice, scoring, services
from yingji.assessments.models import ManualScore, Scheme
from yingji.assessments.rules import RULES
from yingji.core import attachments
from yingji.core.errors import ApplicationError
from yingji.regions.selectors import region_choices
from yingji.tasks import permissions
from yingji.tasks.views import _units
from yingji.web.lines import split_lines


def _items(text: str) -> list[dict]:
    """label|points|rule|points off each|veto (1) a line."""
    return [
        {"label": label, "points": points or "0", "rule": rule, "per": per or "1", "veto": veto in ("1", "是", "veto")}
        for label, points, rule, per, veto in (parts[:5] for parts in split_lines(text, 5))
    ]


def _int(value):
    value = str(value or "").strip()
    return int(value) if value.isdigit() and len(value) < 18 else None


@login_required
@require_http_methods(["GET", "POST"])
def scheme_list(request):
    if not permissions.can_read(request.user):
        raise PermissionDenied
    errors, values = {}, {}
    if request.method == "POST":
        values = request.POST.dict()
        try:
            scheme = services.scheme_create(
                actor=request.user, region_code=values.get("region_code"), year=_int(values.get("year")), name=values.get("name"),
                unit_ids=[_int(i) for i in request.POST.getlist("unit_ids")], items=_items(values.get("items", "")),
            )  # fmt: skip
            return redirect("assessments:detail", scheme.pk)
        except ApplicationError as e:
            errors = e.errors
    return render(request, "assessments/list.html", {
        "schemes": Scheme.objects.for_user(request.user), "can_keep": permissions.can_keep(request.user), "errors": errors,
        "values": values, "regions": region_choices(request.user), "units": _units(request.user), "rules": RULES.values(),
        "year": timezone.localdate().year,
    })  # fmt: skip


@login_required
def score_file(request, pk, score_id):
    """A manual score's evidence, to those who may see the scheme."""
    if not permissions.can_read(request.user):
        raise PermissionDenied
    scheme = get_object_or_404(Scheme.objects.for_user(request.user), pk=pk)
    return attachments.serve(ManualScore.objects.filter(item__scheme=scheme, pk=score_id).first())


@login_required
@require_http_methods(["GET", "POST"])
def scheme_detail(request, pk):
    if not permissions.can_read(request.user):
        raise PermissionDenied
    scheme = get_object_or_404(Scheme.objects.for_user(request.user), pk=pk)
    if request.method == "POST":
        try:
            if request.POST.get("do") == "notice":
                issued = notice.issue(actor=request.user, scheme=scheme, results=scoring.results(scheme))
                messages.success(request, _("Notice %(number)s issued.") % {"number": issued.document_number})
                return redirect("notices:list")
            services.score(actor=request.user, scheme=scheme, item_id=_int(request.POST.get("item_id")), unit_id=_int(request.POST.get("unit_id")),
                           points=request.POST.get("points"), reason=request.POST.get("reason"), evidence=request.FILES.get("evidence"))  # fmt: skip
            messages.success(request, _("Score recorded."))
        except ApplicationError as e:
            messages.error(request, " ".join(m for ms in e.errors.values() for m in ms))
        return redirect("assessments:detail", pk)
    items = list(scheme.items.all())
    return render(request, "assessments/detail.html", {
        "scheme": scheme, "items": items, "manual": [i for i in items if not i.rule], "results": scoring.results(scheme),
        "units": scheme.units.order_by("name"), "can_keep": permissions.can_keep(request.user),
    })  # fmt: skip
