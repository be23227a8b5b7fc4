"""Material's stylesheet, trimmed to the rules the built site can use.

Material ships one stylesheet for every feature and Markdown extension it supports: 22.7 KB of
every page's first view (gzip), most of it for features this site does not use (code blocks and
annotations, tabs, Mermaid, the blog, palette toggles, …). After the build, a rule is dropped when
each of its selectors names a class that no built page carries and no script of the site could add,
and a custom property (most of them icons as data URIs) when nothing reads it: no var() in what is
left of the stylesheet, in ours or in a page, and no script that names it. Everything else
(element and attribute selectors, fonts, animations) stays.

The classes a script could add are read from the string literals of the site's scripts (Material's
bundle included) that hold no dot: a dotted literal is a selector or a feature's name. A literal that ends in "-" or "_" (a class put together at run time, such as
"md-tooltip2--" + placement) keeps every class that begins with it. tests/browser/test_styles.py
checks, in the states a reader can bring about (search results, the navigation drawer, the
language menu, open details), that every element has the same computed style with the trimmed
stylesheet as with Material's own.

tinycss2 parses the stylesheet (a maintained CSS parser); which rules to keep is this site's own
question, hence these few lines rather than a purging tool (PurgeCSS is a Node program).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import tinycss2

from .cache import cached_text

THEME_STYLESHEET = "assets/stylesheets/main.*.min.css"
SCRIPTS = "assets/javascripts/*.js"
OUR_STYLESHEETS = "assets/stylesheets/site.css"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_STYLE_ATTRIBUTE = re.compile(r'style="([^"]*)"')
_VAR = re.compile(r"var\(\s*(--[\w-]+)")
_PROPERTY = re.compile(r"(?<![\w-])(--[\w-]+)")
_CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')
_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'|`([^`]*)`')
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_SELECTOR_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")


@dataclass(frozen=True)
class Usage:
    """What the built site can use of the theme stylesheet."""

    classes: frozenset[str]  # carried by a page or named by a script
    prefixes: tuple[str, ...]  # of classes the scripts put together at run time
    properties: frozenset[str]  # custom properties read outside the theme stylesheet


def usage(site: Path) -> Usage:
    """The classes the built pages carry or the site's scripts name, the prefixes of classes the
    scripts put together at run time, and the custom properties read outside the theme's
    stylesheet. The scripts are those the pages run: Material's bundle, ours beside it, and the
    pages' inline scripts (search's language files and worker touch no page, and their word lists
    would keep almost everything)."""
    classes: set[str] = set()
    scripts = [path.read_text(encoding="utf-8") for path in site.glob(SCRIPTS)]
    readers = [path.read_text(encoding="utf-8") for path in site.glob(OUR_STYLESHEETS)]
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8", errors="replace")
        for attribute in _CLASS_ATTRIBUTE.findall(text):
            classes.update(attribute.split())
        scripts += _INLINE_SCRIPT.findall(text)
        readers += _STYLE_ATTRIBUTE.findall(text)
    prefixes: set[str] = set()
    properties: set[str] = set()
    for script in scripts:
        properties.update(_VAR.findall(script))
        for groups in _STRING.findall(script):
            for literal in groups:
                properties.update(_PROPERTY.findall(literal))
                if "." in literal:
                    # a selector the script looks for (the classes it finds are on a page already)
                    # or a feature's name ("search.highlight"), not a class the script adds
                    continue
                classes.update(_WORD.findall(literal))
                # "md-tooltip2--" + placement, or `md-tooltip2--${placement}`
                for piece in re.split(r"\$\{[^}]*\}", literal):
                    if prefix := re.search(r"[A-Za-z_][\w-]*[-_]$", piece):
                        prefixes.add(prefix.group(0))
    for text in readers:
        properties.update(_VAR.findall(text))
    return Usage(frozenset(classes), tuple(sorted(prefixes)), frozenset(properties))


def _kept(selector_list: str, classes: set[str], prefixes: tuple[str, ...]) -> bool:
    """Whether any selector of the list can match: all the classes it names can occur."""
    return any(all(name in classes or name.startswith(prefixes) for name in _SELECTOR_CLASS.findall(selector))
               for selector in _split_selectors(selector_list))


def _split_selectors(selector_list: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside :is(…) or :not(…))."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(selector_list):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(selector_list[start:i])
            start = i + 1
    return [*parts, selector_list[start:]]


def _purge(rules: list, classes: set[str], prefixes: tuple[str, ...]) -> list:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            if _kept(tinycss2.serialize(rule.prelude), classes, prefixes):
                kept.append(rule)
        elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in ("media", "supports", "layer", "container"):
            inner = _purge(tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True), classes, prefixes)
            if inner:
                rule.content = inner
                kept.append(rule)
        else:
            kept.append(rule)  # @font-face, @keyframes, @charset, …
    return kept


def _declarations(tokens: list):
    """A rule's content as its declarations, each a list of tokens up to and with its ";"."""
    declaration: list = []
    for token in tokens:
        declaration.append(token)
        if token.type == "literal" and token.value == ";":
            yield declaration
            declaration = []
    if declaration:
        yield declaration


def _property(declaration: list) -> str | None:
    """The custom property a declaration sets, if it sets one."""
    first = next((t for t in declaration if t.type not in ("whitespace", "comment")), None)
    return first.value if first is not None and first.type == "ident" and first.value.startswith("--") else None


def _drop_properties(rules: list, read: set[str]) -> bool:
    """Drop from the rules the custom properties not in `read`; whether any was dropped."""
    dropped = False
    for rule in rules:
        if rule.type == "qualified-rule":
            declarations = list(_declarations(rule.content))
            kept = [d for d in declarations if _property(d) in (None, *read)]
            if len(kept) != len(declarations):
                rule.content = [token for declaration in kept for token in declaration]
                dropped = True
        elif rule.type == "at-rule" and isinstance(rule.content, list) and rule.content and hasattr(rule.content[0], "prelude"):
            dropped |= _drop_properties(rule.content, read)
    return dropped


def purge(css: str, use: Usage) -> str:
    """The stylesheet without the rules none of whose selectors can match and without the custom
    properties nothing reads (comments dropped too, among them the source map's, which no longer
    fits)."""
    rules = _purge(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True), set(use.classes), use.prefixes)
    # a property read only by one that is dropped goes in the next round
    while _drop_properties(rules, set(use.properties) | set(_VAR.findall(tinycss2.serialize(rules)))):
        pass
    return tinycss2.serialize(rules)


def purge_site(site: Path) -> None:
    """Trim the theme stylesheet in a built site. Parsing it takes a few tenths of a second, so the
    result is kept for the same stylesheet and usage (scripts/cache.py)."""
    use = usage(site)
    code = (version("tinycss2"), Path(__file__).read_text(encoding="utf-8"))
    for path in site.glob(THEME_STYLESHEET):
        css = path.read_text(encoding="utf-8")
        inputs = (css, sorted(use.classes), use.prefixes, sorted(use.properties), code)
        path.write_text(cached_text("purged-css", inputs, functools.partial(purge, css, use)), encoding="utf-8")
