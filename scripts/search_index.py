"""One search index per language, holding only what search needs.

mkdocs-static-i18n merges every language's pages into one search index, so an English reader's
query returns Chinese pages first. After the build this splits that index: the default language
keeps search/search_index.json, and each other language gets <lang>/search/search_index.json with
locations relative to its own folder (overrides/main.html points that language's pages there).

Before Material's search plugin reads a page, `mark_excluded` marks with `data-search-exclude` the
parts of it no query should find (controls, year strips, lists of links); the plugin leaves them out
of the index and then removes the attribute from the page. As each page is indexed, `lean_entries`
drops the zero-width spaces that jieba's segmentation puts where the separator already splits.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

# What search does not need. Text in the other language: each language's index holds that
# language's text (the Chinese pages carry the glossary's English notes, the English pages quote the
# Chinese), as the summaries and translations beside each paragraph already are left out by
# render.py. By the class of the element: the paragraph permalink (¶) and the Cite control beside
# every paragraph.
EXCLUDED_CLASSES = ("paragraph-link", "cite-button")
# Glossary paragraphs by the label they start with (as render.py writes them, in both languages):
# the lists of links to related entries and to the paragraphs a term appears in, and the source's
# citation and the caveat on it, which speak of the evidence rather than of the term.
EXCLUDED_PARAGRAPHS = ("相关词条", "出现位置", "来源", "说明", "Related", "Appears in", "Source", "Caveat")
# Material's search plugin removes attributes of this form from the page once it has indexed it (a
# bare data-search-exclude would stay in the page).
EXCLUDE = 'data-search-exclude="true"'

_EXCLUDED_ELEMENT = re.compile(r'<(\w+)(?= [^>]*\bclass="(?:[^"]* )?(?:' + "|".join(EXCLUDED_CLASSES) + r')[ "])')
_EXCLUDED_PARAGRAPH = re.compile(r"<p>(?=(?:<em>|<strong>)?(?:" + "|".join(map(re.escape, EXCLUDED_PARAGRAPHS)) + r")[:：( ])")
# The strip of report years on a glossary entry (render.year_strip).
_YEAR_STRIP = re.compile(r'<span(?= class="year-strip")')
ZWSP = "\u200b"

# Material weighs a match in a heading 1000 times a match in the text. In English, where the
# glossary headings carry renderings made of common words, any heading that shares one word with
# a query (the entry "Two News" for "new energy vehicles") would outrank the section that is about
# it; at 30 headings still lead and the text can speak too. Chinese keeps Material's weighting.
TITLE_BOOST = {"en": 30}


def mark_excluded(html: str, lang: str) -> str:
    """The HTML of a page in `lang` with data-search-exclude on the parts search does not need."""
    html = re.sub(rf'<(\w+)(?=[^>]* lang="(?!{lang}")[^"]*")', rf"<\1 {EXCLUDE}", html)
    html = _EXCLUDED_ELEMENT.sub(rf"<\1 {EXCLUDE}", html)
    html = _EXCLUDED_PARAGRAPH.sub(f"<p {EXCLUDE}>", html)
    # Material's parser tells elements apart by their tag alone, so a <span> inside the strip would
    # end its exclusion early; the strip holds only text and <b>.
    return _YEAR_STRIP.sub(f"<span {EXCLUDE}", html)


def lean(text: str, separator: str) -> str:
    """Title or text without the zero-width spaces that split nothing: Material's search plugin
    puts one between every two words jieba cuts and around every run of Chinese, but where the
    run meets a separator (punctuation, a space) or a tag, the tokenizer splits there anyway."""
    text = re.sub(separator, lambda run: run.group(0).replace(ZWSP, "") or ZWSP, text)
    text = re.sub(f"{ZWSP}+(?=<|$)|(?<=>){ZWSP}+|^{ZWSP}+", "", text)
    # a paragraph whose text was all left out stays behind empty
    return re.sub(r"\s*<(\w+)>\s*</\1>", "", text).strip()


def lean_entries(entries: list[dict], separator: str) -> list[dict]:
    """A page's search entries with `lean` titles and texts, as the MkDocs hook keeps them (so a
    page met before comes from the cache already lean, scripts/page_cache.py)."""
    return [{**entry, "title": lean(entry["title"], separator), "text": lean(entry["text"], separator)} for entry in entries]


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
