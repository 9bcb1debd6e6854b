"""What preparedness adds to the work summary (应急准备), in the seeds' words, and its problems:
plans overdue for review, regions without a B information officer."""

from django.utils.translation import gettext_lazy as _

from yingji.reports.facts import Facts, as_of_label
from yingji.reports.parts import WorkPart, register_work_part
from yingji.reports.problems import ProblemFinder, register_problem_finder

WORDING = (
    "组建县乡村三级应急抢险队伍{{ teams.count }}支{{ teams.members }}人，"
    "{% if officers.covered %}完成{{ officers.covered }}个乡镇（街道）灾害信息员A、B角设置；{% endif %}"
    "修订完善各类应急预案{{ plans.filed }}部，开展应急演练{{ drills.count }}次、{{ drills.participants }}余人参加。"
)
THREE_LEVELS = ("county", "township", "village")


def _numbers(value) -> dict:
    return {
        "teams": {
            "count": sum(value("teams.count", level=level) for level in THREE_LEVELS),
            "members": sum(value("teams.members", level=level) for level in THREE_LEVELS),
        },
        "officers": {"covered": value("info_officers.covered")},
        "plans": {"filed": value("plans.filed")},
        "drills": {"count": value("drills.count"), "participants": value("drills.participants")},
    }


register_work_part(
    WorkPart(
        key="work_preparedness",
        default=WORDING,
        numbers=_numbers,
        order=60,
        title=_("Section 2, work done: emergency preparedness"),
        labels={
            "teams.count": _("county, township and village rescue teams"),
            "teams.members": _("members of those teams"),
            "officers.covered": _("streets with A and B information officers"),
            "plans.filed": _("contingency plans filed in the period"),
            "drills.count": _("drills held"),
            "drills.participants": _("drill participants"),
        },
    )
)


def plans_overdue(facts: Facts) -> list[str]:
    count = facts.value("plans.review_overdue")
    if not count:
        return []
    return [
        f"应急预案修订不够及时，{as_of_label(facts.query.cutoff)}，仍有{count}部应急预案超过评估修订期限未修订。"
    ]


def regions_without_b(facts: Facts) -> list[str]:
    count = facts.value("info_officers.without_b")
    if not count:
        return []
    return [
        f"基层灾害信息员队伍不够健全，{as_of_label(facts.query.cutoff)}，仍有{count}个乡镇（街道）未设置灾害信息员B角。"
    ]


register_problem_finder(ProblemFinder("plans.review_overdue", plans_overdue, order=60))
register_problem_finder(ProblemFinder("info_officers.without_b", regions_without_b, order=61))
