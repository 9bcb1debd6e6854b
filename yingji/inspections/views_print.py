"""The printable 现场检查记录 (on-site inspection record): the inspection as the enterprise
signs it on site, A4, with signature lines. Scoped like the detail page (404 outside)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from yingji.inspections import selectors
from yingji.inspections.choices import Outcome


@login_required
def inspection_record(request, inspection_id: int):
    inspection = selectors.inspection_get(user=request.user, inspection_id=inspection_id)
    results = inspection.results.select_related("item", "hazard").order_by("item__order")
    context = {
        "inspection": inspection,
        "enterprise": inspection.enterprise,
        "inspectors": inspection.inspectors.select_related("organisation"),
        # The record lists what was found wanting; the passed items are counted, not listed.
        "failed": [r for r in results if r.outcome == Outcome.FAIL],
        "checked": sum(1 for r in results if r.outcome != Outcome.NOT_APPLICABLE),
        "hazards": inspection.hazards.order_by("pk"),
    }
    return render(request, "inspections/print_record.html", context)
