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

from .errors import InputError
from .history import EarlierReport
from .schemas import validate
from .sources import line_in, text

NUMBER = re.compile(r"\d+(?:\.\d+)?")
# The units a target is written in, and how each reads in English: (multiplier to the base unit,
# the English unit). A unit not listed stops the build: a new one needs its English here.
UNITS = {
    "%": (1, "%"), "个百分点": (1, "percentage points"), "亿元": (10**8, "yuan"), "万元": (10**4, "yuan"),
    "元": (1, "yuan"), "万人": (10**4, "people"), "人": (1, "people"), "微克": (1, "µg/m³"),  # written 每立方米35微克
    "万吨标准煤": (10**4, "tonnes of standard coal equivalent"), "": (1, ""),  # a ratio, or a target only ever in words
}
STATUSES = ("met", "below", "not-stated", "no-numeric-target", "pending")


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
        if unit not in UNITS:
            raise InputError(name, line_in(raw, "unit"), f"indicator {key!r}: unknown unit {unit!r} (known: {', '.join(UNITS)})")
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
