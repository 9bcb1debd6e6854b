"""What supplies add to the work summary: their own paragraph and the problem of expired stock."""

from django.utils.translation import gettext_lazy as _

from yingji.reports.facts import Facts, as_of_label
from yingji.reports.parts import WorkPart, register_work_part
from yingji.reports.problems import ProblemFinder, register_problem_finder

WORDING = (
    "全区建成应急物资储备库（点）{{ supplies.warehouses }}个，"
    "储备救生衣、冲锋舟、沙袋等防汛物资{{ supplies.kinds }}类{{ supplies.pieces }}件（套）。"
)


def _numbers(value) -> dict:
    return {
        "supplies": {
            "warehouses": value("supplies.warehouses"),
            "kinds": value("supplies.stock_kinds"),
            "pieces": value("supplies.stock_quantity"),
        }
    }


register_work_part(
    WorkPart(
        key="work_supplies",
        default=WORDING,
        numbers=_numbers,
        order=62,
        title=_("Section 2, work done: emergency supplies"),
        labels={
            "supplies.warehouses": _("supply warehouses"),
            "supplies.kinds": _("kinds of supplies in stock"),
            "supplies.pieces": _("pieces of supplies in stock"),
        },
    )
)


def expired_supplies(facts: Facts) -> list[str]:
    count = facts.value("supplies.expired")
    if not count:
        return []
    return [
        f"应急物资轮换更新不够及时，{as_of_label(facts.query.cutoff)}，仍有{count}件（套）储备物资超过有效期未报废更新。"
    ]


register_problem_finder(ProblemFinder("supplies.expired", expired_supplies, order=62))
