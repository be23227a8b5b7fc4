"""Measure the splitter on a set of report files: how many split without loss, how many it
refuses (and why), how many crash it.

    python -m scripts.split_survey ../shared/corpus/*.txt

"Without loss" means two things, both checked on the model alone:
- every non-whitespace character of the text lies in exactly one piece of the model (`lost_characters`);
- every sentence of the text appears whole in the model's text: a front line, a heading, or a
  paragraph's lead and text (`lost_sentences`). A list item's number may move into its field, but a
  sentence cut between two paragraphs (as when 小（1）型水库 is read as a list) counts as lost.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from .errors import InputError
from .model import Report
from .sources import read_report_text
from .splitter import split

_MARKUP = re.compile(r"\*\*|__|<br\s*/?>|^#+|\s", re.IGNORECASE | re.MULTILINE)
# Where a sentence ends: after 。！？, at an HTML line break, and before an item marker that follows
# punctuation (…实事：（1）…；（2）…), which a list may cut.
_SENTENCE_BREAK = re.compile(r"(?<=[。！？])|<br\s*/?>|(?<=[：:；;，,、])(?=[（(]\d{1,2}[）)])", re.IGNORECASE)
_LEADING_MARKER = re.compile(
    r"^(?:[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]|\d{1,2}[.．、]|[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}部分)")


def _plain(text: str) -> str:
    return _MARKUP.sub("", text)


def model_texts(report: Report) -> list[str]:
    """The text the model shows, piece by piece, without whitespace and markup."""
    texts = [span.raw for span in report.front]
    for part in report.parts:
        texts.append(part.heading.raw)
        for section in part.sections:
            if section.heading:
                texts.append(section.heading.raw)
            texts += [f"{p.lead}。{p.text}" if p.lead else p.text for p in section.paragraphs]
    return [_plain(t) for t in texts]


def sentences(text: str) -> list[str]:
    """The sentences of a text, without markup and without a list or heading number in front."""
    found = []
    for line in text.split("\n"):
        for sentence in _SENTENCE_BREAK.split(line):
            plain = _LEADING_MARKER.sub("", _plain(sentence).lstrip("*#"))
            if plain:
                found.append(plain)
    return found


def lost_sentences(report: Report, text: str) -> list[str]:
    texts = model_texts(report)
    return [s for s in sentences(text) if not any(s in t for t in texts)]


def lost_characters(report: Report, text: str) -> list[int]:
    """Offsets of non-whitespace characters that no piece holds, or that two pieces hold."""
    covered = [0] * len(text)
    for start, raw in report.pieces():
        if text[start:start + len(raw)] != raw:
            return [start]
        for i in range(start, start + len(raw)):
            covered[i] += 1
    return [i for i, count in enumerate(covered) if count != 1 and not (count == 0 and text[i].isspace())]


def survey_one(path: Path) -> tuple[str, str]:
    """("lossless" | "lossy" | "refused" | "crashed", detail) for one file."""
    try:
        text, notes = read_report_text(path)
        report = split(text, None, str(path), tuple(notes))
    except InputError as error:
        return "refused", str(error)
    except Exception as error:  # noqa: BLE001 - counting crashes is the point
        return "crashed", f"{type(error).__name__}: {error}"
    lost = lost_sentences(report, text)
    if lost_characters(report, text) or lost:
        return "lossy", f"{path}: {len(lost)} sentences lost, e.g. {lost[:1]}"
    return "lossless", ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.split_survey", description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    counts: Counter[str] = Counter()
    for path in args.files:
        outcome, detail = survey_one(path)
        counts[outcome] += 1
        if detail:
            print(f"{outcome}: {detail}")
    total = len(args.files)
    print(f"{total} reports: {counts['lossless']} split without loss ({counts['lossless'] / total:.0%}), "
          f"{counts['lossy']} split with loss, {counts['refused']} refused, {counts['crashed']} crashed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
