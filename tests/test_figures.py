"""Figure records: the source check, values in base units, English unit nouns, and the claim that
every figure the report gives is recorded."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from scripts.build import load_site
from scripts.figures import KINDS, noun_in
from scripts.render import render_site
from tests.conftest import copy_seeds, edit_seed, line_with
from tests.test_inputs import build_with

# ---------------------------------------------------------------------------------------------
# The records


def test_every_kind_has_records(site_data):
    assert {f.kind for f in site_data.figures} == set(KINDS)


def test_the_main_2026_targets_are_all_there(site_data):
    targets = {f.indicator_zh: (f.value_as_written, f.unit, f.qualifier) for f in site_data.figures if f.kind == "target-2026"}
    assert targets["地区生产总值增长"] == ("5.5", "%", "about")
    assert targets["城镇新增就业"] == ("15", "万人", "")
    assert len(targets) >= 11


def test_values_are_numbers_in_base_units(site_data):
    by_id = {f.id: f for f in site_data.figures}
    assert (by_id["gdp-2025-total"].value, by_id["gdp-2025-total"].unit_en) == (Decimal(603815000000), "yuan")
    assert (by_id["new-urban-jobs-2026"].value, by_id["new-urban-jobs-2026"].unit_en) == (Decimal(150000), "people")
    assert (by_id["gdp-growth-2026"].value, by_id["gdp-growth-2026"].unit_en) == (Decimal("5.5"), "%")


def test_figures_in_chinese_numerals_are_recorded(site_data):
    by_id = {f.id: f for f in site_data.figures}
    nearly = by_id["contracted-investment-2021-2025"]
    assert (nearly.value, nearly.qualifier, nearly.qualifier_zh, nearly.value_as_written) == (Decimal(10**12), "nearly", "近", "万")
    park = by_id["shiban-park-scale-class-2025"]
    assert (park.value, park.unit_en, park.qualifier, park.qualifier_zh) == (Decimal(10**11), "yuan", "class", "级")
    assert park.english_value == "100 billion yuan"


def test_english_values_convert_yi_and_wan(site_data):
    by_id = {f.id: f for f in site_data.figures}
    assert by_id["gdp-2025-total"].english_value == "603.815 billion yuan"
    assert by_id["new-urban-jobs-2026"].english_value == "150,000 people"
    assert by_id["service-industry-chains-2025"].english_value == "15 industrial chains"


def test_end_of_year_levels_are_not_filed_as_totals_of_the_period(site_data):
    spans = [f for f in site_data.figures if "–" in f.period]
    assert all(f.measure != "level" for f in spans), [f.id for f in spans if f.measure == "level"]
    assert all("–" in f.period for f in site_data.figures if f.measure == "cumulative")
    assert {f.id: f.period for f in site_data.figures}["gdp-2025-total"] == "2025"
    assert {f.id: f.period for f in site_data.figures}["talent-pool-2025"] == "end of 2025"


def test_the_2025_results_are_preliminary_and_expected_ones_say_so(site_data):
    by_id = {f.id: f for f in site_data.figures}
    assert by_id["gdp-growth-2025"].estimate == "preliminary"
    assert by_id["new-urban-jobs-2021-2025"].estimate == "preliminary"
    assert by_id["talent-pool-2025"].estimate == "expected"
    assert {f.estimate for f in site_data.figures if f.kind.startswith(("target", "project"))} == {""}


def test_a_row_holds_one_indicator(site_data):
    assert not [f.id for f in site_data.figures if "(each)" in f.indicator_en]
    assert {"tourist-arrivals-growth-2026", "tourism-spending-growth-2026"} <= {f.id for f in site_data.figures}


def test_the_same_figure_stated_twice_is_marked_as_a_duplicate(site_data):
    first: dict[tuple, str] = {}
    for f in site_data.figures:
        key = (f.indicator_zh, f.period, f.value, f.unit_en)
        if key in first:
            assert f.duplicate_of == first[key], f.id
        else:
            first[key] = f.id
            assert not f.duplicate_of, f.id


# ---------------------------------------------------------------------------------------------
# English unit nouns: the noun of a counting word is what the English indicator counts


@pytest.mark.parametrize(("noun", "indicator"), [
    ("industrial chains", "Service-sector industrial chains promoted"),
    ("hospitals", "Tertiary hospitals added"),
    ("hospital", "Tertiary hospitals added"),
    ("facility", "Public fitness venues and facilities to be built"),
])
def test_a_unit_noun_occurs_in_its_indicator_singular_or_plural(noun, indicator):
    assert noun_in(noun, indicator)


@pytest.mark.parametrize(("noun", "indicator"), [
    ("lanes", "Service-sector industrial chains promoted"),
    ("firms", "Tertiary hospitals added"),
    ("chain", "Supply-chain partners"),  # part of a hyphenated word is not the word
])
def test_a_unit_noun_not_in_its_indicator_does_not_fit(noun, indicator):
    assert not noun_in(noun, indicator)


def test_a_unit_noun_that_does_not_fit_its_indicator_stops_the_build(tmp_path):
    seeds = copy_seeds(tmp_path)
    edit_seed(seeds, "figures.yml", "  unit_en: industrial chains\n", "  unit_en: lanes\n")
    with pytest.raises(Exception) as caught:
        load_site(seeds)
    assert caught.value.line == line_with(seeds / "figures.yml", "unit_en: lanes")
    assert "'lanes' is not what the indicator counts" in str(caught.value)


def test_a_counting_word_without_its_noun_stops_the_build(tmp_path):
    seeds = copy_seeds(tmp_path)
    edit_seed(seeds, "figures.yml", "  unit_en: industrial chains\n", "")
    with pytest.raises(Exception, match="条 is a counting word: give unit_en"):
        load_site(seeds)


# ---------------------------------------------------------------------------------------------
# Bad input stops the build with one line naming the file and line, and leaves docs/ as it was


@pytest.mark.parametrize(("old", "new", "fragment", "words"), [
    ('phrase: "地区生产总值增长5.5%左右"', 'phrase: "地区生产总值增长6.5%左右"', "增长6.5%左右", "the phrase is not in paragraph p3-targets-2"),
    ("  value: 5.5\n", "  value: 5.6\n", "value: 5.6", "does not hold the value 5.6%"),
    ('  value: 5.5\n  unit: "%"', '  value: 5.5\n  unit: "吨"', 'unit: "吨"', "unknown unit '吨'"),
    ('  value: 5.5\n  unit: "%"', '  value: 5.5\n  unit: "亿元"', "value: 5.5", "does not hold the value 5.5亿元"),
    ("  qualifier: about\n  paragraph: p3-targets-2\n  phrase: \"地区生产总值增长5.5%左右\"",
     "  qualifier: over\n  paragraph: p3-targets-2\n  phrase: \"地区生产总值增长5.5%左右\"", "qualifier: over", "for the qualifier 'over'"),
    ("  qualifier: about\n", "  qualifier: about\n  estimate: expected\n", "estimate: expected", "does not say 预计"),
    ("  duplicate_of: new-urban-jobs-2026\n", "  duplicate_of: gdp-growth-2026\n", "duplicate_of: gdp-growth-2026", "not the same figure"),
    ("  measure: growth\n", "  measure: count\n", "measure: count", "not a count"),
])
def test_a_bad_figure_record_stops_the_build_and_leaves_docs_as_it_was(tmp_path, old, new, fragment, words):
    result, seeds, untouched = build_with(tmp_path, lambda seeds: edit_seed(seeds, "figures.yml", old, new))
    assert result.returncode == 2 and untouched
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr
    assert lines[0].startswith(f"error: {seeds / 'figures.yml'}:{line_with(seeds / 'figures.yml', fragment)}:"), lines[0]


# ---------------------------------------------------------------------------------------------
# Every figure the report gives is recorded (the Key figures page says so)

NUMBER = r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+)"
# What makes a number a figure: a unit or counting word after it (after 万/亿 and 余), or % .
UNIT = (r"(?:万亿|亿|万)?余?(?:[%％]|个百分点|元|人次|人|名|位|户|家|个|条|所|座|张|场次|场|套|栋|项|辆|公里|平方公里|亩|"
        r"立方米|年|岁|次|向|大|件|点|倍|级|强|Eflops|Gbps|G)")
# Any number in digits is a candidate; a run of Chinese numerals only with a unit (一 alone is a word).
FIGURE = re.compile(rf"\d+(?:\.\d+)?|{NUMBER}{UNIT}")

# Numbers with a unit that are not figures, each with the reason (every entry must still match).
NON_FIGURES = {
    # dates and the periods under review
    "2026年1月19日": "the date the report was delivered",
    "2021—2035年": "the period of a plan's name",
    "2026-02-04 15:01": "the publication time in the header",
    "2026数博会": "the name of the expo (its year)",
    "《新周刊》2025“年度城市”": "the name of an award (its year)",
    "这一年": "the year under review (2025)",
    "一年来": "the year under review (2025)",
    "过去五年": "the five years under review (2021–2025)",
    "的五年": "the five years under review, in the lead sentences",
    "五年来": "the five years under review",
    "极不平凡的一年": "the year under review (2025)",
    "今后五年": "the five years of the plan (2026–2030)",
    # names of meetings and plans, ordinals
    "第十五届人民代表大会第六次会议": "the name of the congress session",
    "第十五个五年规划": "the name of the plan",
    "两个“五年规划”": "the two five-year plans (the 14th and the 15th), names",
    "党的二十大和二十届历次全会": "the names of Party meetings",
    "中央八项规定": "the name of a regulation",
    # names of things
    "12345热线": "the name of the hotline",
    "39AI全科医生": "a product's name",
    "城市大脑2.0": "a version name",
    "推出2.0升级版": "a version name",
    "全球首条400G算力通道": "a technical name: a 400G (400 Gbps) channel, not a measure the report gives",
    "中国十大“大美之城”": "the name of an award (one of China's ten most beautiful cities)",
    "市区两级": "the two tiers of government, city and district (a list)",
    "“一硬一软”两大产业，": "the two industries the name 一硬一软 stands for (a list)",
    # the report's own list structure
    "以下九个方面工作": "the number of the report's own headings",
    "等十个方面": "the number of the areas the plan's proposal covers (a list)",
    "以下六点": "the number of the report's own list items",
    "四大工程": "the four programmes it then names (引育用留), a list",
    "资源、客源、服务三大要素": "a list of three it names",
    # vague amounts are not figures
    "多个万人数据标注基地": "a size class naming the bases (of ten thousand workers); the report gives no count",
    "在每一个岗位上": "a phrase (every post)",
    "三年攻坚行动": "the name of a campaign (a three-year drive)",
    "国企改革三年行动": "the name of a national campaign",
}
# A number inside quotation marks or book-title marks is a name (“五连冠”, “4个10万+100万+6500万”,
# 《…（2025年）》), and a number inside a glossary term is part of the term's name (六大产业集群).
QUOTED = re.compile(r"“[^”]*”|《[^》]*》")
# A year (2025年), a list marker （3） or an ordinal (第4) is not a figure.
NOT_A_FIGURE = re.compile(r"(?:19|20)\d\d年|（\d+）|第[一二三四五六七八九十\d]+")


def _spans(text: str, pieces) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for piece in pieces for m in re.finditer(re.escape(piece), text)]


def test_every_figure_the_report_gives_is_recorded(site_data, seed_text):
    """Every number with a unit in the report (digits or Chinese numerals) lies in some record's
    phrase, a name, or an entry of NON_FIGURES."""
    covered = (_spans(seed_text, {f.phrase for f in site_data.figures}) + _spans(seed_text, NON_FIGURES)
               + _spans(seed_text, [e.term for e in site_data.glossary])
               + [(m.start(), m.end()) for pattern in (QUOTED, NOT_A_FIGURE) for m in pattern.finditer(seed_text)])
    missing = [f"{m.group(0)} in …{seed_text[max(0, m.start() - 12):m.end() + 6]}…" for m in FIGURE.finditer(seed_text)
               if not any(start <= m.start() and m.end() <= end for start, end in covered)]
    assert missing == []


def test_every_listed_non_figure_holds_a_number_with_a_unit_of_the_report(seed_text):
    assert [text for text in NON_FIGURES if text not in seed_text or not FIGURE.search(text)] == []


def test_the_page_claims_every_figure(site_data):
    pages = render_site(site_data)
    assert "Every figure the report gives" in pages["en/figures.md"]
    assert "报告中的每一项数据" in pages["zh/figures.md"]


# ---------------------------------------------------------------------------------------------
# Other downloads and the chart


def test_the_model_download_holds_every_paragraph_and_the_glossary(site_data):
    import json

    pages = render_site(site_data)
    data = json.loads(pages["assets/downloads/report.json"])
    ids = [p["id"] for part in data["report"]["parts"] for s in part["sections"] for p in s["paragraphs"]]
    assert ids == [p.id for p in site_data.report.paragraphs]
    assert len(data["glossary"]) == len(site_data.glossary)


def test_the_charts_are_svg_with_no_external_reference(site_data):
    pages = render_site(site_data)
    for lang in ("zh", "en"):
        svg = pages[f"assets/charts/growth-{lang}.svg"]
        assert svg.lstrip().startswith("<?xml") and "<svg" in svg
        # namespace URIs are names, not requests; nothing may be loaded from anywhere
        assert not re.search(r"""(?:href|src)=["'](?!#)|url\((?!#)|@import""", svg)
    assert "地区生产总值增长" in pages["assets/charts/growth-zh.svg"]
    assert "GDP growth" in pages["assets/charts/growth-en.svg"]


def test_every_investor_fact_quotes_its_paragraph(site_data):
    paragraphs = {p.id: p for p in site_data.report.paragraphs}
    facts = [f for g in site_data.investors for f in g.facts]
    assert len(facts) >= 50 and all(f.zh in paragraphs[f.paragraph].raw for f in facts)
    assert [g.key for g in site_data.investors] == ["sectors", "projects", "investment-attraction", "opening-up",
                                                    "business-environment", "debt-and-fiscal-risk", "parks-land-and-factories",
                                                    "talent-and-labour", "how-to-engage"]


def test_an_investor_fact_whose_words_are_not_in_its_paragraph_stops_the_build(tmp_path):
    seeds = copy_seeds(tmp_path)
    edit_seed(seeds, "investors.yml", "zh: 新能源汽车产量25万辆以上", "zh: 新能源汽车产量35万辆以上")
    with pytest.raises(Exception, match="the Chinese words are not in paragraph p3-2-2"):
        load_site(seeds)
