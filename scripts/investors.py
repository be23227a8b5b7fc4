"""seeds/investors.yml: the For investors page, facts grouped for a reader who invests: sectors,
projects and companies, investment attraction, opening-up, business environment. Every fact quotes
the report's words and names the paragraph they come from."""

from __future__ import annotations

from dataclasses import dataclass

from .english import problem, without_references
from .errors import InputError
from .model import Report, section_text
from .numbers import report_years, untraced
from .schemas import validate
from .sources import line_in, text


@dataclass(frozen=True)
class Fact:
    en: str
    zh: str  # the report's exact words
    section: str
    paragraph: str


@dataclass(frozen=True)
class Group:
    key: str
    title_en: str
    title_zh: str
    intro_en: str
    facts: tuple[Fact, ...]


def parse_investors(data, name: str, report: Report, full_text: str, glossary: tuple = ()) -> tuple[Group, ...]:
    validate(data, name, "investors")
    paragraphs = {p.id: (s, p) for s in report.sections for p in s.paragraphs}
    years = report_years(full_text)
    groups, keys = [], set()
    for group in data:
        key = text(group, "key")
        if key in keys:
            raise InputError(name, line_in(group, "key"), f"group {key!r} appears twice")
        keys.add(key)
        texts = {k: text(group, k) for k in ("title_en", "title_zh", "intro_en")}
        for k in ("title_en", "intro_en"):
            if wrong := problem(texts[k], glossary):
                raise InputError(name, line_in(group, k), f"group {key}: {wrong}")
            if missing := untraced(without_references(texts[k]), full_text, years):
                raise InputError(name, line_in(group, k), f"group {key}: {', '.join(missing)} does not occur in the report")
        facts = []
        for item in group["items"]:
            fact = {k: text(item, k) for k in ("en", "zh", "paragraph")}
            if fact["paragraph"] not in paragraphs:
                raise InputError(name, line_in(item, "paragraph"), f"unknown paragraph {fact['paragraph']!r}")
            section, paragraph = paragraphs[fact["paragraph"]]
            if fact["zh"] not in paragraph.raw:
                raise InputError(name, line_in(item, "zh"), f"the Chinese words are not in paragraph {paragraph.id}")
            if wrong := problem(fact["en"], glossary):
                raise InputError(name, line_in(item, "en"), wrong)
            if missing := untraced(without_references(fact["en"]), section_text(section), years):
                raise InputError(name, line_in(item, "en"),
                                 f"{', '.join(missing)} in the English does not occur in the section's Chinese text")
            facts.append(Fact(fact["en"], fact["zh"], section.id, paragraph.id))
        groups.append(Group(key, texts["title_en"], texts["title_zh"], texts["intro_en"], tuple(facts)))
    return tuple(groups)
