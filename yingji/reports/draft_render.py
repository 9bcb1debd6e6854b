"""How a draft reads: the summary generated afresh, with the office's work laid over it.

Paragraphs are matched by slot `section/key/occurrence` (the section's index in the outline,
the paragraph's wording key, and how many paragraphs of that key came before it in the same
section): the third problem of section 三 is `3/problem/2`. An edited paragraph keeps the
office's text and takes the fresh values; an unedited one is the generated text, so that its
conditions (双零, 四下降…) follow the records. The office's own paragraphs are `own/N`."""

import datetime
from collections import Counter
from dataclasses import asdict, dataclass, field

from yingji.reports import wording
from yingji.reports.outline import Outline, Paragraph, Section


@dataclass
class Shown:
    """A paragraph as the draft shows it."""

    slot: str
    key: str
    text: str  # wording: the numbers as {{ name }}
    context: dict = field(default_factory=dict)
    links: dict = field(default_factory=dict)
    generated: str | None = None  # the generated text of the slot (None: the office's own)
    edited: bool = False
    orphan: bool = False  # edited, but the summary no longer has a paragraph in its slot
    segments: list[dict] = field(default_factory=list)  # {"text"} or {"name", "value", "url"}

    def __post_init__(self):
        if not self.segments:
            self.segments = segments(self.text, self.context, self.links)

    @property
    def own(self) -> bool:
        return self.generated is None and not self.orphan

    @property
    def rendered(self) -> str:
        return "".join(s["text"] if "text" in s else s["value"] for s in self.segments)

    @property
    def allowed_names(self) -> set[str]:
        return set(wording.names(self.context))


def segments(text: str, context: dict, links: dict) -> list[dict]:
    """The paragraph as text and bound values, conditions decided by the values."""
    try:
        nodes = wording.parse(text)
    except wording.WordingError:
        return [{"text": text}]
    return list(_walk(nodes, context, links))


def _walk(nodes: list, context: dict, links: dict):
    for node in nodes:
        if isinstance(node, str):
            yield {"text": node}
        elif isinstance(node, wording.Var):
            name = ".".join(node.path)
            value = wording.render([node], context)
            yield {"name": name, "value": value, "url": links.get(name, "")}
        else:
            chosen = wording.render([wording.If(node.path, node.negated, ["1"], [])], context)
            yield from _walk(node.then if chosen else node.otherwise, context, links)


@dataclass
class DraftView:
    title: str
    org_name: str
    date: datetime.date
    period_label: str
    sections: list[tuple[str, list[Shown]]]

    def paragraphs(self) -> dict[str, Shown]:
        return {p.slot: p for _heading, shown in self.sections for p in shown}

    def outline(self) -> Outline:
        """As the writers take it (Outline.document()): the rendered text of each paragraph."""
        sections = [
            Section(heading, [Paragraph.literal(p.key, p.rendered) for p in shown])
            for heading, shown in self.sections
        ]
        return Outline(self.title, self.org_name, self.date, sections, self.period_label)

    def freeze(self) -> dict:
        return {
            "title": self.title,
            "org_name": self.org_name,
            "date": self.date.isoformat(),
            "period_label": self.period_label,
            "sections": [[heading, [asdict(p) for p in shown]] for heading, shown in self.sections],
        }

    @classmethod
    def thaw(cls, frozen: dict) -> "DraftView":
        sections = [(heading, [Shown(**p) for p in shown]) for heading, shown in frozen["sections"]]
        date = datetime.date.fromisoformat(frozen["date"])
        return cls(frozen["title"], frozen["org_name"], date, frozen["period_label"], sections)


def merge(outline: Outline, *, edits: dict, removed: list, added: list) -> DraftView:
    """The generated outline with the office's edits, removals and own paragraphs."""
    seen: set[str] = set()
    sections = []
    for index, section in enumerate(outline.sections):
        shown = _own_after(added, index, None)
        occurrences: Counter = Counter()
        for paragraph in section.paragraphs:
            slot = f"{index}/{paragraph.key}/{occurrences[paragraph.key]}"
            occurrences[paragraph.key] += 1
            seen.add(slot)
            if slot not in removed:
                shown.append(_generated(slot, paragraph, edits.get(slot)))
            shown += _own_after(added, index, slot)
        sections.append((section.heading, shown))
    _place_orphans(sections, edits, added, seen)
    return DraftView(outline.title, outline.org_name, outline.date, outline.period_label, sections)


def _generated(slot: str, paragraph: Paragraph, edit: dict | None) -> Shown:
    text = edit["text"] if edit else paragraph.text
    return Shown(
        slot, paragraph.key, text, paragraph.context, paragraph.links, paragraph.text, edited=bool(edit)
    )


def _own_after(added: list, section: int, after: str | None) -> list[Shown]:
    return [_own(a) for a in added if a["section"] == section and a.get("after") == after]


def _own(entry: dict) -> Shown:
    return Shown(entry["slot"], "own", entry["text"])


def _place_orphans(sections: list, edits: dict, added: list, seen: set[str]) -> None:
    """Edited paragraphs whose slot the summary no longer has keep the values they were saved
    with, at the end of their section; own paragraphs placed after a slot that is gone, too."""
    last = len(sections) - 1
    for slot, edit in edits.items():
        if slot not in seen:
            index = min(int(slot.split("/")[0]), last)
            orphan = Shown(slot, slot.split("/")[1], edit["text"], edit.get("values") or {}, edited=True)
            orphan.orphan = True
            sections[index][1].append(orphan)
    for entry in added:
        if entry.get("after") is not None and entry["after"] not in seen:
            sections[min(entry["section"], last)][1].append(_own(entry))
