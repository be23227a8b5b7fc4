"""Bad input gets one clear line naming the file and the line, never a traceback, and leaves
docs/ as it was. Each case runs the real command line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import markdown
import pytest

from scripts.build import load_site
from scripts.glossary_markdown import GlossaryExtension
from scripts.render import render_site
from tests.conftest import ROOT, copy_seeds, edit_seed

SEED = "guiyang-2026.zh.txt"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scripts", *args], cwd=ROOT, capture_output=True, text=True)


def assert_one_line_error(result: subprocess.CompletedProcess, path: str, line: int | None, words: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    where = f"{path}:{line}:" if line else f"{path}:"
    assert lines[0].startswith(f"error: {where}"), lines[0]
    assert words in lines[0], lines[0]


# ---------------------------------------------------------------------------------------------
# The report file, through `split FILE`

@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        (b"", None, "the file is empty"),
        (b"  \n\n", None, "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 3, "binary data"),
        ("第一行\n第二行\n".encode() + bytes([0xff, 0xfe, 0x41, 0x80]) + b"\n", 3, "not UTF-8"),
        (b"Annual report\n\nNo Chinese here.\n", 1, "no Chinese text"),
        ("# 2026年政府工作报告\n\n（2026年1月19日在会议上）\n".encode(), 1, "a title and nothing else"),
        ("一、甲\n文\x07字。\n".encode(), 2, "control character"),
    ],
    ids=["empty", "blank", "binary", "not-utf8", "no-chinese", "title-only", "control-char"],
)
def test_a_bad_report_file_is_one_clear_error(tmp_path, content, line, words):
    path = tmp_path / "report.txt"
    path.write_bytes(content)
    assert_one_line_error(run("split", str(path)), str(path), line, words)


def test_a_path_that_does_not_exist(tmp_path):
    missing = tmp_path / "nope.txt"
    assert_one_line_error(run("split", str(missing)), str(missing), None, "no such file")


def test_a_folder_is_not_a_report(tmp_path):
    assert_one_line_error(run("split", str(tmp_path)), str(tmp_path), None, "not a regular file")


def test_gb18030_is_decoded_with_a_note(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("一、回顾\n过去一年成绩显著。\n".encode("gb18030"))
    result = run("split", str(path))
    assert result.returncode == 0
    assert "decoded as GB18030" in result.stderr and '"title": "回顾"' in result.stdout


def test_stray_markdown_splits_and_shows_as_text(tmp_path):
    text = "## 一、回顾\n\n> 引用的一行。\n\n* 星号开头的一段。\n\n**二、任务**\n\n**（一）加快发展。**正文 [链接](x) `代码` <b>粗</b>。\n"
    path = tmp_path / "md.txt"
    path.write_text(text, encoding="utf-8")
    result = run("split", str(path))
    assert result.returncode == 0, result.stderr
    assert '"title": "加快发展"' in result.stdout
    from scripts.render import md_text

    html = markdown.markdown(md_text("* 星号开头 [链接](x) `代码` <b>粗</b>"))
    assert html == "<p>* 星号开头 [链接](x) `代码` &lt;b&gt;粗&lt;/b&gt;</p>"


def test_a_very_long_line_splits(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("一、回顾\n" + "很长的一段。" * 100_000 + "\n", encoding="utf-8")
    result = run("split", str(path))
    assert result.returncode == 0 and len(result.stdout) > 600_000


# ---------------------------------------------------------------------------------------------
# The seeds, through `build`, which must leave docs/ as it was


def build_with(tmp_path: Path, edit) -> tuple[subprocess.CompletedProcess, Path, bool]:
    seeds = copy_seeds(tmp_path)
    edit(seeds)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "keep.md").write_text("untouched\n", encoding="utf-8")
    result = run("build", "--seeds", str(seeds), "--docs", str(docs))
    untouched = [p.name for p in docs.rglob("*")] == ["keep.md"]
    return result, seeds, untouched


def line_of(path: Path, fragment: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line)


CASES = [
    # (file, old, new, fragment on the line the error names, words)
    (SEED, "**二、“十五五”时期的奋斗目标和主要任务**", "**一、“十五五”时期的奋斗目标和主要任务**", "**一、“十五五”", "appears twice"),
    (SEED, "（二）持续优化产业结构", "（三）持续优化产业结构", "（三）持续优化产业结构", "a section is missing"),
    ("report.yml", "delivered: 2026-01-19", "delivered: [2026, 1, 19]", "delivered:", "must be text"),
    ("report.yml", "delivered: 2026-01-19", "delivered: 19 January", "delivered:", "must be a date"),
    ("report.yml", "city_en: Guiyang", "city_en: Guiyang\ncity_fr: Guiyang", "city_fr", "unknown key 'city_fr'"),
    ("report.yml", "city_en: Guiyang", "city_en: Guiyang\ncity_en: Kweiyang", "city_en: Kweiyang", "duplicate key 'city_en'"),
    ("report.yml", "title_en: Guiyang Municipal Government Work Report 2026\n", "", None, "missing key 'title_en'"),
    ("report.yml", "starts: 我们也清醒认识到", "starts: 我们也不再认识到", "starts: 我们也不再认识到", "no paragraph of part 一 starts with"),
    ("report.yml", "title_zh: 贵阳市2026年政府工作报告\ntitle_en", "title_zh: [贵阳市\ntitle_en", "title_en:", "(in the flow sequence that starts on line 7)"),
    ("report.yml", "  - number: 2\n    slug: plan", "  - number: 2\n    slug: Plan!", "slug: Plan!", "may hold only"),
    ("summaries.en.yml", "review/2025:\n", "review/2024:\n", "review/2024:", "unknown section 'review/2024'"),
    ("summaries.en.yml", "  title: Review of 2025\n", "  title: Review of 2025\n  title: Again\n", "title: Again", "duplicate key 'title'"),
    ("summaries.en.yml", "review/2025:\n  title: Review of 2025\n", "review/2025:\n  title: Review of 2025\n  colour: red\n", "colour: red", "unknown key 'colour'"),
    ("glossary.yml", "- term: 四主四区\n  english: Four Mains, Four Districts\n  level: Guiyang",
     "- term: 四主四区\n  english: Four Mains, Four Districts\n  level: planetary", "level: planetary", "level must be one of"),
    ("glossary.yml", "  related: [四主四区, 八个强]", "  related: [四主四区, 九个强]", "- term: 四主四市", "related term '九个强'"),
    ("figures.yml", "  paragraph: p3-targets-2\n", "  paragraph: p3-targets-9\n", "paragraph: p3-targets-9", "unknown paragraph"),
    ("figures.yml", "  value: 5.5\n", "  value: five\n", "value: five", "value must be a number"),
    ("figures.yml", "- id: primary-industry-growth-2026", "- id: gdp-growth-2026  # again", "# again", "duplicate figure id"),
    ("investors.yml", "      paragraph: p3-2-2\n", "      paragraph: p9-9-9\n", "paragraph: p9-9-9", "unknown paragraph"),
    ("glossary.yml", "- term: 四主四区\n", "- term: 四主九区\n", "- term: 四主九区", "does not occur in the report"),
    ("readings.yml", '"五连冠": "wǔ lián guàn"', '"五连冠": "wǔ lián guàn"\n"六连冠": "liù lián guàn"', '"六连冠"', "not a glossary term"),
    ("glossary.yml", '    passage: "大力治风，提倡婚事新办', '    passage: "大力治风，提倡婚事旧办', 'passage: "大力治风', "is not in the 2022 report"),
    ("translation.en.yml", "\np3-closing-1:", "\np3-closing-9:", "p3-closing-9:", "not a paragraph of the report"),
    ("translation.en.yml", "1.35 million mu (90,000 hectares)", "1.35 million mu (95,000 hectares)", "p3-2-5:",
     "1,350,000 mu is 90,000 hectares"),
    ("earlier/reports.yml", "  delivered: 2016-01-19", "  delivered: 19 January 2016", "delivered: 19 January 2016", "must be a date"),
    ("earlier/dropped.yml", "- term: \"强省会\"", "- term: \"强省会了\"", "强省会了", "does not occur in the 2025 report"),
    ("targets.yml", "phrase: 全年地区生产总值增长6%左右", "phrase: 全年地区生产总值增长7%左右", "全年地区生产总值增长7%左右", "the phrase is not in paragraph"),
    ("targets.yml", "  - year: 2016\n", "  - year: 2015\n", "  - year: 2015", "there is no 2015 report"),
    ("targets.yml", "    unit: 万人\n", "    unit: 万只\n", "unit: 万只", "unknown unit '万只'"),
    ("targets.yml", "          phrase: 全年地区生产总值增长5.1%\n          paragraph: p1-2025-2\n          expected: false\n        status: below",
     "          phrase: 全年地区生产总值增长5.1%\n          paragraph: p1-2025-2\n          expected: false\n        status: met  # wrong",
     "status: met  # wrong",
     "but the numbers say 'below'"),
]


@pytest.mark.parametrize(("file", "old", "new", "fragment", "words"), CASES,
                         ids=[f"{c[0]}:{c[4][:30]}" for c in CASES])
def test_a_bad_seed_stops_the_build_with_file_and_line_and_leaves_docs(tmp_path, file, old, new, fragment, words):
    result, seeds, untouched = build_with(tmp_path, lambda seeds: edit_seed(seeds, file, old, new))
    path = seeds / file
    line = line_of(path, fragment.rstrip("\n")) if fragment else None
    if fragment is None:
        assert result.returncode == 2 and words in result.stderr and f"{path}:" in result.stderr
    else:
        assert_one_line_error(result, str(path), line, words)
    assert untouched


def test_yaml_text_with_html_shows_as_text_on_the_pages(tmp_path):
    seeds = copy_seeds(tmp_path)
    edit_seed(seeds, "glossary.yml", "  note: >-\n    Guiyang's core work approach", "  note: >-\n    <script>alert(1)</script> Guiyang's core work approach")
    edit_seed(seeds, "summaries.en.yml", "  title: Review of 2025\n", "  title: Review of <b>2025</b>\n")
    site = load_site(seeds)
    pages = render_site(site)
    extension = GlossaryExtension.from_entries(site.glossary)
    extension.page_src = "en/review/2025.md"
    extensions = ["admonition", "attr_list", "md_in_html", "tables", "pymdownx.details", "toc", extension]
    page = markdown.markdown(re.sub(r"\A---.*?---\n", "", pages["en/review/2025.md"], flags=re.S), extensions=extensions)
    assert "<b>2025</b>" not in page and "Review of &lt;b&gt;2025&lt;/b&gt;" in page
    glossary = markdown.markdown(re.sub(r"\A---.*?---\n", "", pages["en/glossary/strategy-and-positioning.md"], flags=re.S),
                                 extensions=extensions)
    assert "<script>" not in glossary and "&lt;script&gt;alert(1)&lt;/script&gt;" in glossary
    tooltip = next(e for e in site.glossary if e.term == "四主四市").tooltip
    assert "<script>" in tooltip  # the tooltip keeps the text; the HTML attribute escapes it:
    marked = markdown.markdown("坚定落实四主四市工作思路", extensions=[extension])
    assert "&lt;script&gt;" in marked and "<script>" not in marked


def test_the_control_character_pattern_matches_unicodes_categories():
    import unicodedata

    from scripts.sources import CONTROL

    def control(ch: str) -> bool:
        return ch not in "\n\r\t" and unicodedata.category(ch) in ("Cc", "Cs", "Co")

    assert [hex(i) for i in range(0x110000) if control(chr(i)) != bool(CONTROL.match(chr(i)))] == []
