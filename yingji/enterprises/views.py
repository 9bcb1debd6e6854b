from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from yingji.core.industries import Industry
from yingji.core.pagination import page_of
from yingji.enterprises import selectors


@login_required
def enterprise_list(request):
    filters = {k: request.GET.get(k, "").strip() for k in ("search", "industry", "region")}
    page, query = page_of(
        request, selectors.enterprise_list(user=request.user, filters=filters).select_related("region")
    )
    return render(
        request,
        "enterprises/list.html",
        {"page": page, "query": query, "filters": filters, "industries": Industry.choices},
    )
