"""The whole site, built with MkDocs: both languages, their lang attributes, no third-party host."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize(
    ("path", "lang"),
    [("index.html", "zh"), ("tasks/1-effective-demand/index.html", "zh"), ("en/index.html", "en"),
     ("en/tasks/1-effective-demand/index.html", "en"), ("review/14th-five-year-plan/index.html", "zh"),
     ("en/about/index.html", "en")],
)
def test_pages_exist_with_the_right_lang(built_site, path, lang):
    html = (built_site / path).read_text(encoding="utf-8")
    assert re.search(rf'<html lang="{lang}"', html)


def test_every_section_page_exists_in_both_languages(built_site, report):
    for section in report.sections:
        assert (built_site / section.id / "index.html").is_file()
        assert (built_site / "en" / section.id / "index.html").is_file()


def test_paragraph_anchors_are_in_the_html(built_site):
    html = (built_site / "tasks/1-effective-demand/index.html").read_text(encoding="utf-8")
    assert 'id="p3-1-1"' in html and 'id="p3-1-2"' in html


def test_no_page_names_a_third_party_host(built_site):
    pattern = re.compile(r"""(?:src|href)=["'](?:https?:)?//(?!guiyang-report\.github\.io)""")
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        offenders = [m.group(0) for m in pattern.finditer(text)]
        # links that a reader follows (source, repository) are fine; what loads with the page is not
        loading = [o for o in offenders if o.startswith("src")]
        assert not loading, (page, loading)
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text


def test_heading_permalinks_are_titled_in_the_pages_language(built_site):
    english = (built_site / "en" / "review" / "2025" / "index.html").read_text(encoding="utf-8")
    chinese = (built_site / "review" / "2025" / "index.html").read_text(encoding="utf-8")
    assert 'class="headerlink" href="#' in english
    assert "段落链接" not in english and 'title="Link to this section"' in english
    assert 'title="段落链接"' in chinese
