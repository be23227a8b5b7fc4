"""The splitter: each marker kind, lead-sentence headings, ids, losslessness, irregular numbering
kept with a note, and the few refusals."""

from __future__ import annotations

from pathlib import Path

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


def outline_of(report) -> list[str]:
    lines = []
    for section in report.sections:
        lines += [f"{section.id} {section.marker}{section.title}", "  " + " ".join(p.id for p in section.paragraphs)]
    return lines


def test_the_guiyang_reports_keep_their_ids():
    """The site links to these ids; tests/reports/guiyang-ids.golden holds them as the splitter gave
    them before it learned to bend (the 2026 report with its layout, the earlier ones without)."""
    from scripts.metadata import read_report_info
    from scripts.sources import read_report_text
    from tests.conftest import SEEDS

    found = []
    for path in [SEEDS / "guiyang-2026.zh.txt", *sorted((SEEDS / "earlier").glob("guiyang-20*.zh.txt"))]:
        layout = read_report_info(SEEDS / "report.yml").layout if path.parent == SEEDS else None
        text, notes = read_report_text(path)
        report = split(text, layout, str(path), tuple(notes))
        assert report.notes == ()
        found += [f"== {path.name}", *outline_of(report)]
    golden = Path(__file__).parent / "reports" / "guiyang-ids.golden"
    assert found == golden.read_text(encoding="utf-8").splitlines()


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
    ("text", "numbers", "notes"),
    [
        ("一、甲\n文。\n三、乙\n文。\n", [1, 3], ["line 3: part 三、 comes where part 2 was expected: a part is missing; kept as written"]),
        ("二、甲\n文。\n", [2], ["line 1: part 二、 comes where part 1 was expected: a part is missing; kept as written"]),
        ("一、甲\n文。\n二、乙\n文。\n二、丙\n文。\n", [1, 2, 3], ["line 5: part 二、 appears twice; kept as written (numbered 3 here)"]),
        ("一、甲\n文。\n三、乙\n文。\n二、丙\n文。\n", [1, 3, 4], ["line 3: part 三、 comes where part 2 was expected: a part is missing; kept as written",
                                                       "line 5: part 二、 is out of order (after part 3); kept as written (numbered 4 here)"]),
    ],
)
def test_a_skipped_or_repeated_part_number_is_kept_with_a_note(text, numbers, notes):
    report = split(text, name="r.txt")
    assert [p.number for p in report.parts] == numbers
    assert [p.marker for p in report.parts] == [line[:2] for line in text.split("\n") if "、" in line]
    assert list(report.notes) == notes
    assert pieces_join(report, text) == text


@pytest.mark.parametrize(
    ("text", "keys", "note"),
    [
        ("一、甲\n（一）子。文。\n（三）子。文。\n", ["1", "3"], "line 3: section （三） comes where section 2 was expected: a section is missing; kept as written"),
        ("一、甲\n（二）子。文。\n", ["2"], "line 2: section （二） comes where section 1 was expected: a section is missing; kept as written"),
        ("一、甲\n（一）子。文。\n（二）子。文。\n（二）子。文。\n", ["1", "2", "2b"], "line 4: section （二） appears twice; kept as written"),
        ("一、甲\n（一）子。文。\n（二）子。文。\n（一）子。文。\n", ["1", "2", "1b"], "line 4: section （一） appears twice; kept as written"),
    ],
)
def test_a_skipped_or_repeated_section_number_is_kept_with_a_note_and_unique_ids(text, keys, note):
    report = split(text)
    assert [s.key for s in report.sections] == keys
    assert [s.id for s in report.sections] == [f"part-1/section-{k}" for k in keys]
    assert report.notes == (note,)


def test_a_skipped_item_number_is_kept_as_written():
    report = split("一、甲\n（一）子。\n（2）乙。\n（3）丙。\n")
    assert [(p.id, p.item) for p in report.paragraphs] == [("p1-1-1", 2), ("p1-1-2", 3)]
    assert report.notes == ("line 3: item 2 comes where item 1 was expected; kept as written",)


def test_reading_notes_come_first_and_stay():
    report = split("一、甲\n（二）子。文。\n", notes=("decoded as GB18030 (the file is not UTF-8)",))
    assert report.notes[0] == "decoded as GB18030 (the file is not UTF-8)" and len(report.notes) == 2


def test_a_body_without_part_headings_is_one_part():
    text = "# 2026年政府工作报告\n\n（2026年1月10日在某市人民代表大会上）\n\n各位代表：\n\n过去一年成绩很大。\n\n（一）扩大内需。正文。\n"
    report = split(text)
    assert (report.title, report.front[-1].raw) == ("2026年政府工作报告", "（2026年1月10日在某市人民代表大会上）")
    (part,) = report.parts
    assert (part.number, part.marker, part.title, part.heading.raw) == (1, "", "正文", "")
    assert [s.id for s in part.sections] == ["part-1/intro", "part-1/section-1"]
    assert report.notes == ("line 5: no part heading found (a line such as 一、… or 第一部分 …); the text after the title is one part",)
    assert pieces_join(report, text) == text


APPENDIX = """一、回顾

甲。

二、任务

乙。各位代表！

附件

2026年十件民生实事

一、办学校

新建学校5所。

二、建医院

新建医院2所。
"""


def test_numbering_that_starts_again_after_the_body_is_an_appendix_part():
    report = split(APPENDIX)
    appendix = report.parts[-1]
    assert (appendix.number, appendix.marker, appendix.title, appendix.heading.raw) == (3, "", "附件", "附件")
    assert [(s.id, s.marker, s.title) for s in appendix.sections] == [
        ("part-3/intro", "", "附件"), ("part-3/section-1", "一、", "办学校"), ("part-3/section-2", "二、", "建医院")]
    assert appendix.sections[0].paragraphs[0].text == "2026年十件民生实事"
    assert report.paragraphs[-1].id == "p3-2-1"
    assert report.notes == ("line 13: part 一、 appears twice; the numbering starts again: from line 9 it is part 3, with those headings as its sections",)
    assert pieces_join(report, APPENDIX) == APPENDIX


def test_a_restarted_list_without_a_title_line_before_it_has_no_heading():
    text = "一、回顾\n甲。\n二、任务\n乙。各位代表！\n一、办学校\n新建学校。\n"
    appendix = split(text).parts[-1]
    assert (appendix.title, appendix.heading.raw) == ("附录", "")
    assert [s.title for s in appendix.sections] == ["办学校"]


def test_a_part_heading_with_nothing_under_it_is_kept():
    report = split("一、甲\n二、乙\n文。\n")
    assert [len(p.sections) for p in report.parts] == [0, 1]
    assert report.notes == ("line 1: part 一、 has no text under its heading; kept",)


def test_a_section_heading_without_words_is_kept():
    report = split("一、甲\n（一）\n文。\n")
    assert (report.sections[0].marker, report.sections[0].title) == ("（一）", "")
    assert report.notes == ("line 2: section （一） has no heading text; kept",)


def test_an_item_marker_inside_a_word_is_not_a_list():
    text = "一、任务\n新建小（1）型水库3座、小（2）型水库5座。\n"
    (paragraph,) = split(text).paragraphs
    assert (paragraph.item, paragraph.text) == (None, "新建小（1）型水库3座、小（2）型水库5座。")


def test_a_markdown_table_stays_one_paragraph():
    table = "| 项目 | 数量 |\n|---|---|\n| （1）学校 | 5 |\n|1. 医院|2|"
    text = f"一、任务\n（一）民生。\n{table}\n\n全力提振消费。正文。\n"
    paragraphs = split(text).paragraphs
    assert (paragraphs[0].raw, paragraphs[0].text, paragraphs[0].item, paragraphs[0].lead) == (table, table, None, "")
    assert [p.id for p in paragraphs] == ["p1-1-1", "p1-1-2"] and paragraphs[1].lead == "全力提振消费"


def test_an_html_line_break_ends_a_heading():
    text = "**一、回顾**<br>\n（一）扩大内需<br>提振消费。后文。\n"
    report = split(text)
    assert (report.parts[0].title, report.sections[0].title) == ("回顾", "扩大内需")
    assert report.sections[0].heading.raw == "（一）扩大内需<br>"
    assert report.paragraphs[0].raw == "提振消费。后文。"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("\n \n\t\n", "the report has no text"),
        ("Annual report\n\nNo Chinese here.\n", "no Chinese text: not a work report"),
        ("# 2026年政府工作报告\n\n（2026年1月19日在会议上）\n", "a title and nothing else: not a report"),
        ("一、甲\n二、乙\n（一）丙\n", "only a title and headings, no text under them: not a report"),
    ],
)
def test_only_what_is_not_a_report_is_refused_in_one_line(text, message):
    with pytest.raises(InputError) as caught:
        split(text, name="r.txt")
    assert str(caught.value).startswith("r.txt") and str(caught.value).endswith(message)
    assert "\n" not in str(caught.value)


def test_with_a_layout_that_names_the_parts_an_irregularity_is_an_error_at_its_line():
    """The site's own report has a layout: a typo in its numbering must stop the build, not pass with a note."""
    layout = Layout(parts=(PartRule(1, "review", "", ()),), source="report.yml")
    with pytest.raises(InputError) as caught:
        split("一、甲\n文。\n三、乙\n文。\n", layout, name="r.txt")
    assert str(caught.value) == "r.txt:3: part 三、 comes where part 2 was expected: a part is missing"


def test_a_layout_section_that_is_not_in_the_report_is_an_error():
    layout = Layout(parts=(PartRule(1, "review", "", (SectionRule(slug="x", key="x", starts="不存在", title_zh="甲", line=7),)),),
                    source="report.yml")
    with pytest.raises(InputError) as caught:
        split("一、甲\n文。\n", layout)
    assert (caught.value.path, caught.value.line) == ("report.yml", 7)


@pytest.mark.parametrize(("numeral", "value"), [("一", 1), ("九", 9), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23)])
def test_chinese_numerals(numeral, value):
    assert cn_number(numeral) == value
