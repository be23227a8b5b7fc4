"""The shape of every data file in seeds/, declared as JSON Schema (seeds/schemas/*.schema.json) and
checked with the jsonschema library. A problem becomes one InputError naming the file and the line
of the offending key or item, found through the line numbers the YAML loader records.

Checks that need the report (a phrase occurs in a paragraph, figures trace, ids are known) are not
shapes; the data modules make them after this.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cache import cached_text
from .errors import InputError
from .sources import line_in

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

SCHEMAS = Path(__file__).resolve().parent.parent / "seeds" / "schemas"
TYPE_WORDS = {"string": "text", "object": "a mapping", "array": "a list", "number": "a number", "integer": "a whole number",
              "boolean": "true or false"}


@cache
def schema_text(schema: str) -> str:
    return (SCHEMAS / f"{schema}.schema.json").read_text(encoding="utf-8")


@cache
def validator(schema: str) -> Draft202012Validator:
    """The validator of one schema file (by its name without .schema.json). jsonschema is imported
    here, as a build whose files all passed before (see validate) does not need it."""
    from jsonschema import Draft202012Validator

    document = json.loads(schema_text(schema))
    Draft202012Validator.check_schema(document)
    return Draft202012Validator(document)


def validate(data: Any, name: str, schema: str) -> None:
    """Raise one InputError for the first problem in the file (by line), or return.

    Validating the glossary takes a third of page generation, so a file that passed is remembered
    by its content and the schema (a file with a problem is checked every time)."""
    inputs = (schema_text(schema), version("jsonschema"), data)
    cached_text("valid", inputs, lambda: _check(data, name, schema) or "valid")


def _check(data: Any, name: str, schema: str) -> None:
    found = [_locate(data, _deepest(e)) for e in validator(schema).iter_errors(data)]
    if found:
        line, where, what = min(found, key=lambda f: f[0] or 0)
        raise InputError(name, line, f"{where}: {what}" if where else what)


def _deepest(error: ValidationError) -> ValidationError:
    """For anyOf/oneOf, the branch's error that went furthest (jsonschema's own heuristic)."""
    from jsonschema.exceptions import best_match

    return _deepest(best_match(error.context)) if error.context else error


def _container(data: Any, path) -> Any:
    node = data
    for step in path:
        node = node[step]
    return node


def _locate(data: Any, error: ValidationError) -> tuple[int | None, str, str]:
    """(line, where, what is wrong) for one error."""
    path = list(error.absolute_path)
    value, schema, kind = error.instance, error.schema, error.validator
    in_names = "propertyNames" in error.relative_schema_path
    if kind == "required" or kind == "additionalProperties" or kind == "not" or in_names:
        # about the mapping itself: point at the offending key where there is one
        mapping = _container(data, path)
        where = _where(data, path)
        if in_names:
            return line_in(mapping, value), where, f"key {value!r} {schema.get('x-message', 'is not allowed here')}"
        if kind == "required":
            missing = next(k for k in error.validator_value if k not in value)
            why = f" ({schema['description']})" if "then" in error.relative_schema_path and "description" in schema else ""
            # the line that names the incomplete mapping: its key or list item, else its first line
            holder = line_in(_container(data, path[:-1]), path[-1]) if path else line_in(mapping)
            return holder, where, f"missing key {missing!r}{why}"
        if kind == "additionalProperties":
            extra = [k for k in value if k not in schema.get("properties", {})]
            allowed = ", ".join(sorted(schema.get("properties", {})))
            return line_in(mapping, extra[0]), where, f"unknown key {extra[0]!r} (allowed: {allowed})"
        keys = [k for k in error.validator_value.get("required", []) if k in value]
        return (line_in(mapping, keys[0]) if keys else line_in(mapping), where,
                f"{schema.get('description', 'a key that is not allowed here')}: remove {', '.join(map(repr, keys))}")
    parent = _container(data, path[:-1]) if path else None
    line = line_in(parent, path[-1]) if path else line_in(data)
    where = _where(data, path[:-1]) if path else ""
    field = (str(path[-1]) if isinstance(path[-1], str) else f"item {path[-1] + 1}") if path else "the file"
    if kind == "type":
        return line, where, f"{field} must be {TYPE_WORDS.get(error.validator_value, error.validator_value)}, not {_kind(value)}"
    if kind in ("enum", "const"):
        options = error.validator_value if kind == "enum" else [error.validator_value]
        return line, where, f"{field} must be one of {', '.join(str(o) if o else '(empty)' for o in options)}"
    if kind in ("pattern", "minLength") and isinstance(value, str) and not value.strip():
        return line, where, f"{field} is empty"
    if kind == "pattern":
        return line, where, f"{field} {value!r} {schema.get('x-message', 'does not have the expected form')}"
    if kind == "minItems":
        return line, where, f"{field} needs at least {error.validator_value} item{'s' * (error.validator_value != 1)}"
    if kind == "minimum":
        return line, where, f"{field} must be a whole number from {error.validator_value}"
    return line, where, f"{field}: {error.message}"


def _where(data: Any, path) -> str:
    """A readable place: "term '四主四区' › items › item 2" / "parts › item 2 › sections"."""
    words = []
    node = data
    for step in path:
        node = node[step]
        if isinstance(step, int):
            words.append(next((f"{k} {node[k]!r}" for k in ("term", "id", "key", "number", "slug")
                               if isinstance(node, dict) and isinstance(node.get(k), (str, int))), f"item {step + 1}"))
        else:
            words.append(str(step))
    return " › ".join(words)


def _kind(value: Any) -> str:
    if value is None:
        return "empty"
    for kind, word in ((bool, "true/false"), (dict, "a mapping"), (list, "a list"), (str, "text"), ((int, float), "a number")):
        if isinstance(value, kind):
            return word
    return type(value).__name__
