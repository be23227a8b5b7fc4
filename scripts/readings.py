"""The pinyin of glossary terms: pypinyin's reading, one tone convention, and seeds/readings.yml,
the reviewed reading of every term that holds a character with more than one reading.

pypinyin reads a character by its phrase dictionary or, failing that, by its most common reading,
so 乐 in 爱乐之城 comes out lè (joy) where it is yuè (music). A reviewed table of whole readings
is the simplest thing that is right: each heteronymous term is read once by a person and written
down, whether that confirms pypinyin or overrides it.

Tone convention: 一 and 不 carry their citation tones (yī, bù) in every term, never the changed
tones of speech (yí, bú), as the Basic rules of Hanyu Pinyin orthography (GB/T 16159-2012) write them.
"""

from __future__ import annotations

import json
import unicodedata
from importlib.metadata import version

from .cache import cached_text
from .errors import InputError
from .schemas import validate
from .sources import line_in

CITATION_TONES = {"一": ("yī", "yi"), "不": ("bù", "bu")}


def default_readings(terms: tuple[str, ...]) -> dict[str, str]:
    """term → pypinyin's reading with tones under the tone convention; made again only when the
    terms or pypinyin change, because loading pypinyin's phrase dictionaries takes longer than the
    rest of page generation."""
    return json.loads(cached_text("pinyin", (terms, version("pypinyin"), CITATION_TONES),
                                  lambda: json.dumps({t: _read(t) for t in terms}, ensure_ascii=False)))


def _read(term: str) -> str:
    from pypinyin import Style, pinyin  # imported only when the table is made

    syllables, at = [], 0
    for (reading,) in pinyin(term, style=Style.TONE, errors="default"):
        char = term[at] if at < len(term) else ""
        if _is_han(char):
            syllables.append(CITATION_TONES[char][0] if char in CITATION_TONES else reading)
            at += 1
        else:  # a run of other characters comes back whole (5+3, 2.0)
            syllables.append(reading)
            at += len(reading)
    return " ".join(syllables).strip()


def heteronyms(term: str) -> list[str]:
    """The characters of a term with more than one reading in pypinyin's dictionary, apart from
    those the tone convention settles."""
    from pypinyin import Style, pinyin

    return [c for c in dict.fromkeys(term) if _is_han(c) and c not in CITATION_TONES
            and len(pinyin(c, style=Style.TONE, heteronym=True)[0]) > 1]


def toneless(reading: str) -> str:
    """yuè → yue, lǜ → lv (pypinyin's plain style writes ü as v)."""
    reading = reading.replace("ü", "v").replace("ǖ", "v").replace("ǘ", "v").replace("ǚ", "v").replace("ǜ", "v")
    return "".join(c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c))


def parse_readings(data, name: str, defaults: dict[str, str]) -> dict[str, str]:
    """Check seeds/readings.yml against the glossary's terms and their default readings."""
    validate(data, name, "readings")
    readings = {}
    for term, reading in data.items():
        line = line_in(data, term)
        if term not in defaults:
            raise InputError(name, line, f"a reading for {term!r}, which is not a glossary term")
        reading = " ".join(reading.split())
        if len(reading.split()) != len(defaults[term].split()):
            raise InputError(name, line, f"{term}: {len(reading.split())} syllables for {len(defaults[term].split())} "
                                         f"(pypinyin reads it {defaults[term]!r})")
        for char, syllable in zip(_han_positions(term, defaults[term]), reading.split(), strict=True):
            if char in CITATION_TONES and syllable != CITATION_TONES[char][0]:
                raise InputError(name, line, f"{term}: {char} is written {CITATION_TONES[char][0]} (the citation tone), not {syllable}")
        readings[term] = reading
    return readings


def _han_positions(term: str, reading: str) -> list[str]:
    """The character behind each syllable of a default reading ("" for a run of other characters)."""
    chars, at = [], 0
    for syllable in reading.split():
        if at < len(term) and _is_han(term[at]):
            chars.append(term[at])
            at += 1
        else:
            chars.append("")
            at += len(syllable)
            while at < len(term) and term[at] == " ":
                at += 1
    return chars


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"
