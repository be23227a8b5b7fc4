"""seeds/report.yml: what the report is (title, date, venue, source) and how its parts and
unnumbered stretches become pages (the layout)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .schemas import validate
from .sources import line_in, read_yaml, text


@dataclass(frozen=True)
class SectionRule:
    slug: str
    key: str = ""  # paragraph-id key; numbered sections use their number
    number: int | None = None  # a numbered section (（一） → 1) that this rule names
    starts: str = ""  # a named section begins at the paragraph starting with this
    title_zh: str = ""
    line: int = 0


@dataclass(frozen=True)
class PartRule:
    number: int
    slug: str
    title_en: str
    sections: tuple[SectionRule, ...]
    line: int = 0


@dataclass(frozen=True)
class Layout:
    parts: tuple[PartRule, ...] = ()
    lead_patterns: tuple[str, ...] = ()
    source: str = ""  # the file it came from, for error messages

    def part(self, number: int) -> PartRule | None:
        return next((p for p in self.parts if p.number == number), None)


@dataclass(frozen=True)
class ReportInfo:
    text: str  # file name of the report text, beside report.yml
    title_zh: str
    title_en: str
    city_zh: str
    city_en: str
    delivered: str
    venue_zh: str
    venue_en: str
    source_zh: str
    source_en: str
    published: str
    official_url: str
    contents_en: str = ""  # what the report covers, for the English home page
    delivered_by_en: str = ""  # on whose behalf it was delivered, as the report says
    layout: Layout = field(default_factory=Layout)


INFO_KEYS = {"text", "title_zh", "title_en", "city_zh", "city_en", "delivered", "venue_zh", "venue_en",
             "source_zh", "source_en", "published"}


def read_report_info(path: str | Path) -> ReportInfo:
    data = read_yaml(path)
    return parse_report_info(data, str(path))


def parse_report_info(data, name: str) -> ReportInfo:
    validate(data, name, "report")
    values = {key: text(data, key) for key in INFO_KEYS}
    return ReportInfo(**values, official_url=text(data, "official_url"), contents_en=text(data, "contents_en"),
                      delivered_by_en=text(data, "delivered_by_en"), layout=parse_layout(data, name))


def parse_layout(data, name: str) -> Layout:
    raw_patterns = data.get("lead_patterns") or []
    for i, pattern in enumerate(raw_patterns):
        try:
            re.compile(pattern)
        except re.error as error:
            raise InputError(name, line_in(raw_patterns, i), f"lead_patterns: not a regular expression: {error}") from None
    parts = []
    for part in data.get("parts") or []:
        number = part["number"]
        if any(p.number == number for p in parts):
            raise InputError(name, line_in(part, "number"), f"part {number} is described twice")
        sections = tuple(_section_rule(rule, name) for rule in part.get("sections") or [])
        _no_repeats(sections, name, number)
        parts.append(PartRule(number=number, slug=text(part, "slug"), title_en=text(part, "title_en"), sections=sections,
                              line=part.line))
    return Layout(parts=tuple(parts), lead_patterns=tuple(raw_patterns), source=name)


def _section_rule(rule, name: str) -> SectionRule:
    slug = text(rule, "slug")
    if "number" in rule:
        if "starts" in rule:
            raise InputError(name, line_in(rule, "starts"), "section: give either 'number' or 'starts', not both")
        return SectionRule(slug=slug, number=rule["number"], line=rule.line)
    for key in ("starts", "key", "title_zh"):
        if key not in rule:
            raise InputError(name, rule.line, f"section {slug!r}: a section without 'number' needs {key!r}")
    # errors about where a named section starts point at its `starts` line
    return SectionRule(slug=slug, key=text(rule, "key"), starts=text(rule, "starts"), title_zh=text(rule, "title_zh"),
                       line=line_in(rule, "starts"))


def _no_repeats(sections: tuple[SectionRule, ...], name: str, part: int) -> None:
    seen: dict[str, int] = {}
    for rule in sections:
        for label in (f"slug {rule.slug!r}", f"key {rule.key!r}" if rule.key else "", f"number {rule.number}" if rule.number else ""):
            if label and label in seen:
                raise InputError(name, rule.line, f"part {part}: section {label} is used twice (first on line {seen[label]})")
            seen[label] = rule.line
