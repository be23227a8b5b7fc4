"""The data downloads as a Frictionless Data Package: each table as CSV and JSON, and one
datapackage.json that describes them (fields, types, sources, licence, version).

The API, for a table of the site's data:

    Resource(name, title, description, fields, rows, source, lines)
        name         file stem and resource name: "figures" → figures.csv, figures.json
        title, description   what the table holds, in English
        fields       tuple of Field(name, type, description, required=, unique=, enum=, pattern=,
                     format=, foreign_key=): the table schema, one entry per column, in order
        rows         tuple of dicts keyed by the field names (None or a missing key: an empty cell)
        source       the seed file the rows come from, and lines the line of each row's record in
                     it, so a row that breaks its schema stops the build naming that file and line
        sources      (title, address) of the documents the rows quote beyond this report (optional)

    package_files(resources, about) → {path under the downloads folder: text}
        checks every row against its fields (InputError on the first that does not fit), then
        writes NAME.csv (UTF-8 with a byte-order mark, so a spreadsheet shows the Chinese),
        NAME.json (a list of objects, numbers as JSON numbers) and datapackage.json.

Adding a table is one more Resource in the list passed to package_files, made by a rows function
beside its seed's parser (figures.figure_rows is the example). The fields list on the Key figures
page is rendered from the same Field tuples, so the descriptor and the page cannot disagree.

The build checks rows with the small checker below rather than with the frictionless library: it
covers the constraints these fields use and costs nothing, while importing frictionless costs about
0.2 s of every build. The tests validate the written package with frictionless itself.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .errors import InputError

# The version of the data; raise it (and DATA_DATE) when the records change. No clock is read, so
# two builds of the same inputs give the same bytes.
DATA_VERSION = "2.0.0"
DATA_DATE = "2026-11-30"
LICENSE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
           "path": "https://creativecommons.org/licenses/by/4.0/"}
TYPES = {"string": str, "integer": int, "number": (int, float, Decimal), "boolean": bool}


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # string | integer | number | boolean
    description: str
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] = ()
    pattern: str = ""
    format: str = ""  # "uri"
    foreign_key: str = ""  # a field of the same table this one refers to (duplicate_of → id)

    def schema(self) -> dict:
        """The field as a Table Schema field descriptor."""
        out: dict[str, Any] = {"name": self.name, "type": self.type, "description": self.description}
        if self.format:
            out["format"] = self.format
        constraints = {k: v for k, v in (("required", self.required), ("unique", self.unique),
                                         ("enum", list(self.enum)), ("pattern", self.pattern)) if v}
        if constraints:
            out["constraints"] = constraints
        return out


@dataclass(frozen=True)
class Resource:
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    rows: tuple[dict, ...]
    source: str = ""
    lines: tuple[int, ...] = field(default=())
    sources: tuple[tuple[str, str], ...] = ()  # (title, address) of what the rows are taken from, beyond this report


@dataclass(frozen=True)
class About:
    """What the package says of itself, from seeds/report.yml and mkdocs.yml."""

    title_en: str
    title_zh: str
    delivered: str
    official_url: str
    publisher_en: str
    published: str
    site_url: str


def check_rows(resource: Resource) -> None:
    """Raise InputError(source, line of the row's record, message) for the first cell that does not
    fit its field: missing but required, wrong type, not in the enum, not matching the pattern, a
    repeat in a unique column, or a reference to no row."""
    seen: dict[str, set] = {f.name: set() for f in resource.fields}
    for number, row in enumerate(resource.rows):
        line = resource.lines[number] if number < len(resource.lines) else None
        unknown = set(row) - {f.name for f in resource.fields}
        if unknown:
            raise InputError(resource.source, line, f"{resource.name}: column {sorted(unknown)[0]!r} is not in the table schema")
        for f in resource.fields:
            where = f"{resource.name} row {row.get('id') or number + 1}: {f.name}"
            value = row.get(f.name)
            if value is None or value == "":
                if f.required:
                    raise InputError(resource.source, line, f"{where} is required")
                continue
            if not isinstance(value, TYPES[f.type]) or isinstance(value, bool) != (f.type == "boolean"):
                raise InputError(resource.source, line, f"{where} must be of type {f.type}, not {value!r}")
            if f.enum and value not in f.enum:
                raise InputError(resource.source, line, f"{where} must be one of {', '.join(f.enum)}, not {value!r}")
            if f.pattern and not re.fullmatch(f.pattern, str(value)):
                raise InputError(resource.source, line, f"{where} {value!r} does not match {f.pattern}")
            if f.format == "uri" and not re.match(r"^https?://\S+$", str(value)):
                raise InputError(resource.source, line, f"{where} {value!r} is not an absolute http(s) address")
            if f.unique and value in seen[f.name]:
                raise InputError(resource.source, line, f"{where} {value!r} is not unique")
            seen[f.name].add(value)
    for number, row in enumerate(resource.rows):
        for f in resource.fields:
            if f.foreign_key and row.get(f.name) not in (None, "") and row[f.name] not in seen[f.foreign_key]:
                line = resource.lines[number] if number < len(resource.lines) else None
                raise InputError(resource.source, line, f"{resource.name}: {f.name} {row[f.name]!r} names no {f.foreign_key}")


def csv_text(resource: Resource) -> str:
    """The table as CSV with a header row; begins with a byte-order mark so that a spreadsheet
    opens it as UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([f.name for f in resource.fields])
    for row in resource.rows:
        writer.writerow([_cell(row.get(f.name)) for f in resource.fields])
    return "\ufeff" + out.getvalue()


def json_text(resource: Resource) -> str:
    """The table as a JSON list of objects, every field present (null for an empty cell)."""
    records = [{f.name: _json_value(row.get(f.name)) for f in resource.fields} for row in resource.rows]
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def descriptor(resources: list[Resource], files: dict[str, str], about: About) -> dict:
    """datapackage.json: one tabular resource per file (CSV and JSON of each table)."""
    package: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": "guiyang-2026-report-data",
        "title": f"{about.title_en}: data",
        "description": (
            f"Tables compiled from the {about.title_en} ({about.title_zh}, delivered {about.delivered}), each row tied to the "
            "exact Chinese phrase and paragraph it comes from. The report's text, quoted in the phrase columns, is the work "
            "of the Guiyang Municipal People's Government; the Chinese original prevails. The licence covers this compilation: "
            "the selection, the English and the converted values."
        ),
        "version": DATA_VERSION,
        "created": f"{DATA_DATE}T00:00:00Z",
        "homepage": about.site_url,
        "licenses": [LICENSE],
        "sources": [{"title": f"{about.title_zh} ({about.title_en}): the municipal government's copy", "path": about.official_url},
                    {"title": f"{about.title_zh}, as published by {about.publisher_en} on {about.published}: the text "
                              "the rows quote"}],
        "keywords": ["Guiyang", "government work report", "China", "targets", "statistics"],
        "resources": [],
    }
    for r in resources:
        schema: dict[str, Any] = {"fields": [f.schema() for f in r.fields]}
        if any(f.unique and f.required for f in r.fields):
            schema["primaryKey"] = [next(f.name for f in r.fields if f.unique and f.required)]
        schema["foreignKeys"] = [{"fields": [f.name], "reference": {"resource": "", "fields": [f.foreign_key]}}
                                 for f in r.fields if f.foreign_key]
        if not schema["foreignKeys"]:
            del schema["foreignKeys"]
        for suffix, fmt, media in (("csv", "csv", "text/csv"), ("json", "json", "application/json")):
            path = f"{r.name}.{suffix}"
            data = files[path].encode("utf-8")
            resource = {
                "profile": "tabular-data-resource",
                "name": r.name if suffix == "csv" else f"{r.name}-json",
                "title": r.title + (" (JSON)" if suffix == "json" else ""),
                "description": r.description,
                "path": path, "format": fmt, "mediatype": media, "encoding": "utf-8",
                "schema": schema,
            }
            if r.sources:
                resource["sources"] = [{"title": title, "path": path} for title, path in r.sources]
            if suffix == "csv":  # frictionless reads JSON with a parser that does not count bytes, so only the CSV has them
                resource.update({"bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest()})
            package["resources"].append(resource)
    return package


def package_files(resources: list[Resource], about: About) -> dict[str, str]:
    """{file name: text} for every table (CSV and JSON) and datapackage.json; checks the rows first."""
    for resource in resources:
        check_rows(resource)
    files: dict[str, str] = {}
    for resource in resources:
        files[f"{resource.name}.csv"] = csv_text(resource)
        files[f"{resource.name}.json"] = json_text(resource)
    files["datapackage.json"] = json.dumps(descriptor(resources, files, about), ensure_ascii=False, indent=1) + "\n"
    return files


def read_site_url(mkdocs_yml: str) -> str:
    """The edition's own address: the default mkdocs.yml gives for site_url (site_url: !ENV
    [SITE_URL, "…"]; PyYAML's safe loader does not know the !ENV tag). A fork served elsewhere
    sets SITE_URL for its pages; the committed downloads keep citing this address."""
    match = re.search(r'^site_url:\s*(?:!ENV\s*\[\s*SITE_URL\s*,\s*)?"?([^"\]\s]+)', mkdocs_yml, re.M)
    return match.group(1) if match else ""


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _json_value(value: Any) -> Any:
    if value == "":
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value
