from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from yingji.accounts.access import require_role
from yingji.accounts.choices import AUDIT_READERS
from yingji.audit import selectors
from yingji.core.pagination import page_of

FILTERS = ("actor", "action", "object_type", "object_id", "region", "from", "to")


@login_required
def audit_list(request):
    require_role(request.user, AUDIT_READERS)
    raw = {k: request.GET.get(k, "").strip() for k in FILTERS}
    filters = raw | {
        "date_from": selectors.parse_date(raw["from"]),
        "date_to": selectors.parse_date(raw["to"]),
    }
    page, query = page_of(request, selectors.audit_list(user=request.user, filters=filters))
    return render(request, "audit/list.html", {"page": page, "query": query, "filters": raw})
