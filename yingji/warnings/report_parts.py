"""What warnings add to the work summary: a paragraph of 二、工作开展情况 (条次 by level, people
reached, 叫应率) and a problem when 叫应 went unanswered or late."""

from django.utils.translation import gettext_lazy as _

from yingji.reports.facts import Facts
from yingji.reports.parts import WorkPart, register_work_part
from yingji.reports.problems import ProblemFinder, register_problem_finder

WORDING = (
    "及时发布预警信息{{ warnings.issued }}条次（其中红色预警{{ warnings.red }}条次、"
    "橙色预警{{ warnings.orange }}条次），通过“预警叫应”直达基层责任人{{ warnings.reached }}人次，"
    "叫应率{{ warnings.ack_rate }}%。"
)


def _numbers(value) -> dict:
    return {
        "warnings": {
            "issued": value("warnings.issued"),
            "red": value("warnings.issued", level="red"),
            "orange": value("warnings.issued", level="orange"),
            "reached": value("warnings.reached"),
            "ack_rate": value("warnings.ack_rate"),
        }
    }


register_work_part(
    WorkPart(
        key="work_warnings",
        default=WORDING,
        numbers=_numbers,
        order=54,
        heading="强化监测预警和预警叫应",
        title=_("Section 2, work done: warnings and acknowledgement"),
        labels={
            "warnings.issued": _("warnings issued (issues and changes of level)"),
            "warnings.red": _("red warnings issued"),
            "warnings.orange": _("orange warnings issued"),
            "warnings.reached": _("responsible persons reached"),
            "warnings.ack_rate": _("acknowledgement rate, percent"),
        },
        applies=lambda numbers: bool(numbers["warnings"]["issued"]),
    )
)


def unacknowledged(facts: Facts) -> list[str]:
    reached = facts.value("warnings.reached")
    missing = reached - facts.value("warnings.acknowledged")
    late = facts.value("warnings.acknowledged") - facts.value("warnings.acknowledged_in_time")
    if not missing and not late:
        return []
    rate = facts.value("warnings.ack_in_time_rate")  # a ratio comes formatted (33.3)
    parts = [f"{missing}人次未叫应"] if missing else []
    parts += [f"{late}人次超时叫应"] if late else []
    return [f"预警叫应落实不够到位，{'、'.join(parts)}，按时叫应率仅为{rate}%。"]


register_problem_finder(ProblemFinder("warnings.unacknowledged", unacknowledged, order=44))
