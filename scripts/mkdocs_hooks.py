"""MkDocs hooks: the navigation from the document model, per language.

MkDocs loads this file by path, so it puts the project root on sys.path to import `scripts`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts import navigation  # noqa: E402


def _language(config) -> str:
    plugin = config.plugins.get("i18n")
    return getattr(plugin, "current_language", None) or "zh"


@event_priority(-110)  # after mkdocs-static-i18n has set up the language being built
def on_config(config):
    config.nav = navigation.nav_for(Path(config.docs_dir), _language(config))
    return config
