"""seeds/glossary.yml: slogans and numbered formulas, their evidence, and where they occur.

The matcher is the one piece both the pages (tooltips) and the glossary ("appears in") use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .english import references
from .errors import InputError
from .history import EarlierReport, Evidence, parse_evidence
from .model import Report
from .numbers import report_years, untraced
from .readings import default_readings, toneless
from .schemas import validate
from .sources import YamlMap, line_in, text

THEMES = {
    "strategy-and-positioning": ("战略与定位", "Strategy and positioning"),
    "party-and-governance": ("党建与政府建设", "Party and government"),
    "industry-and-investment": ("产业与投资", "Industry and investment"),
    "digital-economy": ("数字经济", "Digital economy"),
    "business-environment": ("营商环境", "Business environment"),
    "reform-and-opening-up": ("改革开放", "Reform and opening-up"),
    "urban-development": ("城市建设", "Urban development"),
    "rural-and-agriculture": ("乡村与农业", "Rural areas and agriculture"),
    "environment": ("生态环境", "Environment"),
    "livelihoods": ("民生", "Livelihoods"),
    "talent-and-innovation": ("人才与创新", "Talent and innovation"),
    "culture-tourism-and-brands": ("文旅与城市品牌", "Culture, tourism and city brands"),
    "finance-and-risk": ("财政金融与风险", "Finance and risk"),
}


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str
    date: str
    url: str


@dataclass(frozen=True)
class Entry:
    term: str
    english: str
    note: str
    evidence: str  # in-text | sourced | not-defined
    level: str = ""
    theme: str = ""
    items: tuple[tuple[str, str], ...] = ()  # (Chinese, English)
    sentence: str = ""  # in-text: the report's words that spell the items out
    source: Source | None = None
    caveat: str = ""
    literal: str = ""
    context: str = ""
    related: tuple[str, ...] = ()
    rejected: tuple[str, ...] = ()  # renderings not to use anywhere
    earlier: Evidence | None = None  # what one of the city's earlier reports says it stands for
    years: tuple[int, ...] = ()  # the years whose report holds the exact term (filled in by the build)
    line: int = 0
    pinyin: str = ""  # with tones (filled in by with_pinyin)
    pinyin_plain: str = ""  # without tones

    @property
    def tooltip(self) -> str:
        """English rendering and the note's first sentence: what a reader sees on hover."""
        first = re.match(r"(.+?[.!?])(\s|$)", self.note)
        return f"{self.english} — {first.group(1) if first else self.note}"

    @property
    def reference_tooltip(self) -> str:
        """What a reader of English text sees on hover over the term's English name."""
        first = re.match(r"(.+?[.!?])(\s|$)", self.note)
        return f"{self.term} ({self.pinyin}) — {first.group(1) if first else self.note}"


def parse_glossary(data, name: str, report: Report, full_text: str, earlier: tuple[EarlierReport, ...] = ()) -> tuple[Entry, ...]:
    validate(data, name, "glossary")
    years = report_years(full_text)
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for raw in data:
        entry = _entry(raw, name, full_text, years)
        if "earlier" in raw:
            entry = replace(entry, earlier=_earlier_evidence(raw["earlier"], name, entry.term, earlier))
        if entry.term in seen:
            raise InputError(name, entry.line, f"duplicate term {entry.term!r} (first on line {seen[entry.term]})")
        seen[entry.term] = entry.line
        entries.append(entry)
    for entry in entries:
        for other in entry.related:
            if other not in seen:
                raise InputError(name, entry.line, f"{entry.term}: related term {other!r} is not in the glossary")
        texts = (entry.english, entry.note, entry.context, entry.caveat, entry.literal, *(en for _, en in entry.items))
        for other in (t for written in texts for t in references(written)):
            if other not in seen:
                raise InputError(name, entry.line, f"{entry.term}: [[{other}]] is not a glossary term")
    return tuple(entries)


def _earlier_evidence(raw, name: str, term: str, earlier: tuple[EarlierReport, ...]) -> Evidence:
    evidence = parse_evidence(raw, name, term, earlier)
    report = next(r for r in earlier if r.year == evidence.year)
    for key, english in (("note", evidence.note), *(("items", en) for _, en in evidence.items)):
        if missing := untraced(english, report.text, report_years(report.text)):
            raise InputError(name, line_in(raw, key), f"{term}: {', '.join(missing)} does not occur in the {evidence.year} report")
    return evidence


def with_pinyin(entries, readings: dict[str, str] | None = None) -> tuple[Entry, ...]:
    """The entries with their pinyin: the reviewed reading where seeds/readings.yml has one, else
    pypinyin's (see readings.py)."""
    defaults = default_readings(tuple(e.term for e in entries))
    chosen = {e.term: (readings or {}).get(e.term, defaults[e.term]) for e in entries}
    return tuple(replace(e, pinyin=chosen[e.term], pinyin_plain=toneless(chosen[e.term])) for e in entries)


def _entry(raw: YamlMap, name: str, full_text: str, years: set[int]) -> Entry:
    term = text(raw, "term")
    what = f"glossary entry {term!r}"
    if term not in full_text:
        raise InputError(name, line_in(raw, "term"), f"term {term!r} does not occur in the report")
    fields = {key: text(raw, key) for key in ("english", "note", "evidence", "level", "theme", "sentence", "caveat", "literal", "context")}
    if fields["sentence"] and fields["sentence"] not in full_text:
        raise InputError(name, line_in(raw, "sentence"), f"{what}: the sentence is not in the report")
    for key in ("english", "note", "literal", "context", "caveat"):
        missing = untraced(fields[key], full_text, years)
        if missing:
            raise InputError(name, line_in(raw, key), f"{what}: {', '.join(missing)} in {key!r} does not occur in the report")
    items = tuple((text(item, "zh"), text(item, "en")) for item in raw.get("items") or [])
    source = Source(*(text(raw["source"], key) for key in ("title", "publisher", "date", "url"))) if "source" in raw else None
    return Entry(term=term, english=fields["english"], note=fields["note"], evidence=fields["evidence"], level=fields["level"],
                 theme=fields["theme"], items=items, sentence=fields["sentence"], source=source, caveat=fields["caveat"],
                 literal=fields["literal"], context=fields["context"], related=tuple(str(r) for r in raw.get("related") or []),
                 rejected=tuple(r.strip() for r in raw.get("rejected") or []),
                 line=raw.line)


# ---------------------------------------------------------------------------------------------
# Matching terms in text


def matcher(terms) -> re.Pattern | None:
    """Leftmost-longest matching of glossary terms, CJK-aware.

    Python-Markdown's abbr wraps terms in \\b…\\b, and Python sees no word boundary between two Han
    characters, so it misses most terms inside Chinese prose. An alternation sorted longest-first
    matches at every position and prefers the longest term there (五个一办 over 五个一), which is
    all that is needed; no library adds anything for a few hundred fixed strings.
    """
    ordered = sorted(set(terms), key=lambda t: (-len(t), t))
    return re.compile("|".join(map(re.escape, ordered))) if ordered else None


def find_terms(text: str, pattern: re.Pattern | None) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)] if pattern else []


def anchors(entries: tuple[Entry, ...]) -> dict[str, str]:
    """A stable, readable anchor per term, from its toneless pinyin (wu-ge-yi-ban)."""
    result: dict[str, str] = {}
    used: set[str] = set()
    for entry in entries:
        base = re.sub(r"[^a-z0-9]+", "-", entry.pinyin_plain.lower()).strip("-") or "term"
        slug, n = base, 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        result[entry.term] = slug
    return result


def occurrences(report: Report, entries: tuple[Entry, ...]) -> dict[str, list[tuple[str, str]]]:
    """For each term, the (section id, paragraph id) of every paragraph it occurs in, in order."""
    pattern = matcher(e.term for e in entries)
    found: dict[str, list[tuple[str, str]]] = {e.term: [] for e in entries}
    for section in report.sections:
        for par in section.paragraphs:
            for term in dict.fromkeys(t for _, _, t in find_terms(par.raw, pattern)):
                found[term].append((section.id, par.id))
    return found


def sentence_location(report: Report, sentence: str) -> tuple[str, str] | None:
    """The paragraph where the sentence begins (a sentence may run on into a list's items)."""
    for section in report.sections:
        joined, starts = "", []
        for par in section.paragraphs:
            starts.append((len(joined), par.id))
            joined += par.raw
        at = joined.find(sentence)
        if at >= 0:
            return section.id, next(pid for start, pid in reversed(starts) if start <= at)
    return None
