"""Split a report's text into the document model (parts → sections → paragraphs).

Headings are found by their markers, never by line numbers, so a corrected edition still splits:
part headings 一、… or 第一部分 (plain, bold or Markdown-headed lines), numbered sections （一）…,
numbered items （1）… (inside a paragraph or one per line, also 1.), and lead sentences that end
in 。 at the start of a paragraph. Every character of the text lands in exactly one piece; only
whitespace between pieces is dropped (`Report.pieces`, tested for losslessness).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import InputError
from .metadata import Layout, PartRule, SectionRule
from .model import Paragraph, Part, Report, Section, Span

NUMERALS = "一二三四五六七八九十"
_MARKUP = r"(?:#{1,6}\s*)?(?:\*\*|__)?\s*"
PART_HEADING = re.compile(
    rf"^{_MARKUP}(?:(?P<num>[{NUMERALS}]{{1,3}})、|第(?P<num2>[{NUMERALS}]{{1,3}})部分[\s、：:]*)(?P<title>[^。！？\n]{{0,60}}?)\s*(?:\*\*|__)?$"
)
SECTION_MARKER = re.compile(rf"^(?:\*\*|__)?[（(](?P<num>[{NUMERALS}]{{1,3}})[）)]")
INLINE_ITEM = re.compile(r"[（(](\d{1,2})[）)]")
LINE_ITEM = re.compile(r"^(?:[（(](?P<a>\d{1,2})[）)]|(?P<b>\d{1,2})[.．、](?!\d))\s*")
SENTENCE_END = re.compile(r"[。！？]")
# A lead sentence inside a numbered section: short, one clause, ending in 。 (全力提振消费。).
GENERIC_LEAD = re.compile(r"^[^。！？，,；;：:]{2,20}。")


def cn_number(numeral: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23 (all that headings use)."""
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
    text: str  # stripped of surrounding whitespace
    number: int  # 1-based line number


def _lines(text: str) -> list[_Line]:
    found, offset = [], 0
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if stripped:
            found.append(_Line(offset + len(line) - len(line.lstrip()), stripped, number))
        offset += len(line) + 1
    return found


def split(text: str, layout: Layout | None = None, name: str = "<report>", notes: tuple[str, ...] = ()) -> Report:
    """Split normalised report text (see sources.read_report_text) into a Report."""
    layout = layout or Layout()
    lines = _lines(text)
    if not lines:
        raise InputError(name, None, "the report has no text")
    heads = [(i, m) for i, line in enumerate(lines) if (m := PART_HEADING.match(line.text))]
    if not heads:
        raise InputError(name, lines[0].number, "no part heading found (a line such as 一、… or 第一部分 …)")
    front_lines = lines[: heads[0][0]]
    parts = []
    for h, (index, match) in enumerate(heads):
        line = lines[index]
        number = cn_number(match["num"] or match["num2"])
        _check_sequence(number, [p.number for p in parts], "part", to_numeral(number) + "、", name, line.number)
        body = lines[index + 1 : heads[h + 1][0] if h + 1 < len(heads) else len(lines)]
        if not body:
            raise InputError(name, line.number, f"part {to_numeral(number)} has no text under its heading")
        rule = layout.part(number)
        marker = f"{to_numeral(number)}、" if match["num"] else f"第{to_numeral(number)}部分"
        heading = Span(line.start, line.text, "part-heading")
        parts.append(_split_part(number, marker, match["title"].strip(), heading, line.number, body, rule, layout, name))
    for rule in layout.parts:
        if not any(p.number == rule.number for p in parts):
            raise InputError(layout.source, rule.line, f"layout: the report has no part {to_numeral(rule.number)}")
    title, subtitle = _front_titles(front_lines)
    front = tuple(Span(line.start, line.text, "front") for line in front_lines)
    return Report(title=title, subtitle=subtitle, front=front, parts=tuple(parts), notes=tuple(notes))


def _check_sequence(number: int, seen: list[int], what: str, shown: str, name: str, line: int) -> None:
    expected = (seen[-1] if seen else 0) + 1
    if number == 0:
        raise InputError(name, line, f"{what} number {shown} is not a number")
    if number in seen:
        raise InputError(name, line, f"{what} {shown} appears twice")
    if number < expected:
        raise InputError(name, line, f"{what} {shown} is out of order (after {what} {seen[-1]})")
    if number > expected:
        raise InputError(name, line, f"{what} {shown} comes where {what} {expected} was expected: a {what} is missing")


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


def _split_part(number, marker, title, heading, line_no, body, rule: PartRule | None, layout: Layout, name) -> Part:
    slug = rule.slug if rule else f"part-{number}"
    named = [s for s in (rule.sections if rule else ()) if s.starts]
    by_number = {s.number: s for s in (rule.sections if rule else ()) if s.number}
    drafts: list[_Draft] = []
    numbers: list[int] = []
    leads = [re.compile(p) for p in layout.lead_patterns]
    for line in body:
        section_match = SECTION_MARKER.match(line.text)
        start_rule = next((s for s in named if line.text.startswith(s.starts)), None)
        if section_match:
            n = cn_number(section_match["num"])
            shown = f"（{section_match['num']}）"
            _check_sequence(n, numbers, "section", shown, name, line.number)
            numbers.append(n)
            draft, rest = _numbered_draft(n, number, line, by_number.get(n), name)
            drafts.append(draft)
            if rest:
                _add_paragraphs(draft, rest, leads, name)
            continue
        if start_rule:
            if any(d.key == start_rule.key for d in drafts):
                raise InputError(name, line.number, f"a second paragraph starts with {start_rule.starts!r} (layout section {start_rule.slug!r})")
            drafts.append(_Draft(start_rule.slug, start_rule.key, None, start_rule.title_zh, "", line.number, None, [], number))
        elif not drafts:
            drafts.append(_Draft("intro", "intro", None, title, "", line.number, None, [], number))
        _add_paragraphs(drafts[-1], line, leads, name)
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
    for section in sections:
        if not section.paragraphs and section.heading is None:
            raise InputError(name, section.line, f"section {section.id} has no text")
    return Part(number=number, slug=slug, marker=marker, title=title, title_en=rule.title_en if rule else "",
                line=line_no, heading=heading, sections=sections)


def _numbered_draft(n: int, part: int, line: _Line, rule: SectionRule | None, name: str) -> tuple[_Draft, _Line | None]:
    """The section that a （n） line opens, and the text after its heading sentence (if any)."""
    text = line.text
    end = SENTENCE_END.search(text)
    cut = end.end() if end else len(text)
    head_raw = text[:cut]
    marker = f"（{to_numeral(n)}）"
    title = SECTION_MARKER.sub("", head_raw, count=1).strip().strip("*_").rstrip("。！？").strip()
    if not title:
        raise InputError(name, line.number, f"section {marker} has no heading text")
    draft = _Draft(rule.slug if rule else f"section-{n}", str(n), n, title, marker, line.number,
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


def _add_paragraphs(draft: _Draft, line: _Line, leads, name: str) -> None:
    text = line.text
    item_match = LINE_ITEM.match(text)
    if item_match:
        n = int(item_match["a"] or item_match["b"])
        previous = next((p.item for p in reversed(draft.paragraphs) if p.item is not None), 0)
        last_is_item = bool(draft.paragraphs) and draft.paragraphs[-1].item is not None
        expected = previous + 1 if last_is_item else 1
        if n != expected:
            raise InputError(name, line.number, f"item {n} comes where item {expected} was expected")
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
    """Markers （1）（2）… in order inside one paragraph; two or more make a list."""
    found: list[re.Match] = []
    for m in INLINE_ITEM.finditer(text):
        if int(m.group(1)) == len(found) + 1:
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
