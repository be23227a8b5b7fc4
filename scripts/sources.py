"""Reading input files: the report text and the YAML data beside it.

Only this module (and build.write_docs) touches the file system, so every later stage is a pure
function that a test can call with a string.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError, line_of

# ---------------------------------------------------------------------------------------------
# The report text


def read_report_text(path: str | Path) -> tuple[str, list[str]]:
    """Return the report as normalised text (UTF-8, no BOM, LF line ends) and notes on what was done.

    GB18030 (which contains GBK and GB2312) is the only other encoding Chinese government texts come
    in; a general detector guesses among dozens and can be wrong on short texts, so this tries the
    two candidates explicitly and accepts GB18030 only when the result is plainly Chinese text.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(str(path), None, "no such file")
    if not path.is_file():
        raise InputError(str(path), None, "not a regular file")
    data = path.read_bytes()
    return decode_report(data, str(path))


def decode_report(data: bytes, name: str) -> tuple[str, list[str]]:
    notes: list[str] = []
    if not data.strip():
        raise InputError(name, None, "the file is empty")
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise InputError(name, line, "binary data (a NUL byte): not a text file")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        notes.append("removed a UTF-8 byte order mark")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        text = _decode_gb18030(data, name, utf8_error)
        notes.append("decoded as GB18030 (the file is not UTF-8)")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        notes.append("converted CRLF line endings to LF")
    if bad := CONTROL.search(text):
        raise InputError(name, line_of(text, bad.start()), f"control character U+{ord(bad.group()):04X}: not a plain text file")
    return text, notes


def _decode_gb18030(data: bytes, name: str, utf8_error: UnicodeDecodeError) -> str:
    line = data.count(b"\n", 0, utf8_error.start) + 1
    refusal = InputError(
        name, line, f"not UTF-8 (byte 0x{data[utf8_error.start]:02X}) and not clearly GB18030 either; convert it to UTF-8"
    )
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise refusal from None
    letters = [ch for ch in text if not ch.isspace()]
    han = sum(1 for ch in letters if "\u4e00" <= ch <= "\u9fff")
    if not letters or han / len(letters) < 0.5 or CONTROL.search(text):
        raise refusal
    return text


# Unicode's control (Cc), surrogate (Cs) and private-use (Co) characters but tab and line ends: one
# regex, since testing each character's category costs more than the rest of splitting a report
# (a test checks that it matches the categories exactly).
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")


# ---------------------------------------------------------------------------------------------
# YAML with line numbers


class YamlMap(dict):
    """A mapping that remembers the line of each key (PyYAML drops positions and silently keeps the
    last of two duplicate keys; this small loader keeps positions and refuses duplicates)."""

    line: int = 0
    key_lines: dict[str, int]


class YamlList(list):
    line: int = 0
    item_lines: list[int]


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's parser when PyYAML has it (five times faster), the same constructors either way."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> YamlMap:
    result = YamlMap()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, (str, int, float, bool)) or isinstance(key, bool):
            raise InputError(loader.name, line, f"a key must be text, not {type(key).__name__}")
        key = str(key)
        if key in result:
            raise InputError(loader.name, line, f"duplicate key {key!r} (first on line {result.key_lines[key]})")
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> YamlList:
    result = YamlList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _construct_str(loader: _LineLoader, node: yaml.ScalarNode) -> str:
    return loader.construct_scalar(node)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
# Dates stay text: the site prints them as written, and a typo should not become a datetime.
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_str)


def parse_yaml(text: str, name: str) -> Any:
    """Parse YAML text; any problem becomes one InputError naming the file and line."""
    loader = _LineLoader(text)
    loader.name = name
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        message = f"YAML syntax: {error.problem or error.context}"
        if error.context and error.context_mark and error.problem_mark and error.context_mark.line != error.problem_mark.line:
            # "while parsing a flow sequence" → where the unclosed thing began
            what = re.sub(r"^while parsing (an? )?", "", error.context).strip()
            message += f" (in the {what} that starts on line {error.context_mark.line + 1})"
        raise InputError(name, line, message) from None
    except yaml.YAMLError as error:
        raise InputError(name, None, f"YAML: {error}") from None
    finally:
        loader.dispose()


def read_yaml(path: str | Path) -> Any:
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), None, "no such file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(str(path), line_of(error.object.decode("utf-8", "replace"), error.start), "not UTF-8") from None
    return parse_yaml(text, str(path))


# ---------------------------------------------------------------------------------------------
# Reading checked data (the shapes are declared in seeds/schemas/ and checked by schemas.py)


def line_in(container: Any, key: str | int | None = None) -> int | None:
    """The line of a key or item of a YAML mapping or list, or of the container itself."""
    if isinstance(container, YamlMap):
        return container.key_lines.get(str(key), container.line) if key is not None else container.line
    if isinstance(container, YamlList):
        if isinstance(key, int) and 0 <= key < len(container.item_lines):
            return container.item_lines[key]
        return container.line
    return None


def text(mapping: Any, key: str) -> str:
    """A text field of a mapping the schema has checked, stripped; "" when it is absent."""
    value = mapping.get(key)
    return "" if value is None else str(value).strip()
