"""MkDocs hooks: the navigation from the document model, glossary tooltips, and one search
index per language.

MkDocs loads this file by path, so it puts the project root on sys.path to import `scripts`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts import navigation  # noqa: E402
from scripts.build import load_site  # noqa: E402
from scripts.errors import InputError  # noqa: E402
from scripts.glossary_markdown import GlossaryExtension  # noqa: E402
from scripts.search_index import write_split_index  # noqa: E402

SEEDS = ROOT / "seeds"
_glossary: GlossaryExtension | None = None


def _language(config) -> str:
    plugin = config.plugins.get("i18n")
    return getattr(plugin, "current_language", None) or "zh"


@event_priority(-110)  # after mkdocs-static-i18n has set up the language being built
def on_config(config):
    global _glossary
    config.nav = navigation.nav_for(Path(config.docs_dir), _language(config))
    if _glossary is None:
        try:
            site = load_site(SEEDS)
        except InputError as error:
            raise PluginError(str(error)) from None
        _glossary = GlossaryExtension(site.glossary)
    if _glossary not in config.markdown_extensions:
        config.markdown_extensions.append(_glossary)
    return config


def on_page_markdown(markdown, page, config, files):
    if _glossary is not None:
        _glossary.page_src = page.file.src_uri
    return markdown


@event_priority(-120)  # after mkdocs-static-i18n has built every language and merged their indexes
def on_post_build(config):
    plugin = config.plugins.get("i18n")
    if plugin is None or getattr(plugin, "building", False):
        return  # an inner pass of one language; the merged index comes after the last one
    others = [lang for lang in plugin.build_languages if lang != plugin.default_language]
    write_split_index(Path(config.site_dir), others)
