"""What complaints add to the work summary: the paragraph of 二、工作开展情况 and a problem."""

from django.utils.translation import gettext_lazy as _

from yingji.enforcement.report_parts import wan
from yingji.reports.facts import Facts, as_of_label
from yingji.reports.parts import WorkPart, register_work_part
from yingji.reports.problems import ProblemFinder, register_problem_finder

WORDING = (
    "共收到安全生产举报投诉{{ complaints.received }}批次{{ complaints.items }}件，"
    "已办结{{ complaints.closed }}批次{{ complaints.closed_items }}件，"
    "查实{{ complaints.verified_true }}件，发放举报奖励{{ complaints.rewards_wan }}万元。"
)


def _numbers(value) -> dict:
    return {
        "complaints": {
            "received": value("complaints.received"),
            "items": value("complaints.items"),
            "closed": value("complaints.closed"),
            "closed_items": value("complaints.closed_items"),
            "verified_true": value("complaints.verified_true"),
            "rewards_wan": wan(value("complaints.rewards_paid")),
        }
    }


register_work_part(
    WorkPart(
        key="work_complaints",
        default=WORDING,
        numbers=_numbers,
        order=80,
        title=_("Section 2, work done: complaints"),
        labels={
            "complaints.received": _("complaints received (batches)"),
            "complaints.items": _("complaint items received"),
            "complaints.closed": _("complaints closed (batches)"),
            "complaints.closed_items": _("complaint items closed"),
            "complaints.verified_true": _("complaint items found true"),
            "complaints.rewards_wan": _("rewards paid, 10,000 yuan"),
        },
    )
)


def overdue_complaints(facts: Facts) -> list[str]:
    count = facts.value("complaints.overdue")
    if not count:
        return []
    return [
        f"举报投诉核查不够及时，{as_of_label(facts.query.cutoff)}，仍有{count}批次举报投诉超过办理期限未核查。"
    ]


register_problem_finder(ProblemFinder("complaints.overdue", overdue_complaints, order=60))
