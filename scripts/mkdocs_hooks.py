"""MkDocs hooks: the navigation from the document model, glossary tooltips (and the year strips
passed through whole, scripts/year_strip_markdown.py), one search index per
language, the sitemap's language alternates and robots.txt, the theme's stylesheet trimmed
(scripts/purge_css.py), unchanged pages from the cache (scripts/page_cache.py); under
`mkdocs serve`, docs/ is regenerated from seeds/ before each build.

MkDocs loads this file by path (and restores sys.path afterwards), so the project root is put on
sys.path whenever `scripts` is imported.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import sys
from pathlib import Path

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
_glossary = None  # the GlossaryExtension of the current build
_dictionary_hash = ""  # of the search dictionary jieba segments with (a key of cached search entries)
_serving = False


def on_startup(command, dirty):
    """Having this hook also keeps the module alive across `mkdocs serve` rebuilds."""
    global _serving
    _serving = command == "serve"


# How often `mkdocs serve` looks for edits in the folders it watches. MkDocs' watcher (watchdog's
# PollingObserver) looks every 0.5 s, a quarter of a second of every reload on average; seeds/ and
# scripts/ hold a few dozen files, so looking five times as often costs next to nothing.
SERVE_POLL_SECONDS = 0.1


def on_serve(server, config, builder):
    """docs/ is made from seeds/ by the build itself (on_config), so it is not watched: its writes
    would start a second build, and a second reload of the browser, after every seed edit. The
    folders given with --watch are scheduled after this hook, so they take the shorter interval
    (watchdog reads its observer's `_timeout` when a folder is scheduled; were that to change, the
    interval would simply stay MkDocs' 0.5 s)."""
    server.unwatch(config.docs_dir)
    server.observer._timeout = SERVE_POLL_SECONDS
    return server


def _pipeline(module: str, fresh: bool = False):
    """A module of the `scripts` package; with `fresh` (when serving), imported again if a file in
    scripts/ changed since it was imported, so edits to scripts/ take effect. Only then: importing
    the pipeline again cost about 0.2 s of each rebuild after a seed edit."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    if fresh and _scripts_changed():
        for name in [n for n in sys.modules if n == "scripts" or n.startswith("scripts.")]:
            del sys.modules[name]
    return importlib.import_module(f"scripts.{module}")


_scripts_seen = None  # the files of scripts/ as the modules in use were imported from


def _scripts_changed() -> bool:
    global _scripts_seen
    now = sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in (ROOT / "scripts").glob("*.py"))
    # the first time, the modules were imported just now, by this build's hooks
    changed = _scripts_seen is not None and now != _scripts_seen
    _scripts_seen = now
    return changed


def _language(config) -> str:
    plugin = config.plugins.get("i18n")
    return getattr(plugin, "current_language", None) or "zh"


PERMALINK_TITLE = {"zh": "段落链接", "en": "Link to this section"}


@event_priority(-110)  # after mkdocs-static-i18n has set up the language being built
def on_config(config):
    global _glossary
    plugin = config.plugins.get("i18n")
    first_pass = plugin is None or _language(config) == plugin.default_language
    rebuild = _serving and first_pass
    if rebuild:
        # `mkdocs serve --watch seeds --watch scripts`: regenerate docs/ before MkDocs reads it.
        # Only changed files are written, so the rebuild this causes finds nothing to write.
        build = _pipeline("build", fresh=True)
        try:
            build.update_docs_in_place(build.render(SEEDS), Path(config.docs_dir))
        except build.InputError as error:
            raise PluginError(str(error)) from None
    if _glossary is None or rebuild:
        # The tooltips come from docs/ like the pages: a plain build reads nothing in seeds/.
        _glossary = _pipeline("glossary_markdown").GlossaryExtension.from_docs(Path(config.docs_dir))
    _use_search_dictionary(Path(config.docs_dir))
    config.nav = _pipeline("navigation").nav_for(Path(config.docs_dir), _language(config))
    # our extensions (the glossary's is made from docs/, which mkdocs.yml cannot do); removed first,
    # as each language pass runs this again
    ours = ("GlossaryExtension", "YearStripExtension")
    config.markdown_extensions = [e for e in config.markdown_extensions if type(e).__name__ not in ours]
    config.markdown_extensions += [_glossary, _pipeline("year_strip_markdown").YearStripExtension()]
    # the heading permalinks' title in the pass's own language (mkdocs.yml has one toc setting)
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = PERMALINK_TITLE.get(_language(config), "段落链接")
    return config


def _use_search_dictionary(docs: Path) -> None:
    """Segment the search index with the pages' own cut of jieba's dictionary (see
    scripts/search_dictionary.py): the same words, loaded in milliseconds instead of half a second.
    Set here rather than as the search plugin's jieba_dict, which is read relative to the working
    directory, not to mkdocs.yml."""
    global _dictionary_hash
    dictionary = docs / _pipeline("search_dictionary").FILE
    _dictionary_hash = hashlib.sha256(dictionary.read_bytes()).hexdigest() if dictionary.is_file() else ""
    if dictionary.is_file():
        import jieba

        jieba.setLogLevel(logging.WARNING)  # not "Building prefix dict…" on every build
        jieba.set_dictionary(str(dictionary))


def on_env(env, config, files):
    """Compiled templates kept in .cache/jinja/ (Jinja's own bytecode cache, checked against each
    template's source): compiling Material's templates took a tenth of a second on every build,
    and again in each language pass, as mkdocs-static-i18n makes a new environment for each."""
    folder = _pipeline("cache").ROOT / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
    return env


_files_hash = ""  # the files of the language pass being built (scripts/page_cache.py)


@event_priority(-120)  # after mkdocs-static-i18n has chosen the files of the language
def on_files(files, config):
    global _files_hash
    _files_hash = _pipeline("page_cache").files_key(files)
    return files


def on_page_content(html, page, config, files):
    """Mark what search does not need before Material's search plugin indexes the page (its
    on_page_context runs after this), and let the index take unchanged pages' entries from the
    cache."""
    search = config.plugins.get("material/search")
    if search is not None and hasattr(search, "search_index"):
        index = search.search_index
        separator = index.config["separator"]
        lean = _pipeline("search_index").lean_entries
        _pipeline("page_cache").use_for_search(index, _dictionary_hash, lambda entries: lean(entries, separator))
    return _pipeline("search_index").mark_excluded(html, _language(config))


def on_page_markdown(markdown, page, config, files):
    if _glossary is not None:
        _glossary.page_src = page.file.src_uri
    # pages met in an earlier build are not converted again (scripts/page_cache.py)
    _pipeline("page_cache").use_for_render(page, _files_hash)
    return markdown


@event_priority(-120)  # after mkdocs-static-i18n has built every language and merged their indexes
def on_post_build(config):
    plugin = config.plugins.get("i18n")
    if plugin is None or getattr(plugin, "building", False):
        return  # an inner pass of one language; the merged index comes after the last one
    others = [lang for lang in plugin.build_languages if lang != plugin.default_language]
    _pipeline("search_index").write_split_index(Path(config.site_dir), others)
    # Material's stylesheet trimmed to what the pages use, now that every page is built; not under
    # `mkdocs serve`, where reading every page again would slow each reload and the full stylesheet
    # looks the same (tests/browser/test_styles.py)
    if not _serving:
        _pipeline("purge_css").purge_site(Path(config.site_dir))
    _pipeline("publishing").write_publishing_files(Path(config.site_dir), config.site_url or "/", plugin.default_language)
