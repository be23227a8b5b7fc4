"""The splitter on the shapes of Chinese government work reports, each a small report in
tests/reports/ (synthetic, or an excerpt of a public report named by the shape it shows), read and
split as `python -m scripts split FILE` does; and the batch form of that command."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.sources import decode_report, read_report_text
from scripts.split_survey import lost_sentences
from scripts.splitter import split
from tests.conftest import ROOT
from tests.test_splitter import pieces_join

REPORTS = Path(__file__).parent / "reports"


def model(name: str):
    text, notes = read_report_text(REPORTS / name)
    report = split(text, name=name)
    assert pieces_join(report, text) == text  # lossless, whatever the shape
    assert lost_sentences(report, text) == []
    return report


def outline(report) -> list[tuple[int, list[str]]]:
    return [(part.number, [s.id for s in part.sections]) for part in report.parts]


def test_bold_part_headings_numbered_sections_inline_items():
    report = model("bold-parts.txt")
    assert report.title == "2025年政府工作报告"
    assert outline(report) == [(1, ["part-1/intro"]), (2, ["part-2/section-1", "part-2/section-2"])]
    items = [p for p in report.parts[1].sections[1].paragraphs if p.item]
    assert [(p.id, p.text) for p in items] == [("p2-2-1-1", "新建学校5所。"), ("p2-2-1-2", "新增就业1万人。")]


def test_plain_headings_single_newlines_and_numbered_lines():
    report = model("plain-single-newlines.txt")
    assert report.title == ""
    assert outline(report) == [(1, ["part-1/intro"]), (2, ["part-2/section-1", "part-2/section-2"]), (3, ["part-3/intro"])]
    assert [p.raw for p in report.parts[0].sections[0].paragraphs] == ["过去一年成绩显著。", "经济稳中有进。"]
    assert [(p.item, p.text) for p in report.parts[1].sections[1].paragraphs] == [(1, "新建学校。"), (2, "新建医院。")]


def test_four_parts_headed_di_yi_bu_fen():
    report = model("four-parts-di-yi-bu-fen.txt")
    assert [(p.number, p.marker, p.title) for p in report.parts] == [
        (1, "第一部分", "2024年工作回顾"), (2, "第二部分", "“十五五”时期主要目标"), (3, "第三部分", "2025年重点任务"),
        (4, "第四部分", "加强政府自身建设")]


def test_a_news_agency_lead_before_the_title_stays_in_front():
    report = model("news-agency-lead.txt")
    assert report.title == "政府工作报告"
    assert report.subtitle == "2025年1月20日在某市人民代表大会上"
    assert report.front[0].raw.startswith("新华社某地1月20日电")
    assert [s.title for s in report.parts[1].sections] == ["抓产业", "抓民生"]


def test_no_title_line():
    report = model("no-title.txt")
    assert (report.title, report.subtitle, report.front) == ("", "", ())
    assert len(report.parts) == 3


def test_crlf_line_endings_are_normalised():
    data = (REPORTS / "bold-parts.txt").read_bytes().replace(b"\n", b"\r\n")
    text, notes = decode_report(data, "crlf.txt")
    assert "\r" not in text and "converted CRLF line endings to LF" in notes
    assert outline(split(text)) == outline(model("bold-parts.txt"))


def test_a_bom_is_removed():
    text, notes = decode_report(b"\xef\xbb\xbf" + (REPORTS / "no-title.txt").read_bytes(), "bom.txt")
    assert text.startswith("一、工作回顾") and "removed a UTF-8 byte order mark" in notes


def test_gb18030_is_decoded_and_said():
    data = (REPORTS / "bold-parts.txt").read_text(encoding="utf-8").encode("gb18030")
    text, notes = decode_report(data, "gbk.txt")
    assert text == (REPORTS / "bold-parts.txt").read_text(encoding="utf-8")
    assert notes == ["decoded as GB18030 (the file is not UTF-8)"]


def test_a_copy_without_part_headings_is_one_part_with_its_sections():
    report = model("no-part-headings.txt")
    assert report.subtitle.startswith("2021年2月1日") and report.front[-1].raw == "揭阳市市长 张科"
    assert outline(report) == [(1, ["part-1/intro", "part-1/section-1", "part-1/section-2"])]
    assert report.parts[0].sections[0].paragraphs[0].raw == "各位代表："
    assert [n.split(": ", 1)[1] for n in report.notes] == ["no part heading found (a line such as 一、… or 第一部分 …); the text after the title is one part"]


def test_livelihood_projects_after_the_body_are_an_appendix_part():
    report = model("appendix-after-the-body.txt")
    appendix = report.parts[-1]
    assert (appendix.number, appendix.title) == (4, "附件1")
    assert [(s.marker, s.title) for s in appendix.sections] == [
        ("", "附件1"), ("一、", "方便市民出行"), ("二、", "提升市容环境"), ("三、", "促进就业创业")]
    assert appendix.sections[0].paragraphs[0].raw == "2019年十大民生实事工作目标"
    # the projects are numbered through the whole list, not per section: kept as written
    assert [p.item for p in appendix.sections[3].paragraphs] == [21, 22]
    assert "starts again" in report.notes[0]


def test_a_plan_whose_part_heading_is_unnumbered_starts_its_numbering_again():
    report = model("numbering-starts-again.txt")
    assert [p.marker for p in report.parts] == ["一、", "二、", "三、", "四、", "五、", ""]
    plan = report.parts[-1]
    assert (plan.title, plan.heading.raw) == ("2007年工作安排", "**2007年工作安排**")
    assert [s.title for s in plan.sections] == ["2007年工作安排", "维护安全稳定，建设平安东莞", "加强招商引资，巩固外源优势"]


def test_a_second_list_of_sections_in_a_part_gets_its_own_ids():
    report = model("second-section-list.txt")
    assert [s.key for s in report.parts[1].sections] == ["intro", "1", "2", "3", "1b", "2b"]
    assert report.section("part-2/section-1b").title.startswith("着力调结构转方式")
    assert report.notes == ("line 27: section （一） appears twice; kept as written",)


def test_a_skipped_section_number_is_kept_as_written():
    report = model("section-number-skipped.txt")
    assert [(s.id, s.marker) for s in report.sections] == [("part-1/intro", ""), ("part-1/section-2", "（二）")]
    assert report.notes == ("line 21: section （二） comes where section 1 was expected: a section is missing; kept as written",)


def test_the_survey_counts_a_sentence_cut_into_list_items_as_lost():
    text = "一、任务\n新建小（1）型水库3座。\n"
    report = split(text)
    paragraph = report.paragraphs[0]
    cut = dataclasses.replace(paragraph, text="新建小")
    broken = dataclasses.replace(report, parts=(dataclasses.replace(report.parts[0], sections=(
        dataclasses.replace(report.sections[0], paragraphs=(cut,)),)),))
    assert lost_sentences(report, text) == []
    assert lost_sentences(broken, text) == ["新建小（1）型水库3座。"]


def run_split(*files) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scripts", "split", *map(str, files)], cwd=ROOT, capture_output=True, text=True)


def test_split_command_on_several_files_prints_one_json_line_each_and_goes_on_after_a_refusal(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    files = [REPORTS / "bold-parts.txt", empty, REPORTS / "section-number-skipped.txt"]
    result = run_split(*files)
    assert result.returncode == 2
    lines = result.stdout.splitlines()
    assert [json.loads(line)["file"] for line in lines] == [str(f) for f in files]
    assert json.loads(lines[1]) == {"file": str(empty), "error": f"{empty}: the file is empty"}
    assert json.loads(lines[2])["notes"] == ["line 21: section （二） comes where section 1 was expected: a section is missing; kept as written"]
    assert lines[0] == json.dumps(json.loads(lines[0]), ensure_ascii=False, separators=(",", ":"))  # compact
    assert f"note: {files[2]}: line 21: section （二）" in result.stderr
    assert f"error: {empty}: the file is empty" in result.stderr


def test_split_command_exits_0_when_every_file_splits():
    result = run_split(REPORTS / "bold-parts.txt", REPORTS / "no-title.txt")
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 2


def test_split_command_loads_nothing_slow():
    file = REPORTS / "bold-parts.txt"
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "scripts", "split", str(file), str(file)],
                            cwd=ROOT, capture_output=True, text=True)
    loaded = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "scripts.splitter" in loaded
    assert not {"jieba", "mkdocs", "markdown", "pypinyin", "jsonschema"} & {name.split(".")[0] for name in loaded}


@pytest.mark.parametrize(
    ("content", "note"),
    [
        ("没有任何标题。\n还是正文。\n", "line 1: no part heading found"),
        ("一、甲\n文。\n一、乙\n文。\n", "line 3: part 一、 appears twice; the numbering starts again"),
        ("一、甲\n文。\n三、乙\n文。\n", "line 3: part 三、 comes where part 2 was expected: a part is missing; kept as written"),
        ("二、甲\n文。\n一、乙\n文。\n", "line 1: part 二、 comes where part 1 was expected"),
        ("一、甲\n（一）子。文。\n（三）子。文。\n", "line 3: section （三） comes where section 2 was expected"),
        ("一、甲\n（二）子。文。\n（一）子。文。\n", "line 2: section （二） comes where section 1 was expected"),
        ("一、甲\n（一）子。\n1. 项。\n3. 项。\n", "line 4: item 3 comes where item 2 was expected; kept as written"),
    ],
    ids=["no-heading", "restarted-part", "missing-part", "out-of-order-part", "missing-section", "out-of-order-section",
         "missing-item"],
)
def test_split_command_splits_what_it_used_to_refuse_and_says_what_it_assumed(tmp_path, content, note):
    path = tmp_path / "report.txt"
    path.write_text(content, encoding="utf-8")
    result = run_split(path)
    assert result.returncode == 0
    assert f"note: {path}: {note}" in result.stderr
    assert any(n.startswith(note) for n in json.loads(result.stdout)["notes"])


@pytest.mark.parametrize("name", sorted(p.name for p in REPORTS.glob("*.txt")))
def test_split_command_prints_the_model_as_json(name):
    result = subprocess.run([sys.executable, "-m", "scripts", "split", str(REPORTS / name)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["parts"] and all(s["paragraphs"] or s["heading"] for p in data["parts"] for s in p["sections"])


def test_another_report_builds_from_its_text_metadata_and_summaries_alone(tmp_path):
    """The glossary, figures and investors files are optional; a report needs its text,
    report.yml (the layout in it is optional too) and an English summary per section."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "other.zh.txt").write_bytes((REPORTS / "plain-single-newlines.txt").read_bytes())
    (seeds / "report.yml").write_text(
        "text: other.zh.txt\ntitle_zh: 某市政府工作报告\ntitle_en: Work Report of a City\ncity_zh: 某市\ncity_en: A City\n"
        "delivered: 2025-01-10\nvenue_zh: 某市人民代表大会\nvenue_en: the Municipal People's Congress\n"
        "source_zh: 某市日报\nsource_en: City Daily\npublished: 2025-01-11\n", encoding="utf-8")
    sections = ["part-1/intro", "part-2/section-1", "part-2/section-2", "part-3/intro"]
    (seeds / "summaries.en.yml").write_text("".join(
        f"{s}:\n  title: A section\n  summary: The report describes this section.\n  points: [A point]\n" for s in sections),
        encoding="utf-8")
    docs = tmp_path / "docs"
    result = subprocess.run([sys.executable, "-m", "scripts", "build", "--seeds", str(seeds), "--docs", str(docs)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    built = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    assert "zh/part-2/section-1.md" in built and "en/part-2/section-1.md" in built
    assert not any("glossary" in p or "figures" in p or "investors" in p for p in built)
    assert "扩大投资。投资增长5%。" in (docs / "zh/part-2/section-1.md").read_text(encoding="utf-8")
