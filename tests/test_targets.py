"""Targets and results: the records' checks against the reports, and the page made from them."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from scripts.build import load_site
from scripts.errors import InputError
from scripts.render import render_site, target_findings, targets_page
from scripts.targets import status_of
from tests.conftest import copy_seeds, edit_seed

GDP_2025 = "        target: {value: 6, qualifier: [左右], phrase: 全年地区生产总值增长6%左右, paragraph: p2-intro-2}\n"


# ---------------------------------------------------------------------------------------------
# The reading rule


def test_a_qualifier_does_not_widen_a_target():
    assert status_of(Decimal("6"), Decimal("5.9"), "floor", pending=False) == "below"
    assert status_of(Decimal("6"), Decimal("6.0"), "floor", pending=False) == "met"


def test_a_ceiling_is_met_at_or_under_its_number():
    assert status_of(Decimal("3"), Decimal("3"), "ceiling", pending=False) == "met"
    assert status_of(Decimal("3"), Decimal("3.1"), "ceiling", pending=False) == "below"


def test_no_outcome_is_not_stated_except_in_the_latest_year():
    assert status_of(Decimal("6"), None, "floor", pending=False) == "not-stated"
    assert status_of(Decimal("6"), None, "floor", pending=True) == "pending"


def test_a_target_in_words_has_no_numeric_status():
    assert status_of(None, Decimal("4"), "floor", pending=False) == "no-numeric-target"


# ---------------------------------------------------------------------------------------------
# The records


def test_every_year_from_2016_to_2026_has_targets(site_data):
    assert sorted({r.year for r in site_data.targets}) == list(range(2016, 2027))


def test_every_past_target_has_a_status_from_its_numbers(site_data):
    for r in site_data.targets:
        outcome = r.outcome.value if r.outcome else None
        assert r.status == status_of(r.target.value, outcome, r.indicator.limit, pending=r.year == site_data.year)


def test_the_2025_gdp_target_and_outcome_are_traced(site_data):
    record = next(r for r in site_data.targets if r.year == 2025 and r.indicator.key == "gdp-growth")
    assert (record.target.value, record.target.qualifier) == (Decimal("6"), ("左右",))
    assert (record.outcome.value, record.outcome.report_year, record.outcome.paragraph) == (Decimal("5.1"), 2026, "p1-2025-2")
    assert record.status == "below" and record.gap == Decimal("-0.9")


def test_every_phrase_stands_in_its_report_paragraph(site_data):
    reports = {r.year: r.report for r in site_data.earlier} | {site_data.year: site_data.report}
    for r in site_data.targets:
        for statement in filter(None, (r.target, r.outcome)):
            paragraph = next(p for p in reports[statement.report_year].paragraphs if p.id == statement.paragraph)
            assert statement.phrase in paragraph.raw


def test_an_outcome_comes_from_the_next_years_report(site_data):
    assert all(r.outcome.report_year == r.year + 1 for r in site_data.targets if r.outcome)


# ---------------------------------------------------------------------------------------------
# Bad records stop the build, naming the line


def _error(tmp_path, old: str, new: str) -> InputError:
    seeds = copy_seeds(tmp_path)
    edit_seed(seeds, "targets.yml", old, new)
    with pytest.raises(InputError) as caught:
        load_site(seeds)
    lines = (seeds / "targets.yml").read_text(encoding="utf-8").splitlines()
    caught.value.text_of_line = lines[caught.value.line - 1] if caught.value.line else ""
    return caught.value


def test_a_phrase_not_in_its_paragraph_stops_the_build(tmp_path):
    error = _error(tmp_path, "phrase: 全年地区生产总值增长6%左右", "phrase: 全年地区生产总值增长7%左右")
    assert "the phrase is not in paragraph p2-intro-2 of the 2025 report" in error.message
    assert "全年地区生产总值增长7%左右" in error.text_of_line


def test_a_year_with_no_report_stops_the_build(tmp_path):
    error = _error(tmp_path, "  - year: 2016\n", "  - year: 2015\n")
    assert "there is no 2015 report" in error.message and "2015" in error.text_of_line


def test_a_status_that_contradicts_its_numbers_stops_the_build(tmp_path):
    seeds_text = (copy_seeds(tmp_path / "probe") / "targets.yml").read_text(encoding="utf-8")
    block = re.search(r"- indicator: gdp-growth\n(?:        .*\n)*?        status: below\n", seeds_text).group(0)
    error = _error(tmp_path, block, block.replace("status: below", "status: met"))
    assert "status is 'met' but the numbers say 'below'" in error.message
    assert "status: met" in error.text_of_line


def test_an_unknown_unit_stops_the_build(tmp_path):
    error = _error(tmp_path, "    unit: 万人\n", "    unit: 万只\n")
    assert "unknown unit '万只'" in error.message and "万只" in error.text_of_line


def test_an_outcome_for_the_latest_year_stops_the_build(tmp_path):
    seeds = copy_seeds(tmp_path)
    text = (seeds / "targets.yml").read_text(encoding="utf-8")
    latest = text.index("  - year: 2026")
    record = re.search(r"(      - indicator: gdp-growth\n        target: .*\n)(        status: pending\n)", text[latest:])
    assert record, "the 2026 GDP target record has its usual shape"
    edit = record.group(1) + "        outcome: {value: 5.5, phrase: 地区生产总值增长5.5%左右, paragraph: p3-targets-2}\n" + record.group(2)
    (seeds / "targets.yml").write_text(text[:latest] + text[latest:].replace(record.group(0), edit, 1), encoding="utf-8")
    with pytest.raises(InputError, match="there is no 2027 report to state the outcome"):
        load_site(seeds)


# ---------------------------------------------------------------------------------------------
# The page


def test_the_page_has_a_table_per_indicator_in_both_languages(site_data):
    indicators = {r.indicator.key for r in site_data.targets}
    for lang in ("zh", "en"):
        page = targets_page(site_data, lang)
        assert {m for m in re.findall(r"^### .* \{ #([a-z0-9-]+) \}$", page, flags=re.M)} == indicators


def test_every_target_cell_links_its_sentence(site_data):
    page = targets_page(site_data, "en")
    rows = [line for line in page.splitlines() if re.match(r"\| 20\d\d \|", line)]
    assert len(rows) == len(site_data.targets)
    for row in rows:
        target_cell = row.split(" | ")[1]
        assert re.match(r"\[[^\]]+\]\((?:https://www\.guiyang\.gov\.cn/\S+|[\w/.-]+\.md#p[\w-]+) \"", target_cell), row


def test_an_earlier_report_cell_names_year_and_paragraph(site_data):
    page = targets_page(site_data, "en")
    assert "<small>2025 report, part 2, paragraph 2 (p2-intro-2)</small>" in page


def test_the_page_states_the_2025_gdp_gap(site_data):
    page = targets_page(site_data, "en")
    row = next(line for line in page.splitlines() if line.startswith("| 2025 | [about 6%]"))
    assert "[5.1%](review/2025.md#p1-2025-2" in row and "below target by 0.9 percentage points" in row


def test_the_findings_count_what_the_records_hold(site_data):
    past = [r for r in site_data.targets if r.year < site_data.year]
    met = sum(r.status == "met" for r in past)
    assert f"{met} met" in target_findings(site_data, "en")[0]


def test_the_chart_is_static_svg_in_both_languages(site_data):
    pages = render_site(site_data)
    for lang in ("zh", "en"):
        svg = pages[f"assets/charts/targets-gdp-{lang}.svg"]
        assert "<svg" in svg and not re.search(r"""(?:href|src)=["'](?!#)|url\((?!#)|@import""", svg)
        assert f"targets-gdp-{lang}.svg" in pages[f"{lang}/targets.md"]


def test_home_and_investor_pages_link_the_targets_page(site_data):
    pages = render_site(site_data)
    for lang in ("zh", "en"):
        assert "(targets.md)" in pages[f"{lang}/index.md"]
        assert "(targets.md)" in pages[f"{lang}/investors.md"]


# ---------------------------------------------------------------------------------------------
# The download


def test_the_download_has_a_row_per_target_and_per_outcome(site_data):
    rows = [r for r in target_rows_of(site_data)]
    assert len(rows) == len(site_data.targets) + sum(r.outcome is not None for r in site_data.targets)
    by_id = {r["id"]: r for r in rows}
    assert by_id["2025-gdp-growth-outcome"]["value"] == Decimal("5.1") and by_id["2025-gdp-growth-outcome"]["gap"] == Decimal("-0.9")
    assert by_id["2026-new-urban-jobs-target"]["value"] == 150000 and by_id["2026-new-urban-jobs-target"]["unit_en"] == "people"


def test_an_outcome_in_a_first_quarter_report_is_preliminary(site_data):
    by_id = {r["id"]: r for r in target_rows_of(site_data)}
    assert by_id["2025-gdp-growth-outcome"]["estimate"] == "preliminary"  # the 2026 report: 19 January
    assert by_id["2025-gdp-growth-target"]["estimate"] is None


def test_a_permalink_is_this_sites_paragraph_or_the_earlier_reports_page(site_data):
    by_id = {r["id"]: r for r in target_rows_of(site_data)}
    assert by_id["2025-gdp-growth-outcome"]["permalink"] == f"{site_data.site_url}review/2025/#p1-2025-2"
    official = next(r.official_url for r in site_data.earlier if r.year == 2025)
    assert by_id["2025-gdp-growth-target"]["permalink"] == official


def target_rows_of(site_data):
    from scripts.render import data_resources

    return next(r for r in data_resources(site_data) if r.name == "targets").rows


def test_every_qualifier_the_schema_allows_has_its_english():
    import json
    from pathlib import Path

    from scripts.targets import QUALIFIER_EN

    schema = json.loads((Path(__file__).parent.parent / "seeds/schemas/targets.schema.json").read_text(encoding="utf-8"))
    assert sorted(schema["$defs"]["qualifier"]["items"]["enum"]) == sorted(QUALIFIER_EN)


def test_a_row_gives_the_qualifier_in_english_and_chinese(site_data):
    row = next(r for r in target_rows_of(site_data) if r["id"] == "2025-gdp-growth-target")
    assert (row["qualifier"], row["qualifier_zh"]) == ("about", "左右")
