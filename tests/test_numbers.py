"""The figure check's normalisation: each rule on its own."""

from __future__ import annotations

import pytest

from scripts.numbers import chinese_figures, english_figures, untraced

ZH = "全市地区生产总值达6038.15亿元，增长5.3%，城镇新增就业15万人，新设经营主体15.36万户，带宽6.1万Gbps，“5+3”机制，十件民生实事，五百亿级园区。"


@pytest.mark.parametrize(
    "english",
    [
        "603.815 billion yuan",
        "603.815 billion yuan (6,038.15亿元)",
        "growth of 5.3%",
        "150,000 new urban jobs",
        "153,600 entities",
        "61,000 Gbps",
        "the 5+3 mechanism",
        "the 10 livelihood projects",
        "50 billion yuan parks",
    ],
)
def test_a_figure_that_occurs_in_the_chinese_traces(english):
    assert untraced(english, ZH, set()) == []


@pytest.mark.parametrize(
    ("english", "missing"),
    [("604 billion yuan", ["604 billion"]), ("growth of 5.5%", ["5.5"]), ("150,001 jobs", ["150,001"]),
     ("6,038.15 billion yuan", ["6,038.15 billion"]), ("ranked 4th", ["4th"])],
)
def test_a_figure_not_in_the_chinese_is_reported(english, missing):
    assert untraced(english, ZH, set()) == missing


def test_years_must_occur_in_the_report_or_be_plan_years():
    assert untraced("in 2026 and 2030, as in 2035", ZH, {2035}) == []
    assert untraced("in 2019", ZH, {2035}) == ["2019"]


def test_plan_and_congress_ordinals_are_names():
    assert untraced("the 15th Five-Year Plan and the 20th Party Congress", ZH, set()) == []


def test_full_width_digits_and_percent_signs_are_normalised():
    assert untraced("98.5% coverage", "普及率达到98.5％", set()) == []
    assert chinese_figures("增长１２％") >= {12}


def test_wan_and_yi_multiply():
    assert {150000, 603815000000} <= chinese_figures("15万人，6038.15亿元")


def test_english_multipliers_multiply():
    assert [value for _, value, _ in english_figures("1.5 million and 2 billion")] == [1500000, 2000000000]
