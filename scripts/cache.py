"""A small disk cache for derived data that is slow to make and depends only on known inputs:
the charts (matplotlib), the pinyin of the glossary terms (pypinyin's dictionaries take longer
to load than the rest of page generation), the search dictionary (cut from jieba's), the data
files that passed their schema (validating the glossary takes a third of page generation), each
page's HTML and search entries (scripts/page_cache.py) and the trimmed theme stylesheet
(scripts/purge_css.py).

Entries live in .cache/<kind>/<key> (or under $REPORT_CACHE_DIR), where the key is a hash of
everything that shapes the result; a changed input makes a new key, so an entry is never stale.
Deleting .cache/ is always safe. (functools caches last one process; joblib and diskcache would do, but are a dependency
for a dozen lines.)
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(os.environ.get("REPORT_CACHE_DIR") or Path(__file__).resolve().parent.parent / ".cache")


def _path(kind: str, inputs: object) -> Path:
    return ROOT / kind / hashlib.sha256(repr(inputs).encode("utf-8")).hexdigest()


def load(kind: str, inputs: object) -> str | None:
    """What was stored for these inputs (compared by their repr), or None."""
    path = _path(kind, inputs)
    return path.read_text(encoding="utf-8") if path.is_file() else None


def store(kind: str, inputs: object, text: str) -> None:
    path = _path(kind, inputs)
    path.parent.mkdir(parents=True, exist_ok=True)
    # written under another name and renamed, so a reader never sees half a file
    handle, partial = tempfile.mkstemp(dir=path.parent, prefix=".partial-")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(partial, path)


def cached_text(kind: str, inputs: object, make: Callable[[], str]) -> str:
    """make(), or what it returned before for the same inputs."""
    text = load(kind, inputs)
    if text is None:
        text = make()
        store(kind, inputs, text)
    return text
