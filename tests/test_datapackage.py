"""The data package of the downloads: frictionless accepts it, the files are what an analyst can
load, and rows that break the table schema stop the build naming the seed's line."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest
from frictionless import validate

from scripts.build import load_site
from scripts.datapackage import About, Field, Resource, check_rows, package_files, read_site_url
from scripts.errors import InputError
from scripts.render import DOWNLOADS, render_site
from tests.conftest import ROOT, copy_seeds, line_with

ABOUT = About("Report", "报告", "2026-01-19", "https://example.gov.cn/report.html", "Daily", "2026-02-04", "https://example.org/site/")


@pytest.fixture(scope="module")
def downloads(site_data, tmp_path_factory):
    """The downloads folder as the build writes it."""
    folder = tmp_path_factory.mktemp("downloads")
    for path, text in render_site(site_data).items():
        if path.startswith(DOWNLOADS + "/"):
            (folder / path.removeprefix(DOWNLOADS + "/")).write_bytes(text.encode("utf-8"))
    return folder


def test_frictionless_finds_the_package_valid(downloads):
    report = validate(str(downloads / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])[:5]


def test_both_files_of_each_table_hold_every_record(downloads, site_data):
    report = validate(str(downloads / "datapackage.json"))
    targets = len(site_data.targets) + sum(r.outcome is not None for r in site_data.targets)
    assert {task.name: task.stats["rows"] for task in report.tasks} == {
        "figures": len(site_data.figures), "figures-json": len(site_data.figures), "targets": targets, "targets-json": targets}


def test_the_descriptor_names_its_sources_licence_version_and_date(downloads, site_data):
    package = json.loads((downloads / "datapackage.json").read_text(encoding="utf-8"))
    assert package["sources"][0]["path"] == site_data.info.official_url
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert package["version"] and package["created"].endswith("T00:00:00Z")
    assert "the work of the Guiyang Municipal People's Government" in package["description"]


def test_the_csv_starts_with_a_byte_order_mark_and_has_the_schema_columns(downloads):
    data = (downloads / "figures.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    package = json.loads((downloads / "datapackage.json").read_text(encoding="utf-8"))
    header = next(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert header == [f["name"] for f in package["resources"][0]["schema"]["fields"]]


def test_json_values_are_numbers_in_base_units(downloads):
    rows = {r["id"]: r for r in json.loads((downloads / "figures.json").read_text(encoding="utf-8"))}
    assert rows["gdp-2025-total"]["value"] == 603815000000 and rows["gdp-2025-total"]["unit_en"] == "yuan"
    assert rows["gdp-growth-2026"]["value"] == 5.5
    assert rows["gdp-growth-2026"]["duplicate_of"] is None


def test_a_permalink_is_the_site_address_the_section_page_and_the_paragraph(downloads, site_data):
    rows = {r["id"]: r for r in json.loads((downloads / "figures.json").read_text(encoding="utf-8"))}
    assert rows["gdp-growth-2026"]["permalink"] == f"{site_data.site_url}tasks/targets/#p3-targets-2"
    assert rows["gdp-growth-2026"]["permalink_en"] == f"{site_data.site_url}en/tasks/targets/#p3-targets-2"


def test_the_permalinks_use_the_editions_address_whatever_site_url_a_fork_sets(monkeypatch):
    mkdocs_yml = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    monkeypatch.setenv("SITE_URL", "https://me.github.io/fork/")
    assert read_site_url(mkdocs_yml) == "https://guiyang-report.github.io/guiyang-2026/"


def test_the_page_lists_the_fields_of_the_descriptor(site_data, downloads):
    package = json.loads((downloads / "datapackage.json").read_text(encoding="utf-8"))
    page = render_site(site_data)["en/figures.md"]
    assert all(f"- `{f['name']}` ({f['type']}):" in page for f in package["resources"][0]["schema"]["fields"])
    assert "datapackage.json" in page


# ---------------------------------------------------------------------------------------------
# The table schema, checked at build time

FIELDS = (Field("id", "string", "id", required=True, unique=True), Field("n", "integer", "a count"),
          Field("kind", "string", "a kind", enum=("a", "b")), Field("same", "string", "another row", foreign_key="id"))


@pytest.mark.parametrize(("row", "words"), [
    ({"id": "x", "n": "3"}, "n must be of type integer"),
    ({"n": 3}, "id is required"),
    ({"id": "x", "kind": "c"}, "kind must be one of a, b"),
    ({"id": "x", "same": "nowhere"}, "same 'nowhere' names no id"),
    ({"id": "first"}, "id 'first' is not unique"),
    ({"id": "x", "extra": 1}, "column 'extra' is not in the table schema"),
])
def test_a_row_that_breaks_the_table_schema_names_the_file_and_line(row, words):
    resource = Resource("t", "T", "A table.", FIELDS, ({"id": "first"}, row), "seeds/t.yml", (4, 9))
    with pytest.raises(InputError) as caught:
        check_rows(resource)
    assert (caught.value.path, caught.value.line) == ("seeds/t.yml", 9)
    assert words in caught.value.message


def test_figures_the_table_schema_refuses_stop_the_build_at_their_record(tmp_path, monkeypatch):
    import scripts.render as render

    # a schema stricter than the data: ids may not hold a digit
    strict = tuple(replace(f, pattern="^[a-z-]+$") if f.name == "id" else f for f in render.FIGURE_FIELDS)
    monkeypatch.setattr(render, "FIGURE_FIELDS", strict)
    seeds = copy_seeds(tmp_path)
    with pytest.raises(InputError) as caught:
        render_site(load_site(seeds))
    assert caught.value.path == "seeds/figures.yml"
    assert caught.value.line == line_with(seeds / "figures.yml", "- id: gdp-growth-2026")
    assert "does not match" in caught.value.message


def test_a_second_table_is_one_more_resource():
    figures = Resource("figures", "F", "Figures.", FIELDS, ({"id": "a", "n": 1},))
    targets = Resource("targets", "T", "Targets.", FIELDS, ({"id": "t", "kind": "b"},))
    files = package_files([figures, targets], ABOUT)
    assert set(files) == {"figures.csv", "figures.json", "targets.csv", "targets.json", "datapackage.json"}
    names = [r["name"] for r in json.loads(files["datapackage.json"])["resources"]]
    assert names == ["figures", "figures-json", "targets", "targets-json"]
