"""seeds/report.yml: what the report is (title, date, venue, source) and how its parts and
unnumbered stretches become pages (the layout)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .sources import check_keys, expect_list, expect_map, line_in, read_yaml, text_field

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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
    data = expect_map(data, name, "report.yml")
    check_keys(data, name, "report", INFO_KEYS, {"official_url", "contents_en", "delivered_by_en", "lead_patterns", "parts"})
    values = {key: text_field(data, key, name, "report") for key in INFO_KEYS}
    for key in ("delivered", "published"):
        if not DATE.match(values[key]):
            raise InputError(name, line_in(data, key), f"report: {key!r} must be a date like 2026-01-19")
    official_url = text_field(data, "official_url", name, "report", optional=True)
    contents_en = text_field(data, "contents_en", name, "report", optional=True)
    delivered_by_en = text_field(data, "delivered_by_en", name, "report", optional=True)
    return ReportInfo(**values, official_url=official_url, contents_en=contents_en, delivered_by_en=delivered_by_en,
                      layout=parse_layout(data, name))


def parse_layout(data, name: str) -> Layout:
    patterns = []
    raw_patterns = data.get("lead_patterns") or []
    for i, pattern in enumerate(expect_list(raw_patterns, name, "lead_patterns", line_in(data, "lead_patterns"))):
        line = line_in(raw_patterns, i)
        if not isinstance(pattern, str):
            raise InputError(name, line, "lead_patterns: each pattern must be text")
        try:
            re.compile(pattern)
        except re.error as error:
            raise InputError(name, line, f"lead_patterns: not a regular expression: {error}") from None
        patterns.append(pattern)
    parts = []
    raw_parts = data.get("parts") or []
    for i, raw in enumerate(expect_list(raw_parts, name, "parts", line_in(data, "parts"))):
        part = expect_map(raw, name, "a part", line_in(raw_parts, i))
        check_keys(part, name, "part", {"number", "slug"}, {"title_en", "sections"})
        number = _number(part, "number", name, "part")
        if any(p.number == number for p in parts):
            raise InputError(name, line_in(part, "number"), f"part {number} is described twice")
        sections = tuple(_section_rule(raw_section, raw_list, j, name)
                         for raw_list in [part.get("sections") or []]
                         for j, raw_section in enumerate(expect_list(raw_list, name, "sections", line_in(part, "sections"))))
        _no_repeats(sections, name, number)
        parts.append(PartRule(number=number, slug=_slug(part, name), title_en=text_field(part, "title_en", name, "part", optional=True),
                              sections=sections, line=part.line))
    return Layout(parts=tuple(parts), lead_patterns=tuple(patterns), source=name)


def _section_rule(raw, raw_list, index: int, name: str) -> SectionRule:
    rule = expect_map(raw, name, "a section", line_in(raw_list, index))
    check_keys(rule, name, "section", {"slug"}, {"key", "number", "starts", "title_zh"})
    slug = _slug(rule, name)
    if "number" in rule:
        if "starts" in rule:
            raise InputError(name, line_in(rule, "starts"), "section: give either 'number' or 'starts', not both")
        return SectionRule(slug=slug, number=_number(rule, "number", name, "section"), line=rule.line)
    for key in ("starts", "key", "title_zh"):
        if key not in rule:
            raise InputError(name, rule.line, f"section {slug!r}: a section without 'number' needs {key!r}")
    key = text_field(rule, "key", name, "section")
    if not SLUG.match(key):
        raise InputError(name, line_in(rule, "key"), f"section: key {key!r} may hold only a-z, 0-9 and '-'")
    # errors about where a named section starts point at its `starts` line
    return SectionRule(slug=slug, key=key, starts=text_field(rule, "starts", name, "section"),
                       title_zh=text_field(rule, "title_zh", name, "section"), line=line_in(rule, "starts"))


def _no_repeats(sections: tuple[SectionRule, ...], name: str, part: int) -> None:
    seen: dict[str, int] = {}
    for rule in sections:
        for label in (f"slug {rule.slug!r}", f"key {rule.key!r}" if rule.key else "", f"number {rule.number}" if rule.number else ""):
            if label and label in seen:
                raise InputError(name, rule.line, f"part {part}: section {label} is used twice (first on line {seen[label]})")
            seen[label] = rule.line


def _slug(mapping, name: str) -> str:
    slug = text_field(mapping, "slug", name, "slug")
    if not SLUG.match(slug):
        raise InputError(name, line_in(mapping, "slug"), f"slug {slug!r} may hold only a-z, 0-9 and '-'")
    return slug


def _number(mapping, key: str, name: str, what: str) -> int:
    value = mapping.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InputError(name, line_in(mapping, key), f"{what}: {key!r} must be a whole number from 1")
    return value
