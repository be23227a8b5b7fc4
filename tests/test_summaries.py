"""Summary checks: a missing summary, an unknown section, a figure not in the Chinese."""

from __future__ import annotations

import pytest

from scripts.build import load_site
from scripts.errors import InputError
from tests.conftest import copy_seeds, edit_seed


def test_every_section_has_a_summary_that_passes_the_figure_check(site_data):
    assert set(site_data.summaries) == {s.id for s in site_data.report.sections}


def test_a_missing_summary_stops_the_build(tmp_path):
    seeds = copy_seeds(tmp_path)
    edit_seed(seeds, "summaries.en.yml", "tasks/closing:", "tasks/closing-not-here:")
    with pytest.raises(InputError, match="unknown section 'tasks/closing-not-here'"):
        load_site(seeds)


def test_a_section_without_summary_is_named(tmp_path):
    seeds = copy_seeds(tmp_path)
    text = (seeds / "summaries.en.yml").read_text(encoding="utf-8")
    start = text.index("tasks/closing:")
    (seeds / "summaries.en.yml").write_text(text[:start], encoding="utf-8")
    with pytest.raises(InputError, match="no summary for section 'tasks/closing'"):
        load_site(seeds)


def test_a_wrong_figure_stops_the_build_with_file_and_line(tmp_path):
    seeds = copy_seeds(tmp_path)
    edit_seed(seeds, "summaries.en.yml", "GDP growth of 5.1%", "GDP growth of 5.9%")
    with pytest.raises(InputError) as caught:
        load_site(seeds)
    assert "5.9" in str(caught.value) and "does not occur in the section's Chinese text" in str(caught.value)
    line = (seeds / "summaries.en.yml").read_text(encoding="utf-8").splitlines()[caught.value.line - 1]
    assert "5.9%" in line


def test_a_heading_for_an_unknown_paragraph_is_an_error(tmp_path):
    seeds = copy_seeds(tmp_path)
    edit_seed(seeds, "summaries.en.yml", "  title: Review of 2025\n", "  title: Review of 2025\n  headings:\n    p1-2025-99: x\n")
    with pytest.raises(InputError, match="p1-2025-99"):
        load_site(seeds)
