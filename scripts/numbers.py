"""The figure check: every figure written in English must occur in the Chinese it summarises.

How figures are normalised (both sides go through NFKC first, so full-width digits and ％ count):
- Chinese: every Arabic number, times 10^4 when 万 follows, 10^8 for 亿, 10^12 for 万亿
  (6038.15亿元 → 603815000000); runs of Chinese numerals count too (十件 → 10, 五百亿级 → 5×10^10,
  千亿元 → 10^11, 近万亿元 → 10^12, 万名 → 10,000).
- English: thousands separators are dropped; "thousand", "million", "billion", "trillion" multiply,
  and so do 万/亿 in a Chinese original quoted in parentheses ("603.815 billion yuan (6,038.15亿元)").
- Percent signs and units are ignored: a figure is its value (5.5% ↔ 5.5%).
- A four-digit number from 1900 to 2099 with no separator is a year: it must occur somewhere in the
  report, or be a bound of a plan period the report names (2021, 2025, 2026, 2030).
- An ordinal that names a plan or a Party meeting ("15th Five-Year Plan", "20th Party Congress")
  is a name, not a figure. Any other ordinal ("ranked 4th") is checked like a number.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache

PLAN_YEARS = {2021, 2025, 2026, 2030}
CN_MULTIPLIER = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4}
EN_MULTIPLIER = {"thousand": Decimal(10) ** 3, "million": Decimal(10) ** 6, "billion": Decimal(10) ** 9,
                 "trillion": Decimal(10) ** 12}
CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNIT = {"十": 10, "百": 100, "千": 1000}
CN_LARGE = {"万": 10**4, "亿": 10**8}

_CN_ARABIC = re.compile(r"(\d+(?:\.\d+)?)\s*(万亿|亿|万)?")
_CN_NUMERAL = re.compile(r"([零〇一二两三四五六七八九十百千]+)(万亿|亿|万)?")
_CN_RUN = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")
_ARABIC = re.compile(r"\d+(?:\.\d+)?")
_EN_NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?"
    r"(?:(st|nd|rd|th)\b)?"
    r"(?:\s*(万亿|亿|万)|\s+(thousand|million|billion|trillion)\b)?"
)
_NAMED_ORDINAL = re.compile(
    r"\s*(?:Five-Year Plan|Party Congress|Central Committee|National Congress|CPC Central Committee|"
    r"Municipal People's Congress|National People's Congress|Plenary Session)"
)


@lru_cache(maxsize=8192)  # the same report texts and paragraphs are normalized again by each check
def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _key(value: Decimal) -> Decimal:
    return value.normalize()


def cn_numeral_value(run: str) -> int | None:
    """Value of a run of Chinese numerals (十 → 10, 二十三 → 23, 五百 → 500, 一千二百 → 1200,
    千亿 → 10^11, 万 → 10,000, 万亿 → 10^12); None when the run is not one number (十四五)."""
    total, section, digit = 0, 0, None
    for ch in run:
        if ch in CN_DIGIT:
            if digit is not None:
                return None  # two digits in a row (十四五) is a name, not a number
            digit = CN_DIGIT[ch]
        elif ch in CN_UNIT:
            section += (1 if digit is None else digit) * CN_UNIT[ch]
            digit = None
        elif ch == "万":
            total += ((section + (digit or 0)) or 1) * CN_LARGE[ch]
            section, digit = 0, None
        else:  # 亿 multiplies everything before it: 万亿 is 10^4 × 10^8
            total = ((total + section + (digit or 0)) or 1) * CN_LARGE[ch]
            section, digit = 0, None
    return total + section + (digit or 0)


def numbers_before(text: str, unit: str) -> list[tuple[str, Decimal, int]]:
    """Every number in `text` written directly before `unit`, as (as written, value, where it starts
    in the NFKC form of the text, which has the same length here): Arabic
    (6038.15 before 亿元) or Chinese numerals (千 before 亿 in 千亿级, 万 before 亿元 in 近万亿元,
    万 before 名 in 万名). A run of numerals is split where the unit begins (万亿元: 万 + 亿元)."""
    text, unit = _norm(text), _norm(unit)
    found = []
    for m in _ARABIC.finditer(text):
        if text.startswith(unit, m.end()):
            found.append((m.group(0), Decimal(m.group(0)), m.start()))
    for m in _CN_RUN.finditer(text):
        run = m.group(0)
        for cut in range(len(run), 0, -1):
            if (run[cut:] + text[m.end():]).startswith(unit) and (value := cn_numeral_value(run[:cut])) is not None:
                found.append((run[:cut], Decimal(value), m.start()))
                break
    return found


@lru_cache(maxsize=256)  # the same section text is checked against many English strings
def chinese_figures(text: str) -> frozenset[Decimal]:
    """All figure values a Chinese text contains."""
    text = _norm(text)
    values: set[Decimal] = set()
    for m in _CN_ARABIC.finditer(text):
        values.add(_key(Decimal(m.group(1)) * CN_MULTIPLIER.get(m.group(2) or "", Decimal(1))))
    for m in _CN_RUN.finditer(text):  # a whole run read as one number: 千亿 → 10^11, 万 → 10,000
        whole = cn_numeral_value(m.group(0))
        if whole:
            values.add(_key(Decimal(whole)))
    for m in _CN_NUMERAL.finditer(text):
        run, multiplier = m.group(1), CN_MULTIPLIER.get(m.group(2) or "", Decimal(1))
        whole = cn_numeral_value(run)
        if whole is not None:
            values.add(_key(Decimal(whole) * multiplier))
        for ch in run:  # each numeral alone too: 十四五 holds 十, 四, 五
            if ch in CN_DIGIT:
                values.add(_key(Decimal(CN_DIGIT[ch])))
            else:
                values.add(_key(Decimal(CN_UNIT[ch])))
    return frozenset(values)


def report_years(text: str) -> set[int]:
    return {int(y) for y in re.findall(r"(?<!\d)(19\d\d|20\d\d)(?!\d)", _norm(text))}


def english_figures(text: str) -> list[tuple[str, Decimal | None, bool]]:
    """(as written, value, is_year) for each figure in an English text; value None for a named ordinal."""
    text = _norm(text)
    found = []
    for m in _EN_NUMBER.finditer(text):
        whole, fraction, ordinal, cn_mult, en_mult = m.groups()
        written = m.group(0).strip()
        if ordinal and _NAMED_ORDINAL.match(text, m.end()):
            found.append((written, None, False))
            continue
        value = Decimal(whole.replace(",", "") + (fraction or ""))
        multiplier = CN_MULTIPLIER.get(cn_mult or "") or EN_MULTIPLIER.get(en_mult or "") or Decimal(1)
        is_year = (
            "," not in whole and not fraction and not ordinal and multiplier == 1
            and len(whole) == 4 and 1900 <= int(whole) <= 2099
            and text[m.end():m.end() + 1] not in ("%",)
        )
        found.append((written, _key(value * multiplier), is_year))
    return found


def untraced(english: str, chinese: str, years: set[int]) -> list[str]:
    """The figures of `english` that do not occur in `chinese` (years: those the whole report names)."""
    allowed = chinese_figures(chinese)
    missing = []
    for written, value, is_year in english_figures(english):
        if value is None:
            continue
        if is_year:
            if int(value) not in years | PLAN_YEARS:
                missing.append(written)
        elif value not in allowed:
            missing.append(written)
    return missing


# A figure derived from one the report gives passes the check only through a declared conversion,
# written "N mu (M hectares)", whose arithmetic holds (1 hectare = 15 mu exactly): M is N / 15, or
# "about M" when M is N / 15 rounded to the precision M is written with (1.35 million mu (90,000
# hectares) passes; (95,000 hectares) fails; 10,000 mu (about 667 hectares) passes).
MU_PER_HECTARE = Decimal(15)
_MU_HECTARES = re.compile(
    r"(?P<mu>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<mu_mult>\s+(?:thousand|million|billion))?\s+mu"
    r"\s+\((?P<about>about\s+)?(?P<ha>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<ha_mult>\s+(?:thousand|million))?\s+hectares\)"
)


def derived_figures(english: str) -> tuple[str, list[str]]:
    """The English with each declared hectare figure taken out (its mu figure stays to be traced),
    and a message for each conversion whose arithmetic does not hold."""
    errors = []

    def check(m: re.Match) -> str:
        mu = english_figures(m.group("mu") + (m.group("mu_mult") or ""))[0][1]
        multiplier = EN_MULTIPLIER.get((m.group("ha_mult") or "").strip(), Decimal(1))
        written = m.group("ha").replace(",", "")
        hectares, exact = Decimal(written) * multiplier, mu / MU_PER_HECTARE
        # the unit of the last digit written: 666.7 → 0.1; 90,000 → up to 10,000 (trailing zeros)
        places = len(written.partition(".")[2])
        step = Decimal(1).scaleb(-places) if places else Decimal(10) ** (len(written) - len(written.rstrip("0")))
        if hectares == exact:
            pass
        elif not m.group("about"):
            errors.append(f"{m.group(0)}: {_plain_number(mu)} mu is {_plain_number(exact)} hectares; write the exact "
                          "figure, or 'about' before a rounded one")
        elif abs(hectares - exact) > step * multiplier / 2:
            errors.append(f"{m.group(0)}: {_plain_number(mu)} mu is {_plain_number(exact)} hectares (1 hectare = 15 mu)")
        return f"{m.group('mu')}{m.group('mu_mult') or ''} mu"

    return _MU_HECTARES.sub(check, _norm(english)), errors


def _plain_number(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01')).normalize():,f}"
