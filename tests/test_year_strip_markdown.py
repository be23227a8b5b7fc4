"""The year strips pass through Markdown whole, as the same HTML the tag-by-tag path writes."""

from __future__ import annotations

import markdown

from scripts.render import year_strip
from scripts.year_strip_markdown import YearStripExtension

STRIP = year_strip((2016, 2026), tuple(range(2016, 2027)), "en")
TABLE = f"| Term | Years |\n|---|---|\n| 四主四市 | {STRIP} |\n"


def test_a_strip_in_a_table_is_written_as_without_the_extension():
    plain = markdown.markdown(TABLE, extensions=["tables"])
    assert markdown.markdown(TABLE, extensions=["tables", YearStripExtension()]) == plain


def test_a_strip_is_one_piece_of_raw_html():
    md = markdown.Markdown(extensions=[YearStripExtension()])
    md.convert(f"Years: {STRIP}")
    assert md.htmlStash.rawHtmlBlocks == [STRIP]
