"""The declared shape of every data file in seeds/: each file names its schema for editors, passes
it, and a file broken in a few ways fails with the line of the offending key or item."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from scripts.errors import InputError
from scripts.glossary import THEMES
from scripts.schemas import SCHEMAS, validate, validator
from scripts.sources import parse_yaml
from tests.conftest import SEEDS

FILES = {"report.yml": "report", "summaries.en.yml": "summaries", "glossary.yml": "glossary", "figures.yml": "figures",
         "investors.yml": "investors", "readings.yml": "readings"}


def _descriptions_missing(schema: dict, defs: dict, where: str = "") -> list[str]:
    """Every property of every object schema needs a description (directly or on what it refers to)."""
    missing = []
    for name, sub in schema.get("properties", {}).items():
        target = defs[sub["$ref"].rsplit("/", 1)[-1]] if "$ref" in sub and "description" not in sub else sub
        if "description" not in target:
            missing.append(f"{where}.{name}")
    for name, sub in schema.get("$defs", {}).items():
        missing += _descriptions_missing(sub, defs, f"{where}$defs.{name}")
    return missing


@pytest.mark.parametrize("file", FILES)
def test_each_file_names_its_schema_on_its_first_line(file):
    first = (SEEDS / file).read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=schemas/{FILES[file]}.schema.json"
    assert (SEEDS / "schemas" / f"{FILES[file]}.schema.json").is_file()


@pytest.mark.parametrize("schema", sorted(FILES.values()))
def test_each_schema_is_valid_and_describes_every_field(schema):
    document = json.loads((SCHEMAS / f"{schema}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(document)
    assert document.get("description")
    assert _descriptions_missing(document, document.get("$defs", {})) == []


@pytest.mark.parametrize("file", FILES)
def test_each_seed_file_passes_its_schema(file):
    path = SEEDS / file
    validate(parse_yaml(path.read_text(encoding="utf-8"), str(path)), str(path), FILES[file])


def test_the_glossary_themes_are_the_pages_the_site_makes():
    themes = validator("glossary").schema["$defs"]["entry"]["properties"]["theme"]["enum"]
    assert themes == list(THEMES)


# (file, old, new, fragment on the line the error must name, words in the message)
BROKEN = [
    # wrong type
    ("report.yml", "city_en: Guiyang", "city_en: [Guiyang]", "city_en:", "city_en must be text, not a list"),
    ("summaries.en.yml", "  - \"Overnight tourist visits up 7% and total tourism spending up 9%\"", "  - {growth: 7%}", "{growth: 7%}",
     "review/2025 › points: item 5 must be text, not a mapping"),
    ("glossary.yml", "  related: [四主四区, 八个强]", "  related: 四主四区", "related: 四主四区", "related must be a list, not text"),
    ("figures.yml", "  value: 5.5\n", "  value: true\n", "value: true", "value must be a number, not true/false"),
    ("investors.yml", "      paragraph: p3-2-2\n", "      paragraph: {id: p3-2-2}\n", "paragraph: {id: p3-2-2}", "paragraph must be text, not a mapping"),
    # unknown key
    ("report.yml", "  - number: 2\n    slug: plan", "  - number: 2\n    colour: red\n    slug: plan", "colour: red", "unknown key 'colour'"),
    ("glossary.yml", "    - {zh: 生态立市, en: \"ecology founds the city\"}", "    - {zh: 生态立市, en: \"ecology founds the city\", fr: x}",
     "fr: x", "unknown key 'fr' (allowed: en, zh)"),
    ("figures.yml", "  qualifier: about\n", "  qualifier: about\n  source: x\n", "source: x", "unknown key 'source'"),
    ("investors.yml", "- key: sectors\n", "- key: sectors\n  colour: red\n", "colour: red", "unknown key 'colour'"),
    # missing key
    ("report.yml", "venue_zh: 贵阳市第十五届人民代表大会第六次会议\n", "", "text: guiyang-2026.zh.txt", "missing key 'venue_zh'"),
    ("summaries.en.yml", "  title: Review of 2025\n", "", "review/2025:", "review/2025: missing key 'title'"),
    ("glossary.yml", "  level: Guiyang\n  theme: strategy-and-positioning\n  note: >-\n    Guiyang's core work approach",
     "  level: Guiyang\n  theme: strategy-and-positioning\n  comment: >-\n    Guiyang's core work approach", "- term: 四主四市", "missing key 'note'"),
    ("figures.yml", "  phrase: \"地区生产总值增长5.5%左右\"\n", "", "- id: gdp-growth-2026", "missing key 'phrase'"),
    ("investors.yml", "  title_zh: 重点产业\n", "", "- key: sectors", "missing key 'title_zh'"),
    # empty text
    ("report.yml", "source_en: Guiyang Daily", "source_en: \"  \"", "source_en:", "source_en is empty"),
    ("summaries.en.yml", "  title: Review of 2025\n", "  title: Review of 2025\n  headings:\n    p1-2025-3: \"\"\n",
     "p1-2025-3: \"\"", "p1-2025-3 is empty"),
    ("glossary.yml", "  english: Four Mains, Four Districts\n", "  english: \"\"\n", "english: \"\"", "english is empty"),
    ("figures.yml", "  indicator_en: GDP growth\n", "  indicator_en:\n", "indicator_en:", "indicator_en must be text, not empty"),
    ("investors.yml", "      paragraph: p3-2-2\n", "      paragraph: \" \"\n", "paragraph: \" \"", "paragraph is empty"),
]


def _broken(file: str, old: str, new: str) -> tuple[str, str]:
    text = (SEEDS / file).read_text(encoding="utf-8")
    assert old in text, old
    return text.replace(old, new, 1), f"seeds/{file}"


@pytest.mark.parametrize(("file", "old", "new", "fragment", "words"), BROKEN, ids=[f"{b[0]}:{b[4][:40]}" for b in BROKEN])
def test_a_broken_file_fails_with_the_line_of_the_problem(file, old, new, fragment, words):
    text, name = _broken(file, old, new)
    with pytest.raises(InputError) as caught:
        validate(parse_yaml(text, name), name, FILES[file])
    error = caught.value
    assert error.path == name
    expected = next(i for i, line in enumerate(text.splitlines(), 1) if fragment in line)
    assert error.line == expected, str(error)
    assert words in error.message, str(error)


def test_a_heading_key_that_is_not_a_paragraph_id_names_its_line():
    text, name = _broken("summaries.en.yml", "  title: Review of 2025\n", "  title: Review of 2025\n  headings:\n    intro: x\n")
    with pytest.raises(InputError) as caught:
        validate(parse_yaml(text, name), name, "summaries")
    assert caught.value.line == next(i for i, line in enumerate(text.splitlines(), 1) if "intro: x" in line)
    assert "key 'intro' is not a paragraph id" in caught.value.message


def test_the_evidence_rule_is_part_of_the_glossary_schema():
    text, name = _broken("glossary.yml", "  literal: four \"mains\", four districts (or zones)\n", "")
    with pytest.raises(InputError) as caught:
        validate(parse_yaml(text, name), name, "glossary")
    assert "missing key 'literal' (not-defined needs a literal rendering" in caught.value.message


def test_the_schemas_live_beside_the_seeds():
    assert SCHEMAS == Path(SEEDS) / "schemas"
