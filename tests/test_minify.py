"""The built copies of pages, stylesheet and script: smaller, and the same to a browser."""

from __future__ import annotations

from scripts import minify


def test_indentation_goes_but_lines_stay_apart():
    assert minify.html("<p>one\n    two</p>\n  <p>three</p>") == "<p>one\ntwo</p>\n<p>three</p>"


def test_preformatted_text_keeps_its_indentation():
    page = "<div>\n  <pre><code>@misc{x,\n  title = {y}\n}</code></pre>\n  </div>"
    assert "\n  title = {y}" in minify.html(page)


def test_a_page_of_the_site_keeps_its_preformatted_citation(built_site):
    assert "\n  author   = {{Guiyang" in (built_site / "en" / "about" / "index.html").read_text(encoding="utf-8")


def test_css_comments_and_spacing_go():
    assert minify.css("/* why */\n.a,\n.b > p {\n  color: red;\n}\n") == ".a,.b>p{color: red;}\n"


def test_js_comment_lines_go_and_code_stays():
    assert minify.js('// why\n"use strict";\n  var a = "http://x"; // kept\n') == '"use strict";\nvar a = "http://x"; // kept\n'
