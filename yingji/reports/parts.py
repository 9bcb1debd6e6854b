"""The paragraphs of 二、工作开展情况: one per module, each a wording (editable like the rest of
the summary) and the numbers it is filled with. A later module (enforcement, campaigns,
emergency) adds its paragraph by registering a WorkPart; the summary itself is not edited."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from yingji.reports import narrative, wording

Value = Callable[..., object]  # value("inspections.count", kind=…) for the summary's region and period


@dataclass(frozen=True)
class WorkPart:
    key: str  # the wording's key (NarrativeText)
    default: str  # the shipped wording, in the placeholder language of reports.wording
    # The wording's variables: plain values (str, int, Decimal, bool, None) in dicts, never a
    # model or a query. Called with a value function; it must only combine what that returns.
    numbers: Callable[[Value], dict]
    order: int = 100
    labels: Mapping[str, str] = field(default_factory=dict)  # placeholder → what it holds
    title: str = ""  # what the wording page calls the paragraph


WORK_PARTS: dict[str, WorkPart] = {}


def register_work_part(part: WorkPart) -> None:
    WORK_PARTS[part.key] = part
    narrative.DEFAULTS[part.key] = part.default
    narrative.PART_TITLES[part.key] = part.title or part.key
    wording.check(part.default, placeholder_names(part.key))  # a mistake shows at start-up


def work_parts() -> list[WorkPart]:
    return sorted(WORK_PARTS.values(), key=lambda p: (p.order, p.key))


def placeholder_names(key: str) -> set[str]:
    """The names a part's wording may use: the common ones, and a work paragraph's own numbers
    (which replace a common group of the same name, as they do in the summary)."""
    part = WORK_PARTS.get(key)
    if part is None:
        return set(narrative.COMMON_NAMES)
    own = _own_names(part)
    replaced = {name.split(".")[0] for name in own}
    return {name for name in narrative.COMMON_NAMES if name.split(".")[0] not in replaced} | own


def placeholders(key: str) -> dict[str, str]:
    """placeholder_names with what each holds, for the wording page."""
    common = narrative.common_placeholders()
    part = WORK_PARTS.get(key)
    own = wording.names(wording.plain(part.numbers(_zero))) if part else []
    allowed = placeholder_names(key)
    ordered = [name for name in common if name in allowed] + [name for name in own if name not in common]
    labels = part.labels if part else {}
    return {name: str(labels.get(name, common.get(name, ""))) for name in ordered}


def _own_names(part: WorkPart) -> set[str]:
    return set(wording.names(wording.plain(part.numbers(_zero))))


def _zero(*args, **kwargs) -> int:
    return 0


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
        title=_("Section 2, work done: inspections and hazards"),
        labels={
            "inspections.count": _("safety inspections"),
            "inspections.person_times": _("inspector person-times"),
            "inspections.units": _("units inspected"),
            "hazards.found": _("hazards found"),
            "hazards.rectified": _("hazards rectified"),
            "hazards.rate": _("rectification rate, percent"),
            "hazards.major_found": _("major hazards found"),
            "hazards.listed": _("major hazards listed for supervision"),
            "hazards.major_closed": _("major hazards written off"),
        },
    )
)
