"""The dashboard's map: the user's region cut into its children (a province into cities, a
city into counties, a district into streets), each coloured by an indicator chosen on the
page. Values and the links behind them come from the stats catalog, grouped by the
children's level; the shapes come from yingji.web.geo."""

from django.urls import reverse

from yingji.regions.models import Region, child_level
from yingji.regions.scoping import Jurisdiction
from yingji.stats.catalog import CATALOG, REGION_GROUPS, Query, Ratio
from yingji.stats.periods import Period
from yingji.stats.selectors import stats_answer
from yingji.web.geo import has_child_shapes

# (indicator, palette): "alarm" for numbers that should fall, "work" for work done, "rate"
# for a share that should rise. The page colours each with its own scale.
INDICATORS = [
    ("hazards.found", "work"),
    ("hazards.rectification_rate", "rate"),
    ("hazards.overdue", "alarm"),
    ("hazards.major_found", "alarm"),
    ("accidents.count", "alarm"),
    ("accidents.deaths", "alarm"),
    ("inspections.count", "work"),
    ("inspections.units", "work"),
]


def map_context(user, period: Period) -> dict | None:
    """What the page needs to draw the map, or None where there is nothing to cut (a street
    office, or an admin over all of China)."""
    region = Jurisdiction.of(user).region
    group_by = child_level(region or "")  # the stats grouped by the region's children
    if group_by not in REGION_GROUPS:
        return None
    indicators = [(k, palette) for k, palette in INDICATORS if k in CATALOG]
    keys = [k for k, _ in indicators]
    answer = stats_answer(query=Query(user=user, period=period), keys=keys, group_by=group_by)
    values = {g["key"]: g["values"] for g in answer["groups"]}
    return {
        "region": region,
        "geo_url": reverse("dashboard-geo", args=[region]) if has_child_shapes(region) else None,
        "approximate": group_by == "street",
        "indicators": [
            {
                "key": key,
                "label": answer["indicators"][key]["label"],
                "unit": answer["indicators"][key]["unit"],
                "palette": palette,
            }
            for key, palette in indicators
        ],
        "regions": [
            _region(child, values.get(child.code, {}), keys, user, period)
            for child in Region.objects.filter(parent_id=region)
        ],
    }


def _region(child: Region, values: dict, keys: list[str], user, period: Period) -> dict:
    """One child's values (a count with no records is 0; a rate with nothing to divide is
    None) and, for each, the list of the records behind it."""
    query = Query(user=user, period=period, filters={"region": child.code})
    return {
        "code": child.code,
        "name": child.name,
        "values": {k: values.get(k, None if isinstance(CATALOG[k], Ratio) else 0) for k in keys},
        "urls": {k: CATALOG[k].url(query) for k in keys},
    }
