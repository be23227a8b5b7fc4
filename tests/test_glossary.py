"""The glossary: entry checks with file and line, the CJK-aware matcher, the Markdown extension."""

from __future__ import annotations

import re

import markdown
import pytest

from scripts.english import without_references
from scripts.glossary import Entry, find_terms, matcher, with_pinyin
from scripts.glossary_markdown import GlossaryExtension
from tests.conftest import build_error, copy_seeds, edit_seed


def entry(term: str, english: str = "X", note: str = "A note.") -> Entry:
    return with_pinyin([Entry(term=term, english=english, note=note, evidence="not-defined", literal="x")])[0]


TERMS = ["五个一", "五个一办", "城市大脑", "城市大脑2.0", "三公", "三公一透明", "人工智能+", "人工智能+政务服务", "营商环境"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("持续优化营商环境，", ["营商环境"]),
        ("深化“五个一办”", ["五个一办"]),
        ("产业“五个一”行动", ["五个一"]),
        ("深化“城市大脑2.0”建设", ["城市大脑2.0"]),
        ("“城市大脑”初步实现", ["城市大脑"]),
        ("维护“三公一透明”竞争秩序", ["三公一透明"]),
        ("“三公”经费压减", ["三公"]),
        ("推进“人工智能+政务服务”", ["人工智能+政务服务"]),
        ("实施“人工智能+”行动", ["人工智能+"]),
    ],
)
def test_longest_term_wins_and_terms_between_han_characters_match(text, found):
    assert [t for _, _, t in find_terms(text, matcher(TERMS))] == found


def render(text: str, page: str = "zh/tasks/x.md") -> str:
    ext = GlossaryExtension.from_entries(tuple(entry(t, note="Note <b>bold</b> & more. Second.") for t in TERMS))
    ext.page_src = page
    return markdown.markdown(text, extensions=["attr_list", ext])


def test_every_occurrence_gets_a_tooltip_and_the_first_a_link():
    html = render("优化营商环境，改善营商环境。")
    assert html.count('<abbr class="glossary-term"') == 2
    assert html.count('href="../glossary.md#ying-shang-huan-jing"') == 1  # the default page of an entry


def test_terms_in_headings_links_and_code_are_left_alone():
    html = render("## 营商环境\n\n[营商环境](x.md) `营商环境`\n")
    assert "<abbr" not in html


def test_a_reference_shows_the_english_name_with_the_chinese_in_its_tooltip():
    html = render("We will improve the [[营商环境]] and the [[营商环境]] again.", page="en/tasks/x.md")
    assert 'data-term' not in html and html.count("<abbr") == 2
    assert html.count('href="../glossary.md#ying-shang-huan-jing"') == 1
    assert 'title="营商环境 (yíng shāng huán jìng) — Note' in html


def test_a_reference_in_a_heading_gets_its_tooltip_but_no_link():
    html = render("### On the [[营商环境]]\n\nText.", page="en/tasks/x.md")
    heading = html.split("</h3>")[0]
    assert "<abbr" in heading and 'title="营商环境' in heading and "<a " not in heading and "data-term" not in html


def test_html_in_a_note_is_escaped():
    html = render("营商环境")
    assert "Note &lt;b&gt;bold&lt;/b&gt; &amp; more." in html and "<b>" not in html


def test_glossary_pages_themselves_link_nowhere():
    assert "glossary.md#" not in render("营商环境", page="zh/glossary/business-environment.md")



def _line(seeds, error) -> str:
    return (seeds / "glossary.yml").read_text(encoding="utf-8").splitlines()[error.line - 1]


def test_a_term_not_in_the_report_is_an_error_with_its_line(tmp_path):
    seeds = copy_seeds(tmp_path)
    edit_seed(seeds, "glossary.yml", "- term: 四主四区\n", "- term: 四主五区\n")
    error = build_error(seeds)
    assert "term '四主五区' does not occur in the report" in str(error)
    assert "四主五区" in _line(seeds, error)


def test_a_duplicate_term_is_an_error(tmp_path):
    seeds = copy_seeds(tmp_path)
    edit_seed(seeds, "glossary.yml", "- term: 四主四区\n", "- term: 四主四市\n")
    assert "duplicate term '四主四市'" in str(build_error(seeds))


def test_an_entry_without_english_is_an_error(tmp_path):
    seeds = copy_seeds(tmp_path)
    edit_seed(seeds, "glossary.yml", "  english: Four Mains, Four Districts\n", "")
    assert "missing key 'english'" in str(build_error(seeds))


def test_an_expansion_without_evidence_is_an_error(tmp_path):
    seeds = copy_seeds(tmp_path)
    edit_seed(seeds, "glossary.yml", "  evidence: not-defined\n  literal: four \"mains\"", "  items: [{zh: 甲, en: a}]\n  evidence: not-defined\n  literal: four \"mains\"")
    assert "not-defined needs a literal rendering and gives no items: remove 'items'" in str(build_error(seeds))


def test_an_in_text_sentence_that_is_not_in_the_report_is_an_error(tmp_path):
    seeds = copy_seeds(tmp_path)
    text = (seeds / "glossary.yml").read_text(encoding="utf-8")
    start = text.index("  sentence: ")
    end = text.index("\n", start)
    (seeds / "glossary.yml").write_text(text[:start] + "  sentence: 报告里没有这句话" + text[end:], encoding="utf-8")
    error = build_error(seeds)
    assert "the sentence is not in the report" in str(error) and "报告里没有这句话" in _line(seeds, error)


def test_every_entry_has_evidence_or_says_it_is_not_defined(site_data):
    for e in site_data.glossary:
        assert ((e.evidence == "not-defined" and e.literal and not e.items) or (e.items and (e.sentence or e.source))
                or (e.evidence == "earlier-report" and e.earlier and e.earlier.items))


def test_related_entries_link_both_ways_for_the_named_pairs(site_data):
    by_term = {e.term: e for e in site_data.glossary}
    assert {"一日办", "一周办", "一月办"} <= set(by_term["五个一办"].related)
    assert "四主四区" in by_term["四主四市"].related
    assert "城市大脑2.0" in by_term["城市大脑"].related


def test_pinyin_is_generated_with_and_without_tones(site_data):
    e = next(e for e in site_data.glossary if e.term == "五个一办")
    assert e.pinyin == "wǔ gè yī bàn" and e.pinyin_plain == "wu ge yi ban"


# ---------------------------------------------------------------------------------------------
# One evidence rule (README: "Evidence for what a term stands for"): an entry whose meaning the
# report's own words give is in-text, so a not-defined entry never quotes the report as its definition.

DEFINING = re.compile(r"\b(?:the report (?:defines|explains|spells out|lists its (?:items|components))|(?:is|are) defined as)\b", re.I)


def report_quotes(text: str, report_text: str, terms=()) -> list[str]:
    """Runs of five or more Chinese characters in an English text that are copied from the report
    (a glossary term named in Chinese is not a quotation of a definition)."""
    runs = re.findall(r"[\u3400-\u9fff][\u3400-\u9fff“”‘’、，]{4,}", without_references(text))
    return [run for run in runs if run in report_text and run.strip("“”‘’") not in terms]


def definition_breaches(entry, report_text: str, terms=()) -> list[str]:
    if entry.evidence != "not-defined":
        return []
    texts = (entry.note, entry.context)
    return [*(q for t in texts for q in report_quotes(t, report_text, terms)),
            *(m.group(0) for t in texts for m in DEFINING.finditer(t))]


def test_no_not_defined_entry_quotes_the_report_as_its_definition(site_data, seed_text):
    terms = {e.term for e in site_data.glossary}
    breaches = {e.term: definition_breaches(e, seed_text, terms) for e in site_data.glossary}
    assert {term: found for term, found in breaches.items() if found} == {}


def test_the_definition_check_catches_a_quoted_definition(seed_text):
    quoted = Entry(term="一企一人", english="x", evidence="not-defined", literal="x",
                   note="The report does not define it; it says 一企一人配备上市辅导专员 in the same clause.")
    assert definition_breaches(quoted, seed_text)
    said = Entry(term="x", english="x", evidence="not-defined", literal="x", note="The report defines it as a campaign.")
    assert definition_breaches(said, seed_text) == ["The report defines"]


def test_the_evidence_classes_are_counted(site_data):
    counts = {kind: sum(e.evidence == kind for e in site_data.glossary) for kind in ("in-text", "sourced", "earlier-report", "not-defined")}
    assert sum(counts.values()) == len(site_data.glossary) and all(counts.values())
