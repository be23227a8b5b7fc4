"""seeds/figures.yml: one record per figure the report gives, each tied to the exact Chinese phrase
and paragraph it comes from; and the CSV and JSON downloads made from them."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import asdict, dataclass
from decimal import Decimal

from .english import plain, problem, without_references
from .errors import InputError
from .model import Report, section_text
from .numbers import report_years, untraced
from .schemas import validate
from .sources import line_in, text

KINDS = {
    "target-2026": ("2026年目标", "Targets for 2026"),
    "target-2026-2030": ("“十五五”时期目标（2026—2030年）", "Targets for 2026–2030 (15th Five-Year Plan period)"),
    "project-2026": ("2026年重点工作中的量化任务", "Quantified commitments for 2026"),
    "result-2025": ("2025年成绩", "Results of 2025"),
    "result-2021-2025": ("“十四五”时期成绩（2021—2025年）", "Results of 2021–2025 (14th Five-Year Plan period)"),
}
QUALIFIERS = {"": ("", ""), "about": ("左右", "about"), "over": ("以上", "over"), "at least": ("不少于", "at least"),
              "exceed": ("突破", "exceeding"), "reach": ("达到", "reaching"), "nearly": ("近", "nearly")}
FIELDS = ("id", "kind", "indicator_zh", "indicator_en", "value", "unit", "qualifier", "section", "paragraph", "phrase")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
# How a Chinese unit reads in English: (multiplier, English unit). Units not listed keep their
# Chinese form in English tables beside the converted number.
UNITS_EN = {
    "%": (1, "%"), "％": (1, "%"), "个百分点": (1, "percentage points"), "亿元": (10**8, "yuan"), "万元": (10**4, "yuan"),
    "元": (1, "yuan"), "万人": (10**4, "people"), "人": (1, "people"), "万人次": (10**4, "visits"), "人次": (1, "visits"),
    "万亩": (10**4, "mu"), "亩": (1, "mu"), "万户": (10**4, "households/entities"), "户": (1, "firms"), "家": (1, "firms"),
    "个": (1, ""), "万个": (10**4, ""), "辆": (1, "vehicles"), "万辆": (10**4, "vehicles"), "公里": (1, "km"),
    "平方公里": (1, "km²"), "Eflops": (1, "EFLOPS"), "万Gbps": (10**4, "Gbps"), "场": (1, "events"), "条": (1, "lanes"),
    "所": (1, "schools/institutions"), "套": (1, "units"), "万套": (10**4, "units"), "栋": (1, "buildings"), "名": (1, "people"),
    "岁": (1, "years"), "张": (1, ""), "座": (1, ""), "亿立方米": (10**8, "m³"), "万张": (10**4, ""),
    "万余张": (10**4, ""), "万名": (10**4, "people"), "万栋": (10**4, "buildings"), "场次": (1, "events"),
    "向": (1, "directions"), "年": (1, "years"), "位": (1, ""), "": (1, ""),
}


@dataclass(frozen=True)
class Figure:
    id: str
    kind: str
    indicator_zh: str
    indicator_en: str
    value: str  # as written in the report (6038.15)
    unit: str  # as written after it (亿元)
    qualifier: str
    section: str
    paragraph: str
    phrase: str
    line: int = 0

    @property
    def english_value(self) -> str:
        """The figure in English units: 6038.15 亿元 → 603.815 billion yuan; unknown units stay."""
        multiplier, unit = UNITS_EN.get(self.unit, (1, self.unit))
        return _format(Decimal(self.value) * multiplier, unit)


def _format(value: Decimal, unit: str) -> str:
    for size, word in ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million")):
        if value >= size and unit in ("yuan", "m³"):
            return f"{_plain(value / size)} {word} {unit}"
    number = _plain(value)
    if unit in ("%",):
        return f"{number}%"
    return f"{number} {unit}".strip()


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    whole, _, fraction = text.partition(".")
    whole = f"{int(whole):,}"
    return f"{whole}.{fraction}" if fraction else whole


def parse_figures(data, name: str, report: Report, full_text: str, glossary: tuple = ()) -> tuple[Figure, ...]:
    validate(data, name, "figures")
    paragraphs = {p.id: (s, p) for s in report.sections for p in s.paragraphs}
    years = report_years(full_text)
    seen: dict[str, int] = {}
    figures = []
    for record in data:
        fid = text(record, "id")
        what = f"figure {fid!r}"
        if fid in seen:
            raise InputError(name, line_in(record, "id"), f"duplicate figure id {fid!r} (first on line {seen[fid]})")
        seen[fid] = line_in(record, "id")
        fields = {key: text(record, key) for key in ("kind", "indicator_zh", "indicator_en", "unit", "qualifier", "paragraph", "phrase")}
        value = record["value"]
        number = Decimal(str(value))
        if fields["paragraph"] not in paragraphs:
            raise InputError(name, line_in(record, "paragraph"), f"{what}: unknown paragraph {fields['paragraph']!r}")
        section, paragraph = paragraphs[fields["paragraph"]]
        if fields["phrase"] not in paragraph.raw:
            raise InputError(name, line_in(record, "phrase"), f"{what}: the phrase is not in paragraph {paragraph.id}")
        written = _value_in_phrase(fields["phrase"], number, fields["unit"])
        if written is None:
            raise InputError(name, line_in(record, "value"),
                             f"{what}: the phrase does not hold the value {value}{fields['unit']}")
        if wrong := problem(fields["indicator_en"], glossary):
            raise InputError(name, line_in(record, "indicator_en"), f"{what}: {wrong}")
        missing = untraced(without_references(fields["indicator_en"]), section_text(section), years)
        if missing:
            raise InputError(name, line_in(record, "indicator_en"),
                             f"{what}: {', '.join(missing)} in the English indicator does not occur in the section's Chinese text")
        # tables, chart and downloads show the glossary's English name of a referenced term
        indicator_en = plain(fields["indicator_en"], {e.term: e.english for e in glossary})
        figures.append(Figure(id=fid, kind=fields["kind"], indicator_zh=fields["indicator_zh"], indicator_en=indicator_en,
                              value=written, unit=fields["unit"], qualifier=fields["qualifier"], section=section.id,
                              paragraph=paragraph.id, phrase=fields["phrase"], line=record.line))
    return tuple(figures)


def _value_in_phrase(phrase: str, number: Decimal, unit: str) -> str | None:
    """The number as the phrase writes it, when it is followed by the unit; None if it is not there."""
    for m in NUMBER.finditer(phrase):
        if Decimal(m.group(0)) == number and phrase.startswith(unit, m.end()):
            return m.group(0)
    return None


# ---------------------------------------------------------------------------------------------
# Downloads

def figures_csv(figures: tuple[Figure, ...]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*FIELDS, "value_en"])
    for f in figures:
        row = asdict(f)
        writer.writerow([row[key] for key in FIELDS] + [f.english_value])
    return out.getvalue()


def figures_json(figures: tuple[Figure, ...]) -> str:
    records = [{**{key: getattr(f, key) for key in FIELDS}, "value_en": f.english_value} for f in figures]
    return json.dumps({"fields": FIELD_DOCS, "figures": records}, ensure_ascii=False, indent=1) + "\n"


FIELD_DOCS = {
    "id": "stable identifier of the record",
    "kind": "target-2026 | target-2026-2030 | project-2026 | result-2025 | result-2021-2025",
    "indicator_zh": "the indicator in the report's words",
    "indicator_en": "the indicator in English",
    "value": "the number exactly as the report writes it (text, to keep its precision)",
    "unit": "the unit exactly as the report writes it after the number (亿元 = 100 million yuan, 万 = 10,000)",
    "qualifier": "about (左右) | over (以上) | at least | exceed (突破) | reach (达到) | nearly (近) | empty",
    "section": "the section page it comes from (path under the site root)",
    "paragraph": "the paragraph id: the anchor on that page",
    "phrase": "the exact Chinese words the figure is taken from",
    "value_en": "the value converted to English units (亿 and 万 multiplied out)",
}
