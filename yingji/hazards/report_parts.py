"""What the hazard records add to the work summary: the hazards' paragraph of 二 (found,
rectified, major ones listed and written off by name, funds, complaints, by industry) and the
overdue problem of 三."""

from django.utils.translation import gettext_lazy as _

from yingji.core.industries import chinese_name
from yingji.hazards.choices import HazardLevel
from yingji.reports.facts import Facts, as_of_label
from yingji.reports.parts import WorkPart, register_work_part
from yingji.reports.problems import ProblemFinder, register_problem_finder
from yingji.reports.situation import wan
from yingji.stats.numbers import format_percent, percent

NAMED_AT_MOST = 3  # more written-off major hazards than this are counted, not named
MAIN_INDUSTRIES = 3

DEFAULT = (
    "共排查各类隐患{{ hazards.found }}处，已整改{{ hazards.rectified }}处，整改率{{ hazards.rate }}%"
    "{% if hazards.funds_wan %}，落实整改资金{{ hazards.funds_wan }}万元{% endif %}"
    "{% if hazards.complaints %}；其中核查群众举报隐患{{ hazards.complaints }}处{% endif %}。"
    "{% if hazards.major_found %}排查重大事故隐患{{ hazards.major_found }}处（挂牌督办{{ hazards.listed }}处），"
    "已整改销号{{ hazards.major_closed }}处{% if hazards.closed_names %}，{{ hazards.closed_names }}"
    "等重大隐患实现整改销号{% endif %}。{% endif %}"
    "{% if hazards.by_industry %}分行业看，{{ hazards.by_industry }}。{% endif %}"
)


def numbers(value) -> dict:
    return {
        "hazards": {
            "found": value("hazards.found"),
            "rectified": value("hazards.rectified"),
            "rate": value("hazards.rectification_rate"),
            "major_found": value("hazards.major_found"),
            "listed": value("hazards.listed"),
            "major_closed": value("hazards.closed", level="major"),
            "closed_names": closed_names(value),
            "funds_wan": wan(value.raw("hazards.funds")) if value.raw("hazards.funds") else "",
            "complaints": value("hazards.found", source="complaint"),
            "by_industry": by_industry(value),
        }
    }


def closed_names(facts: Facts) -> str:
    """湘江商贸城、东风大厦: the places of the major hazards written off, when there are few."""
    closed = facts.records("hazards.closed", level=HazardLevel.MAJOR)
    names = list(dict.fromkeys(closed.order_by("closed_at").values_list("enterprise__name", flat=True)[:10]))
    return "、".join(names) if 0 < len(names) <= NAMED_AT_MOST else ""


def by_industry(facts: Facts) -> str:
    """工贸行业排查隐患120处、整改110处，整改率91.7%；… for the main industries, when there are
    more than one."""
    found = facts.grouped("hazards.found", "industry")
    rectified = facts.grouped("hazards.rectified", "industry")
    main = sorted(found.items(), key=lambda kv: -kv[1])[:MAIN_INDUSTRIES]
    if len(found) < 2 or not main:
        return ""
    return "；".join(
        f"{chinese_name(k)}领域排查隐患{n}处、整改{rectified.get(k, 0)}处，整改率{format_percent(percent(rectified.get(k, 0), n))}%"
        for k, n in main
    )


def overdue(facts: Facts) -> list[str]:
    count = facts.value("hazards.overdue")
    if not count:
        return []
    return [f"隐患整改不够及时，{as_of_label(facts.query.cutoff)}，仍有{count}处隐患逾期未整改。"]


register_work_part(
    WorkPart(
        key="hazards",
        default=DEFAULT,
        numbers=numbers,
        order=20,
        heading="深化隐患排查整治，推动重大隐患动态清零",
        title=_("Section 2, work done: hazards"),
        applies=lambda n: True,
        labels={
            "hazards.found": _("hazards found"),
            "hazards.rectified": _("hazards rectified"),
            "hazards.rate": _("rectification rate, percent"),
            "hazards.major_found": _("major hazards found"),
            "hazards.listed": _("major hazards listed for supervision"),
            "hazards.major_closed": _("major hazards written off"),
            "hazards.closed_names": _("the places of the major hazards written off, when three or fewer"),
            "hazards.funds_wan": _("rectification funds, 10,000 yuan"),
            "hazards.complaints": _("hazards found from complaints"),
            "hazards.by_industry": _("the main industries' figures in one sentence"),
        },
    )
)
register_problem_finder(ProblemFinder("hazards.overdue", overdue, order=30))
