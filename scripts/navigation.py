"""The site navigation, per language, mirroring the report's structure.

`render` writes it to docs/.nav.yml beside the pages (MkDocs leaves dotfiles out of the site);
the MkDocs hook reads it back for the language being built.
"""

from __future__ import annotations

from pathlib import Path

import yaml

NAV_FILE = ".nav.yml"


def nav_for(docs: Path, lang: str) -> list:
    path = Path(docs) / NAV_FILE
    if not path.is_file():
        raise SystemExit(f"{path}: missing; run `python -m scripts build` first")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [_prefixed(item, lang) for item in data[lang]]


def _prefixed(item, lang: str):
    """Nav paths are stored per language folder; MkDocs wants them relative to docs/."""
    if isinstance(item, str):
        return f"{lang}/{item}"
    (title, value), = item.items()
    if isinstance(value, list):
        return {title: [_prefixed(child, lang) for child in value]}
    return {title: f"{lang}/{value}"}
