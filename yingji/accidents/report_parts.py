"""What the accident records add to the work summary's 三、存在问题."""

from yingji.core.industries import chinese_name
from yingji.reports.facts import Facts
from yingji.reports.problems import ProblemFinder, register_problem_finder
from yingji.stats.numbers import format_percent, percent

NAMED = 3  # industries named at most
KINDS = (("production", "生产安全事故"), ("road_traffic", "道路交通事故"), ("fire", "火灾事故"))


def rising(facts: Facts) -> list[str]:
    """Accidents and deaths that rose: one item a kind (起数、死亡人数同比“双上升” when both did);
    the closing phrase 安全形势依然严峻 is said once in the report, after the first."""
    found = []
    for kind, label in KINDS:
        count, deaths = facts.get("accidents.count", kind=kind), facts.get("accidents.deaths", kind=kind)
        if count["up"] and deaths["up"]:
            found.append(f"{label}起数、死亡人数同比“双上升”")
        elif count["up"] or deaths["up"]:
            what, moved = ("起数", count) if count["up"] else ("死亡人数", deaths)
            found.append(f"{label}{what}同比{moved['change']}")
    return [f"{text}，安全形势依然严峻。" if i == 0 else f"{text}。" for i, text in enumerate(found)]


def concentration(facts: Facts) -> list[str]:
    """事故主要集中在建筑施工、商贸等行业，起数占事故总量的75%、死亡人数占80% — said only when it
    says something: more industries than named, and their share below 100%."""
    by_industry = facts.grouped("accidents.count", "industry", kind="production")
    deaths = facts.grouped("accidents.deaths", "industry", kind="production")
    total = sum(by_industry.values())
    top = sorted(by_industry.items(), key=lambda kv: (-kv[1], kv[0]))[:NAMED]
    if total < 3 or len(by_industry) <= len(top) or len(top) < 2:
        return []
    share = percent(sum(v for _k, v in top), total)
    if share < 50 or share >= 100:
        return []
    names = "、".join(chinese_name(k) for k, _v in top)
    text = f"事故主要集中在{names}等行业，起数占事故总量的{format_percent(share)}%"
    all_deaths = sum(deaths.values())
    if all_deaths:
        death_share = percent(sum(deaths.get(k, 0) for k, _v in top), all_deaths)
        text += f"、死亡人数占{format_percent(death_share)}%"
    return [f"{text}。"]


def late_reports(facts: Facts) -> list[str]:
    late = facts.value("accidents.late")
    return [f"事故信息报送不够及时，有{late}起事故迟报。"] if late else []


register_problem_finder(ProblemFinder("accidents.rising", rising, order=10))
register_problem_finder(ProblemFinder("accidents.concentration", concentration, order=20))
register_problem_finder(ProblemFinder("accidents.late", late_reports, order=40))
