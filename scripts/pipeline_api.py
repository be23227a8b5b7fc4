"""What the MkDocs hooks use from the pipeline, in one import (so `mkdocs serve` can reload it)."""

from .build import load_site, update_docs_in_place
from .errors import InputError
from .glossary_markdown import GlossaryExtension
from .navigation import nav_for
from .publishing import write_publishing_files
from .render import render_site
from .search_index import write_split_index

__all__ = ["GlossaryExtension", "InputError", "load_site", "nav_for", "render_site", "update_docs_in_place",
           "write_publishing_files", "write_split_index"]
