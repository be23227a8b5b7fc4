"""A Markdown extension that marks glossary terms in a page: every occurrence gets an <abbr> whose
title is the English rendering and a short note (Material shows it as a tooltip); the first
occurrence on a page also links to the glossary entry.

Terms are matched with glossary.matcher (CJK-aware, longest first), never inside headings, links,
code, the <summary> of a collapsed block, or an existing <abbr>.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import xml.etree.ElementTree as etree
from pathlib import Path

from markdown import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX

from .english import REF, plain
from .glossary import Entry, anchors, find_terms, matcher

TERMS_FILE = ".glossary.json"  # written beside the pages by render.py, read by the MkDocs hook


def terms_json(entries: tuple[Entry, ...], pages: dict[str, str] | None = None) -> str:
    """What the pages need of the glossary: each term's tooltip, and the page and anchor of its
    entry (pages: term → path under docs/<lang>/)."""
    slugs = anchors(entries)
    names = {e.term: e.english for e in entries}  # a note's [[term]] reads as its English name in a tooltip
    data = {e.term: {"tooltip": plain(e.tooltip, names), "english": e.english, "reference_tooltip": plain(e.reference_tooltip, names),
                     "page": (pages or {}).get(e.term, "glossary.md"), "anchor": slugs[e.term]}
            for e in entries}
    return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"

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
        skip = element.tag in SKIP or "no-glossary" in (element.get("class") or "").split()
        for child in list(element):
            if child.get("data-term") is not None:  # a [[term]]: in a heading or link too, unlinked there
                self._reference(element, child, may_link=not skip)
        if skip:
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
        for i, (_start, stop, term) in enumerate(spans):
            node = self._element(term)
            node.tail = text[stop : spans[i + 1][0] if i + 1 < len(spans) else len(text)]
            nodes.append(node)
        return head, nodes

    def _reference(self, parent: etree.Element, abbr: etree.Element, may_link: bool = True) -> None:
        """A [[term]] in English text: its English name, the Chinese term and note as the tooltip,
        and on its first occurrence on the page (outside headings and links) a link to the entry."""
        term = abbr.attrib.pop("data-term")
        tooltip = self.ext.terms[term]["reference_tooltip"]
        target = self.ext.link_to(self.ext.terms[term]["page"])
        if term in self.linked or target is None or not may_link:
            abbr.set("title", tooltip)
            return
        self.linked.add(term)
        link = etree.Element("a", {"href": f"{target}#{self.ext.terms[term]['anchor']}", "class": "glossary-link",
                                   "title": tooltip})
        at = list(parent).index(abbr)
        parent.remove(abbr)
        link.tail, abbr.tail = abbr.tail, None
        link.append(abbr)
        parent.insert(at, link)

    def _element(self, term: str) -> etree.Element:
        tooltip = self.ext.terms[term]["tooltip"]
        abbr = etree.Element("abbr", {"class": "glossary-term"})
        abbr.text = term
        target = self.ext.link_to(self.ext.terms[term]["page"])
        if term in self.linked or target is None:
            abbr.set("title", tooltip)
            return abbr
        # The first occurrence is a link, and the link carries the title: Material shows a link's
        # tooltip on keyboard focus as well as on hover.
        self.linked.add(term)
        link = etree.Element("a", {"href": f"{target}#{self.ext.terms[term]['anchor']}",
                                   "class": "glossary-link", "title": tooltip})
        link.append(abbr)
        return link


class ReferenceInlineProcessor(InlineProcessor):
    """[[四主四市]] → <abbr class="glossary-term" data-term="四主四市">Four Mains, Four Cities</abbr>;
    the treeprocessor then adds the tooltip and, once per page, the link."""

    def __init__(self, pattern: str, extension: GlossaryExtension) -> None:
        super().__init__(pattern)
        self.ext = extension

    def handleMatch(self, m, data):  # noqa: N802 (Python-Markdown's name)
        term = m.group(1)
        if term not in self.ext.terms:
            return None, None, None  # the build has refused unknown terms; leave the text as it is
        abbr = etree.Element("abbr", {"class": "glossary-term", "data-term": term})
        abbr.text = self.ext.terms[term]["english"]
        return abbr, m.start(0), m.end(0)


class GlossaryExtension(Extension):
    """`page_src` (the page's path under docs/) is set by the MkDocs hook before each page renders,
    so the first occurrence links to the glossary of the same language with a relative .md link
    that MkDocs then checks and rewrites."""

    def __init__(self, terms: dict[str, dict[str, str]], **kwargs) -> None:
        super().__init__(**kwargs)
        self.terms = terms  # term → {"tooltip", "page", "anchor"}, as terms_json writes them
        self.pattern = matcher(self.terms)
        self.page_src = ""
        # what its output depends on besides the page, for scripts/page_cache.py
        self.cache_key = hashlib.sha256(json.dumps(terms, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()

    @classmethod
    def from_entries(cls, entries: tuple[Entry, ...], pages: dict[str, str] | None = None) -> GlossaryExtension:
        return cls(json.loads(terms_json(entries, pages)))

    @classmethod
    def from_docs(cls, docs: Path) -> GlossaryExtension:
        path = Path(docs) / TERMS_FILE
        return cls(json.loads(path.read_text(encoding="utf-8")) if path.exists() else {})

    def link_to(self, page: str) -> str | None:
        """Relative link from the current page to a glossary page of the same language; None on
        pages of the glossary itself (their terms are entries or link to them already)."""
        if not self.page_src:
            return None
        lang = self.page_src.split("/", 1)[0]
        if self.page_src.startswith(f"{lang}/glossary/") or self.page_src == f"{lang}/glossary.md":
            return None
        return posixpath.relpath(f"{lang}/{page}", posixpath.dirname(self.page_src))

    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's name)
        # [[term]] before links and references (160, 170) read the brackets
        md.inlinePatterns.register(ReferenceInlineProcessor(REF.pattern, self), "glossary-reference", 175)
        # After inline processing (20) and attr_list (8), before MkDocs' own link rewriting (0).
        md.treeprocessors.register(GlossaryTreeprocessor(md, self), "glossary", 4)
