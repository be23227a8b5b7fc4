"""English text written for the site (summaries, translation, investors page, figure labels):
glossary references and the rules every such text keeps.

A slogan is written as a reference to its glossary entry, `[[四主四市]]`. The page shows the
glossary's one English name for it, with the Chinese term and the note in a tooltip, so a term has
the same English everywhere and the prose carries no Chinese.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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
    by_term = {e.term: e for e in entries}
    for term in references(text):
        if term not in by_term:
            return f"[[{term}]] is not a glossary term"
    own = without_references(text)
    if HAN.search(own):
        term = next((t for t in sorted(by_term, key=len, reverse=True) if t in own), None)
        if term:
            return f"the glossary term {term} is written in Chinese; write [[{term}]] to use its English name"
    for entry in by_term.values():
        for rendering in entry.rejected:
            if re.search(rf"(?<![\w-]){re.escape(rendering)}(?![\w-])", own):
                return f"{rendering!r} is a rejected rendering of {entry.term}; write [[{entry.term}]] ({entry.english})"
    return None
