"""seeds/figures.yml: one record per figure the report gives, each tied to the exact Chinese phrase
and paragraph it comes from; the values in base units, and the rows of the figures downloads.

What the build checks of each record, beyond its schema: the phrase is in the paragraph; the value is
written in it before the unit (in digits or Chinese numerals); the unit is known; the English noun of
a counting word is what the English indicator counts; the qualifier's Chinese word stands next to the
figure; 预计 is in a phrase marked expected; a duplicate names an earlier record of the same figure.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from .datapackage import Field
from .english import plain, problem, without_references
from .errors import InputError
from .model import Report, section_text
from .numbers import numbers_before, report_years, untraced
from .schemas import validate
from .sources import line_in, text

KINDS = {
    "target-2026": ("2026年目标", "Targets for 2026"),
    "target-2026-2030": ("“十五五”时期目标（2026—2030年）", "Targets for 2026–2030 (15th Five-Year Plan period)"),
    "project-2026": ("2026年重点工作中的量化任务", "Quantified commitments for 2026"),
    "result-2025": ("2025年成绩", "Results of 2025"),
    "result-2021-2025": ("“十四五”时期成绩（2021—2025年）", "Results of 2021–2025 (14th Five-Year Plan period)"),
}
MEASURES = {
    "level": "水平", "count": "数量", "growth": "增长", "average annual growth": "年均增长", "average annual change": "年均增量",
    "cumulative": "累计", "share": "占比", "change": "变化", "rank": "排名",
}
PERCENT_MEASURES = {"growth", "average annual growth", "share"}
# The report's qualifiers: (English, Chinese words written before the number, after the unit).
QUALIFIERS = {
    "about": ("about", (), ("左右",)),
    "over": ("over", ("超过", "超"), ("以上", "余", "多")),
    "at least": ("at least", ("不少于",), ()),
    "exceed": ("exceeding", ("突破",), ()),
    "reach": ("reaching", ("达到", "达", "提高到", "提升至", "增加至", "迈上"), ()),
    "nearly": ("nearly", ("近",), ()),
    "class": ("class", (), ("级",)),
    "below": ("below", (), ("以内",)),
}
# Each unit the report writes after a number: (multiplier to the base unit, the base unit in
# English). None marks a counting word (个, 家, 条 …): what it counts is the record's `unit_en`.
UNITS = {
    "%": (1, "%"), "％": (1, "%"), "个百分点": (1, "percentage points"),
    "亿元": (10**8, "yuan"), "万元": (10**4, "yuan"), "元": (1, "yuan"), "亿": (10**8, None),  # 千亿级: the record says of what
    "万人": (10**4, "people"), "人": (1, "people"), "名": (1, "people"), "万名": (10**4, "people"),
    "万人次": (10**4, "visits"), "人次": (1, "visits"), "万亩": (10**4, "mu"), "亩": (1, "mu"),
    "辆": (1, "vehicles"), "万辆": (10**4, "vehicles"), "公里": (1, "km"), "平方公里": (1, "km²"),
    "亿立方米": (10**8, "m³"), "Eflops": (1, "EFLOPS"), "万Gbps": (10**4, "Gbps"), "岁": (1, "years"), "年": (1, "years"),
    "微克": (1, "µg/m³"),  # written 每立方米35微克 (a target of 2019)
    "万吨标准煤": (10**4, "tonnes of standard coal equivalent"),
    "位": (1, ""),  # a place in a ranking (第4位)
    "": (1, ""),  # a bare number: an index, a ratio, a rank
    **dict.fromkeys(("个", "家", "户", "条", "所", "座", "张", "场", "场次", "套", "栋", "向", "次", "项"), (1, None)),
    **dict.fromkeys(("万个", "万户", "万套", "万栋", "万张", "万余张"), (10**4, None)),
}
# English units of measure: a unit_en not on this list must be a noun of the English indicator.
MEASUREMENT_UNITS = {"", "%", "percentage points", "yuan", "people", "visits", "vehicles", "mu", "km", "km²", "m³",
                     "EFLOPS", "Gbps", "years", "µg/m³", "tonnes of standard coal equivalent"}


@dataclass(frozen=True)
class Figure:
    id: str
    kind: str
    period: str
    measure: str
    indicator_zh: str
    indicator_en: str
    value: Decimal  # in base units: 6038.15亿元 → 603815000000 (yuan)
    unit_en: str  # the base unit in English, or the noun a counting word counts
    value_as_written: str  # as the phrase writes it: 6038.15, or 千 in 千亿级
    unit: str  # as the phrase writes it after the number: 亿元
    qualifier: str
    qualifier_zh: str
    estimate: str  # "expected" (预计), "preliminary" (a result of the year before the report), or ""
    duplicate_of: str
    section: str
    paragraph: str
    phrase: str
    line: int = 0

    @property
    def english_value(self) -> str:
        """The figure in English: 603.815 billion yuan, 5.5%, 15 industrial chains."""
        return english_amount(self.value, self.unit_en)


def english_amount(value: Decimal, unit: str) -> str:
    if unit in ("yuan", "m³"):
        for size, word in ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million")):
            if value >= size:
                return f"{_plain(value / size)} {word} {unit}"
    if unit == "%":
        return f"{_plain(value)}%"
    return f"{_plain(value)} {unit}".strip()


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    whole, _, fraction = text.partition(".")
    whole = f"{int(whole):,}"
    return f"{whole}.{fraction}" if fraction else whole


def parse_figures(data, name: str, report: Report, full_text: str, glossary: tuple = (), delivered: str = "") -> tuple[Figure, ...]:
    """The checked records; `delivered` (the report's date) marks the results of the year before it
    as preliminary."""
    validate(data, name, "figures")
    paragraphs = {p.id: (s, p) for s in report.sections for p in s.paragraphs}
    years = report_years(full_text)
    english_names = {e.term: e.english for e in glossary}
    seen: dict[str, int] = {}
    figures: list[Figure] = []
    for record in data:
        fid = text(record, "id")
        what = f"figure {fid!r}"

        def stop(key: str, message: str, record=record, what=what) -> InputError:
            return InputError(name, line_in(record, key), f"{what}: {message}")

        if fid in seen:
            raise InputError(name, line_in(record, "id"), f"duplicate figure id {fid!r} (first on line {seen[fid]})")
        seen[fid] = line_in(record, "id")
        fields = {key: text(record, key) for key in ("kind", "period", "measure", "indicator_zh", "indicator_en", "unit",
                                                      "unit_en", "qualifier", "estimate", "duplicate_of", "paragraph", "phrase")}
        if fields["paragraph"] not in paragraphs:
            raise stop("paragraph", f"unknown paragraph {fields['paragraph']!r}")
        section, paragraph = paragraphs[fields["paragraph"]]
        phrase, unit = fields["phrase"], fields["unit"]
        if phrase not in paragraph.raw:
            raise stop("phrase", f"the phrase is not in paragraph {paragraph.id}")
        if unit not in UNITS:
            raise stop("unit", f"unknown unit {unit!r} (known: {', '.join(sorted(u for u in UNITS if u))})")
        number = Decimal(str(record["value"]))
        places = [(w, at) for w, v, at in numbers_before(phrase, unit) if v == number]
        if not places:
            raise stop("value", f"the phrase does not hold the value {record['value']}{unit}")
        written = places[0]
        multiplier, default_en = UNITS[unit]
        unit_en = fields["unit_en"] or default_en
        if unit_en is None:
            raise stop("unit", f"{unit} is a counting word: give unit_en, the noun of what the English indicator counts")
        indicator_en = plain(fields["indicator_en"], english_names)  # as the reader sees it
        if unit_en not in MEASUREMENT_UNITS and not noun_in(unit_en, indicator_en):
            raise stop("unit_en" if fields["unit_en"] else "unit",
                       f"the unit {unit_en!r} is not what the indicator counts: it must occur as a word in "
                       f"{indicator_en!r} (singular or plural), or be a unit of measure ({', '.join(sorted(MEASUREMENT_UNITS - {''}))})")
        if fields["measure"] in PERCENT_MEASURES and unit_en != "%":
            raise stop("measure", f"a {fields['measure']} figure is in %, not in {unit_en or 'no unit'}")
        if fields["measure"] not in PERCENT_MEASURES | {"change"} and unit_en == "%":
            raise stop("measure", f"a figure in % is a growth, a share or a change, not a {fields['measure']}")
        qualifier_zh = ""
        if fields["qualifier"]:
            qualifier_zh, written = next(((word, place) for place in places
                                          if (word := _qualifier_word(phrase, place, unit, fields["qualifier"]))), ("", written))
            if not qualifier_zh:
                _, before, after = QUALIFIERS[fields["qualifier"]]
                raise stop("qualifier", f"the phrase has no {' / '.join(before + after)} next to {written[0]}{unit} "
                                        f"for the qualifier {fields['qualifier']!r}")
        if fields["estimate"] == "expected" and "预计" not in phrase:
            raise stop("estimate", "marked expected, but the phrase does not say 预计")
        value = plain_decimal(number * multiplier)
        if fields["duplicate_of"]:
            first = next((f for f in figures if f.id == fields["duplicate_of"]), None)
            if first is None:
                raise stop("duplicate_of", f"duplicate_of names no earlier record ({fields['duplicate_of']!r})")
            if (first.value, first.unit_en, first.period) != (value, unit_en, fields["period"]):
                raise stop("duplicate_of", f"{first.id} is {first.english_value} ({first.period}), not the same figure")
        if wrong := problem(fields["indicator_en"], glossary):
            raise stop("indicator_en", wrong)
        missing = untraced(without_references(fields["indicator_en"]), section_text(section), years)
        if missing:
            raise stop("indicator_en", f"{', '.join(missing)} in the English indicator does not occur in the section's Chinese text")
        estimate = fields["estimate"] or ("preliminary" if _preliminary(fields["kind"], fields["period"], delivered) else "")
        figures.append(Figure(id=fid, kind=fields["kind"], period=fields["period"], measure=fields["measure"],
                              indicator_zh=fields["indicator_zh"], indicator_en=indicator_en, value=value, unit_en=unit_en,
                              value_as_written=written[0], unit=unit, qualifier=fields["qualifier"], qualifier_zh=qualifier_zh,
                              estimate=estimate, duplicate_of=fields["duplicate_of"], section=section.id, paragraph=paragraph.id,
                              phrase=phrase, line=record.line))
    return tuple(figures)


def _qualifier_word(phrase: str, written: tuple[str, int], unit: str, qualifier: str) -> str:
    """The qualifier's Chinese word next to the figure: before the number, after the unit, or in the
    unit itself (5万余张)."""
    _, before, after = QUALIFIERS[qualifier]
    number, at = written
    phrase = unicodedata.normalize("NFKC", phrase)  # the positions are of this form (％ → %)
    unit = unicodedata.normalize("NFKC", unit)
    end = at + len(number) + len(unit)
    # a word before or after a list of figures qualifies each of them: 分别增长5%和6%左右, 分别达到99.5%、98.5%
    item = rf"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]+){re.escape(unit)}"
    end += re.match(rf"(?:[和、与及]{item})*", phrase[end:]).end()
    start = re.search(rf"(?:{item}[和、与及])*$", phrase[:at]).start()
    return (next((w for w in before if phrase[:start].endswith(w)), "")
            or next((w for w in after if phrase.startswith(w, end) or w in unit), ""))


def _preliminary(kind: str, period: str, delivered: str) -> bool:
    """A result of the year before the report, given in a report delivered in the first quarter: the
    year's statistical communiqué, with the final figures, comes later (in March or April)."""
    if not kind.startswith("result") or not delivered:
        return False
    year, month = int(delivered[:4]), int(delivered[5:7])
    return period[-4:] == str(year - 1) and month <= 3


def noun_in(noun: str, english: str) -> bool:
    """True when the noun occurs in the English as a word or words, its last word singular or plural
    ("industrial chains" in "Service-sector industrial chains promoted")."""
    *head, last = noun.lower().split(" ")
    stems = {last, last + "s", last + "es", last.removesuffix("s"), last.removesuffix("es")}
    if last.endswith("ies"):
        stems.add(last[:-3] + "y")
    if last.endswith("y"):
        stems.add(last[:-1] + "ies")
    words = "|".join(re.escape(" ".join([*head, s])) for s in sorted(stems) if s)
    return re.search(rf"(?<![\w-])(?:{words})(?![\w-])", english.lower()) is not None


def plain_decimal(value: Decimal) -> Decimal:
    """A whole number without exponent or trailing zeros (6.0381500E+11 → 603815000000)."""
    value = value.normalize()
    return value.quantize(Decimal(1)) if value == value.to_integral() else value


# ---------------------------------------------------------------------------------------------
# The rows of the downloads (figures.csv, figures.json), described by datapackage.json

FIGURE_FIELDS = (
    Field("id", "string", "Stable identifier of the record.", required=True, unique=True, pattern="^[a-z0-9][a-z0-9-]*$"),
    Field("kind", "string", "Where the report gives it: a 2026 target, a 2026–2030 target, a quantified 2026 commitment, "
          "a 2025 result or a 2021–2025 result.", required=True, enum=tuple(KINDS)),
    Field("period", "string", "The time the figure is of: a year, a span of years (2021–2025, with an en dash) or "
          "'end of 2025' for a stock at the end of the year.", required=True,
          pattern="^(20[0-9]{2}|20[0-9]{2}–20[0-9]{2}|end of 20[0-9]{2})$"),
    Field("measure", "string", "What kind of number it is: level (an amount in a unit of measure, an index or a ratio), "
          "count (things or people), growth (% over the year before), average annual growth (% a year over the span), "
          "average annual change (an average yearly increase), cumulative (a total over the span), share (a part or a "
          "rate, %), change (a rise or fall), rank (a place in a ranking).", required=True, enum=tuple(MEASURES)),
    Field("indicator_zh", "string", "The indicator in the report's words.", required=True),
    Field("indicator_en", "string", "The indicator in English.", required=True),
    Field("value", "number", "The value in base units: 亿 (100 million) and 万 (10,000) multiplied out (6038.15亿元 → "
          "603815000000); a percentage stays a percentage (5.5).", required=True),
    Field("unit_en", "string", "The base unit of value in English (yuan, %, percentage points, people, km, mu …), or the "
          "noun of what is counted (industrial chains, hospitals); empty for an index, a ratio or a rank."),
    Field("value_as_written", "string", "The number as the report writes it: digits (6038.15) or Chinese numerals "
          "(千 in 千亿级, 万 in 近万亿元).", required=True),
    Field("unit", "string", "The unit as the report writes it after the number (亿元, %, 万人, 个)."),
    Field("qualifier", "string", "The report's qualifier of the figure; empty for none.", enum=tuple(QUALIFIERS)),
    Field("qualifier_zh", "string", "The qualifier's Chinese word: 左右, 以上, 超, 余, 不少于, 突破, 达到, 近, 级, 以内 …"),
    Field("estimate", "string", "expected: the report says 预计 (expected); preliminary: a result of the year before the "
          "report, given before the year's statistical communiqué; empty: neither.", enum=("expected", "preliminary")),
    Field("duplicate_of", "string", "The id of the record that states the same figure first; empty for the first statement.",
          foreign_key="id"),
    Field("phrase", "string", "The exact Chinese words the figure is taken from.", required=True),
    Field("report_year", "integer", "The year of the report the figure comes from.", required=True),
    Field("paragraph", "string", "The paragraph id: the anchor on the section page.", required=True,
          pattern="^p[0-9]+-[a-z0-9-]+$"),
    Field("permalink", "string", "The paragraph's address on the Chinese section page.", required=True, format="uri"),
    Field("permalink_en", "string", "The same paragraph on the English section page, with its translation.", required=True,
          format="uri"),
)


def figure_rows(figures: tuple[Figure, ...], report_year: int, site_url: str) -> tuple[dict, ...]:
    """One row per figure, keyed by the names of FIGURE_FIELDS; empty text is None (an empty cell)."""
    base = site_url.rstrip("/") + "/"
    rows = []
    for f in figures:
        row = {"id": f.id, "kind": f.kind, "period": f.period, "measure": f.measure, "indicator_zh": f.indicator_zh,
               "indicator_en": f.indicator_en, "value": f.value, "unit_en": f.unit_en, "value_as_written": f.value_as_written,
               "unit": f.unit, "qualifier": f.qualifier, "qualifier_zh": f.qualifier_zh, "estimate": f.estimate,
               "duplicate_of": f.duplicate_of, "phrase": f.phrase, "report_year": report_year, "paragraph": f.paragraph,
               "permalink": f"{base}{f.section}/#{f.paragraph}", "permalink_en": f"{base}en/{f.section}/#{f.paragraph}"}
        rows.append({key: (None if value == "" else value) for key, value in row.items()})
    return tuple(rows)
