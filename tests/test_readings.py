"""The glossary's pinyin: every term with a character of more than one reading has been read by a
person (seeds/readings.yml), overrides win over pypinyin, and 一 keeps its citation tone."""

from __future__ import annotations

import pytest

from scripts.readings import _han_positions, heteronyms, toneless
from scripts.sources import read_yaml
from tests.conftest import SEEDS, build_error, copy_seeds, edit_seed, line_with


def test_every_term_with_a_heteronym_has_a_reviewed_reading(site_data):
    reviewed = read_yaml(SEEDS / "readings.yml")
    unread = [e.term for e in site_data.glossary if heteronyms(e.term) and e.term not in reviewed]
    assert unread == []


def test_the_list_of_heteronymous_terms_is_not_empty(site_data):
    # the check above would pass vacuously if pypinyin reported no heteronyms
    assert len([e for e in site_data.glossary if heteronyms(e.term)]) > 100
    assert "乐" in heteronyms("爱乐之城")


@pytest.mark.parametrize(("term", "reading"), [("爱乐之城", "ài yuè zhī chéng"), ("五连冠", "wǔ lián guàn"),
                                               ("九连冠", "jiǔ lián guàn")])
def test_an_override_wins_over_pypinyin(site_data, term, reading):
    entry = next(e for e in site_data.glossary if e.term == term)
    assert entry.pinyin == reading
    assert entry.pinyin_plain == toneless(reading)


def test_yi_keeps_its_citation_tone_in_every_term(site_data):
    for entry in site_data.glossary:
        chars = _han_positions(entry.term, entry.pinyin)
        for char, syllable in zip(chars, entry.pinyin.split(), strict=True):
            if char == "一":
                assert syllable == "yī", entry.term


def test_toneless_pinyin_writes_u_umlaut_as_v():
    assert toneless("lǚ yóu") == "lv you" and toneless("ài yuè") == "ai yue"



def test_a_reading_for_a_term_that_is_not_in_the_glossary_names_its_line(tmp_path):
    seeds = copy_seeds(tmp_path)
    edit_seed(seeds, "readings.yml", '"五连冠": "wǔ lián guàn"', '"五连冠": "wǔ lián guàn"\n"六连冠": "liù lián guàn"')
    error = build_error(seeds)
    assert error.path == str(seeds / "readings.yml") and error.line == line_with(seeds / "readings.yml", "六连冠")
    assert "not a glossary term" in error.message


def test_a_reading_with_the_wrong_number_of_syllables_is_an_error(tmp_path):
    seeds = copy_seeds(tmp_path)
    edit_seed(seeds, "readings.yml", '"五连冠": "wǔ lián guàn"', '"五连冠": "wǔ liánguàn"')
    assert "2 syllables for 3" in str(build_error(seeds))


def test_a_sandhi_tone_on_yi_is_an_error(tmp_path):
    seeds = copy_seeds(tmp_path)
    edit_seed(seeds, "readings.yml", '"一月办": "yī yuè bàn"', '"一月办": "yí yuè bàn"')
    assert "一 is written yī (the citation tone), not yí" in str(build_error(seeds))
