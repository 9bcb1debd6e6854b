"""A city's or a province's summary compares the counties (or cities) under it: where the
accidents and deaths were, and who rectified hazards best and worst. Counties without accidents
are not listed one by one; the sentence says how many had none."""

from yingji.regions.models import Region
from yingji.reports.facts import Facts
from yingji.stats.numbers import format_percent, percent

LEVEL_BELOW = {"city": "county", "province": "city"}
LISTED = 3  # the regions named at the top and at the bottom


def ranking(facts: Facts, region: Region) -> list[str]:
    below = LEVEL_BELOW.get(region.level)
    if below is None:
        return []
    names = dict(Region.objects.filter(parent=region).values_list("code", "name"))
    if not names:
        return []
    return [s for s in (_accidents(facts, below, names), _rectification(facts, below, names)) if s]


def _accidents(facts: Facts, below: str, names: dict) -> str:
    counts = facts.grouped("accidents.count", below, kind="production")
    deaths = facts.grouped("accidents.deaths", below, kind="production")
    hit = sorted(((c, n) for c, n in counts.items() if n and c in names), key=lambda kv: (-kv[1], kv[0]))
    if not hit:
        return ""
    listed = "，".join(f"{names[c]}{n}起、死亡{deaths.get(c, 0)}人" for c, n in hit[:LISTED])
    more = f"等{len(hit)}个地区发生" if len(hit) > LISTED else "发生"
    none = len(names) - len(hit)
    tail = f"；{none}个地区未发生生产安全事故" if none else ""
    return f"分地区看，{listed}{more}生产安全事故{tail}。"


def _rectification(facts: Facts, below: str, names: dict) -> str:
    found = facts.grouped("hazards.found", below)
    rectified = facts.grouped("hazards.rectified", below)
    rates = sorted(
        ((percent(rectified.get(c, 0), n), c) for c, n in found.items() if n and c in names),
        key=lambda rc: (-rc[0], rc[1]),
    )
    if len(rates) < 2:
        return ""
    best, worst = rates[0], rates[-1]
    return (
        f"隐患整改率最高的是{names[best[1]]}（{format_percent(best[0])}%），"
        f"最低的是{names[worst[1]]}（{format_percent(worst[0])}%）。"
    )
