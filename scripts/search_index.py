"""One search index per language.

mkdocs-static-i18n merges every language's pages into one search index, so an English reader's
query returns Chinese pages first. After the build this splits that index: the default language
keeps search/search_index.json, and each other language gets <lang>/search/search_index.json with
locations relative to its own folder (overrides/main.html points that language's pages there).
"""

from __future__ import annotations

import json
from pathlib import Path

# Material weighs a match in a heading 1000 times a match in the text. In English, where the
# glossary headings carry renderings made of common words, any heading that shares one word with
# a query (the entry "Two News" for "new energy vehicles") would outrank the section that is about
# it; at 30 headings still lead and the text can speak too. Chinese keeps Material's weighting.
TITLE_BOOST = {"en": 30}


def split_index(index: dict, languages: list[str]) -> dict[str, dict]:
    """{"": default-language index, "en": English index, …} from one merged index."""
    prefixes = {lang: f"{lang}/" for lang in languages}
    buckets: dict[str, list] = {"": [], **{lang: [] for lang in languages}}
    for doc in index["docs"]:
        lang = next((lang for lang, prefix in prefixes.items() if doc["location"].startswith(prefix)), "")
        if lang:
            doc = {**doc, "location": doc["location"][len(prefixes[lang]):]}
        buckets[lang].append(doc)
    result = {}
    for lang, docs in buckets.items():
        config = index["config"]
        if lang in TITLE_BOOST:
            config = {**config, "fields": {**config["fields"], "title": {"boost": TITLE_BOOST[lang]}}}
        result[lang] = {**index, "config": config, "docs": docs}
    return result


def write_split_index(site_dir: Path, languages: list[str]) -> dict[str, Path]:
    source = Path(site_dir) / "search" / "search_index.json"
    index = json.loads(source.read_text(encoding="utf-8"))
    written = {}
    for lang, part in split_index(index, languages).items():
        target = Path(site_dir) / lang / "search" / "search_index.json" if lang else source
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        written[lang] = target
    return written
