"""A small disk cache for derived text that is slow to make and depends only on known inputs:
the charts (matplotlib), the pinyin of the glossary terms (pypinyin's dictionaries take longer
to load than the rest of page generation), the search dictionary (cut from jieba's) and the data
files that passed their schema (validating the glossary takes a third of page generation).

Entries live in .cache/<kind>/<key> (or under $REPORT_CACHE_DIR), where the key is a hash of
everything that shapes the result; a changed input makes a new key, so an entry is never stale.
Deleting .cache/ is always safe. (functools caches last one process; joblib and diskcache would do, but are a dependency
for six lines.)
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(os.environ.get("REPORT_CACHE_DIR") or Path(__file__).resolve().parent.parent / ".cache")


def cached_text(kind: str, inputs: object, make: Callable[[], str]) -> str:
    """make(), or what it returned before for the same inputs (compared by their repr)."""
    key = hashlib.sha256(repr(inputs).encode("utf-8")).hexdigest()
    path = ROOT / kind / key
    if path.is_file():
        return path.read_text(encoding="utf-8")
    text = make()
    path.parent.mkdir(parents=True, exist_ok=True)
    # written under another name and renamed, so a reader never sees half a file
    handle, partial = tempfile.mkstemp(dir=path.parent, prefix=".partial-")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(partial, path)
    return text
