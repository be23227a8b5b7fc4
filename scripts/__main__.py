"""Command line: python -m scripts build | check | site | split FILE [FILE …] (see README.md)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import NoReturn

from .errors import InputError

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description=__doc__)
    verbs = parser.add_subparsers(dest="verb", required=True)
    build = verbs.add_parser("build", help="regenerate docs/ from seeds/")
    build.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    build.add_argument("--docs", type=Path, default=ROOT / "docs")
    check = verbs.add_parser("check", help="exit 1 when docs/ differs from what seeds/ make")
    check.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    check.add_argument("--docs", type=Path, default=ROOT / "docs")
    site = verbs.add_parser("site", help="regenerate docs/ from seeds/, then build the site (`mkdocs build --strict`)")
    site.add_argument("--site-dir", type=Path, default=ROOT / "site")
    split = verbs.add_parser("split", help="print the document model of report files as JSON (one line each for several)")
    split.add_argument("files", type=Path, nargs="+", metavar="FILE")
    split.add_argument("--layout", type=Path, help="a report.yml whose layout names the pages")
    args = parser.parse_args(argv)
    try:
        if args.verb == "split":
            return _split(args.files, args.layout)
        from . import build as pipeline

        if args.verb == "build":
            written = pipeline.build(args.seeds, args.docs)
            print(f"docs: {written} files written to {args.docs}")
            return 0
        if args.verb == "site":
            _site(pipeline, args.site_dir)
        stale = pipeline.check(args.seeds, args.docs)
        if stale:
            print("docs/ is stale; run `python -m scripts build`. Differing files:", file=sys.stderr)
            for path in stale:
                print(f"  {path}", file=sys.stderr)
            return 1
        print("docs/ is up to date")
        return 0
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


def _site(pipeline, site_dir: Path) -> NoReturn:
    """`make site`: the pages and the site in one process, so the packages both need (Markdown,
    YAML, Jinja, the pipeline itself, which the MkDocs hooks use) are imported once."""
    pipeline.build(ROOT / "seeds", ROOT / "docs")
    from mkdocs.__main__ import cli

    # MkDocs' own command line, as `python -m mkdocs build` runs it: it exits with MkDocs' status
    cli.main(["build", "--strict", "--config-file", str(ROOT / "mkdocs.yml"), "--site-dir", str(site_dir)], prog_name="mkdocs")


def _split(files: list[Path], layout_file: Path | None) -> int:
    """One file: its model as indented JSON, or one error line. Several: one compact JSON line per
    file, {"file": …, "error": …} for a refusal, going on after it; exit 2 when any was refused."""
    layout = None
    if layout_file:
        from .metadata import read_report_info  # only with --layout: it loads the YAML schemas

        layout = read_report_info(layout_file).layout
    if len(files) == 1:
        report = _split_file(files[0], layout)
        for note in report.notes:
            print(f"note: {files[0]}: {note}", file=sys.stderr)
        json.dump(report, sys.stdout, ensure_ascii=False, indent=1, default=vars)
        print()
        return 0
    refused = 0
    # One process: splitting a report takes about 1.5 ms, less than handing its model (tens of KB
    # of JSON) back from a worker process would.
    for file in files:
        messages, line, split_ = _split_line(file, layout)
        for message in messages:
            print(message, file=sys.stderr)
        print(line)
        refused += not split_
    return 2 if refused else 0


def _split_file(file: Path, layout):
    from .sources import read_report_text
    from .splitter import split

    text, notes = read_report_text(file)
    return split(text, layout, str(file), tuple(notes))


def _split_line(file: Path, layout) -> tuple[list[str], str, bool]:
    """The stderr messages, the JSON line of one file of a batch, and whether it split. The model's dataclasses are
    written through `vars` (their fields in order, as dataclasses.asdict gives them, without its
    deep copy, which took most of the time)."""
    try:
        report = _split_file(file, layout)
    except InputError as error:
        return [f"error: {error}"], json.dumps({"file": str(file), "error": str(error)}, ensure_ascii=False, separators=(",", ":")), False
    messages = [f"note: {file}: {note}" for note in report.notes]
    line = json.dumps({"file": str(file), **vars(report)}, ensure_ascii=False, separators=(",", ":"), default=vars)
    return messages, line, True


if __name__ == "__main__":
    sys.exit(main())
