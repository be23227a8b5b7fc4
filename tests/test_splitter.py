"""The splitter: each marker kind, lead-sentence headings, ids, losslessness, numbering errors."""

from __future__ import annotations

import pytest

from scripts.errors import InputError
from scripts.metadata import Layout, PartRule, SectionRule
from scripts.splitter import cn_number, split


def pieces_join(report, text: str) -> str:
    """Reassemble the text from the model's pieces, checking that only whitespace lies between them."""
    out, pos = [], 0
    for start, raw in report.pieces():
        gap = text[pos:start]
        assert gap.strip() == "", f"text between pieces is lost: {gap!r}"
        assert text[start : start + len(raw)] == raw
        out.append(gap + raw)
        pos = start + len(raw)
    assert text[pos:].strip() == "", f"text after the last piece is lost: {text[pos:]!r}"
    return "".join(out) + text[pos:]


def test_the_report_splits_losslessly(report, seed_text):
    assert pieces_join(report, seed_text) == seed_text


def test_every_character_of_the_body_is_in_exactly_one_piece(report, seed_text):
    covered = [0] * len(seed_text)
    for start, raw in report.pieces():
        for i in range(start, start + len(raw)):
            covered[i] += 1
    assert max(covered) == 1
    assert all(count == 1 or seed_text[i].isspace() for i, count in enumerate(covered))


def test_the_report_has_three_parts_and_the_expected_pages(report):
    assert [p.slug for p in report.parts] == ["review", "plan", "tasks"]
    assert [s.id for s in report.parts[2].sections][:3] == ["tasks/targets", "tasks/1-effective-demand", "tasks/2-industrial-clusters"]
    assert report.sections[-1].id == "tasks/closing"
    assert len(report.sections) == 22


def test_part_one_is_grouped_by_the_layout(report):
    review = report.parts[0]
    assert [s.id for s in review.sections] == ["review/2025", "review/14th-five-year-plan", "review/government", "review/challenges"]
    themes = [p.lead for p in review.sections[1].paragraphs if p.lead]
    assert len(themes) == 10 and all(t.startswith("这是") and t.endswith("的五年") for t in themes)


def test_lead_sentences_of_task_areas_become_headings_with_ids(report):
    area = report.section("tasks/1-effective-demand")
    assert [(p.id, p.lead) for p in area.paragraphs] == [("p3-1-1", ""), ("p3-1-2", "全力提振消费"), ("p3-1-3", "扩大有效投资")]
    assert area.paragraphs[1].text.startswith("深入实施提振消费专项行动")


def test_the_ten_livelihood_projects_are_an_anchored_list(report):
    items = [p for p in report.section("tasks/8-livelihoods").paragraphs if p.item]
    assert [p.id for p in items] == [f"p3-8-6-{i}" for i in range(1, 11)]
    assert items[-1].text == "提升城市安全韧性，改造城镇老旧燃气管道15公里。"
    after = report.section("tasks/8-livelihoods").paragraphs[-1]
    assert after.id == "p3-8-7" and after.text.startswith("全市政府系统要自觉把")


def test_ids_are_unique(report):
    ids = [p.id for p in report.paragraphs]
    assert len(ids) == len(set(ids))


def test_a_paragraph_added_in_one_section_leaves_other_ids_alone(seed_text, report):
    from scripts.metadata import read_report_info
    from tests.conftest import SEEDS

    edited = seed_text.replace("全力提振消费。", "新增一段。\n\n全力提振消费。", 1)
    again = split(edited, read_report_info(SEEDS / "report.yml").layout)
    before = {p.id: p.raw for s in report.sections if s.id != "tasks/1-effective-demand" for p in s.paragraphs}
    after = {p.id: p.raw for s in again.sections if s.id != "tasks/1-effective-demand" for p in s.paragraphs}
    assert before == after


SMALL = """# 2026年政府工作报告

（2026年1月10日在某市人民代表大会上）

一、过去一年的工作

过去一年成绩很大。

二、今年的工作

（一）扩大内需。总体要求如下。

提振消费。扩大消费。

（二）改善民生。今年办好实事。（1）办学校。（2）建医院。大家努力！
"""


def test_plain_part_headings_numbered_sections_and_inline_items():
    report = split(SMALL)
    assert report.title == "2026年政府工作报告"
    assert report.subtitle.startswith("2026年1月10日")
    assert [(p.number, p.title) for p in report.parts] == [(1, "过去一年的工作"), (2, "今年的工作")]
    first, second = report.parts[1].sections
    assert (first.id, first.title, first.marker) == ("part-2/section-1", "扩大内需", "（一）")
    assert [(p.id, p.lead, p.text) for p in first.paragraphs] == [("p2-1-1", "", "总体要求如下。"), ("p2-1-2", "提振消费", "扩大消费。")]
    assert [(p.id, p.item, p.text) for p in second.paragraphs] == [
        ("p2-2-1", None, "今年办好实事。"), ("p2-2-1-1", 1, "办学校。"), ("p2-2-1-2", 2, "建医院。"), ("p2-2-2", None, "大家努力！")]
    assert pieces_join(report, SMALL) == SMALL


def test_bold_and_markdown_headed_part_lines_are_found():
    text = "**一、回顾**\n\n甲。\n\n## 二、任务\n\n乙。\n"
    assert [p.title for p in split(text).parts] == ["回顾", "任务"]


def test_di_yi_bu_fen_headings_are_found():
    text = "第一部分 回顾\n甲。\n第二部分 任务\n乙。\n"
    assert [(p.number, p.title, p.marker) for p in split(text).parts] == [(1, "回顾", "第一部分"), (2, "任务", "第二部分")]


def test_one_item_per_line_with_arabic_numbers():
    text = "一、任务\n（一）民生。\n1. 办学校。\n2. 建医院。\n"
    items = split(text).parts[0].sections[0].paragraphs
    assert [(p.item, p.text) for p in items] == [(1, "办学校。"), (2, "建医院。")]


def test_lead_patterns_from_the_layout_make_headings_outside_numbered_sections():
    text = "一、回顾\n这一年，我们做了很多。具体如下。\n"
    plain = split(text).parts[0].sections[0].paragraphs[0]
    led = split(text, Layout(lead_patterns=("这一年，[^。]+。",))).parts[0].sections[0].paragraphs[0]
    assert plain.lead == "" and led.lead == "这一年，我们做了很多"


def test_a_long_or_comma_first_sentence_is_not_a_lead():
    text = "一、任务\n（一）民生。\n第一句话很长很长很长很长很长很长很长很长很长很长。后文。\n天道酬勤，力耕不欺。后文。\n"
    assert [p.lead for p in split(text).parts[0].sections[0].paragraphs] == ["", ""]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("一、甲\n文。\n一、乙\n文。\n", "part 一、 appears twice"),
        ("一、甲\n文。\n三、乙\n文。\n", "part 2 was expected"),
        ("二、甲\n文。\n", "part 1 was expected"),
        ("一、甲\n（一）子。\n（一）子。\n", "section （一） appears twice"),
        ("一、甲\n（二）子。\n", "section 1 was expected"),
        ("一、甲\n（一）子。\n（三）子。\n", "section 2 was expected"),
        ("没有任何标题的文字。\n", "no part heading found"),
        ("一、甲\n二、乙\n文。\n", "part 一 has no text"),
    ],
)
def test_bad_numbering_is_one_clear_error(text, message):
    with pytest.raises(InputError) as caught:
        split(text, name="r.txt")
    assert message in str(caught.value)
    assert str(caught.value).startswith("r.txt:")


def test_the_error_names_the_line():
    with pytest.raises(InputError) as caught:
        split("一、甲\n文。\n\n一、乙\n文。\n", name="r.txt")
    assert caught.value.line == 4


def test_a_layout_section_that_is_not_in_the_report_is_an_error():
    layout = Layout(parts=(PartRule(1, "review", "", (SectionRule(slug="x", key="x", starts="不存在", title_zh="甲", line=7),)),),
                    source="report.yml")
    with pytest.raises(InputError) as caught:
        split("一、甲\n文。\n", layout)
    assert (caught.value.path, caught.value.line) == ("report.yml", 7)


@pytest.mark.parametrize(("numeral", "value"), [("一", 1), ("九", 9), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23)])
def test_chinese_numerals(numeral, value):
    assert cn_number(numeral) == value
