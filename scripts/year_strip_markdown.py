"""A Markdown extension that passes each strip of report years (render.year_strip) through as one
piece of raw HTML.

Python-Markdown's own inline HTML pattern takes one tag at a time, each a pass of the inline
processor over the cell, and the strips on the glossary and new-terms pages held about half of all
inline HTML in the site. As one piece the HTML written is the same. Safe because a strip holds only
two-digit years and <b> around the runs that hold the term, nothing the glossary marks.
"""

from __future__ import annotations

from markdown import Extension
from markdown.inlinepatterns import HtmlInlineProcessor

YEAR_STRIP = r'(<span class="year-strip"[^>]*>(?:\d+|<b>|</b>| )*</span>)'


class YearStripExtension(Extension):
    cache_key = ""  # it carries no data (scripts/page_cache.py)

    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's name)
        # just before Python-Markdown's inline HTML pattern (90), which would take the tags one by one
        md.inlinePatterns.register(HtmlInlineProcessor(YEAR_STRIP, md), "year-strip", 91)
