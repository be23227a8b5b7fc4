"""Command line: python -m scripts build | check | split FILE (see README.md)."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

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
    split = verbs.add_parser("split", help="print the document model of a report file as JSON")
    split.add_argument("file", type=Path)
    split.add_argument("--layout", type=Path, help="a report.yml whose layout names the pages")
    args = parser.parse_args(argv)
    try:
        if args.verb == "split":
            return _split(args.file, args.layout)
        from . import build as pipeline

        if args.verb == "build":
            written = pipeline.build(args.seeds, args.docs)
            print(f"docs: {written} files written to {args.docs}")
            return 0
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


def _split(file: Path, layout_file: Path | None) -> int:
    from .metadata import Layout, read_report_info
    from .sources import read_report_text
    from .splitter import split

    layout = read_report_info(layout_file).layout if layout_file else Layout()
    text, notes = read_report_text(file)
    for note in notes:
        print(f"note: {file}: {note}", file=sys.stderr)
    report = split(text, layout, str(file), tuple(notes))
    json.dump(dataclasses.asdict(report), sys.stdout, ensure_ascii=False, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
