"""Every slogan, numbered formula and named programme the report quotes is in the glossary, or on
this short ignore list with the reason a reader would accept."""

from __future__ import annotations

import re

from tests.conftest import SEEDS

EXCLUDED_LINE = re.compile(r"^#   (?P<phrase>.+?) — (?P<reason>.+)$")


def excluded() -> dict[str, str]:
    """The phrases glossary.yml's closing comment judges not worth an entry, with the reasons."""
    lines = (SEEDS / "glossary.yml").read_text(encoding="utf-8").splitlines()
    return {m["phrase"]: m["reason"] for line in lines if (m := EXCLUDED_LINE.match(line))}


IGNORED = excluded()


def candidates(text: str) -> tuple[list[str], list[str]]:
    quoted = list(dict.fromkeys(re.findall(r"“([^“”]+)”", text)))
    numbered = list(dict.fromkeys(re.findall(r"(?<![一二三四五六七八九十两])[三四五六七八九十]大[\u4e00-\u9fff]{2,4}", text)))
    return quoted, numbered


def test_every_quoted_span_is_in_the_glossary_or_ignored(seed_text, site_data):
    terms = {e.term for e in site_data.glossary}
    quoted, _ = candidates(seed_text)
    assert len(quoted) > 150
    # a span is covered by a term that is the span, or holds it with its quotation marks (产业“五个一”)
    missing = [s for s in quoted if s not in terms and not any(f"“{s}”" in t for t in terms) and s not in IGNORED]
    assert missing == []


def test_every_numbered_formula_is_in_the_glossary_or_ignored(seed_text, site_data):
    terms = {e.term for e in site_data.glossary}
    _, numbered = candidates(seed_text)
    assert numbered
    missing = [n for n in numbered if not any(t in n or n in t for t in terms) and n not in IGNORED]
    assert missing == []


def test_the_exclusions_name_only_what_the_report_has(seed_text):
    assert len(IGNORED) > 100
    assert [phrase for phrase in IGNORED if phrase not in seed_text] == []


def test_every_exclusion_gives_a_reason():
    assert all(reason.strip() for reason in IGNORED.values())


def test_related_entries_point_both_ways(site_data):
    by_term = {e.term: e for e in site_data.glossary}
    for a, b in [("五个一办", "一日办"), ("五个一办", "一周办"), ("五个一办", "一月办"), ("四主四市", "四主四区"),
                 ("城市大脑", "城市大脑2.0")]:
        assert b in by_term[a].related and a in by_term[b].related, (a, b)
