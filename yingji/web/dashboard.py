"""The bureau's and leaders' landing page: this year so far against last year, the hazard
funnel, overdue and listed major hazards, inspections, monthly trends and the region's parts. Every
number comes from the stats catalog and links to the records behind it."""

import datetime

from yingji.regions.models import RegionLevel, child_level
from yingji.regions.scoping import Jurisdiction
from yingji.stats.catalog import CATALOG, REGION_GROUPS, Query, remembering
from yingji.stats.numbers import format_percent
from yingji.stats.periods import Period, period_of
from yingji.stats.selectors import stats_answer
from yingji.web.maps import map_context

# The cards of the home page, by indicator key; a module adds its own from AppConfig.ready
# with register_card("cases.filed"), and they follow these.
CARDS = [
    "hazards.found",
    "hazards.rectified",
    "hazards.rectification_rate",
    "hazards.overdue",
    "hazards.major_found",
    "hazards.listed",
    "inspections.count",
    "inspections.person_times",
    "inspections.units",
]


def register_card(*keys: str) -> None:
    CARDS.extend(key for key in keys if key not in CARDS)


TREND = ["hazards.found", "hazards.rectified"]
# Accidents by kind: (kind, label) — production is 生产安全事故, business road and fire included.
ACCIDENT_KINDS = [
    ("production", "生产安全事故"),
    ("road_traffic", "道路交通事故"),
    ("fire", "火灾"),
    ("forest_fire", "森林火灾"),
]
STREETS = ["hazards.found", "hazards.rectified", "hazards.rectification_rate", "hazards.overdue"]


def _cards(user, period: Period) -> list[dict]:
    query = Query(user=user, period=period)
    keys = [k for k in CARDS if k in CATALOG]
    answer = stats_answer(query=query, keys=keys, compare="yoy")
    cards = []
    for key in keys:
        entry = answer["indicators"][key]
        value = entry["value"]
        cards.append(
            {
                "key": key,
                "label": entry["label"],
                "value": f"{format_percent(CATALOG[key].value(query))}%" if entry["unit"] == "%" else value,
                "unit": "" if entry["unit"] == "%" else entry["unit"],
                "change": entry.get("change_text"),
                "url": CATALOG[key].url(query),
            }
        )
    return cards


def _accidents(user, period: Period) -> list[dict]:
    if "accidents.count" not in CATALOG:
        return []
    rows = []
    for kind, label in ACCIDENT_KINDS:
        query = Query(user=user, period=period, filters={"kind": kind})
        answer = stats_answer(query=query, keys=["accidents.count", "accidents.deaths"], compare="yoy")
        count, deaths = answer["indicators"]["accidents.count"], answer["indicators"]["accidents.deaths"]
        rows.append(
            {
                "kind": kind,
                "label": label,
                "count": count["value"],
                "count_change": count["change_text"],
                "count_previous": count["previous"],
                "deaths": deaths["value"],
                "deaths_change": deaths["change_text"],
                "deaths_previous": deaths["previous"],
                "url": CATALOG["accidents.count"].url(query),
            }
        )
    return rows


def _trend(user, today: datetime.date) -> dict:
    start = (today.replace(day=1) - datetime.timedelta(days=335)).replace(day=1)
    answer = stats_answer(query=Query(user=user, period=Period(start, today)), keys=TREND, group_by="month")
    months = [g["key"] for g in answer["groups"]]
    return {
        "months": months,
        "series": [
            {"name": answer["indicators"][k]["label"], "data": [g["values"][k] for g in answer["groups"]]}
            for k in TREND
        ],
    }


def parts_level(user) -> str:
    """The level the table of parts lists: the user's region's children (a province's cities,
    a city's counties, a county's streets), as the map; a street lists itself."""
    region = Jurisdiction.of(user).region
    if not region:  # all of the country (an administrator): the widest parts kept
        return "city"
    level = child_level(region)
    return level if level in REGION_GROUPS else "street"


@remembering()
def dashboard_context(user, today: datetime.date) -> dict:
    ytd = period_of(today.year, "ytd", today=today)
    level = parts_level(user)
    # The groups first (the map's and the parts table's, by the same regions): the cards'
    # totals are then the sums of groups already counted (stats.catalog), not counted again.
    region_map = map_context(user, ytd)
    streets = stats_answer(query=Query(user=user, period=ytd), keys=STREETS, group_by=level)
    trend = _trend(user, today)
    return {
        "period": ytd,
        "cards": _cards(user, ytd),
        "accidents": _accidents(user, ytd),
        "trend": trend,
        "streets": streets["groups"],
        "street_labels": [streets["indicators"][k]["label"] for k in STREETS],
        "parts_label": RegionLevel(level).label,
        "map": region_map,
    }
