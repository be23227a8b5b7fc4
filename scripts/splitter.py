"""Split a report's text into the document model (parts → sections → paragraphs).

Headings are found by their markers, never by line numbers, so a corrected edition still splits:
part headings 一、… or 第一部分 (plain, bold or Markdown-headed lines), numbered sections （一）…,
numbered items （1）… (inside a paragraph or one per line, also 1.), and lead sentences that end
in 。 at the start of a paragraph. Every character of the text lands in exactly one piece; only
whitespace between pieces is dropped (`Report.pieces`, tested for losslessness).

Copies of real reports are often irregular, and the splitter bends rather than refuses, saying in
the report's notes what it assumed:
- no part headings at all: the text after the title lines is one part (its heading is empty);
- part numbering that starts again at 一、 (the year's livelihood projects after the body, or a
  plan whose part heading the copy dropped): the restarted list is a part of its own, whose
  sections are the list's headings, headed by the short title line just before it if there is one;
- a skipped, repeated or out-of-order number: kept as written (ids stay unique: a part number that
  was already used becomes the next free one, a section key that was used gets a letter);
- a part heading with nothing under it, a section heading with no words: kept.
It refuses only what is not a report: no text, no Chinese text, a title and nothing else. With a
layout that names the parts (the report a site is built from), each of these assumptions is an
error at its line instead, so that a typo in the site's own text stops the build.
Markdown tables stay whole (one paragraph), an HTML line break <br> ends a heading, and an item
marker inside a word (小（1）型水库) is not a list.

The parsing is specific to these reports' conventions, so it is hand-written rather than built on
a general Markdown parser (which knows nothing of 一、 or （一）).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .errors import InputError
from .model import Paragraph, Part, Report, Section, Span

if TYPE_CHECKING:  # metadata loads the YAML schemas; splitting a file needs none of that
    from .metadata import Layout, PartRule, SectionRule

NUMERALS = "一二三四五六七八九十"
_MARKUP = r"(?:#{1,6}\s*)?(?:\*\*|__)?\s*"
_BR = r"<br\s*/?>"
PART_HEADING = re.compile(
    rf"^{_MARKUP}(?:(?P<num>[{NUMERALS}]{{1,3}})、|第(?P<num2>[{NUMERALS}]{{1,3}})部分[\s、：:]*)(?P<title>[^。！？\n]{{0,60}}?)\s*(?:\*\*|__)?(?:\s*{_BR})*\s*$",
    re.IGNORECASE,
)
SECTION_MARKER = re.compile(rf"^(?:\*\*|__)?[（(](?P<num>[{NUMERALS}]{{1,3}})[）)]")
INLINE_ITEM = re.compile(r"[（(](\d{1,2})[）)]")
# An inline item marker follows punctuation or a space; after a character it is part of a name (小（1）型水库).
ITEM_FOLLOWS = "。！？；;：:，,、）)”’」』*>|"
LINE_ITEM = re.compile(r"^(?:[（(](?P<a>\d{1,2})[）)]|(?P<b>\d{1,2})[.．、](?!\d))\s*")
SENTENCE_END = re.compile(r"[。！？]")
HEADING_END = re.compile(rf"[。！？]|{_BR}", re.IGNORECASE)
LINE_BREAK_TAG = re.compile(_BR, re.IGNORECASE)
# A lead sentence inside a numbered section: short, one clause, ending in 。 (全力提振消费。).
GENERIC_LEAD = re.compile(r"^[^。！？，,；;：:]{2,20}。")
HAN = re.compile(r"[\u3400-\u9fff]")
# A line that can only be a title: short, no sentence or clause punctuation (附件1, **2019年工作安排**).
TITLE_LINE = re.compile(r"^[^。！？；;，,：:|]{1,40}$")
TABLE_ROW = "|"


def cn_number(numeral: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23 (all that headings use); 0 for anything else."""
    digits = {ch: i + 1 for i, ch in enumerate(NUMERALS[:9])}
    if "十" not in numeral:
        return digits[numeral] if len(numeral) == 1 and numeral in digits else 0
    tens, _, ones = numeral.partition("十")
    if len(tens) > 1 or len(ones) > 1 or (tens and tens not in digits) or (ones and ones not in digits):
        return 0
    return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)


def to_numeral(number: int) -> str:
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else NUMERALS[tens - 1] + "十")
    return head + (NUMERALS[ones - 1] if ones else "")


@dataclass(frozen=True)
class _Line:
    start: int
    text: str  # stripped of surrounding whitespace; a Markdown table is one _Line of several rows
    number: int  # 1-based line number

    @property
    def is_table(self) -> bool:
        return self.text.startswith(TABLE_ROW)


def _lines(text: str) -> list[_Line]:
    found: list[_Line] = []
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if stripped:
            start = offset + len(line) - len(line.lstrip())
            previous = found[-1] if found else None
            if stripped.startswith(TABLE_ROW) and previous and previous.is_table and previous.number + previous.text.count("\n") == number - 1:
                found[-1] = _Line(previous.start, text[previous.start : start + len(stripped)], previous.number)
            else:
                found.append(_Line(start, stripped, number))
        offset += len(line) + 1
    return found


def _part_marker(match: re.Match) -> tuple[str, str]:
    """The numeral and the marker of a part heading as written: ("二", "二、") or ("二", "第二部分")."""
    written = match["num"] or match["num2"]
    return written, f"{written}、" if match["num"] else f"第{written}部分"


def _plain_title(text: str) -> str:
    return LINE_BREAK_TAG.sub("", text).strip().lstrip("#").strip().strip("*_").strip()


@dataclass
class _Assumptions:
    """What the splitter assumed about an irregular text, as notes "line N: what; what it did".
    With a layout that names the parts (a report a site is built from, whose shape is known), an
    assumption is an error at its line instead: the site's own text must be exact."""

    name: str
    strict: bool
    found: list[tuple[int, str]] = field(default_factory=list)

    def add(self, line: int, problem: str, assumption: str = "kept as written") -> None:
        if self.strict:
            raise InputError(self.name, line, problem)
        self.found.append((line, f"line {line}: {problem}; {assumption}"))

    def notes(self) -> tuple[str, ...]:
        return tuple(note for _, note in sorted(self.found, key=lambda found: found[0]))


@dataclass
class _PartStart:
    """Where a part begins, before its body is split."""

    index: int  # of its heading line, or of its first body line when it has none
    number: int
    marker: str
    title: str
    heading: bool  # False when the text has no heading line for it
    list_heads: dict[int, re.Match] | None = None  # a restarted list: line index → its 一、… heading


def split(text: str, layout: Layout | None = None, name: str = "<report>", notes: tuple[str, ...] = ()) -> Report:
    """Split normalised report text (see sources.read_report_text) into a Report."""
    part_rules = layout.parts if layout else ()
    lines = _lines(text)
    if not lines:
        raise InputError(name, None, "the report has no text")
    if not HAN.search(text):
        raise InputError(name, lines[0].number, "no Chinese text: not a work report")
    heads = [(i, m) for i, line in enumerate(lines) if (m := PART_HEADING.match(line.text))]
    assumed = _Assumptions(name, strict=bool(part_rules))
    if heads:
        starts = _part_starts(lines, heads, assumed)
        front_lines = lines[: starts[0].index]
    else:
        front_lines = _title_lines(lines)
        if len(front_lines) == len(lines):
            raise InputError(name, lines[0].number, "a title and nothing else: not a report")
        first = lines[len(front_lines)]
        starts = [_PartStart(len(front_lines), 1, "", "正文", heading=False)]
        assumed.add(first.number, "no part heading found (a line such as 一、… or 第一部分 …)", "the text after the title is one part")
    parts = []
    for s, start in enumerate(starts):
        end = starts[s + 1].index if s + 1 < len(starts) else len(lines)
        line = lines[start.index]
        heading = Span(line.start, line.text, "part-heading") if start.heading else Span(line.start, "", "part-heading")
        body = lines[start.index + 1 if start.heading else start.index : end]
        if not body:
            assumed.add(line.number, f"part {start.marker or start.number} has no text under its heading", "kept")
        rule = next((r for r in part_rules if r.number == start.number), None)
        parts.append(_split_part(start, heading, line.number, body, lines, rule, layout, name, assumed))
    for rule in part_rules:
        if not any(p.number == rule.number for p in parts):
            raise InputError(layout.source, rule.line, f"layout: the report has no part {to_numeral(rule.number)}")
    if not any(section.paragraphs for part in parts for section in part.sections):
        raise InputError(name, lines[0].number, "only a title and headings, no text under them: not a report")
    title, subtitle = _front_titles(front_lines)
    front = tuple(Span(line.start, line.text, "front") for line in front_lines)
    return Report(title=title, subtitle=subtitle, front=front, parts=tuple(parts), notes=(*notes, *assumed.notes()))


def _part_starts(lines: list[_Line], heads: list[tuple[int, re.Match]], assumed: _Assumptions) -> list[_PartStart]:
    """The parts that the part headings open, with their numbers made unique and restarted lists found."""
    starts: list[_PartStart] = []
    written_numbers: list[int] = []  # of the parts as the headings number them
    run = None  # the number of the last heading of an open restarted list
    for index, match in heads:
        line = lines[index]
        written, marker = _part_marker(match)
        n = cn_number(written)
        if run is not None and n == run + 1:
            starts[-1].list_heads[index] = match
            run = n
            continue
        last = starts[-1].number if starts else 0
        if starts and n == 1:
            starts.append(_list_start(lines, index, match, last + 1, starts[-1].index, assumed))
            run = 1
            continue
        run = None
        number = n if n > last else last + 1
        start = _PartStart(index, number, marker, _plain_title(match["title"]), heading=True)
        if n != (written_numbers[-1] if written_numbers else 0) + 1 or number != n:
            assumed.add(line.number, _number_problem(n, written_numbers, "part", marker),
                        "kept as written" + ("" if number == n else f" (numbered {number} here)"))
        written_numbers.append(n)
        starts.append(start)
    return starts


def _list_start(lines: list[_Line], index: int, match: re.Match, number: int, floor: int, assumed: _Assumptions) -> _PartStart:
    """A part for a list whose numbering starts again at 一、: headed by the title lines just before
    it (附件1 / 2019年十件民生实事), looking back at most five lines, or without a heading."""
    titles: list[int] = []
    for i in range(index - 1, max(floor, index - 6), -1):
        line = lines[i]
        if PART_HEADING.match(line.text) or SECTION_MARKER.match(line.text) or LINE_ITEM.match(line.text):
            break
        if TITLE_LINE.match(line.text):
            titles.insert(0, i)
        elif titles:
            break
    # Only the first line of a block of title lines is the heading; the others stay text under it.
    if titles:
        heading = lines[titles[0]]
        start = _PartStart(titles[0], number, "", _plain_title(heading.text), heading=True, list_heads={index: match})
    else:
        start = _PartStart(index, number, "", "附录", heading=False, list_heads={index: match})
    assumed.add(lines[index].number, f"part {_part_marker(match)[1]} appears twice",
                f"the numbering starts again: from line {lines[start.index].number} it is part {number}, with those headings as its sections")
    return start


def _number_problem(number: int, seen: list[int], what: str, shown: str) -> str:
    expected = (seen[-1] if seen else 0) + 1
    if number == 0:
        return f"{what} number {shown} is not a number"
    if number in seen:
        return f"{what} {shown} appears twice"
    if number < expected:
        return f"{what} {shown} is out of order (after {what} {seen[-1]})"
    return f"{what} {shown} comes where {what} {expected} was expected: a {what} is missing"


def _title_lines(lines: list[_Line]) -> list[_Line]:
    """The title lines at the top of a text that has no part headings (title, occasion, speaker)."""
    found = []
    for line in lines:
        if line.is_table or SECTION_MARKER.match(line.text) or LINE_ITEM.match(line.text):
            break
        if not TITLE_LINE.match(line.text) and not line.text.startswith(("（", "(", "——")):
            break
        if SENTENCE_END.search(line.text):
            break
        found.append(line)
    return found


def _front_titles(front: list[_Line]) -> tuple[str, str]:
    title = subtitle = ""
    for line in front:
        bare = line.text.lstrip("#").strip().strip("*").strip()
        if not title and (line.text.startswith("#") or bare.endswith("报告")):
            title = bare
        elif not subtitle and bare[:1] in "(（" and bare[-1:] in ")）":
            subtitle = bare[1:-1].strip()
        elif not subtitle and bare.startswith("——"):  # ——2025年1月20日在…上 (news-agency layout)
            subtitle = bare.lstrip("—").strip()
    return title, subtitle


@dataclass
class _Draft:
    """A section while its paragraphs are being collected."""

    slug: str
    key: str
    number: int | None
    title: str
    marker: str
    line: int
    heading: Span | None
    paragraphs: list[Paragraph]
    part: int = 0
    count: int = 0  # paragraphs numbered so far (the items of one inline list share a number)

    @property
    def prefix(self) -> str:
        return f"p{self.part}-{self.key}"

    def next_id(self) -> str:
        self.count += 1
        return f"{self.prefix}-{self.count}"


def _unique_key(key: str, drafts: list[_Draft]) -> str:
    """The key itself, or with a letter when a repeated or restarted number already used it (1 → 1b)."""
    used = {d.key for d in drafts}
    letters = "bcdefghijklmnopqrstuvwxyz"
    unique, tries = key, 0
    while unique in used:
        unique = key + "z" * (tries // len(letters)) + letters[tries % len(letters)]
        tries += 1
    return unique


def _split_part(start: _PartStart, heading: Span, line_no: int, body: list[_Line], lines: list[_Line],
                rule: PartRule | None, layout: Layout | None, name: str, assumed: _Assumptions) -> Part:
    number = start.number
    slug = rule.slug if rule else f"part-{number}"
    named = [s for s in (rule.sections if rule else ()) if s.starts]
    by_number = {s.number: s for s in (rule.sections if rule else ()) if s.number}
    drafts: list[_Draft] = []
    numbers: list[int] = []
    leads = [re.compile(p) for p in (layout.lead_patterns if layout else ())]
    list_heads = {lines[i].start: m for i, m in (start.list_heads or {}).items()}
    for line in body:
        if start.list_heads is not None:
            if match := list_heads.get(line.start):
                drafts.append(_list_draft(match, number, line, drafts))
            else:
                if not drafts:
                    drafts.append(_Draft("intro", "intro", None, start.title, "", line.number, None, [], number))
                _add_paragraphs(drafts[-1], line, leads, assumed)
            continue
        section_match = SECTION_MARKER.match(line.text)
        start_rule = next((s for s in named if line.text.startswith(s.starts)), None)
        if section_match:
            n = cn_number(section_match["num"])
            shown = f"（{section_match['num']}）"
            if n != (numbers[-1] if numbers else 0) + 1:
                assumed.add(line.number, _number_problem(n, numbers, "section", shown))
            numbers.append(n)
            draft, rest = _numbered_draft(n, section_match["num"], number, line, by_number.get(n), drafts, assumed)
            drafts.append(draft)
            if rest:
                _add_paragraphs(draft, rest, leads, assumed)
            continue
        if start_rule:
            if any(d.key == start_rule.key for d in drafts):
                raise InputError(name, line.number, f"a second paragraph starts with {start_rule.starts!r} (layout section {start_rule.slug!r})")
            drafts.append(_Draft(start_rule.slug, start_rule.key, None, start_rule.title_zh, "", line.number, None, [], number))
        elif not drafts:
            drafts.append(_Draft("intro", "intro", None, start.title, "", line.number, None, [], number))
        _add_paragraphs(drafts[-1], line, leads, assumed)
    for wanted in named:
        if not any(d.key == wanted.key for d in drafts):
            raise InputError(layout.source, wanted.line,
                             f"layout: no paragraph of part {to_numeral(number)} starts with {wanted.starts!r} (section {wanted.slug!r})")
    for n, wanted in by_number.items():
        if n not in numbers:
            raise InputError(layout.source, wanted.line, f"layout: part {to_numeral(number)} has no section （{to_numeral(n)}）")
    sections = tuple(
        Section(id=f"{slug}/{d.slug}", key=d.key, part=number, number=d.number, title=d.title, marker=d.marker,
                line=d.line, paragraphs=tuple(d.paragraphs), heading=d.heading)
        for d in drafts
    )
    return Part(number=number, slug=slug, marker=start.marker, title=start.title, title_en=rule.title_en if rule else "",
                line=line_no, heading=heading, sections=sections)


def _list_draft(match: re.Match, part: int, line: _Line, drafts: list[_Draft]) -> _Draft:
    """The section that a heading of a restarted list (一、… inside a part of its own) opens."""
    written, marker = _part_marker(match)
    n = cn_number(written)
    key = _unique_key(str(n), drafts)
    return _Draft(f"section-{key}", key, n, _plain_title(match["title"]), marker, line.number,
                  Span(line.start, line.text, "section-heading"), [], part)


def _numbered_draft(n: int, written: str, part: int, line: _Line, rule: SectionRule | None, drafts: list[_Draft],
                    assumed: _Assumptions) -> tuple[_Draft, _Line | None]:
    """The section that a （n） line opens, and the text after its heading sentence (if any)."""
    text = line.text
    end = HEADING_END.search(text)
    cut = end.end() if end else len(text)
    head_raw = text[:cut]
    marker = f"（{written}）"
    title = _plain_title(SECTION_MARKER.sub("", head_raw, count=1)).rstrip("。！？").strip()
    if not title:
        assumed.add(line.number, f"section {marker} has no heading text", "kept")
    key = _unique_key(str(n), drafts)
    draft = _Draft(rule.slug if rule else f"section-{key}", key, n, title, marker, line.number,
                   Span(line.start, head_raw, "section-heading"), [], part)
    rest = text[cut:]
    if not rest.strip():
        return draft, None
    offset = cut + len(rest) - len(rest.lstrip())
    return draft, _Line(line.start + offset, rest.strip(), line.number)


def _paragraph(draft: _Draft, line: _Line, lead: str = "", item: int | None = None) -> Paragraph:
    body = line.text[len(lead):].lstrip() if lead else line.text
    if item is not None:
        body = LINE_ITEM.sub("", body, count=1)
    return Paragraph(id=draft.next_id(), text=body, start=line.start, raw=line.text, line=line.number,
                     lead=lead.rstrip("。").strip(), item=item)


def _add_paragraphs(draft: _Draft, line: _Line, leads, assumed: _Assumptions) -> None:
    text = line.text
    if line.is_table:  # a table is shown whole; markers in its cells are not headings or items
        draft.paragraphs.append(_paragraph(draft, line))
        return
    item_match = LINE_ITEM.match(text)
    if item_match:
        n = int(item_match["a"] or item_match["b"])
        previous = next((p.item for p in reversed(draft.paragraphs) if p.item is not None), 0)
        last_is_item = bool(draft.paragraphs) and draft.paragraphs[-1].item is not None
        expected = previous + 1 if last_is_item else 1
        if n != expected:
            assumed.add(line.number, f"item {n} comes where item {expected} was expected")
        draft.paragraphs.append(_paragraph(draft, line, item=n))
        return
    markers = _inline_items(text)
    if markers:
        _add_inline_list(draft, line, markers)
        return
    lead = ""
    for pattern in leads:
        if m := pattern.match(text):
            lead = m.group(0)
            break
    else:
        if draft.number is not None and (draft.paragraphs or draft.heading is None):
            if m := GENERIC_LEAD.match(text):
                lead = m.group(0) if len(m.group(0)) < len(text) else ""
    draft.paragraphs.append(_paragraph(draft, line, lead=lead))


def _inline_items(text: str) -> list[re.Match]:
    """Markers （1）（2）… in order inside one paragraph, each after punctuation or a space; two or more make a list."""
    found: list[re.Match] = []
    for m in INLINE_ITEM.finditer(text):
        follows = text[m.start() - 1] if m.start() else " "
        if int(m.group(1)) == len(found) + 1 and (follows in ITEM_FOLLOWS or follows.isspace()):
            found.append(m)
    return found if len(found) >= 2 else []


def _add_inline_list(draft: _Draft, line: _Line, markers: list[re.Match]) -> None:
    text = line.text
    intro = text[: markers[0].start()]
    if intro.strip():
        draft.paragraphs.append(_paragraph(draft, _Line(line.start, intro.rstrip(), line.number)))
        base = f"{draft.prefix}-{draft.count}"
    else:
        base = draft.next_id()
    bounds = [m.start() for m in markers] + [len(text)]
    remainder_start = None
    for i, m in enumerate(markers):
        start, end = bounds[i], bounds[i + 1]
        if i == len(markers) - 1:
            # The last item ends with its first sentence; what follows closes the list.
            stop = SENTENCE_END.search(text, m.end())
            if stop and text[stop.end():].strip():
                end = remainder_start = stop.end()
        raw = text[start:end].rstrip()
        draft.paragraphs.append(Paragraph(id=f"{base}-{i + 1}", text=raw[m.end() - start:].strip(),
                                          start=line.start + start, raw=raw, line=line.number, item=i + 1))
    if remainder_start is not None:
        rest = text[remainder_start:]
        offset = remainder_start + len(rest) - len(rest.lstrip())
        draft.paragraphs.append(_paragraph(draft, _Line(line.start + offset, rest.strip(), line.number)))


def text_of(report: Report) -> str:
    """The text that a model prints: its pieces in order, those of one source line joined as they
    were (with spaces for the whitespace between them), the others on lines of their own. Splitting
    it again gives the same model (tests/test_properties.py)."""
    pieces: list[tuple[int, str, int | None]] = [(s.start, s.raw, None) for s in report.front]
    for part in report.parts:
        pieces.append((part.heading.start, part.heading.raw, part.line))
        for section in part.sections:
            if section.heading:
                pieces.append((section.heading.start, section.heading.raw, section.line))
            pieces += [(p.start, p.raw, p.line) for p in section.paragraphs]
    out: list[str] = []
    end, last_line = 0, None
    for start, raw, line in sorted(pieces, key=lambda piece: (piece[0], piece[1])):
        if out:
            out.append(" " * (start - end) if line is not None and line == last_line else "\n\n")
        out.append(raw)
        end, last_line = start + len(raw), line
    return "".join(out) + "\n"
