"""Every slogan, numbered formula and named programme the report quotes is in the glossary, or on
this short ignore list with the reason a reader would accept."""

from __future__ import annotations

import re

# Quoted spans that are not glossary material: honours, event and product names, plain words
# quoted for emphasis, and metaphors whose meaning the English summaries carry.
IGNORED = {
    "五年规划": "the five-year plans in general",
    "中国最具幸福感城市": "an honour (China's happiest cities)",
    "大美之城": "an honour (a list of beautiful cities)",
    "美丽城市": "an honour from an index report",
    "年度城市": "a magazine's city-of-the-year honour",
    "自然城市": "an honour (the UN 'Nature City' title)",
    "中华老字号": "an honour: national time-honoured brand",
    "贵州老字号": "an honour: provincial time-honoured brand",
    "全球100家最具发展前景的技术先锋": "an honour (World Economic Forum Technology Pioneers)",
    "50强": "a ranking (top 50 talent-friendly cities)",
    "公办强校": "a school designation, plain meaning",
    "科技云": "a platform's name, plain meaning",
    "食博会": "an event (a food expo)",
    "阳明杯": "an event (a Go tournament)",
    "小型商业飞船": "a product, plain meaning",
    "科创积分贷": "a loan product's name",
    "‘甲秀翠微’阳明文化会客厅": "a venue's name",
    "咖啡": "a plain word in quotation marks",
    "新茶饮": "a plain word (new-style tea drinks)",
    "提质": "emphasis on a plain word",
    "增效": "emphasis on a plain word",
    "按效付费": "a plain term (pay for performance)",
    "机非混行": "a plain traffic term (mixed motor and non-motor traffic)",
    "零突破": "an idiom: a first-ever achievement",
    "强磁场": "a metaphor: streets that draw crowds",
    "含绿量": "a metaphor: the green share of growth",
    "含金量": "a metaphor: the quality of growth",
    "爆雷": "a metaphor: a bond default",
    "种子选手": "a metaphor: promising listing candidates",
    "大礼包": "a metaphor: a package of talent services",
    "舌尖上的安全": "an idiom: food safety",
}
# Unquoted numbered formulas (N大…) that are plain descriptions or the tail of a glossary term.
IGNORED_NUMBERED = {
    "十大新体验": "plain description: ten new summer experiences",
    "四大工程": "the tail of “引育用留”四大工程, explained in that entry",
}


def candidates(text: str) -> tuple[list[str], list[str]]:
    quoted = list(dict.fromkeys(re.findall(r"“([^“”]+)”", text)))
    numbered = list(dict.fromkeys(re.findall(r"(?<![一二三四五六七八九十两])[三四五六七八九十]大[\u4e00-\u9fff]{2,4}", text)))
    return quoted, numbered


def test_every_quoted_span_is_in_the_glossary_or_ignored(seed_text, site_data):
    terms = {e.term for e in site_data.glossary}
    quoted, _ = candidates(seed_text)
    assert len(quoted) > 150
    # a span is covered by a term that is the span, or holds it with its quotation marks (产业“五个一”)
    missing = [s for s in quoted if s not in terms and not any(f"“{s}”" in t for t in terms) and s not in IGNORED]
    assert missing == []


def test_every_numbered_formula_is_in_the_glossary_or_ignored(seed_text, site_data):
    terms = {e.term for e in site_data.glossary}
    _, numbered = candidates(seed_text)
    assert numbered
    missing = [n for n in numbered if not any(t in n or n in t for t in terms) and n not in IGNORED_NUMBERED]
    assert missing == []


def test_the_ignore_lists_name_only_what_the_report_has(seed_text):
    quoted, numbered = candidates(seed_text)
    assert set(IGNORED) <= set(quoted)
    assert set(IGNORED_NUMBERED) <= set(numbered)


def test_related_entries_point_both_ways(site_data):
    by_term = {e.term: e for e in site_data.glossary}
    for a, b in [("五个一办", "一日办"), ("五个一办", "一周办"), ("五个一办", "一月办"), ("四主四市", "四主四区"),
                 ("城市大脑", "城市大脑2.0")]:
        assert b in by_term[a].related and a in by_term[b].related, (a, b)
