"""What the hazard records add to the work summary's 三、存在问题."""

from yingji.reports.facts import Facts
from yingji.reports.problems import ProblemFinder, register_problem_finder


def overdue(facts: Facts) -> list[str]:
    count = facts.value("hazards.overdue")
    return [f"隐患整改不够及时，仍有{count}处隐患逾期未整改。"] if count else []


register_problem_finder(ProblemFinder("hazards.overdue", overdue, order=30))
