"""预警一张图: the user's region cut into its children (a district into streets), coloured by
the highest warning level in force over each — blue, yellow, orange, red as the signals are —
or by the open events, the special-group members registered and the shelters' capacity. The
shapes and the drawing are the dashboard's (yingji.web.geo, static/js/charts.js)."""

from collections import Counter

from django.db.models import Count, Sum
from django.urls import reverse
from django.utils.translation import gettext as _

from yingji.emergency import permissions as emergency_permissions
from yingji.emergency.choices import EventStatus
from yingji.emergency.models import Event, Shelter, SpecialPerson
from yingji.regions.models import Region
from yingji.regions.scoping import Jurisdiction
from yingji.warnings.choices import RANK, Level, Status
from yingji.warnings.models import EarlyWarning, WarningArea
from yingji.web.geo import has_child_shapes

COLOURS = {"": "#eef1f4", "blue": "#1f5fbf", "yellow": "#e0b400", "orange": "#e06c00", "red": "#c8102e"}


def _covers(area: str, child: str) -> bool:
    return child.startswith(area) or area.startswith(child)


def _by_child(rows, children, field="region_id", value="n") -> dict:
    totals = Counter()
    for row in rows:
        child = next((c for c in children if row[field].startswith(c)), None)
        if child:
            totals[child] += row[value] or 0
    return totals


def warning_map(user) -> dict | None:
    region = Jurisdiction.of(user).region
    if not region or len(region) >= 9 or not has_child_shapes(region):
        return None
    children = list(Region.objects.filter(parent_id=region).values_list("code", "name"))
    codes = [c for c, _n in children]
    visible = EarlyWarning.objects.for_user(user).filter(status=Status.IN_FORCE)
    areas = WarningArea.objects.filter(warning__in=visible)
    highest = {}
    for area, level in areas.values_list("region_id", "warning__level"):
        for code in codes:
            if _covers(area, code) and RANK[level] + 1 > highest.get(code, 0):
                highest[code] = RANK[level] + 1
    events = _by_child(Event.objects.for_user(user).filter(status=EventStatus.OPEN).values("region_id").annotate(n=Count("id")), codes)  # fmt: skip
    shelters = _by_child(
        Shelter.objects.for_user(user).values("region_id").annotate(n=Sum("capacity")), codes
    )
    special = (
        _by_child(SpecialPerson.objects.for_user(user).values("region_id").annotate(n=Count("id")), codes)
        if emergency_permissions.can_read_special(user) else None
    )  # fmt: skip
    indicators = [
        {"key": "level", "label": _("Highest warning level in force"), "unit": "", "palette": "alarm",
         "pieces": [{"value": 0, "label": _("None"), "color": COLOURS[""]}] + [
             {"value": RANK[v] + 1, "label": str(label), "color": COLOURS[v]} for v, label in Level.choices]},
        {"key": "events", "label": _("Open events"), "unit": "起", "palette": "alarm"},
        {"key": "shelters", "label": _("Shelter capacity"), "unit": "人", "palette": "work"},
    ]  # fmt: skip
    if special is not None:
        indicators.append({"key": "special", "label": _("Special-group members registered"), "unit": "人", "palette": "work"})  # fmt: skip
    return {
        "region": region,
        "geo_url": reverse("dashboard-geo", args=[region]),
        "approximate": len(region) == 6,
        "indicators": indicators,
        "regions": [
            {
                "code": code, "name": name,
                "values": {"level": highest.get(code, 0), "events": events[code], "shelters": shelters[code]}
                | ({"special": special[code]} if special is not None else {}),
                "urls": {"level": f"/warnings/?region={code}", "events": f"/emergency/events/?region={code}",
                         "shelters": f"/emergency/shelters/?region={code}", "special": f"/emergency/special-groups/?region={code}"},
            }
            for code, name in children
        ],
    }  # fmt: skip
