"""The city's earlier reports: kept verbatim, split losslessly by the project's splitter, and the
source of each glossary term's history, of evidence from earlier reports and of the page New in 2026."""

from __future__ import annotations

import pytest

from scripts.build import load_site
from scripts.errors import InputError
from scripts.history import first_use, years_of
from tests.conftest import ROOT, SEEDS, copy_seeds, edit_seed
from tests.test_splitter import pieces_join

SHARED = ROOT.parent / "shared" / "seeds" / "earlier"


def test_the_earlier_reports_are_the_ten_of_2016_to_2025(site_data):
    assert [r.year for r in site_data.earlier] == list(range(2016, 2026))
    assert all(r.official_url.startswith("https://www.guiyang.gov.cn/") for r in site_data.earlier)


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared seeds are not beside the project")
@pytest.mark.parametrize("year", range(2016, 2026))
def test_each_earlier_report_is_kept_byte_for_byte(year):
    name = f"guiyang-{year}.zh.txt"
    assert (SEEDS / "earlier" / name).read_bytes() == (SHARED / name).read_bytes()


@pytest.mark.parametrize("year", range(2016, 2026))
def test_each_earlier_report_splits_losslessly(site_data, year):
    earlier = next(r for r in site_data.earlier if r.year == year)
    assert pieces_join(earlier.report, earlier.text) == earlier.text
    assert len(earlier.report.parts) >= 2 and len(earlier.report.paragraphs) > 30


def test_a_term_is_found_by_exact_string_in_each_year(site_data, seed_text):
    assert years_of("四主四市", site_data.earlier, 2026, seed_text) == (2023, 2024, 2025, 2026)
    assert years_of("四主四区", site_data.earlier, 2026, seed_text) == (2026,)
    # a variant is another string: the 2025 formula ends in 5000万, the 2026 one in 6500万
    assert 2025 not in years_of("4个10万+100万+6500万", site_data.earlier, 2026, seed_text)


def test_the_first_year_is_said_in_words():
    assert first_use((2026,), 2026, "en") == "new in 2026"
    assert first_use((2019, 2026), 2026, "en") == "first in the 2019 report"
    assert first_use((2019, 2026), 2026, "zh") == "首见于2019年报告"


def test_every_entry_carries_its_years(site_data):
    assert all(e.years and e.years[-1] == 2026 for e in site_data.glossary)


def test_earlier_evidence_is_cited_to_its_year_and_paragraph(site_data):
    entry = next(e for e in site_data.glossary if e.term == "五帮")
    assert entry.evidence == "earlier-report" and entry.earlier.year == 2025
    earlier = next(r for r in site_data.earlier if r.year == 2025)
    paragraph = next(p for p in earlier.report.paragraphs if p.id == entry.earlier.paragraph)
    assert entry.earlier.passage in paragraph.raw


def test_a_passage_over_two_paragraphs_is_refused(tmp_path):
    seeds = copy_seeds(tmp_path)
    earlier = next(r for r in load_site(SEEDS).earlier if r.year == 2022)
    first, second = earlier.report.paragraphs[10], earlier.report.paragraphs[11]
    passage = first.raw[-6:] + earlier.text[first.start + len(first.raw):second.start] + second.raw[:6]
    edit_seed(seeds, "glossary.yml", '    passage: "大力治风，提倡婚事新办、丧事简办、其他不办，促进乡风持续改善。"',
              f"    passage: {passage!r}".replace("'", '"').replace("\n", "\\n"))
    with pytest.raises(InputError) as caught:
        load_site(seeds)
    assert "runs over more than one paragraph of the 2022 report" in caught.value.message


def test_the_new_terms_page_lists_the_terms_no_earlier_report_holds(site_data):
    from scripts.render import new_terms_page

    page = new_terms_page(site_data, "en")
    new = [e.term for e in site_data.glossary if e.years == (2026,)]
    assert f"Terms first used in 2026 ({len(new)})" in page and "by exact string" in page
    assert all(f"[<span lang=\"zh\" class=\"zh-original\">{t}</span>]" in page for t in new[:10])
    assert f"no longer uses ({len(site_data.dropped)})" in page and "强省会" in page


def test_dropped_slogans_stand_in_2025_and_not_in_2026(site_data, seed_text):
    previous = site_data.earlier[-1]
    assert len(site_data.dropped) > 50
    assert all(d.term in previous.text and d.term not in seed_text for d in site_data.dropped)
