"""The English edition: every paragraph translated, one English name per term, plain sentences,
few Chinese insertions on English pages, figures traced (derived ones only through a declared
conversion whose arithmetic holds)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from scripts.english import plain, problem
from scripts.numbers import derived_figures
from tests.conftest import build_error, copy_seeds, edit_seed, line_with

MAX_WORDS = 45
# Sentences allowed over MAX_WORDS, each with the reason it cannot be split: the one reviewed
# place for exceptions (none so far).
LONG_SENTENCE_EXCEPTIONS: dict[str, str] = {}
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z\"“'‘(\[0-9])")


def sentences(text: str) -> list[str]:
    return [s.strip() for paragraph in text.split("\n") for s in SENTENCE_END.split(paragraph) if s.strip()]


def english_names(site) -> dict[str, str]:
    return {e.term: e.english for e in site.glossary}


def test_every_paragraph_has_its_english(site_data, report):
    assert set(site_data.translation) == {p.id for p in report.paragraphs}
    assert all(r.text for r in site_data.translation.values())


def test_every_lead_sentence_has_its_english(site_data, report):
    assert [p.id for p in report.paragraphs if p.lead and not site_data.translation[p.id].lead] == []


def _texts(site):
    """(where, English as a reader sees it) for the summaries and the translation."""
    names = english_names(site)
    for section_id, summary in site.summaries.items():
        yield f"{section_id} summary", plain(summary.summary, names)
        for i, point in enumerate(summary.points, 1):
            yield f"{section_id} point {i}", plain(point, names)
    for pid, rendering in site.translation.items():
        yield f"{pid} lead", plain(rendering.lead, names)
        yield pid, plain(rendering.text, names)


def test_no_sentence_of_the_summaries_or_the_translation_is_over_45_words(site_data):
    long = [(where, len(s.split()), s[:60]) for where, text in _texts(site_data) for s in sentences(text)
            if len(s.split()) > MAX_WORDS and s not in LONG_SENTENCE_EXCEPTIONS]
    assert long == []


def test_the_sentence_count_sees_long_sentences():
    assert max(len(s.split()) for s in sentences("Short one. " + "word " * 50 + "end.")) > MAX_WORDS
    assert sentences("It grew 5.5%. We will act.") == ["It grew 5.5%.", "We will act."]


def test_the_translation_is_not_a_summary(site_data, report):
    # English runs to at least half as many words as the Chinese has characters, paragraph by paragraph
    names = english_names(site_data)
    short = [p.id for p in report.paragraphs
             if len(plain(site_data.translation[p.id].text, names).split()) < len(re.findall(r"[\u4e00-\u9fff]", p.text)) / 4]
    assert short == []


# ---------------------------------------------------------------------------------------------
# One English name per term


def test_a_rejected_rendering_is_refused(site_data):
    entry = next(e for e in site_data.glossary if e.rejected)
    assert "rejected rendering" in problem(f"We will pursue the {entry.rejected[0]} with vigour.", site_data.glossary)
    assert problem(f"We will pursue [[{entry.term}]] with vigour.", site_data.glossary) is None


def test_a_glossary_term_in_chinese_is_refused(site_data):
    assert "write [[五帮]]" in problem("The Five Helps (五帮) campaign will continue.", site_data.glossary)


def test_an_unknown_reference_is_refused(site_data):
    assert "not a glossary term" in problem("We will pursue [[九帮]].", site_data.glossary)



def test_a_summary_with_a_second_rendering_stops_the_build(tmp_path):
    seeds = copy_seeds(tmp_path)
    edit_seed(seeds, "summaries.en.yml", "  - \"Overnight tourist visits up 7%", "  - \"Six Shuang experiences; overnight tourist visits up 7%")
    error = build_error(seeds)
    assert error.line == line_with(seeds / "summaries.en.yml", "Six Shuang") and "rejected rendering of 六爽" in error.message


def test_a_paragraph_without_english_stops_the_build(tmp_path):
    seeds = copy_seeds(tmp_path)
    path = seeds / "translation.en.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("\np3-closing-1:")
    path.write_text(text[:start + 1], encoding="utf-8")
    error = build_error(seeds)
    assert error.path == str(path) and "no English for paragraph p3-closing-1" in error.message


def test_english_that_skips_a_glossary_term_of_its_paragraph_stops_the_build(tmp_path):
    seeds = copy_seeds(tmp_path)
    path = seeds / "translation.en.yml"
    text = path.read_text(encoding="utf-8")
    assert "[[全国统一大市场]]" in text
    path.write_text(text.replace("[[全国统一大市场]]", "a unified national market", 1), encoding="utf-8")
    error = build_error(seeds)
    assert "the Chinese uses 全国统一大市场; write [[全国统一大市场]]" in error.message and error.line


def test_an_untraced_figure_in_the_translation_stops_the_build(tmp_path):
    seeds = copy_seeds(tmp_path)
    edit_seed(seeds, "translation.en.yml", "about 5.5%", "about 5.7%")
    assert "does not occur in the paragraph's Chinese" in build_error(seeds).message


def test_a_wrong_conversion_to_hectares_stops_the_build(tmp_path):
    seeds = copy_seeds(tmp_path)
    edit_seed(seeds, "translation.en.yml", "1.35 million mu (90,000 hectares)", "1.35 million mu (95,000 hectares)")
    assert "1,350,000 mu is 90,000 hectares" in build_error(seeds).message


@pytest.mark.parametrize(("english", "wrong"), [
    ("1.35 million mu (90,000 hectares)", False),
    ("1.35 million mu (95,000 hectares)", True),
    ("474,000 mu (31,600 hectares)", False),
    ("10,000 mu (about 667 hectares)", False),
    ("10,000 mu (667 hectares)", True),  # rounded without saying so
    ("10,000 mu (about 800 hectares)", True),
])
def test_a_hectare_figure_must_be_the_mu_figure_divided_by_15(english, wrong):
    checked, errors = derived_figures(english)
    assert bool(errors) == wrong
    assert "hectares" not in checked  # the derived figure is not traced; its mu figure is


# ---------------------------------------------------------------------------------------------
# Chinese insertions on the English pages (built site)

ORIGINAL_VIEWS = {"zh-original", "paragraph-other", "chinese-original"}  # quoted Chinese, not insertions
NOT_PROSE = {"script", "style", "nav", "header", "footer", "pre", "code"}
VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "col", "area", "base", "embed", "param", "track"}
HAN_RUN = re.compile(r"[\u3400-\u9fff][\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”·、，。]*")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")


class Prose(HTMLParser):
    """The English prose of a page's article: its words, and the runs of Chinese in it outside the
    Chinese-original views (attributes, such as tooltips, are not text)."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, bool, bool]] = []
        self.words = 0
        self.insertions: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        self.stack.append((tag, tag == "article", bool(classes & ORIGINAL_VIEWS) or tag in NOT_PROSE))

    def handle_endtag(self, tag):
        if tag in VOID:  # <br/> reaches here too
            return
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if any(a for _, a, _ in self.stack) and not any(s for _, _, s in self.stack):
            self.insertions += HAN_RUN.findall(data)
            self.words += len(WORD.findall(data))


def prose(html: str) -> Prose:
    parser = Prose()
    parser.feed(html)
    return parser


def test_the_insertion_count_sees_chinese_in_prose_and_not_in_original_views():
    counted = prose('<article><p>We will pursue the 五帮 campaign <span class="zh-original">五帮</span>'
                    '<abbr title="五帮">Five Helps</abbr>.</p></article>')
    assert counted.insertions == ["五帮"] and counted.words == 7


def test_english_pages_have_at_most_one_chinese_insertion_per_150_words(built_site):
    pages = sorted(built_site.glob("en/**/index.html"))
    assert len(pages) > 30
    dense = {}
    for page in pages:
        counted = prose(page.read_text(encoding="utf-8"))
        if len(counted.insertions) * 150 > max(counted.words, 150):
            dense[str(page.relative_to(built_site))] = (len(counted.insertions), counted.words, counted.insertions[:5])
    assert dense == {}


def test_every_summary_is_at_most_150_words(site_data):
    names = english_names(site_data)
    long = {sid: n for sid, s in site_data.summaries.items() if (n := len(plain(s.summary, names).split())) > 150}
    assert long == {}
