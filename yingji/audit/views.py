from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from yingji.accounts.access import require_role
from yingji.accounts.choices import AUDIT_READERS
from yingji.audit import labels, selectors
from yingji.core.pagination import page_of

FILTERS = ("actor", "action", "object_type", "object_id", "region", "from", "to")


@login_required
def audit_list(request):
    require_role(request.user, AUDIT_READERS)
    raw = {k: request.GET.get(k, "").strip() for k in FILTERS}
    filters = raw | {
        "actor": "",  # the page's person filter matches a name too
        "person": raw["actor"],
        "date_from": selectors.parse_date(raw["from"]),
        "date_to": selectors.parse_date(raw["to"]),
    }
    entries = selectors.audit_list(user=request.user, filters=filters).select_related("actor")
    page, query = page_of(request, entries)
    names = labels.related_names(page)
    for entry in page:
        entry.action_label = labels.action_label(entry.action)
        entry.model_label = labels.model_label(entry.object_type)
        entry.changes = labels.changes(entry, names)
    present = selectors.audit_codes(user=request.user)
    context = {
        "page": page,
        "query": query,
        "filters": raw,
        "actions": labels.options(present["action"], labels.action_label),
        "object_types": labels.options(present["object_type"], labels.model_label),
    }
    return render(request, "audit/list.html", context)
