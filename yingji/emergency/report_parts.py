"""What the emergency records add to the work summary: the paragraph of 二、工作开展情况 and
its problems (incomplete 四个一, late information reports)."""

from django.utils.translation import gettext_lazy as _

from yingji.reports.facts import Facts, as_of_label
from yingji.reports.parts import WorkPart, register_work_part
from yingji.reports.problems import ProblemFinder, register_problem_finder

WORDING = (
    "启动防汛应急响应Ⅳ级{{ emergency.flood_iv }}次、Ⅲ级{{ emergency.flood_iii }}次，"
    "应急避险转移{{ emergency.evacuated }}人（其中特殊群体{{ emergency.evacuated_special }}人），"
    "排查受地质灾害、山洪等影响的特殊群体{{ emergency.special_registered }}人。"
)


def _numbers(value) -> dict:
    return {
        "emergency": {
            "flood_iv": value("responses.count", type="flood", level="IV"),
            "flood_iii": value("responses.count", type="flood", level="III"),
            "evacuated": value("evacuations.people"),
            "evacuated_special": value("evacuations.special_group_people"),
            "special_registered": value("special_groups.registered"),
        }
    }


register_work_part(
    WorkPart(
        key="work_emergency",
        default=WORDING,
        numbers=_numbers,
        order=55,
        heading="健全防灾减灾应急响应机制",
        title=_("Section 2, work done: emergency response"),
        labels={
            "emergency.flood_iv": _("flood-control responses started at level IV"),
            "emergency.flood_iii": _("flood-control responses started at level III"),
            "emergency.evacuated": _("people evacuated"),
            "emergency.evacuated_special": _("special-group people evacuated"),
            "emergency.special_registered": _("special-group members registered"),
        },
    )
)


def incomplete_four(facts: Facts) -> list[str]:
    registered = facts.value("special_groups.registered")
    missing = registered - facts.value("special_groups.complete")
    if not missing:
        return []
    return [
        f"特殊群体临灾转移“四个一”落实不到位，{as_of_label(facts.query.cutoff)}，"
        f"仍有{missing}人未明确责任人、转移路线、安置点或联系方式。"
    ]


def late_reports(facts: Facts) -> list[str]:
    late = facts.value("event_reports.late")
    return [f"突发事件信息报送不够及时，有{late}次信息报送超过时限。"] if late else []


register_problem_finder(ProblemFinder("emergency.incomplete_four", incomplete_four, order=45))
register_problem_finder(ProblemFinder("emergency.late_reports", late_reports, order=46))
