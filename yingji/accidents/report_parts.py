"""What the accident records add to the work summary's 三、存在问题."""

from yingji.core.industries import Industry
from yingji.reports.facts import Facts
from yingji.reports.problems import ProblemFinder, register_problem_finder
from yingji.stats.numbers import format_percent, percent

KINDS = (("production", "生产安全事故"), ("road_traffic", "道路交通事故"), ("fire", "火灾事故"))


def rising(facts: Facts) -> list[str]:
    found = []
    for kind, label in KINDS:
        for key, what in (("accidents.count", "起数"), ("accidents.deaths", "死亡人数")):
            moved = facts.get(key, kind=kind)
            if moved["up"]:
                found.append(f"{label}{what}同比{moved['change']}，安全形势依然严峻。")
    return found


def concentration(facts: Facts) -> list[str]:
    """事故主要集中在…：这三个行业事故起数占事故总量的97.2% (production accidents, when three
    industries hold half or more of them)."""
    by_industry = facts.grouped("accidents.count", "industry", kind="production")
    total = sum(by_industry.values())
    top = sorted(by_industry.items(), key=lambda kv: -kv[1])[:3]
    if total < 3 or len(top) < 3:
        return []
    share = percent(sum(v for _k, v in top), total)
    if share < 50:
        return []
    names = "、".join(str(Industry(k).label) if k in Industry.values else k for k, _v in top)
    return [f"事故主要集中在{names}等行业，这三个行业事故起数占事故总量的{format_percent(share)}%。"]


def late_reports(facts: Facts) -> list[str]:
    late = facts.value("accidents.late")
    return [f"事故信息报送不够及时，有{late}起事故迟报。"] if late else []


register_problem_finder(ProblemFinder("accidents.rising", rising, order=10))
register_problem_finder(ProblemFinder("accidents.concentration", concentration, order=20))
register_problem_finder(ProblemFinder("accidents.late", late_reports, order=40))
