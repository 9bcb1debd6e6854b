"""What a list shows of the filters it applies: each as a removable chip, so that a list opened
from a dashboard number never keeps a filter on silently; and the list's sort and page links.

A view hands `filter_chips` the (query name, label) of every filter it applies; each chip links
to the same list without that one filter (and back to page 1), so removing it widens the list.
"""

from dataclasses import dataclass

from django.http import QueryDict


@dataclass(frozen=True)
class Chip:
    name: str
    label: str
    url: str


def _without(params: QueryDict, *names: str) -> str:
    kept = params.copy()
    for name in (*names, "page"):
        kept.pop(name, None)
    return "?" + kept.urlencode()


def filter_chips(request, labels: list[tuple[str, str]]) -> list[Chip]:
    """One chip per (name, label) whose parameter the request carries with a value."""
    return [
        Chip(name, label, _without(request.GET, name))
        for name, label in labels
        if request.GET.get(name, "").strip()
    ]


def clear_url(request, names: list[str]) -> str:
    """The list without any of the filters named (the search and the sort stay)."""
    return _without(request.GET, *names)


def sort_key(request, allowed, default: str) -> str:
    """The `sort` asked for when it is one of `allowed` (optionally after "-"), else the
    default. An unknown key is ignored: a list page never fails on its URL."""
    key = request.GET.get("sort", "").strip()
    return key if key.lstrip("-") in allowed else default


def sort_links(request, allowed: dict[str, str], current: str) -> dict[str, dict]:
    """For each sortable column: the link that sorts by it (reversing when it is the current
    sort) and its arrow."""
    links = {}
    for name in allowed:
        params = request.GET.copy()
        params.pop("page", None)
        if current == name:
            params["sort"], arrow = "-" + name, "↑"
        elif current == "-" + name:
            params["sort"], arrow = name, "↓"
        else:
            params["sort"], arrow = name, ""
        links[name] = {"url": "?" + params.urlencode(), "arrow": arrow}
    return links


def kept_params(request) -> list[tuple[str, str]]:
    """The query string but the page, as hidden fields of the page-number form."""
    return [(k, v) for k, values in request.GET.lists() if k != "page" for v in values]


def region_name(code: str) -> str:
    """A region's name for a chip; the code itself when no region has it."""
    from yingji.regions.models import Region

    return Region.objects.filter(code=code).values_list("name", flat=True).first() or code


def enterprise_name(user, enterprise_id: str) -> str:
    """An enterprise's name for a chip, looked up within the user's jurisdiction only (an id
    from outside shows as the bare id, revealing nothing); "" when no enterprise is filtered."""
    from yingji.enterprises.models import Enterprise

    if not enterprise_id:
        return ""
    found = Enterprise.objects.for_user(user).filter(pk=enterprise_id).values_list("name", flat=True).first()
    return found or enterprise_id


def choice_label(choices, value: str) -> str:
    return dict(choices).get(value, value)
