"""The enforcement plan's paragraph of the work summary and its problem: progress behind the
calendar (less than the share of the year elapsed, minus 10 points)."""

import datetime

from django.utils.translation import gettext_lazy as _

from yingji.reports.facts import Facts
from yingji.reports.parts import WorkPart, register_work_part
from yingji.reports.problems import ProblemFinder, register_problem_finder
from yingji.stats.numbers import format_percent

DEFAULT = (
    "{% if plans.planned %}制定年度监督检查计划，计划检查企业{{ plans.planned }}家，"
    "已完成{{ plans.inspected }}家，完成率{{ plans.progress }}%{% endif %}"
    "{% if draws.count %}{% if plans.planned %}；{% endif %}开展“双随机一公开”抽查{{ draws.count }}次，"
    "抽查企业{{ draws.enterprises }}家{% endif %}。"
)
SLACK = 10  # points of the calendar a plan may lag before it is a problem


def numbers(value) -> dict:
    return {
        "plans": {
            "planned": value("plans.planned"),
            "inspected": value("plans.inspected"),
            "progress": value("plans.progress"),
        },
        "draws": {"count": value("draws.count"), "enterprises": value("draws.enterprises")},
    }


def elapsed_share(day: datetime.date) -> float:
    """The share of the year gone by at the end of `day`, in percent."""
    start = datetime.date(day.year, 1, 1)
    days = (datetime.date(day.year + 1, 1, 1) - start).days
    return 100 * ((day - start).days + 1) / days


def behind(facts: Facts) -> list[str]:
    """年度监督检查计划完成率X%，落后于时间进度Y个百分点 — when more than SLACK points behind."""
    progress = facts.raw("plans.progress")
    if progress is None:
        return []
    share = elapsed_share(facts.query.cutoff)
    if float(progress) >= share - SLACK:
        return []
    gap = round(share - float(progress))
    return [
        f"年度监督检查计划执行进度滞后，计划检查企业完成率{format_percent(progress)}%，"
        f"落后于时间进度{gap}个百分点。"
    ]


register_work_part(
    WorkPart(
        key="work_enforcement_plan",
        default=DEFAULT,
        numbers=numbers,
        order=25,
        # Inspections alone (no plan, no draw) leave the paragraph nothing to say.
        applies=lambda n: any(
            v not in (0, None, "", "0") for v in (n["plans"]["planned"], n["draws"]["count"])
        ),
        title=_("Section 2, work done: enforcement plan and random inspections"),
        labels={
            "plans.planned": _("enterprises planned for inspection"),
            "plans.inspected": _("graded enterprises inspected"),
            "plans.progress": _("plan progress (%)"),
            "draws.count": _("random draws (双随机)"),
            "draws.enterprises": _("enterprises drawn"),
        },
    )
)
register_problem_finder(ProblemFinder("enforcement_plan.behind", behind, order=70))
