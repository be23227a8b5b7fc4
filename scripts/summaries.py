"""seeds/summaries.en.yml: the English title, summary, key points and headings of each section."""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import InputError
from .model import Report, section_text
from .numbers import report_years, untraced
from .sources import check_keys, expect_list, expect_map, line_in, text_field


@dataclass(frozen=True)
class Summary:
    section: str
    title: str
    summary: str
    points: tuple[str, ...]
    headings: dict[str, str] = field(default_factory=dict)  # paragraph id → English heading


def parse_summaries(data, name: str, report: Report, full_text: str) -> dict[str, Summary]:
    """Check the summaries against the report and return them by section id.

    Fails on a section without a summary, a summary of an unknown section, a heading for an unknown
    paragraph, and any figure in the English that does not occur in the section's Chinese text.
    """
    data = expect_map(data, name, "summaries")
    sections = {s.id: s for s in report.sections}
    years = report_years(full_text)
    result: dict[str, Summary] = {}
    for section_id, raw in data.items():
        line = line_in(data, section_id)
        if section_id not in sections:
            known = ", ".join(sections)
            raise InputError(name, line, f"summary of unknown section {section_id!r} (sections: {known})")
        entry = expect_map(raw, name, f"summary of {section_id}", line)
        check_keys(entry, name, f"summary of {section_id}", {"title", "summary", "points"}, {"headings"})
        points_raw = expect_list(entry["points"], name, f"{section_id}: points", line_in(entry, "points"))
        points = []
        for i, point in enumerate(points_raw):
            if not isinstance(point, str) or not point.strip():
                raise InputError(name, line_in(points_raw, i), f"{section_id}: each point must be text")
            points.append(point.strip())
        headings_raw = entry.get("headings") or {}
        headings_map = expect_map(headings_raw, name, f"{section_id}: headings", line_in(entry, "headings"))
        section = sections[section_id]
        ids = {p.id for p in section.paragraphs if p.lead or p.item is not None}
        headings = {}
        for pid in headings_map:
            if pid not in ids:
                raise InputError(name, line_in(headings_map, pid),
                                 f"{section_id}: heading for {pid!r}, which is not a heading or list item of this section")
            headings[pid] = text_field(headings_map, pid, name, f"{section_id}: headings")
        summary = Summary(section_id, text_field(entry, "title", name, section_id), text_field(entry, "summary", name, section_id),
                          tuple(points), headings)
        chinese = section_text(section)
        for key, lines_of, texts in (
            ("title", entry, [summary.title]),
            ("summary", entry, [summary.summary]),
            ("points", points_raw, list(points)),
            ("headings", headings_map, list(headings.values())),
        ):
            for i, text in enumerate(texts):
                missing = untraced(text, chinese, years)
                if missing:
                    where = line_in(lines_of, i) if key == "points" else (
                        line_in(lines_of, list(headings)[i]) if key == "headings" else line_in(entry, key))
                    raise InputError(name, where, f"{section_id}: {', '.join(missing)} in the English {key} "
                                                  "does not occur in the section's Chinese text")
        result[section_id] = summary
    for section_id, section in sections.items():
        if section_id not in result:
            raise InputError(name, data.line or None, f"no summary for section {section_id!r} ({section.marker}{section.title})")
    return result
