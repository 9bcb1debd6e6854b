"""The paragraphs of 二、工作开展情况: one per module, each a wording (editable like the rest of
the summary) and the numbers it is filled with. A later module (enforcement, campaigns,
emergency) adds its paragraph by registering a WorkPart; the summary itself is not edited."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

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
    # The report's own heading of the part, in Chinese (（一）强化监督检查…); none: no heading.
    heading: str = ""
    # Whether the period's numbers give the part anything to say (default: any number not zero);
    # a module without records in the period adds no paragraph of zeros.
    applies: Callable[[dict], bool] | None = None

    def says_something(self, numbers: dict) -> bool:
        if self.applies is not None:
            return self.applies(numbers)
        return any(v not in (0, None, "", "0", "—", False) for v in _leaves(numbers))


def _leaves(values: dict):
    for value in values.values():
        if type(value) is dict:
            yield from _leaves(value)
        else:
            yield value


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


class _Zero:
    """Stands for the report's Facts when a part's names are listed: every number is zero."""

    def __call__(self, *args, **kwargs) -> int:
        return 0

    raw = __call__

    def grouped(self, *args, **kwargs) -> dict:
        return {}

    def records(self, key: str, **filters):
        from yingji.stats.catalog import CATALOG

        return CATALOG[key].model.objects.none()


_zero = _Zero()
