"""seeds/summaries.en.yml: the English title, summary, key points and headings of each section."""

from __future__ import annotations

from dataclasses import dataclass, field

from .english import problem, without_references
from .errors import InputError
from .model import Report, section_text
from .numbers import report_years, untraced
from .schemas import validate
from .sources import line_in, text


@dataclass(frozen=True)
class Summary:
    section: str
    title: str
    summary: str
    points: tuple[str, ...]
    headings: dict[str, str] = field(default_factory=dict)  # paragraph id → English heading


def parse_summaries(data, name: str, report: Report, full_text: str, glossary: tuple = ()) -> dict[str, Summary]:
    """Check the summaries against the report and return them by section id.

    Fails on a section without a summary, a summary of an unknown section, a heading for an unknown
    paragraph, and any figure in the English that does not occur in the section's Chinese text.
    """
    validate(data, name, "summaries")
    sections = {s.id: s for s in report.sections}
    years = report_years(full_text)
    result: dict[str, Summary] = {}
    for section_id, entry in data.items():
        line = line_in(data, section_id)
        if section_id not in sections:
            known = ", ".join(sections)
            raise InputError(name, line, f"summary of unknown section {section_id!r} (sections: {known})")
        points_raw = entry["points"]
        points = [point.strip() for point in points_raw]
        headings_map = entry.get("headings") or {}
        section = sections[section_id]
        ids = {p.id for p in section.paragraphs if p.lead or p.item is not None}
        headings = {}
        for pid in headings_map:
            if pid not in ids:
                raise InputError(name, line_in(headings_map, pid),
                                 f"{section_id}: heading for {pid!r}, which is not a heading or list item of this section")
            headings[pid] = headings_map[pid].strip()
        summary = Summary(section_id, text(entry, "title"), text(entry, "summary"), tuple(points), headings)
        chinese = section_text(section)
        for key, lines_of, texts in (
            ("title", entry, [summary.title]),
            ("summary", entry, [summary.summary]),
            ("points", points_raw, list(points)),
            ("headings", headings_map, list(headings.values())),
        ):
            for i, english in enumerate(texts):
                where = line_in(lines_of, i) if key == "points" else (
                    line_in(lines_of, list(headings)[i]) if key == "headings" else line_in(entry, key))
                if wrong := problem(english, glossary):
                    raise InputError(name, where, f"{section_id}: {wrong}")
                missing = untraced(without_references(english), chinese, years)
                if missing:
                    raise InputError(name, where, f"{section_id}: {', '.join(missing)} in the English {key} "
                                                  "does not occur in the section's Chinese text")
        result[section_id] = summary
    for section_id, section in sections.items():
        if section_id not in result:
            raise InputError(name, line_in(data) or None, f"no summary for section {section_id!r} ({section.marker}{section.title})")
    return result
