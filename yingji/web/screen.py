"""The command centre's wall display (大屏): the dashboard's numbers, big, on one screen.

Every number is the dashboard's (yingji.web.dashboard, hence the stats catalog); this module
only picks and arranges them, and adds the open hazards a duty officer should watch.
"""

import datetime

from django.utils.translation import gettext as _

from yingji.hazards.selectors import hazard_list
from yingji.regions.models import Region
from yingji.regions.scoping import Jurisdiction
from yingji.stats.catalog import CATALOG, Query, remembering
from yingji.stats.periods import Period
from yingji.stats.selectors import stats_answer
from yingji.web.dashboard import dashboard_context

HEADLINE = [
    "hazards.found",
    "hazards.rectification_rate",
    "hazards.overdue",
    "hazards.listed",
    "inspections.count",
    "inspections.units",
]
FUNNEL = ["hazards.found", "hazards.rectified", "hazards.found_closed"]
WATCH_ROWS = 8


@remembering()
def screen_context(user, today: datetime.date) -> dict:
    context = dashboard_context(user, today)
    cards = {card["key"]: card for card in context["cards"]}
    region = Jurisdiction.of(user).region
    return context | {
        "region_name": Region.objects.filter(code=region).values_list("name", flat=True).first() or "",
        "headline": [cards[k] for k in HEADLINE if k in cards],
        "production": _production(context["accidents"]),
        "accident_chart": _accident_chart(context["accidents"]),
        "funnel": _funnel(user, context["period"]),
        "watch": _watch_list(user, today),
    }


def _production(rows: list[dict]) -> dict | None:
    """生产安全事故 and its deaths, with the catalog's units (起, 人)."""
    row = next((row for row in rows if row["kind"] == "production"), None)
    if row is None:
        return None
    return row | {
        "count_unit": CATALOG["accidents.count"].unit,
        "deaths_unit": CATALOG["accidents.deaths"].unit,
    }


def _accident_chart(rows: list[dict]) -> dict:
    return {
        "categories": [row["label"] for row in rows],
        "series": [
            {"name": _("This year so far"), "data": [row["count"] for row in rows]},
            {"name": _("Same period last year"), "data": [row["count_previous"] for row in rows]},
        ],
        "urls": [row["url"] for row in rows],
    }


def _funnel(user, period: Period) -> list[dict]:
    """Found → rectified → closed (销号), each with the list behind it."""
    keys = [k for k in FUNNEL if k in CATALOG]
    query = Query(user=user, period=period)
    answer = stats_answer(query=query, keys=keys)
    return [
        {
            "name": answer["indicators"][k]["label"],
            "value": answer["indicators"][k]["value"],
            "url": CATALOG[k].url(query),
        }
        for k in keys
    ]


def _watch_list(user, today: datetime.date) -> list:
    """Open hazards listed for supervision or past their deadline: listed first, then the
    longest overdue."""
    hazards = hazard_list(user=user, filters={"counted": "1", "open_on": today}, today=today)
    # Two queries in the one order instead of an OR: each reads its own index (the listed
    # hazards', then the deadlines'), where the OR sorted every open hazard of a province.
    # Not rectified at all (none is rectified in the future): the open listed hazards' index.
    listed = hazards.filter(listed_on__isnull=False, rectified_at__isnull=True)
    listed = _first(listed.order_by("-listed_on", "deadline", "pk"), WATCH_ROWS)
    if len(listed) == WATCH_ROWS:
        return listed
    overdue = hazards.filter(listed_on__isnull=True, deadline__lt=today).order_by("deadline", "pk")
    return listed + _first(overdue, WATCH_ROWS - len(listed))


def _first(hazards, rows: int) -> list:
    """The first rows of an ordered list: their ids first, from the index alone (whole rows
    to fetch, the planner would rather intersect a county's whole region index with it: 43
    ms for a county's eight against 0.1), then those few read whole."""
    ids = list(hazards.values_list("pk", flat=True)[:rows])
    found = hazards.filter(pk__in=ids).select_related("enterprise", "region").in_bulk()
    return [found[pk] for pk in ids]
