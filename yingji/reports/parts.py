"""The paragraphs of 二、工作开展情况: one per module, each a wording (editable by an
administrator, like the rest of the summary) and the numbers it is filled with. A later module
(enforcement, campaigns, emergency) adds its paragraph by registering a WorkPart; the summary
itself is not edited."""

from collections.abc import Callable
from dataclasses import dataclass

from yingji.reports import narrative

Value = Callable[..., object]  # value("inspections.count", kind=…) for the summary's region and period


@dataclass(frozen=True)
class WorkPart:
    key: str  # the wording's key (NarrativeText)
    default: str  # the shipped wording, a Django template
    numbers: Callable[[Value], dict]  # the template's variables
    order: int = 100


WORK_PARTS: dict[str, WorkPart] = {}


def register_work_part(part: WorkPart) -> None:
    WORK_PARTS[part.key] = part
    narrative.DEFAULTS[part.key] = part.default


def work_parts() -> list[WorkPart]:
    return sorted(WORK_PARTS.values(), key=lambda p: (p.order, p.key))


def _inspections_and_hazards(value: Value) -> dict:
    return {
        "inspections": {k: value(f"inspections.{k}") for k in ("count", "person_times", "units")},
        "hazards": {
            "found": value("hazards.found"),
            "rectified": value("hazards.rectified"),
            "rate": value("hazards.rectification_rate"),
            "major_found": value("hazards.major_found"),
            "listed": value("hazards.listed"),
            "major_closed": value("hazards.closed", level="major"),
        },
    }


register_work_part(
    WorkPart(
        key="work",
        default=narrative.DEFAULTS["work"],
        numbers=_inspections_and_hazards,
        order=10,
    )
)
