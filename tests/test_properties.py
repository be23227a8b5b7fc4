"""Property-based tests of the splitter (hypothesis): any input either splits losslessly or
raises the project's own InputError — never another exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.errors import InputError
from scripts.metadata import Layout
from scripts.sources import decode_report
from scripts.splitter import split
from tests.test_splitter import pieces_join

# Lines shaped like a report's, so that generated texts reach every branch of the splitter, mixed
# with arbitrary text.
REPORT_LINES = st.sampled_from([
    "一、回顾", "二、任务", "三、建设", "四、其他", "**一、回顾**", "## 二、任务", "第一部分 回顾", "第二部分", "二十、很多",
    "（一）扩大需求。正文。", "（二）优化结构。", "（十）最后。", "**（一）加粗。**正文", "(一)半角括号。",
    "（1）甲。（2）乙。后文。", "今年办好实事。（1）甲。（2）乙。", "1. 项目。", "2. 项目。", "1、项目。",
    "全力提振消费。正文内容。", "这一年，我们做了很多。详情。", "各位代表！", "普通段落，含数字5.5%。",
    "", " ", "\u3000\u3000首行缩进的段落。", "# 2026年政府工作报告", "（2026年1月19日在会议上）", "——2025年1月1日",
])
ANY_LINE = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
TEXTS = st.lists(st.one_of(REPORT_LINES, REPORT_LINES, ANY_LINE), max_size=40).map("\n".join)
LAYOUT = Layout(lead_patterns=("这一年，[^。]+。",))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_splits_losslessly_or_raises_input_error(text):
    try:
        report = split(text, LAYOUT, name="generated.txt")
    except InputError as error:
        assert error.path == "generated.txt"
        return
    assert pieces_join(report, text) == text
    ids = [p.id for p in report.paragraphs]
    assert len(ids) == len(set(ids))


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
    try:
        decoded, _ = decode_report(text.encode("gb18030"), "generated.txt")
    except InputError:
        return
    assert decoded == text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
