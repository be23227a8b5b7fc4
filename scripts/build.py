"""The pipeline: read seeds/ → split → check summaries → render → write docs/.

Only `load_site` reads files and only `write_docs` writes them; everything between is pure.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from .datapackage import read_site_url
from .errors import InputError
from .figures import parse_figures
from .glossary import parse_glossary, sentence_location, with_pinyin
from .history import EarlierReport, parse_dropped, parse_earlier_list, years_of
from .investors import parse_investors
from .metadata import read_report_info
from .readings import default_readings, parse_readings
from .render import Site, render_site
from .sources import read_report_text, read_yaml
from .splitter import split
from .summaries import parse_summaries
from .targets import parse_targets
from .translation import parse_translation

SUMMARIES = "summaries.en.yml"
GLOSSARY = "glossary.yml"
FIGURES = "figures.yml"
INVESTORS = "investors.yml"
TRANSLATION = "translation.en.yml"
READINGS = "readings.yml"
EARLIER = "earlier/reports.yml"
DROPPED = "earlier/dropped.yml"
TARGETS = "targets.yml"
MKDOCS_YML = Path(__file__).resolve().parent.parent / "mkdocs.yml"


def load_earlier(seeds: Path) -> tuple[EarlierReport, ...]:
    """The city's earlier reports listed in seeds/earlier/reports.yml, read and split (none if absent)."""
    listing = seeds / EARLIER
    if not listing.exists():
        return ()
    reports = []
    for year, name, delivered, url, line in parse_earlier_list(read_yaml(listing), str(listing)):
        path = listing.parent / name
        if not path.is_file():
            raise InputError(str(listing), line, f"the {year} report's text {name!r} is not in {listing.parent}")
        text, notes = read_report_text(path)
        reports.append(EarlierReport(year, delivered, url, text, split(text, None, str(path), tuple(notes))))
    return tuple(reports)


def load_site(seeds: Path) -> Site:
    """Read and check every input under seeds/; raise InputError on the first problem."""
    seeds = Path(seeds)
    info = read_report_info(seeds / "report.yml")
    text_path = seeds / info.text
    text, notes = read_report_text(text_path)
    report = split(text, info.layout, str(text_path), tuple(notes))
    earlier = load_earlier(seeds)
    year = int(info.delivered[:4])
    glossary = ()
    glossary_path = seeds / GLOSSARY
    if glossary_path.exists():
        glossary = parse_glossary(read_yaml(glossary_path), str(glossary_path), report, text, earlier)
        glossary = tuple(replace(e, years=years_of(e.term, earlier, year, text)) for e in glossary)
        readings_path = seeds / READINGS
        readings = {}
        if readings_path.exists():
            defaults = default_readings(tuple(e.term for e in glossary))
            readings = parse_readings(read_yaml(readings_path), str(readings_path), defaults)
        glossary = with_pinyin(glossary, readings)
        for entry in glossary:
            if entry.sentence and sentence_location(report, entry.sentence) is None:
                raise InputError(str(glossary_path), entry.line,
                                 f"{entry.term}: the in-text sentence is not inside one paragraph of the report")
    summaries_path = seeds / SUMMARIES
    summaries = parse_summaries(read_yaml(summaries_path), str(summaries_path), report, text, glossary)
    figures = ()
    figures_path = seeds / FIGURES
    if figures_path.exists():
        figures = parse_figures(read_yaml(figures_path), str(figures_path), report, text, glossary, info.delivered)
    investors = ()
    investors_path = seeds / INVESTORS
    if investors_path.exists():
        investors = parse_investors(read_yaml(investors_path), str(investors_path), report, text, glossary)
    translation = {}
    translation_path = seeds / TRANSLATION
    if translation_path.exists():
        translation = parse_translation(read_yaml(translation_path), str(translation_path), report, text, glossary)
    dropped = ()
    dropped_path = seeds / DROPPED
    if dropped_path.exists() and earlier:
        dropped = parse_dropped(read_yaml(dropped_path), str(dropped_path), earlier, text)
    targets = ()
    targets_path = seeds / TARGETS
    if targets_path.exists():
        this = EarlierReport(year, info.delivered, info.official_url, text, report)
        targets = parse_targets(read_yaml(targets_path), str(targets_path), (*earlier, this))
    # the permalinks in the downloads: the edition's own address (mkdocs.yml's default), whatever
    # SITE_URL a fork builds with, so the committed downloads do not depend on where they are served
    site_url = read_site_url(MKDOCS_YML.read_text(encoding="utf-8"))
    return Site(report=report, info=info, summaries=summaries, glossary=glossary, figures=figures, investors=investors,
                earlier=earlier, dropped=dropped, translation=translation, targets=targets, site_url=site_url)


def render(seeds: Path) -> dict[str, str]:
    return render_site(load_site(seeds))


def build(seeds: Path, docs: Path) -> int:
    pages = render(seeds)
    write_docs(pages, Path(docs))
    return len(pages)


def write_docs(pages: dict[str, str], docs: Path) -> None:
    """Replace docs/ with exactly these pages, all at once: the new tree is written beside it and
    swapped in, so a failure leaves the old tree whole. Nothing is touched when nothing changed,
    which keeps `mkdocs serve` from rebuilding in a loop."""
    if not stale_files(pages, docs):
        return
    docs.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{docs.name}-new-", dir=docs.parent))
    try:
        for rel_path, text in pages.items():
            target = fresh / rel_path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        old = None
        if docs.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{docs.name}-old-", dir=docs.parent))
            os.replace(docs, old / docs.name)
        os.replace(fresh, docs)
        if old:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if fresh.exists():
            shutil.rmtree(fresh, ignore_errors=True)


def update_docs_in_place(pages: dict[str, str], docs: Path) -> list[str]:
    """Write only the pages that changed and remove files that are no longer generated. Used by
    `mkdocs serve`, whose file watcher would lose track of a docs/ folder swapped for a new one."""
    stale = stale_files(pages, docs)
    for entry in stale:
        rel_path = entry.removesuffix(" (not generated)")
        target = Path(docs) / rel_path
        if entry.endswith(" (not generated)"):
            target.unlink()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(pages[rel_path].encode("utf-8"))
    return stale


def stale_files(pages: dict[str, str | bytes], docs: Path) -> list[str]:
    """Paths under docs/ that differ from the pages: changed, missing or not generated at all."""
    docs = Path(docs)
    stale = []
    for rel_path, text in sorted(pages.items()):
        data = text.encode("utf-8") if isinstance(text, str) else text
        target = docs / rel_path
        if not target.is_file() or target.read_bytes() != data:
            stale.append(rel_path)
    if docs.is_dir():
        for path in sorted(docs.rglob("*")):
            rel_path = path.relative_to(docs).as_posix()
            if path.is_file() and rel_path not in pages:
                stale.append(f"{rel_path} (not generated)")
    return stale


def check(seeds: Path, docs: Path) -> list[str]:
    return stale_files(render(seeds), docs)


__all__ = ["InputError", "build", "check", "load_site", "render", "write_docs", "stale_files"]
