"""Generated pages: golden files for a few whole pages, and the stale-docs check."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.build import check, render, write_docs
from scripts.errors import InputError
from tests.conftest import ROOT, SEEDS, copy_seeds

GOLDEN = Path(__file__).parent / "golden"
GOLDEN_PAGES = ["zh/tasks/1-effective-demand.md", "en/tasks/1-effective-demand.md", "zh/tasks/8-livelihoods.md",
                "en/glossary/business-environment.md", "zh/figures.md",
                "zh/index.md", "en/about.md", "en/targets.md"]


@pytest.fixture(scope="module")
def pages():
    return render(SEEDS)


@pytest.mark.parametrize("page", GOLDEN_PAGES)
def test_page_matches_its_golden_file(pages, page):
    """Set UPDATE_GOLDEN=1 to rewrite the golden files after an intended change, then review the diff."""
    golden = GOLDEN / page
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(pages[page], encoding="utf-8")
    assert pages[page] == golden.read_text(encoding="utf-8")


def test_every_paragraph_of_the_report_is_on_the_chinese_pages(pages, report):
    from scripts.render import md_text

    for section in report.sections:
        page = pages[f"zh/{section.id}.md"]
        for par in section.paragraphs:
            assert md_text(par.text) in page, par.id
            assert f"#{par.id}" in page


def test_both_languages_have_the_same_pages(pages):
    zh = {p[3:] for p in pages if p.startswith("zh/")}
    en = {p[3:] for p in pages if p.startswith("en/")}
    assert zh == en


def test_committed_docs_are_up_to_date():
    assert check(SEEDS, ROOT / "docs") == []


def test_check_names_a_stale_file(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / "zh/index.md").write_text("edited by hand\n", encoding="utf-8")
    (docs / "zh/extra.md").write_text("not generated\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "scripts", "check", "--docs", str(docs)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "zh/index.md" in result.stderr and "zh/extra.md (not generated)" in result.stderr


def test_check_passes_on_fresh_docs():
    result = subprocess.run([sys.executable, "-m", "scripts", "check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_failed_build_leaves_docs_as_it_was(tmp_path):
    seeds = copy_seeds(tmp_path)
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    before = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    (seeds / "summaries.en.yml").write_text("tasks/closing: [unclosed\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "scripts", "build", "--seeds", str(seeds), "--docs", str(docs)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "summaries.en.yml:" in result.stderr and "Traceback" not in result.stderr
    assert {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()} == before


def test_write_docs_replaces_the_whole_tree(tmp_path):
    docs = tmp_path / "docs"
    write_docs({"zh/a.md": "a\n"}, docs)
    write_docs({"zh/b.md": "b\n"}, docs)
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")) == ["zh/b.md"]
    assert [p.name for p in tmp_path.iterdir()] == ["docs"]


def test_input_error_has_file_and_line():
    assert str(InputError("a.yml", 3, "bad")) == "a.yml:3: bad"
