"""Search in a real browser: Chinese and English queries, results in the reader's language, and
no search data until the reader opens search."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

ZH_PAGE = "tasks/1-effective-demand/"
EN_PAGE = "en/tasks/1-effective-demand/"

# (query, page it is asked from, page that must be among the first three results; where the
# report treats a subject in more than one section, any of them)
QUERIES = [
    ("营商环境", ZH_PAGE, "tasks/3-business-environment/"),
    ("数据标注", ZH_PAGE, "tasks/2-industrial-clusters/"),
    ("磷化", ZH_PAGE, ("review/14th-five-year-plan/", "tasks/1-effective-demand/", "tasks/2-industrial-clusters/")),
    ("低空", ZH_PAGE, "tasks/2-industrial-clusters/"),
    ("旅居", ZH_PAGE, "tasks/1-effective-demand/"),
    ("城中村", ZH_PAGE, "tasks/5-urban-quality/"),
    ("托育", ZH_PAGE, "tasks/8-livelihoods/"),
    ("算力", ZH_PAGE, ("tasks/2-industrial-clusters/", "review/14th-five-year-plan/")),
    ("隐性债务", ZH_PAGE, "tasks/7-risks-and-stability/"),
    ("五个一办", ZH_PAGE, "glossary/"),
    ("四主四市", ZH_PAGE, "glossary/"),
    ("wu ge yi ban", ZH_PAGE, "glossary/"),
    ("wǔ gè yī bàn", ZH_PAGE, "glossary/"),
    ("business environment", EN_PAGE, "en/tasks/3-business-environment/"),
    ("tourism", EN_PAGE, "en/tasks/1-effective-demand/"),
    ("new energy vehicles", EN_PAGE, ("en/tasks/2-industrial-clusters/", "en/tasks/1-effective-demand/")),
    ("data labelling", EN_PAGE, "en/tasks/2-industrial-clusters/"),
    ("local government debt", EN_PAGE, "en/tasks/7-risks-and-stability/"),
    ("computing power", EN_PAGE, "en/tasks/2-industrial-clusters/"),
    ("livelihood projects", EN_PAGE, "en/tasks/8-livelihoods/"),
    ("Five Ones Service Modes", EN_PAGE, "en/glossary/"),
    ("sizhusishi", EN_PAGE, "en/glossary/"),
    ("CATL", EN_PAGE, "en/tasks/1-effective-demand/"),
]


def search(page, served: str, start: str, query: str) -> list[str]:
    """The distinct result pages, in order, as paths under the site prefix."""
    page.goto(served + start)
    box = page.locator("input.md-search__input")
    box.click()
    # type() with Chinese fires no keyup, so Material never searches: fill, then a key press.
    box.fill(query)
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    pages: list[str] = []
    for href in page.eval_on_selector_all(".md-search-result__item a.md-search-result__link", "els => els.map(e => e.href)"):
        path = re.sub(r"[?#].*$", "", href).split(served, 1)[-1]
        if path not in pages:
            pages.append(path)
    return pages


@pytest.mark.parametrize(("query", "start", "expected"), QUERIES, ids=[q for q, _, _ in QUERIES])
def test_query_finds_the_page_in_the_top_three(page, served, query, start, expected):
    results = search(page, served, start, query)
    acceptable = expected if isinstance(expected, tuple) else (expected,)
    # the glossary is a set of pages, one per theme: any of them holds the entry
    top = [next((a for a in acceptable if r == a or (a.endswith("glossary/") and r.startswith(a))), r) for r in results[:3]]
    assert set(acceptable) & set(top), results[:5]


def test_english_pages_get_english_results_only(page, served):
    results = search(page, served, EN_PAGE, "investment")
    assert results and all(r.startswith("en/") for r in results), results


def test_chinese_pages_get_chinese_results_only(page, served):
    results = search(page, served, ZH_PAGE, "投资")
    assert results and not any(r.startswith("en/") for r in results), results


def _search_data(urls: list[str]) -> list[str]:
    """The requests for the search index, Material's search worker or its lunr language files."""
    paths = [urlsplit(u).path for u in urls]
    return [p for p in paths if p.endswith("/search_index.json") or "/lunr/" in p or re.search(r"/workers/search\.\w+\.min\.js$", p)]


@pytest.mark.parametrize("start", [ZH_PAGE, EN_PAGE, "", "en/glossary/"])
def test_a_first_view_fetches_no_search_data(page, served, start):
    page.goto(served + start)
    page.wait_for_load_state("networkidle")
    assert _search_data(page.log.requests) == []


@pytest.mark.parametrize(("start", "index"), [(ZH_PAGE, "search/search_index.json"), (EN_PAGE, "en/search/search_index.json")])
def test_focusing_the_search_box_fetches_the_index_of_the_page_language(page, served, start, index):
    page.goto(served + start)
    page.wait_for_load_state("networkidle")
    with page.expect_response(lambda r: r.url.endswith("/search_index.json")) as response:
        page.locator("input.md-search__input").focus()
    assert response.value.url == served + index
