"""A Markdown extension that marks glossary terms in a page: every occurrence gets an <abbr> whose
title is the English rendering and a short note (Material shows it as a tooltip); the first
occurrence on a page also links to the glossary entry.

Terms are matched with glossary.matcher (CJK-aware, longest first), never inside headings, links,
code, the <summary> of a collapsed block, or an existing <abbr>.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX

from .glossary import Entry, anchors, find_terms, matcher

SKIP = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "abbr", "summary", "script", "style"}
PLACEHOLDER = re.compile(f"{STX}[^{ETX}]*{ETX}")  # stashed raw HTML: never look inside


class GlossaryTreeprocessor(Treeprocessor):
    def __init__(self, md, extension: GlossaryExtension) -> None:
        super().__init__(md)
        self.ext = extension

    def run(self, root: etree.Element) -> None:
        if self.ext.pattern is None:
            return
        self.linked: set[str] = set()
        self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        if element.tag in SKIP or "no-glossary" in (element.get("class") or "").split():
            return
        children = list(element)
        if element.text:
            new = self._mark(element.text)
            if new is not None:
                element.text, nodes = new
                for i, node in enumerate(nodes):
                    element.insert(i, node)
        for child in children:
            self._walk(child)
            if child.tail:
                new = self._mark(child.tail)
                if new is not None:
                    child.tail, nodes = new
                    at = list(element).index(child) + 1
                    for i, node in enumerate(nodes):
                        element.insert(at + i, node)

    def _mark(self, text: str):
        """Split text into (leading text, [marked elements with their tails]) or None if no term."""
        spans = []
        outside = 0
        for hole in [*PLACEHOLDER.finditer(text), None]:
            end = hole.start() if hole else len(text)
            for start, stop, term in find_terms(text[outside:end], self.ext.pattern):
                spans.append((outside + start, outside + stop, term))
            outside = hole.end() if hole else end
        if not spans:
            return None
        head = text[: spans[0][0]]
        nodes = []
        for i, (start, stop, term) in enumerate(spans):
            node = self._element(term)
            node.tail = text[stop : spans[i + 1][0] if i + 1 < len(spans) else len(text)]
            nodes.append(node)
        return head, nodes

    def _element(self, term: str) -> etree.Element:
        entry = self.ext.entries[term]
        abbr = etree.Element("abbr", {"class": "glossary-term"})
        abbr.text = term
        if term in self.linked or not self.ext.glossary_link:
            abbr.set("title", entry.tooltip)
            return abbr
        # The first occurrence is a link, and the link carries the title: Material shows a link's
        # tooltip on keyboard focus as well as on hover.
        self.linked.add(term)
        link = etree.Element("a", {"href": f"{self.ext.glossary_link}#{self.ext.anchors[term]}", "class": "glossary-link",
                                   "title": entry.tooltip})
        link.append(abbr)
        return link


class GlossaryExtension(Extension):
    """`page_src` (the page's path under docs/) is set by the MkDocs hook before each page renders,
    so the first occurrence links to the glossary of the same language with a relative .md link
    that MkDocs then checks and rewrites."""

    def __init__(self, entries: tuple[Entry, ...], glossary_page: str = "glossary.md", **kwargs) -> None:
        super().__init__(**kwargs)
        self.entries = {e.term: e for e in entries}
        self.anchors = anchors(entries)
        self.pattern = matcher(self.entries)
        self.glossary_page = glossary_page
        self.page_src = ""

    @property
    def glossary_link(self) -> str:
        if not self.page_src:
            return ""
        lang = self.page_src.split("/", 1)[0]
        target = f"{lang}/{self.glossary_page}"
        if self.page_src == target:
            return ""  # on the glossary page itself, terms link to their entries by anchor
        return posixpath.relpath(target, posixpath.dirname(self.page_src))

    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's name)
        # After inline processing (20) and attr_list (8), before MkDocs' own link rewriting (0).
        md.treeprocessors.register(GlossaryTreeprocessor(md, self), "glossary", 4)
