"""Property-based tests of the splitter (hypothesis): any input gives a model that holds every
sentence of it, or the project's own one-line InputError, never another exception; and the text a
model prints splits again into the same model."""

from __future__ import annotations

import dataclasses
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.errors import InputError
from scripts.metadata import Layout
from scripts.sources import decode_report
from scripts.split_survey import lost_sentences
from scripts.splitter import split, text_of
from tests.test_splitter import pieces_join

# Lines shaped like a report's, so that generated texts reach every branch of the splitter (part
# headings that skip, repeat or start again, sections, items, tables, HTML line breaks, markers
# inside a word), mixed with arbitrary text.
REPORT_LINES = st.sampled_from([
    "一、回顾", "二、任务", "三、建设", "四、其他", "**一、回顾**", "## 二、任务", "第一部分 回顾", "第二部分", "二十、很多",
    "一一、怪数", "**一、回顾**<br>", "附件1", "**2026年工作安排**", "2026年十件民生实事",
    "（一）扩大需求。正文。", "（二）优化结构。", "（十）最后。", "**（一）加粗。**正文", "(一)半角括号。", "（一）",
    "（一）扩大内需<br>提振消费。后文。", "（一）甲。<br>（二）乙。", "甲。<br>乙。<br/>", "<br>",
    "（1）甲。（2）乙。后文。", "今年办好实事。（1）甲。（2）乙。", "实事：（1）甲；（2）乙。丙。", "1. 项目。", "2. 项目。",
    "1、项目。", "（3）项目。", "新建小（1）型水库3座、小（2）型水库5座。", "| 项目 | 数量 |", "|---|---|", "| （1）学校 | 5 |",
    "全力提振消费。正文内容。", "这一年，我们做了很多。详情。", "各位代表！", "各位代表：", "普通段落，含数字5.5%。",
    "", " ", "\u3000\u3000首行缩进的段落。", "# 2026年政府工作报告", "（2026年1月19日在会议上）", "——2025年1月1日",
])
ANY_LINE = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
CHINESE_LINE = st.text(alphabet=st.sampled_from("一二三十（）()、。，：；！？*#|<>br 1 2 甲乙丙丁年月日报告代表\u3000"), max_size=20)
TEXTS = st.lists(st.one_of(REPORT_LINES, REPORT_LINES, REPORT_LINES, ANY_LINE, CHINESE_LINE), max_size=40).map("\n".join)
LAYOUT = Layout(lead_patterns=("这一年，[^。]+。",))


def shape(report) -> dict:
    """A model without its offsets and line numbers (which a reprinted text moves)."""
    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("start", "line")}
        if isinstance(value, (list, tuple)):
            return [strip(v) for v in value]
        return value
    data = strip(dataclasses.asdict(report))
    data["notes"] = [re.sub(r"\bline \d+", "line", note) for note in report.notes]
    return data


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_gives_a_lossless_model_or_one_line_input_error(text):
    try:
        report = split(text, LAYOUT, name="generated.txt")
    except InputError as error:
        assert error.path == "generated.txt"
        assert "\n" not in str(error)
        return
    assert pieces_join(report, text) == text
    assert lost_sentences(report, text) == []
    ids = [p.id for p in report.paragraphs]
    assert len(ids) == len(set(ids))
    assert len({s.id for s in report.sections}) == len(report.sections)
    assert len({p.number for p in report.parts}) == len(report.parts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_the_text_a_model_prints_splits_into_the_same_model(text):
    try:
        report = split(text, LAYOUT)
    except InputError:
        return
    printed = text_of(report)
    again = split(printed, LAYOUT)
    assert pieces_join(again, printed) == printed
    assert shape(again) == shape(report)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_decode_to_text_or_raise_input_error(data):
    try:
        text, notes = decode_report(data, "generated.bin")
    except InputError:
        return
    assert "\r" not in text
    try:
        report = split(text)
    except InputError:
        return
    assert pieces_join(report, text) == text


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_any_text_encoded_in_gb18030_reads_back_the_same_or_is_refused(text):
    data = text.encode("gb18030")
    try:
        if data.decode("utf-8") != text:
            return  # valid UTF-8 as well (十 → CA AE → ʮ): read as UTF-8, which is tried first
    except UnicodeDecodeError:
        pass
    try:
        decoded, _ = decode_report(data, "generated.txt")
    except InputError:
        return
    assert decoded == text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
