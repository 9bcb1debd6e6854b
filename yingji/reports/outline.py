"""A report as the office edits it: sections of paragraphs, each a text in the placeholder
language of `wording` whose numbers stay placeholders (`{{ hazards.found }}`), the plain values
that fill them, and for each number the list of the records behind it. Rendering fills the
numbers in; a draft keeps the office's text and refreshes only the values."""

import datetime
from dataclasses import dataclass, field

from yingji.reports import wording
from yingji.reports.facts import Facts, source_of


@dataclass
class Paragraph:
    key: str  # the wording part it was generated from ("situation", "work", "problem", …)
    text: str  # wording text: conditions decided, numbers as {{ name }}
    context: dict = field(default_factory=dict)  # plain values by name
    links: dict = field(default_factory=dict)  # number's name -> url of its records

    def render(self) -> str:
        return wording.render(wording.parse(self.text), self.context)

    def names(self) -> list[str]:
        """The numbers this paragraph's text shows, in order."""
        return [name for name in wording.used_names(wording.parse(self.text)) if name in self.links]

    @classmethod
    def literal(cls, key: str, text: str) -> "Paragraph":
        """A sentence with nothing to refresh (braces made harmless: it is never wording)."""
        return cls(key, text.replace("{", "｛").replace("}", "｝"))


@dataclass
class Section:
    heading: str
    paragraphs: list[Paragraph]


@dataclass
class Outline:
    title: str
    org_name: str  # 落款: the issuing organisation's full name
    date: datetime.date  # 成文日期
    sections: list[Section]
    period_label: str = ""

    def document(self):
        from yingji.reports.summary import Document

        doc = Document(title=self.title, subtitle=self.org_name, signature=self.org_name, date=self.date)
        doc.sections = [(s.heading, [p.render() for p in s.paragraphs]) for s in self.sections]
        return doc


def paragraph(key: str, text: str, raw_context: dict, facts: Facts) -> Paragraph:
    """A generated paragraph: `text` is wording with its numbers as placeholders, `raw_context`
    the values as Facts returned them (which remember their indicator)."""
    return Paragraph(key, text, wording.plain(raw_context), links_of(raw_context, facts))


def links_of(raw_context: dict, facts: Facts, prefix: str = "") -> dict[str, str]:
    links = {}
    for name, value in raw_context.items():
        if type(value) is dict:
            links |= links_of(value, facts, f"{prefix}{name}.")
        elif (source := source_of(value)) is not None:
            url = facts.url(*source)
            if url:
                links[f"{prefix}{name}"] = url
    return links
