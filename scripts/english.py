"""English text written for the site (summaries, translation, investors page, figure labels):
glossary references and the rules every such text keeps.

A slogan is written as a reference to its glossary entry, `[[四主四市]]`. The page shows the
glossary's one English name for it, with the Chinese term and the note in a tooltip, so a term has
the same English everywhere and the prose carries no Chinese.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

REF = re.compile(r"\[\[([^\[\]\n]+)\]\]")
HAN = re.compile(r"[\u3400-\u9fff]")


def references(text: str) -> list[str]:
    return REF.findall(text)


def without_references(text: str) -> str:
    """The author's own words: what the figure check and the rendering checks read (a reference's
    English comes from the glossary, which is checked there)."""
    return REF.sub(" ", text)


def plain(text: str, english: dict[str, str]) -> str:
    """The text as a reader sees it, references replaced by their English (for page descriptions
    and word counts)."""
    return REF.sub(lambda m: english.get(m.group(1), m.group(1)), text)


def problem(text: str, entries: Iterable) -> str | None:
    """The first breach of the one-name rule in an English text, or None: a reference to a term the
    glossary lacks, a glossary term written in Chinese instead of referenced, or a rejected rendering."""
    names = _names(entries)
    for term in references(text):
        if term not in names.english:
            return f"[[{term}]] is not a glossary term"
    own = without_references(text)
    if HAN.search(own) and (found := names.chinese.search(own)):
        term = found.group(0)
        return f"the glossary term {term} is written in Chinese; write [[{term}]] to use its English name"
    if names.rejected and (found := names.rejected.search(own)):
        term = names.rejected_of[found.group(0)]
        return f"{found.group(0)!r} is a rejected rendering of {term}; write [[{term}]] ({names.english[term]})"
    return None


@dataclass(frozen=True)
class _Names:
    english: dict[str, str]
    chinese: re.Pattern  # any glossary term, longest first
    rejected: re.Pattern | None  # any rejected rendering, as whole words
    rejected_of: dict[str, str]


_NAMES: dict[int, tuple[object, _Names]] = {}


def _names(entries) -> _Names:
    """The glossary's names and patterns, made once per glossary (the build checks hundreds of texts
    against the same one)."""
    hit = _NAMES.get(id(entries))
    if hit and hit[0] is entries:
        return hit[1]
    given, entries = entries, tuple(entries)
    english = {e.term: e.english for e in entries}
    rejected_of = {r: e.term for e in entries for r in e.rejected}
    by_length = sorted(rejected_of, key=len, reverse=True)
    names = _Names(
        english=english,
        chinese=re.compile("|".join(map(re.escape, sorted(english, key=len, reverse=True))) or "(?!)"),
        rejected=re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, by_length)) + r")(?![\w-])") if by_length else None,
        rejected_of=rejected_of,
    )
    _NAMES[id(given)] = (given, names)
    return names
