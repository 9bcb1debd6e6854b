"""一、安全生产形势: the accident figures in the 口径 of DOMAIN.md 0.7, as plain values for the
wording. Phrases that depend on how the numbers moved (分别下降, 均同比下降, 四下降, the overall
judgement) are decided here, by the rules, so that every bureau's wording gets them right."""

from decimal import Decimal

from yingji.reports.facts import Facts
from yingji.stats.numbers import _plain as plain_text

# The domains a production total is broken down by in its 含 clause (DOMAIN 0.7), in order.
BREAKDOWN = (
    ("road_transport", "生产经营性道路运输事故"),
    ("fire", "生产经营性火灾事故"),
    ("construction", "建筑施工事故"),
    ("waterway", "水上交通事故"),
)
MEASURE_NAMES = {"count": "事故起数", "deaths": "死亡人数", "injuries": "受伤人数", "loss": "直接经济损失"}


def wan(yuan) -> str:
    """An amount in yuan as 万元 with at most two decimals and no trailing zeros: 1569.3, 96."""
    amount = (Decimal(yuan or 0) / 10000).quantize(Decimal("0.01"))
    return plain_text(amount)


def moved_together(names: list[str], changes: list[dict]) -> str:
    """同比 of several measures in one clause: 事故起数、死亡人数同比分别下降25%、40% · …均同比下降20%
    · 事故起数同比下降25%、死亡人数同比上升50% (mixed) · …同比均持平."""
    texts = [c["change"] for c in changes]
    words = {t[:2] for t in texts}
    joined = "、".join(names)
    if len(words) == 1 and len(texts) > 1:
        word = texts[0][:2]
        if word == "持平":
            return f"{joined}同比均持平"
        if len(set(texts)) == 1:
            return f"{joined}均同比{texts[0]}"
        return f"{joined}同比分别{word}{'、'.join(t[2:] for t in texts)}"
    return "、".join(f"{n}同比{t}" for n, t in zip(names, texts, strict=True))


def in_wan(moved: dict) -> dict:
    """A change of an amount in yuan, said in 万元 when last year had none (增加5万元)."""
    if moved["change"].startswith("增加"):
        moved = moved | {"change": f"增加{wan(moved['value'] - moved['previous'])}万元"}
    return moved


def production(facts: Facts) -> dict:
    kind = {"kind": "production"}
    count, deaths = facts.get("accidents.count", **kind), facts.get("accidents.deaths", **kind)
    injuries = facts.get("accidents.injuries", **kind)
    loss = in_wan(facts.get("accidents.direct_loss", **kind))
    four = (count, deaths, injuries, loss)
    serious = {"count": facts.value("accidents.serious_or_above", **kind), "deaths": _serious_deaths(facts)}
    return {
        "count": count,
        "deaths": deaths,
        "injuries": injuries,
        "loss_wan": wan(facts.raw("accidents.direct_loss", **kind)),
        "breakdown": breakdown(facts),
        "compare": moved_together(["事故起数", "死亡人数"], [count, deaths]),
        "compare_injuries_loss": moved_together(["受伤人数", "直接经济损失"], [injuries, loss]),
        "four_down": all(m["down"] for m in four),
        "serious": serious,
    }


SERIOUS_GRADES = ("relatively_serious", "serious", "extraordinarily_serious")


def _serious_deaths(facts: Facts) -> int:
    return sum(facts.value("accidents.deaths", kind="production", grade=g) for g in SERIOUS_GRADES)


def breakdown(facts: Facts) -> str:
    """含生产经营性道路运输事故1起、死亡1人 — the domains of the total that readers ask about."""
    parts = []
    for domain, label in BREAKDOWN:
        count = facts.value("accidents.count", kind="production", domain=domain)
        if count:
            deaths = facts.value("accidents.deaths", kind="production", domain=domain)
            parts.append(f"{label}{count}起、死亡{deaths}人" if deaths else f"{label}{count}起")
    return "，".join(parts)


def fatal(facts: Facts, kind: str, business_domain: str) -> dict:
    """Fatal road accidents or fires, all of them (business or not), with the production-related
    ones stated inside (含)."""
    own = {
        "count": facts.value("accidents.fatal", kind=kind),
        "deaths": facts.value("accidents.deaths", kind=kind),
    }
    business = {
        "count": facts.value("accidents.fatal", kind="production", domain=business_domain),
        "deaths": facts.value("accidents.deaths", kind="production", domain=business_domain),
    }
    return {
        "count": own["count"] + business["count"],
        "deaths": own["deaths"] + business["deaths"],
        "business_count": business["count"],
        "business_deaths": business["deaths"],
    }


def judgement(p: dict) -> str:
    """持续向好 / 总体平稳 / 依然严峻复杂, by DOMAIN 0.7."""
    count, deaths, serious = p["count"], p["deaths"], p["serious"]["count"]
    if serious:
        return "依然严峻复杂"
    if count["down"] and deaths["down"]:
        return "持续向好"
    rose = lambda m: m["value"] - m["previous"] > 1  # noqa: E731
    return "依然严峻复杂" if rose(count) or rose(deaths) else "总体平稳"
