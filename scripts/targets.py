"""seeds/targets.yml: the main targets (主要预期目标) each year's report sets, and each target's
outcome as the next year's report states it, traced to the exact words of both reports.

How a target is read, stated once (the Targets and results page says the same): the outcome is
compared with the target's number alone. A qualifier does not widen the target: 6%左右 (about 6%)
is met by 6.0% or more; 以上 (or more) and 力争 (strive for) are read the same way. For a ceiling
(prices, unemployment) the outcome must stay at or under the number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .datapackage import Field
from .errors import InputError
from .figures import UNITS, plain_decimal
from .history import EarlierReport
from .schemas import validate
from .sources import line_in, text

NUMBER = re.compile(r"\d+(?:\.\d+)?")
STATUSES = ("met", "below", "not-stated", "no-numeric-target", "pending")
# The qualifiers in English, as the house style words them (以上 "at least", 左右 "about").
QUALIFIER_EN = {"力争": "strive for", "控制在": "kept to", "左右": "about", "不低于": "at least", "不超过": "at most",
                "以内": "within", "以上": "at least", "突破": "over", "超过": "over", "达到": "reaching"}


@dataclass(frozen=True)
class Indicator:
    key: str
    zh: str
    en: str
    measure: str  # level | growth | average-annual-growth | cumulative | share | change | count
    unit: str  # as the reports write it
    limit: str  # floor (reach it) | ceiling (stay within it)

    @property
    def unit_en(self) -> str:
        return UNITS[self.unit][1]

    @property
    def multiplier(self) -> int:
        return UNITS[self.unit][0]


@dataclass(frozen=True)
class Statement:
    """A target or an outcome: the report's words, where they stand, and the number they give."""

    report_year: int
    phrase: str
    paragraph: str
    value: Decimal | None = None  # None for a target in words
    words: str = ""
    qualifier: tuple[str, ...] = ()
    expected: bool = False  # the report gives it as expected (预计)


@dataclass(frozen=True)
class Record:
    year: int
    indicator: Indicator
    target: Statement
    outcome: Statement | None
    status: str
    line: int = 0

    @property
    def gap(self) -> Decimal | None:
        """outcome − target in the indicator's unit (percentage points for a rate); None without both."""
        if self.outcome is None or self.target.value is None:
            return None
        return self.outcome.value - self.target.value


def status_of(target: Decimal | None, outcome: Decimal | None, limit: str, pending: bool) -> str:
    """What the numbers say: the one rule of the module docstring."""
    if target is None:
        return "no-numeric-target"
    if outcome is None:
        return "pending" if pending else "not-stated"
    reached = outcome >= target if limit == "floor" else outcome <= target
    return "met" if reached else "below"


def parse_targets(data, name: str, reports: tuple[EarlierReport, ...]) -> tuple[Record, ...]:
    """Check every record against the reports (oldest first; the last is this year's)."""
    validate(data, name, "targets")
    by_year = {r.year: r for r in reports}
    latest = reports[-1].year
    indicators: dict[str, Indicator] = {}
    for raw in data["indicators"]:
        key = text(raw, "key")
        if key in indicators:
            raise InputError(name, line_in(raw, "key"), f"indicator {key!r} is listed twice")
        unit = raw["unit"]
        if UNITS.get(unit, (1, None))[1] is None:  # unknown, or a counting word whose noun a target cannot give
            raise InputError(name, line_in(raw, "unit"),
                             f"indicator {key!r}: unknown unit {unit!r} (UNITS in scripts/figures.py gives each unit its English)")
        indicators[key] = Indicator(key, text(raw, "zh"), text(raw, "en"), raw["measure"], unit, raw["limit"])
    records: list[Record] = []
    seen_years: set[int] = set()
    for entry in data["years"]:
        year = entry["year"]
        if year not in by_year:
            raise InputError(name, line_in(entry, "year"), f"there is no {year} report in seeds/")
        if year in seen_years:
            raise InputError(name, line_in(entry, "year"), f"the year {year} is listed twice")
        seen_years.add(year)
        seen: set[str] = set()
        for raw in entry["targets"]:
            key = raw["indicator"]
            what = f"{year} {key}"
            if key not in indicators:
                raise InputError(name, line_in(raw, "indicator"), f"{year}: unknown indicator {key!r}")
            if key in seen:
                raise InputError(name, line_in(raw, "indicator"), f"{what}: the indicator has two targets in one year")
            seen.add(key)
            indicator = indicators[key]
            target = _statement(raw["target"], name, what, by_year[year], indicator)
            outcome = None
            if "outcome" in raw:
                if year + 1 not in by_year:
                    raise InputError(name, line_in(raw, "outcome"), f"{what}: there is no {year + 1} report to state the outcome")
                outcome = _statement(raw["outcome"], name, what, by_year[year + 1], indicator)
            status = raw["status"]
            should = status_of(target.value, outcome and outcome.value, indicator.limit, pending=year == latest)
            if status != should:
                numbers = f"target {_show(target)}, outcome {_show(outcome)}, {indicator.limit}"
                raise InputError(name, line_in(raw, "status"), f"{what}: status is {status!r} but the numbers say {should!r} ({numbers})")
            records.append(Record(year, indicator, target, outcome, status, line=line_in(raw, "indicator") or 0))
    return tuple(records)


def _show(statement: Statement | None) -> str:
    if statement is None:
        return "none"
    return str(statement.value) if statement.value is not None else "in words"


def _statement(raw, name: str, what: str, report: EarlierReport, indicator: Indicator) -> Statement:
    phrase, pid = text(raw, "phrase"), text(raw, "paragraph")
    paragraph = next((p for p in report.report.paragraphs if p.id == pid), None)
    if paragraph is None:
        raise InputError(name, line_in(raw, "paragraph"), f"{what}: the {report.year} report has no paragraph {pid!r}")
    if phrase not in paragraph.raw:
        raise InputError(name, line_in(raw, "phrase"), f"{what}: the phrase is not in paragraph {pid} of the {report.year} report")
    qualifier = tuple(raw.get("qualifier", ()))
    for word in qualifier:
        if word not in phrase:
            raise InputError(name, line_in(raw, "qualifier"), f"{what}: the qualifier {word} is not in the phrase")
    expected = bool(raw.get("expected", False))
    if expected and "预计" not in phrase:
        raise InputError(name, line_in(raw, "expected"), f"{what}: expected is true but the phrase does not say 预计")
    if "words" in raw:
        words = text(raw, "words")
        if words not in phrase:
            raise InputError(name, line_in(raw, "words"), f"{what}: the words are not in the phrase")
        return Statement(report.year, phrase, pid, words=words, qualifier=qualifier)
    value = Decimal(str(raw["value"]))
    unit = ("%", "％") if indicator.unit == "%" else (indicator.unit,)
    if not any(Decimal(m.group(0)) == value and phrase.startswith(unit, m.end()) for m in NUMBER.finditer(phrase)):
        raise InputError(name, line_in(raw, "value"), f"{what}: the phrase does not hold the value {raw['value']}{indicator.unit}")
    return Statement(report.year, phrase, pid, value=value, qualifier=qualifier, expected=expected)


# ---------------------------------------------------------------------------------------------
# The rows of the download (targets.csv, targets.json), described by datapackage.json

TARGET_FIELDS = (
    Field("id", "string", "Stable identifier of the row: year, indicator and role (2025-gdp-growth-target).", required=True,
          unique=True, pattern="^20[0-9]{2}-[a-z0-9-]+-(target|outcome)$"),
    Field("year", "integer", "The year the target is set for, and the outcome is of.", required=True),
    Field("indicator", "string", "The indicator's key; the same key across years.", required=True, pattern="^[a-z0-9][a-z0-9-]*$"),
    Field("role", "string", "target: set by the year's own report; outcome: as the next year's report states it.",
          required=True, enum=("target", "outcome")),
    Field("measure", "string", "What kind of number it is: level, growth (% over the year before), average annual growth, "
          "cumulative, share (%), change or count.", required=True,
          enum=("level", "growth", "average-annual-growth", "cumulative", "share", "change", "count")),
    Field("limit", "string", "floor: a target to reach; ceiling: a limit to stay within (prices, unemployment, energy use).",
          required=True, enum=("floor", "ceiling")),
    Field("indicator_zh", "string", "The indicator in the reports' words.", required=True),
    Field("indicator_en", "string", "The indicator in English.", required=True),
    Field("value", "number", "The value in base units: 亿 (100 million) and 万 (10,000) multiplied out; a percentage stays "
          "a percentage. Empty for a target given in words."),
    Field("unit_en", "string", "The base unit of value in English (%, yuan, people …); empty for a bare ratio."),
    Field("value_as_written", "string", "The number as the report writes it; empty for a target in words."),
    Field("unit", "string", "The unit as the reports write it after the number (%, 亿元, 万人)."),
    Field("qualifier", "string", "The qualifier in English, in the order written (about, at least, strive for, within, "
          "kept to …), separated by spaces; empty for none."),
    Field("qualifier_zh", "string", "The Chinese words that qualify the number, as written (左右, 以上, 力争, 以内 …), "
          "separated by spaces; empty for none."),
    Field("words", "string", "A target given in words instead of a number: the exact words."),
    Field("estimate", "string", "Outcomes only. expected: the report says 预计; preliminary: stated in a report delivered "
          "in the first quarter, before the year's statistical communiqué; empty: neither.", enum=("expected", "preliminary")),
    Field("status", "string", "The target's status (on both rows): met, below, not-stated (the next report gives no "
          "figure), no-numeric-target (words) or pending (not yet reported). A qualifier does not widen a target; a "
          "ceiling is met at or under its number.", required=True, enum=STATUSES),
    Field("gap", "number", "Outcome minus target, in the unit of value (percentage points for a rate); empty without both."),
    Field("phrase", "string", "The exact Chinese words of the report the row comes from.", required=True),
    Field("report_year", "integer", "The year of the report the words stand in.", required=True),
    Field("paragraph", "string", "The paragraph id in that report (this site's id).", required=True,
          pattern="^p[0-9]+-[a-z0-9-]+$"),
    Field("permalink", "string", "For this year's report, the paragraph's address on this site; for an earlier "
          "report, the government's page of that report (it has no paragraph anchors).", required=True, format="uri"),
)


def target_rows(records: tuple[Record, ...], reports: tuple[EarlierReport, ...], site_url: str) -> tuple[dict, ...]:
    """Two rows per record with an outcome, one without; keyed by the names of TARGET_FIELDS."""
    by_year = {r.year: r for r in reports}
    latest = reports[-1]
    sections = {p.id: s.id for s in latest.report.sections for p in s.paragraphs}
    base = site_url.rstrip("/") + "/"
    rows = []
    for r in records:
        for role, statement in (("target", r.target), ("outcome", r.outcome)):
            if statement is None:
                continue
            report = by_year[statement.report_year]
            numeric = statement.value is not None
            estimate = ""
            if role == "outcome":
                estimate = "expected" if statement.expected else "preliminary" if int(report.delivered[5:7]) <= 3 else ""
            row = {"id": f"{r.year}-{r.indicator.key}-{role}", "year": r.year, "indicator": r.indicator.key, "role": role,
                   "measure": r.indicator.measure, "limit": r.indicator.limit, "indicator_zh": r.indicator.zh,
                   "indicator_en": r.indicator.en,
                   "value": plain_decimal(statement.value * r.indicator.multiplier) if numeric else None,
                   "unit_en": r.indicator.unit_en, "value_as_written": format(statement.value, "f") if numeric else None,
                   "unit": r.indicator.unit,
                   "qualifier": " ".join(QUALIFIER_EN[q] for q in statement.qualifier),
                   "qualifier_zh": " ".join(statement.qualifier), "words": statement.words,
                   "estimate": estimate, "status": r.status,
                   "gap": plain_decimal(r.gap * r.indicator.multiplier) if r.gap is not None else None, "phrase": statement.phrase,
                   "report_year": statement.report_year, "paragraph": statement.paragraph,
                   "permalink": (f"{base}{sections[statement.paragraph]}/#{statement.paragraph}" if report is latest
                                 else report.official_url)}
            rows.append({key: (None if value == "" else value) for key, value in row.items()})
    return tuple(rows)
