"""What the search index of each language holds: the words search needs, without the page controls,
the link lists and the other language, and no zero-width space where the separator splits anyway."""

from __future__ import annotations

import json
import re

import pytest

from scripts.search_index import lean, mark_excluded

SEPARATOR = "[\\s\\u200b\\u3000\\-、。，．？！；]+"  # mkdocs.yml's search separator, as Material writes it


def _index(site, lang: str) -> dict:
    return json.loads((site / ("en/" if lang == "en" else "") / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_lean_keeps_a_zero_width_space_only_between_two_words():
    assert lean("<p>\u200b积极\u200b承接\u200b、\u200b省级\u200b</p>", SEPARATOR) == "<p>积极\u200b承接、省级</p>"


def test_lean_drops_a_paragraph_left_empty():
    assert lean("<p>五个一办</p> <p> </p>", SEPARATOR) == "<p>五个一办</p>"


def test_mark_excluded_marks_the_cite_control_and_text_in_the_other_language():
    html = '<p>正文 <button type="button" class="cite-button">引用</button> <span lang="en">English</span> <span lang="zh">中文</span></p>'
    marked = mark_excluded(html, "zh")
    assert '<button data-search-exclude="true" type="button" class="cite-button">' in marked
    assert '<span data-search-exclude="true" lang="en">' in marked
    assert '<span lang="zh">' in marked


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_index_holds_no_paragraph_controls(built_site, lang):
    control = re.compile({"zh": "(引用|¶)[\\s\u200b]*</p>", "en": "(Cite|¶)[\\s\u200b]*</p>"}[lang])
    texts = [doc["text"] for doc in _index(built_site, lang)["docs"] if "#p" in doc["location"]]
    assert texts and not [t for t in texts if control.search(t)]


def test_the_chinese_index_holds_no_english_glossary_note(built_site, site_data):
    entry = next(e for e in site_data.glossary if e.term == "五个一办")
    text = " ".join(doc["text"] for doc in _index(built_site, "zh")["docs"])
    assert entry.note.split(".")[0] not in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_glossary_entry_is_indexed_with_its_pinyin(built_site, site_data, lang):
    docs = [doc for doc in _index(built_site, lang)["docs"] if doc["location"].startswith("glossary/")]
    missing = [e.term for e in site_data.glossary
               if not any(e.pinyin_plain.replace(" ", "") in doc["text"] and "#" in doc["location"] for doc in docs)]
    assert not missing
