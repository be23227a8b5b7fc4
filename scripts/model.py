"""The document model: a report is parts, a part is sections (one page each), a section is
paragraphs. Every piece keeps its exact source text (`raw`) and offset (`start`) so that the
split can be proved lossless."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A stretch of the source that is not a paragraph: the title lines, a part or section heading."""

    start: int
    raw: str
    kind: str  # "front" | "part-heading" | "section-heading"


@dataclass(frozen=True)
class Paragraph:
    id: str  # stable anchor, e.g. "p3-1-2"
    text: str  # what is shown as the paragraph body (without the lead sentence)
    start: int
    raw: str  # the exact source text: lead + marker + text
    line: int
    lead: str = ""  # a lead sentence shown as a heading (全力提振消费), "" if none
    item: int | None = None  # number of a list item (（1） → 1)


@dataclass(frozen=True)
class Section:
    id: str  # URL path of its page, e.g. "tasks/1-effective-demand"
    key: str  # the middle part of its paragraph ids: "1", "fyp"
    part: int
    number: int | None  # （一） → 1; None for a section found by the layout
    title: str  # Chinese title without the marker
    marker: str  # "（一）" or ""
    line: int
    paragraphs: tuple[Paragraph, ...]
    heading: Span | None = None


@dataclass(frozen=True)
class Part:
    number: int
    slug: str
    marker: str  # "一、"
    title: str  # Chinese title without the marker
    title_en: str
    line: int
    heading: Span
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class Report:
    title: str  # from the title line, "" if the text has none
    subtitle: str  # the occasion line under the title, "" if none
    front: tuple[Span, ...]
    parts: tuple[Part, ...]
    notes: tuple[str, ...] = field(default=())  # what reading the file did (encoding, line ends) and what
    # splitting it assumed (no part headings, numbering that starts again or skips), "line N: …"

    @property
    def sections(self) -> tuple[Section, ...]:
        return tuple(s for p in self.parts for s in p.sections)

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(par for s in self.sections for par in s.paragraphs)

    def section(self, section_id: str) -> Section:
        for s in self.sections:
            if s.id == section_id:
                return s
        raise KeyError(section_id)

    def pieces(self) -> list[tuple[int, str]]:
        """Every piece of source text the model holds, as (offset, raw), in source order."""
        found: list[tuple[int, str]] = [(s.start, s.raw) for s in self.front]
        for part in self.parts:
            found.append((part.heading.start, part.heading.raw))
            for section in part.sections:
                if section.heading:
                    found.append((section.heading.start, section.heading.raw))
                found.extend((p.start, p.raw) for p in section.paragraphs)
        return sorted(found)


def section_text(section: Section) -> str:
    """All Chinese text of a section: its heading and paragraphs (what English about it must trace to)."""
    head = section.heading.raw if section.heading else section.title
    return "\n".join([head, *(p.raw for p in section.paragraphs)])
