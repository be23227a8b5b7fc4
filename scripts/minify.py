"""MkDocs hooks that take the indentation out of the pages and the comments out of the site's own
stylesheet and script, as they are written to site/ (every first view fetches them).

The sources keep their comments and layout; only the built copies are made smaller. This is plain
text work, no parser: the files are ours and written so that it is safe (no "/*" inside a CSS
string, no line of JavaScript that starts with // inside a string or template literal). A minifier
plugin (mkdocs-minify-plugin) would bring three more packages and rewrite whitespace inside the text
too, for a gain of about a kilobyte a page that these few lines already give.
"""

from __future__ import annotations

import re
from pathlib import Path

# Indentation at the start of a line: a newline stays, so words never run together.
INDENT = re.compile(r"\n[ \t]+")
# Preformatted text keeps its whitespace.
KEEP = re.compile(r"(<(pre|textarea)\b.*?</\2>)", re.S)
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
JS_COMMENT_LINE = re.compile(r"^[ \t]*//.*\n", re.M)

STYLESHEETS = ["assets/stylesheets/site.css"]
SCRIPTS = ["assets/javascripts/paragraphs.js", "assets/javascripts/tooltips.js",
           "assets/javascripts/workers/search-on-demand.js"]


def html(text: str) -> str:
    parts = KEEP.split(text)
    # split() with two groups gives: text, whole kept block, tag name, text, …
    return "".join(INDENT.sub("\n", part) if i % 3 == 0 else part for i, part in enumerate(parts) if i % 3 != 2)


def css(text: str) -> str:
    text = CSS_COMMENT.sub("", text)
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"\s*([{};,>])\s*", r"\1", text).strip() + "\n"


def js(text: str) -> str:
    return INDENT.sub("\n", JS_COMMENT_LINE.sub("", text)).lstrip()


def on_post_page(output, page, config):
    return html(output)


def on_post_build(config):
    site = Path(config.site_dir)
    for name, minify in [*((n, css) for n in STYLESHEETS), *((n, js) for n in SCRIPTS)]:
        path = site / name
        if path.is_file():
            path.write_text(minify(path.read_text(encoding="utf-8")), encoding="utf-8")
