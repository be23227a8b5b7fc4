"""The city's earlier work reports (seeds/earlier/): each glossary term's history across the years,
evidence that an earlier report gives for a term, and the slogans of the year before that the
report no longer uses. Matching is by exact string throughout: a term occurs in a year's report
when its characters stand there as written."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import InputError
from .model import Report
from .numbers import report_years, untraced
from .schemas import validate
from .sources import line_in, text


@dataclass(frozen=True)
class EarlierReport:
    year: int
    delivered: str
    official_url: str
    text: str  # the whole report, normalised as the splitter reads it
    report: Report  # the same text split into paragraphs with ids


@dataclass(frozen=True)
class Evidence:
    """What an earlier report says a term stands for: its words, where they stand, and the items."""

    year: int
    passage: str  # exact words of that report, inside one paragraph
    paragraph: str  # the paragraph's id in that report
    section: str  # the section page id the splitter gave it (not published)
    items: tuple[tuple[str, str], ...]
    note: str


@dataclass(frozen=True)
class Dropped:
    """A slogan of the previous year's report that this report no longer uses."""

    term: str
    english: str
    note: str


def parse_earlier_list(data, name: str) -> list[tuple[int, str, str, str, int]]:
    """(year, file name, delivered, official URL, line) of each earlier report, checked."""
    validate(data, name, "earlier")
    seen: dict[int, int] = {}
    result = []
    for record in data:
        year, line = record["year"], line_in(record, "year")
        if year in seen:
            raise InputError(name, line, f"the {year} report is listed twice (first on line {seen[year]})")
        seen[year] = line
        result.append((year, text(record, "text"), text(record, "delivered"), text(record, "official_url"), line))
    return sorted(result)


def years_of(term: str, earlier: tuple[EarlierReport, ...], year: int, full_text: str) -> tuple[int, ...]:
    """The years whose report holds the exact term, this report's year included when it does."""
    found = [r.year for r in earlier if term in r.text]
    return (*found, year) if term in full_text else tuple(found)


def first_use(years: tuple[int, ...], year: int, lang: str) -> str:
    """"New in 2026" / "first in the 2019 report" (and the Chinese)."""
    if years == (year,):
        return f"{year}年新出现" if lang == "zh" else f"new in {year}"
    return f"首见于{years[0]}年报告" if lang == "zh" else f"first in the {years[0]} report"


def parse_evidence(raw, name: str, term: str, earlier: tuple[EarlierReport, ...]) -> Evidence:
    """Check an entry's `earlier` field: the passage stands in that year's report, inside one
    paragraph, and holds the term and each item's Chinese."""
    by_year = {r.year: r for r in earlier}
    year = raw["year"]
    if year not in by_year:
        raise InputError(name, line_in(raw, "year"), f"{term}: there is no {year} report in seeds/earlier/")
    passage = text(raw, "passage")
    report = by_year[year]
    place = next(((s.id, p.id) for s in report.report.sections for p in s.paragraphs if passage in p.raw), None)
    if place is None:
        where = "is not in" if passage not in report.text else "runs over more than one paragraph of"
        raise InputError(name, line_in(raw, "passage"), f"{term}: the passage {where} the {year} report")
    if term not in passage and not all(ch in passage for ch in term):
        raise InputError(name, line_in(raw, "passage"), f"{term}: the passage does not name the term")
    items = tuple((text(item, "zh"), text(item, "en")) for item in raw["items"])
    for (zh, _), item in zip(items, raw["items"], strict=True):
        if zh not in passage:
            raise InputError(name, line_in(item, "zh"), f"{term}: the item {zh!r} is not in the passage")
    return Evidence(year=year, passage=passage, paragraph=place[1], section=place[0], items=items, note=text(raw, "note"))


def parse_dropped(data, name: str, earlier: tuple[EarlierReport, ...], full_text: str) -> tuple[Dropped, ...]:
    """seeds/earlier/dropped.yml: slogans of the latest earlier report that this report no longer
    uses; each must stand in that report and not in this one."""
    validate(data, name, "dropped")
    previous = earlier[-1]
    years = report_years(previous.text)
    result, seen = [], set()
    for raw in data:
        term, line = text(raw, "term"), line_in(raw, "term")
        if term in seen:
            raise InputError(name, line, f"{term!r} is listed twice")
        seen.add(term)
        if term not in previous.text:
            raise InputError(name, line, f"{term!r} does not occur in the {previous.year} report")
        if term in full_text:
            raise InputError(name, line, f"{term!r} still occurs in this report")
        for key in ("english", "note"):
            if missing := untraced(text(raw, key), previous.text, years):
                raise InputError(name, line_in(raw, key), f"{term}: {', '.join(missing)} does not occur in the {previous.year} report")
        result.append(Dropped(term, text(raw, "english"), text(raw, "note")))
    return tuple(result)
