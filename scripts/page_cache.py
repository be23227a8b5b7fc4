"""Pages met before are not converted or indexed again: each page's HTML (with its table of
contents and anchors) and the search plugin's entries for it are kept in .cache/ (scripts/cache.py)
under a hash of everything that shapes them, and reused when a later build, or a `mkdocs serve`
reload after a seed edit, meets the same page in the same site.

Why by hand: MkDocs converts every page on every build (its --dirty mode skips pages by file time,
and leaves links unchecked and the search index partial), and Material's search plugin parses and
segments every page again; neither has a cache to switch on. (Sphinx keeps its doctrees between
builds for the same reason.) The MkDocs hooks install the two wrappers below; the page objects and
the search index are MkDocs' and Material's own, so everything after them (templates, link and
anchor checks, the index file) runs as it always does.

What a key holds. For the HTML: the page's Markdown as the hooks leave it, its source and
destination, every file of the language pass with its URL (links are resolved against them), the
Markdown extensions with their settings (ours by the data they carry), MkDocs' link validation
settings, the versions of the libraries that convert, and the source of scripts/. For the search
entries: the page's HTML, URL, title, table of contents and front matter, the search plugin's
settings, jieba's dictionary, the libraries' versions and scripts/ (which trims the entries). A conversion that logged a warning is
never stored, so a strict build fails on it every time.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from mkdocs.structure.toc import AnchorLink

from . import cache

LIBRARIES = ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material", "mkdocs-static-i18n", "jieba")
SCRIPTS = Path(__file__).resolve().parent


@functools.cache
def _code() -> tuple[tuple[str, ...], str]:
    """The libraries' versions and a hash of scripts/ (the Markdown extensions and the hooks)."""
    digest = hashlib.sha256()
    for path in sorted(SCRIPTS.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return tuple(f"{name} {version(name)}" for name in LIBRARIES), digest.hexdigest()


def files_key(files) -> str:
    """The files of a language pass and their URLs, hashed once per pass."""
    rows = sorted((f.src_uri, f.dest_uri, f.url, f.is_documentation_page(), str(f.inclusion)) for f in files)
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode("utf-8")).hexdigest()


def _extensions(config) -> list[str] | None:
    """The Markdown extensions as text; None when one is an object that gives no `cache_key`
    (then nothing can say whether its output would be the same)."""
    names = []
    for extension in config.markdown_extensions:
        if isinstance(extension, str):
            names.append(extension)
            continue
        key = getattr(extension, "cache_key", None)
        if key is None:
            return None
        names.append(f"{type(extension).__module__}.{type(extension).__qualname__} {key}")
    return names


def render_inputs(page, config, files_hash: str) -> tuple | None:
    extensions = _extensions(config)
    if extensions is None:
        return None
    file = page.file
    return (_code(), files_hash, file.src_uri, file.dest_uri, file.url, page.markdown, extensions,
            json.dumps(config.mdx_configs, sort_keys=True, default=repr), repr(config.validation), config.use_directory_urls)


def _toc_json(toc) -> list:
    return [[item.title, item.id, item.level, _toc_json(item.children)] for item in toc]


def _toc_from_json(rows: list) -> list[AnchorLink]:
    items = []
    for title, id_, level, children in rows:
        item = AnchorLink(title, id_, level)
        item.children = _toc_from_json(children)
        items.append(item)
    return items


class _Warnings(logging.Handler):
    """Counts the warnings logged while a page converts (MkDocs' loggers do not propagate to the
    root logger, Python-Markdown's do)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0
        self.loggers = [logging.getLogger("mkdocs"), logging.getLogger()]

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    def __enter__(self) -> _Warnings:
        for logger in self.loggers:
            logger.addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        for logger in self.loggers:
            logger.removeHandler(self)


def use_for_render(page, files_hash: str) -> None:
    """Make `page.render` take its result from the cache, or convert and store it."""
    convert = page.render

    def render(config, files) -> None:
        inputs = render_inputs(page, config, files_hash)
        stored = cache.load("pages", inputs) if inputs else None
        if stored is not None:
            data = json.loads(stored)
            page.content = data["content"]
            page.toc = _toc_from_json(data["toc"])
            page._title_from_render = data["title"]  # what MkDocs' own render sets (page.title reads it)
            page.present_anchor_ids = set(data["anchors"])
            page.links_to_anchors = {files.get_file_from_path(uri): links for uri, links in data["links"].items()}
            return
        with _Warnings() as warnings:
            convert(config, files)
        if inputs is None or warnings.count:
            return
        links = {file.src_uri: anchors for file, anchors in (page.links_to_anchors or {}).items()}
        cache.store("pages", inputs, json.dumps({
            "content": page.content, "toc": _toc_json(page.toc), "title": page._title_from_render,
            "anchors": sorted(page.present_anchor_ids or ()), "links": links}, ensure_ascii=False))

    page.render = render


def use_for_search(index, dictionary: str, prepare: Callable[[list[dict]], list[dict]]) -> None:
    """Make the search index take each page's entries from the cache, or index the page, `prepare`
    its entries and store them (`index` is the search plugin's SearchIndex; its entries list is
    what it writes)."""
    if getattr(index, "page_cache", False):
        return
    add = index.add_entry_from_context
    settings = json.dumps(index.config, sort_keys=True, default=repr)
    code = _code()  # `prepare` is ours: scripts/ is in the key

    def add_entry_from_context(page) -> None:
        inputs = (code, settings, dictionary, page.url, page.title, page.content, _toc_json(page.toc),
                  json.dumps(page.meta, sort_keys=True, default=repr))
        stored = cache.load("search", inputs)
        if stored is not None:
            index.entries.extend(json.loads(stored))
            return
        before = len(index.entries)
        add(page)
        index.entries[before:] = entries = prepare(index.entries[before:])
        cache.store("search", inputs, json.dumps(entries, ensure_ascii=False))

    index.add_entry_from_context = add_entry_from_context
    index.page_cache = True
