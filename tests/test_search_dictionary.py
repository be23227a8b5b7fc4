"""The search index is segmented with a cut of jieba's dictionary (scripts/search_dictionary.py)."""

from __future__ import annotations

import json
import logging

import jieba
from backrefs import bre

from scripts.search_dictionary import DROPPED_WORDS, FILE, cut_dictionary

DICTIONARY = "贵阳 900 ns\n贵阳市 500 ns\n大数据 800 n\n数据 700 n\n深圳 600 ns\n"


def test_cut_dictionary_keeps_the_words_inside_the_runs_in_their_order():
    lines = cut_dictionary(DICTIONARY, ["发展大数据", "贵阳市"]).splitlines()
    assert lines[:-1] == ["贵阳 900 ns", "贵阳市 500 ns", "大数据 800 n", "数据 700 n"]


def test_cut_dictionary_keeps_the_sum_of_the_frequencies():
    lines = cut_dictionary(DICTIONARY, ["贵阳"]).splitlines()
    assert lines == ["贵阳 900 ns", f"{DROPPED_WORDS} {500 + 800 + 700 + 600}"]


# A segmented run in the index: its words joined by zero-width spaces (Material's search plugin).
SEGMENTED = bre.compile("\u200b?(?:\\p{script: Han}+\u200b?)+")


def test_the_built_search_index_is_segmented_as_with_jiebas_full_dictionary(built_site):
    jieba.setLogLevel(logging.WARNING)
    full = jieba.Tokenizer()  # jieba's default dictionary
    runs = differ = 0
    for index in (built_site / "search" / "search_index.json", built_site / "en" / "search" / "search_index.json"):
        for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]:
            for match in SEGMENTED.finditer(doc["title"] + "\n" + doc["text"]):
                words = [w for w in match.group(0).split("\u200b") if w]
                runs += 1
                differ += list(full.cut("".join(words))) != words
    assert runs > 5000  # the Chinese pages are indexed, segmented
    assert differ == 0


def test_the_mkdocs_hook_hands_the_pages_dictionary_to_jieba(tmp_path):
    from scripts import mkdocs_hooks

    dictionary = tmp_path / FILE
    dictionary.write_text(cut_dictionary(DICTIONARY, ["贵阳"]), encoding="utf-8")
    try:
        mkdocs_hooks._use_search_dictionary(tmp_path)
        assert jieba.dt.dictionary == str(dictionary)
        assert list(jieba.cut("贵阳")) == ["贵阳"]
    finally:
        jieba.dt.__init__()  # back to jieba's default dictionary (set_dictionary takes only a path)


def test_the_dictionary_is_not_published(built_site):
    assert not list(built_site.rglob(FILE))
