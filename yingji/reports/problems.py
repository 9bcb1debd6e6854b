"""三、存在问题: each module registers the problems its records can show, as it registers its
WorkPart for the work done. A finder reads the report's Facts and returns sentences (without
the 一是/二是 the summary puts before them); an empty list when its records show no problem.

    register_problem_finder(ProblemFinder("cases.uncollected", find, order=40))
"""

from collections.abc import Callable
from dataclasses import dataclass

from yingji.reports.facts import Facts


@dataclass(frozen=True)
class ProblemFinder:
    key: str
    find: Callable[[Facts], list[str]]
    order: int = 100


PROBLEM_FINDERS: dict[str, ProblemFinder] = {}


def register_problem_finder(finder: ProblemFinder) -> None:
    PROBLEM_FINDERS[finder.key] = finder


def problem_finders() -> list[ProblemFinder]:
    return sorted(PROBLEM_FINDERS.values(), key=lambda f: (f.order, f.key))


def find_problems(facts: Facts) -> list[str]:
    return [sentence for finder in problem_finders() for sentence in finder.find(facts)]
