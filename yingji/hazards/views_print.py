"""The printable 隐患整改通知书 (rectification notice) for a hazard: what to rectify, the measures
and the deadline, A4, with signature lines and a receipt for the enterprise to sign. Scoped
like the detail page (404 outside).

A notice is served to the enterprise for one inspection: a hazard found in an inspection is
printed with the other hazards of that inspection the reader can see and that have been
assigned (they carry a deadline); a hazard registered alone is printed alone."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from yingji.hazards import selectors
from yingji.hazards.choices import HazardStatus
from yingji.hazards.models import Hazard


@login_required
def rectification_notice(request, hazard_id: int):
    hazard = selectors.hazard_get(user=request.user, hazard_id=hazard_id)
    items = [hazard]
    if hazard.inspection_id:
        items = list(
            Hazard.objects.for_user(request.user)
            .filter(inspection_id=hazard.inspection_id, enterprise_id=hazard.enterprise_id)
            .filter(deadline__isnull=False)  # assigned: a notice states a deadline
            .exclude(status=HazardStatus.CANCELLED)
            .order_by("pk")
        )
        if hazard not in items:
            items.insert(0, hazard)
    deadlines = [h.deadline for h in items if h.deadline]
    context = {
        "hazard": hazard,
        "enterprise": hazard.enterprise,
        "items": items,
        "deadline": max(deadlines) if deadlines else None,
        "inspection": hazard.inspection,
        "issuer": request.user.organisation,
    }
    return render(request, "hazards/print_notice.html", context)
