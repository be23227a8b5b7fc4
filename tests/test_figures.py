"""Figure records: the source check, and the CSV and JSON downloads."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from scripts.build import load_site
from scripts.errors import InputError
from scripts.figures import FIELDS, KINDS, figures_csv, figures_json
from scripts.render import render_site
from tests.conftest import copy_seeds, edit_seed


def test_every_kind_has_records(site_data):
    assert {f.kind for f in site_data.figures} == set(KINDS)


def test_the_main_2026_targets_are_all_there(site_data):
    targets = {f.indicator_zh: (f.value, f.unit, f.qualifier) for f in site_data.figures if f.kind == "target-2026"}
    assert targets["地区生产总值增长"] == ("5.5", "%", "about")
    assert targets["城镇新增就业"] == ("15", "万人", "")
    assert len(targets) >= 11


def test_a_phrase_not_in_its_paragraph_stops_the_build(tmp_path):
    seeds = copy_seeds(tmp_path)
    edit_seed(seeds, "figures.yml", 'phrase: "地区生产总值增长5.5%左右"', 'phrase: "地区生产总值增长6.5%左右"')
    with pytest.raises(InputError, match="the phrase is not in paragraph p3-targets-2"):
        load_site(seeds)


def test_a_value_that_does_not_match_the_phrase_stops_the_build(tmp_path):
    seeds = copy_seeds(tmp_path)
    edit_seed(seeds, "figures.yml", "  value: 5.5\n", "  value: 5.6\n")
    with pytest.raises(InputError) as caught:
        load_site(seeds)
    assert "does not hold the value 5.6%" in str(caught.value)
    assert (seeds / "figures.yml").read_text(encoding="utf-8").splitlines()[caught.value.line - 1].strip() == "value: 5.6"


def test_a_unit_that_does_not_follow_the_value_stops_the_build(tmp_path):
    seeds = copy_seeds(tmp_path)
    edit_seed(seeds, "figures.yml", '  value: 5.5\n  unit: "%"', '  value: 5.5\n  unit: "亿元"')
    with pytest.raises(InputError, match="does not hold the value 5.5亿元"):
        load_site(seeds)


def test_english_values_convert_yi_and_wan(site_data):
    by_id = {f.id: f for f in site_data.figures}
    gdp = next(f for f in site_data.figures if f.value == "6038.15")
    assert gdp.english_value == "603.815 billion yuan"
    assert by_id["new-urban-jobs-2026"].english_value == "150,000 people"


def test_the_csv_download_has_documented_columns_and_every_record(site_data):
    rows = list(csv.DictReader(io.StringIO(figures_csv(site_data.figures))))
    assert list(rows[0]) == [*FIELDS, "value_en"]
    assert len(rows) == len(site_data.figures)
    assert all(row["phrase"] and row["paragraph"].startswith("p") for row in rows)


def test_the_json_download_documents_its_fields(site_data):
    data = json.loads(figures_json(site_data.figures))
    assert set(data["fields"]) == {*FIELDS, "value_en"}
    assert [r["id"] for r in data["figures"]] == [f.id for f in site_data.figures]


def test_the_model_download_holds_every_paragraph_and_the_glossary(site_data):
    pages = render_site(site_data)
    data = json.loads(pages["assets/downloads/report.json"])
    ids = [p["id"] for part in data["report"]["parts"] for s in part["sections"] for p in s["paragraphs"]]
    assert ids == [p.id for p in site_data.report.paragraphs]
    assert len(data["glossary"]) == len(site_data.glossary)


def test_the_charts_are_svg_with_no_external_reference(site_data):
    pages = render_site(site_data)
    for lang in ("zh", "en"):
        svg = pages[f"assets/charts/growth-{lang}.svg"]
        assert svg.lstrip().startswith("<?xml") and "<svg" in svg
        # namespace URIs are names, not requests; nothing may be loaded from anywhere
        assert not re.search(r"""(?:href|src)=["'](?!#)|url\((?!#)|@import""", svg)
    assert "地区生产总值增长" in pages["assets/charts/growth-zh.svg"]
    assert "GDP growth" in pages["assets/charts/growth-en.svg"]


def test_every_investor_fact_quotes_its_paragraph(site_data):
    paragraphs = {p.id: p for p in site_data.report.paragraphs}
    facts = [f for g in site_data.investors for f in g.facts]
    assert len(facts) >= 50 and all(f.zh in paragraphs[f.paragraph].raw for f in facts)
    assert [g.key for g in site_data.investors] == ["sectors", "projects", "investment-attraction", "opening-up",
                                                    "business-environment", "debt-and-fiscal-risk", "parks-land-and-factories",
                                                    "talent-and-labour", "how-to-engage"]


def test_an_investor_fact_whose_words_are_not_in_its_paragraph_stops_the_build(tmp_path):
    seeds = copy_seeds(tmp_path)
    edit_seed(seeds, "investors.yml", "zh: 新能源汽车产量25万辆以上", "zh: 新能源汽车产量35万辆以上")
    with pytest.raises(InputError, match="the Chinese words are not in paragraph p3-2-2"):
        load_site(seeds)


def test_every_unit_has_an_english_reading(site_data):
    from scripts.figures import UNITS_EN

    assert sorted({f.unit for f in site_data.figures} - set(UNITS_EN)) == []
    assert all(not any("\u4e00" <= ch <= "\u9fff" for ch in f.english_value) for f in site_data.figures)
