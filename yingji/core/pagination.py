from django.core.paginator import Paginator


def page_of(request, queryset, per_page: int = 50):
    """The requested page of a list page, and the query string to keep filters in pager links."""
    page = Paginator(queryset, per_page).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return page, params.urlencode()
