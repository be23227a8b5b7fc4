"""seeds/translation.en.yml: the English of every paragraph of the report, keyed by paragraph id.

The build refuses a translation that leaves a paragraph out, gives a lead sentence where the
paragraph has none (or none where it has one), names a glossary term other than by its reference,
or writes a figure that is not in the paragraph's Chinese (a derived figure passes only through a
declared conversion whose arithmetic holds, see numbers.derived_figures).
"""

from __future__ import annotations

from dataclasses import dataclass

from .english import problem, references, without_references
from .errors import InputError
from .glossary import find_terms, matcher
from .model import Report
from .numbers import derived_figures, report_years, untraced
from .schemas import validate
from .sources import line_in


@dataclass(frozen=True)
class Rendering:
    """The English of one paragraph: its lead sentence (a heading) and the rest."""

    paragraph: str
    lead: str
    text: str
    line: int = 0


def parse_translation(data, name: str, report: Report, full_text: str, glossary: tuple = ()) -> dict[str, Rendering]:
    validate(data, name, "translation")
    paragraphs = {p.id: p for p in report.paragraphs}
    years = report_years(full_text)
    pattern = matcher(e.term for e in glossary)
    result: dict[str, Rendering] = {}
    for pid, value in data.items():
        line = line_in(data, pid)
        if pid not in paragraphs:
            raise InputError(name, line, f"English for {pid!r}, which is not a paragraph of the report")
        par = paragraphs[pid]
        lead, body = (value.get("lead", "").strip(), value["text"].strip()) if isinstance(value, dict) else ("", value.strip())
        if par.lead and not lead:
            raise InputError(name, line, f"{pid}: the paragraph opens with a lead sentence ({par.lead}); give {{lead, text}}")
        if lead and not par.lead:
            raise InputError(name, line, f"{pid}: the paragraph has no lead sentence; give its English as plain text")
        english = f"{lead}\n{body}"
        if wrong := problem(english, glossary):
            raise InputError(name, line, f"{pid}: {wrong}")
        named = set(references(english))
        for term in dict.fromkeys(t for _, _, t in find_terms(par.raw, pattern)):
            if term not in named:
                raise InputError(name, line, f"{pid}: the Chinese uses {term}; write [[{term}]] so the English gives its glossary name")
        checked, wrong_sums = derived_figures(without_references(english))
        if wrong_sums:
            raise InputError(name, line, f"{pid}: {wrong_sums[0]}")
        if missing := untraced(checked, par.raw, years):
            raise InputError(name, line, f"{pid}: {', '.join(missing)} does not occur in the paragraph's Chinese")
        result[pid] = Rendering(pid, lead, body, line)
    for par in report.paragraphs:
        if par.id not in result:
            raise InputError(name, line_in(data), f"no English for paragraph {par.id} ({par.raw[:20]}…)")
    return result
