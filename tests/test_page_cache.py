"""Pages met before come from the cache (scripts/page_cache.py): the same site, and never a page
whose conversion warned or whose inputs changed."""

from __future__ import annotations

import filecmp
import logging
import os
import subprocess
import sys
from types import SimpleNamespace

from scripts import cache, page_cache
from scripts.glossary_markdown import GlossaryExtension
from tests.conftest import ROOT


def _build(site, cache_dir) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1768780800", "REPORT_CACHE_DIR": str(cache_dir)}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]


def _differences(left, right) -> list[str]:
    def walk(c: filecmp.dircmp, where: str) -> list[str]:
        found = [f"{where}{name}" for name in c.left_only + c.right_only + c.diff_files + c.funny_files]
        for name, sub in c.subdirs.items():
            found += walk(sub, f"{where}{name}/")
        return found

    return walk(filecmp.dircmp(left, right, ignore=[]), "")


def test_a_rebuild_from_the_cache_writes_the_same_site(tmp_path):
    cache_dir = tmp_path / "cache"
    _build(tmp_path / "first", cache_dir)  # every page converted and indexed
    stored = sorted(p.name for p in (cache_dir / "pages").iterdir())
    _build(tmp_path / "second", cache_dir)  # every page from the cache
    assert sorted(p.name for p in (cache_dir / "pages").iterdir()) == stored  # nothing converted again
    assert _differences(tmp_path / "first", tmp_path / "second") == []


def _page(markdown: str = "# Title\n") -> SimpleNamespace:
    file = SimpleNamespace(src_uri="en/about.md", dest_uri="en/about/index.html", url="en/about/")
    return SimpleNamespace(file=file, markdown=markdown, toc=[], content=None, present_anchor_ids=None, links_to_anchors=None,
                           _title_from_render=None)


def _config(*extensions) -> SimpleNamespace:
    return SimpleNamespace(markdown_extensions=["toc", *extensions], mdx_configs={}, validation={}, use_directory_urls=True)


def test_a_conversion_that_warned_is_not_stored(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "ROOT", tmp_path)
    page, config = _page(), _config()

    def convert(config, files):
        logging.getLogger("mkdocs.structure.pages").warning("a link to nowhere")
        page.content = "<h1>Title</h1>"

    page.render = convert
    page_cache.use_for_render(page, "files")
    page.render(config, None)
    assert page.content == "<h1>Title</h1>"
    assert not (tmp_path / "pages").exists()


def test_a_clean_conversion_is_stored_and_taken_back(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "ROOT", tmp_path)
    converted = []

    def make_page():
        page = _page()

        def convert(config, files):
            converted.append(1)
            page.content, page.present_anchor_ids, page._title_from_render = "<h1 id=\"title\">Title</h1>", {"title"}, "Title"

        page.render = convert
        page_cache.use_for_render(page, "files")
        return page

    first, second = make_page(), make_page()
    first.render(_config(), None)
    second.render(_config(), None)
    assert len(converted) == 1
    assert (second.content, second.present_anchor_ids, second._title_from_render) == (first.content, {"title"}, "Title")


def test_the_key_changes_with_the_glossary():
    page = _page()
    one = GlossaryExtension({"五个一办": {"tooltip": "a", "english": "x", "reference_tooltip": "a", "page": "glossary.md", "anchor": "a"}})
    other = GlossaryExtension({"五个一办": {"tooltip": "b", "english": "x", "reference_tooltip": "b", "page": "glossary.md", "anchor": "a"}})
    assert page_cache.render_inputs(page, _config(one), "files") != page_cache.render_inputs(page, _config(other), "files")


def test_the_key_changes_with_the_files_of_the_site():
    page = _page()
    assert page_cache.render_inputs(page, _config(), "files") != page_cache.render_inputs(page, _config(), "other files")


def test_an_extension_that_gives_no_key_turns_the_cache_off():
    assert page_cache.render_inputs(_page(), _config(object()), "files") is None
