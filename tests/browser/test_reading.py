"""What a reader sees: the language switcher, glossary tooltips, a narrow screen, printing."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("start", "target", "lang"), [
    ("tasks/2-industrial-clusters/", "en/tasks/2-industrial-clusters/", "en"),
    ("en/review/14th-five-year-plan/", "review/14th-five-year-plan/", "zh"),
])
def test_the_language_switcher_keeps_the_page(page, served, start, target, lang):
    page.goto(served + start)
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'.md-select__link[hreflang="{lang}"]').click()
    page.wait_for_load_state()
    assert page.url == served + target
    assert page.locator("html").get_attribute("lang") == lang


TOOLTIP = "#site-tooltip"


def _tooltip_text(page) -> str:
    page.wait_for_selector(TOOLTIP, state="visible", timeout=5000)
    return page.locator(TOOLTIP).inner_text()


def _english(site_data, term: str) -> str:
    return next(e.english for e in site_data.glossary if e.term == term)


def _later_term(page):
    """A glossary term that is not the page's first occurrence: an abbr with its own title, no link.
    A handle, not a locator: a locator by [title] would find another element once the title moves."""
    return page.locator("article .paragraph-text abbr.glossary-term[title]").first.element_handle()


def test_a_glossary_tooltip_appears_on_hover(page, served, site_data):
    page.goto(served + "tasks/3-business-environment/")
    page.locator("abbr.glossary-term", has_text="五个一办").first.hover()
    assert _english(site_data, "五个一办") in _tooltip_text(page)


def test_a_first_view_fetches_no_tooltip_script(page, served):
    page.goto(served + "tasks/3-business-environment/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in page.log.requests if url.endswith("/tooltips.js")]


def test_the_first_hover_fetches_the_tooltip_script_and_shows_its_tooltip(page, served):
    page.goto(served + "tasks/3-business-environment/")
    page.wait_for_load_state("networkidle")
    term = _later_term(page)
    title = term.get_attribute("title")
    term.hover()
    assert _tooltip_text(page) == title
    assert [url for url in page.log.requests if url.endswith("/tooltips.js")]


def test_no_material_tooltip_is_mounted(page, served):
    # Material's content.tooltips mounts one component per titled element at load: off, for speed
    page.goto(served + "en/targets/")
    page.wait_for_load_state("load")
    assert page.locator(".md-tooltip2").count() == 0
    page.locator("article td a[title]").first.hover()
    page.wait_for_selector(TOOLTIP, state="visible", timeout=5000)
    assert page.locator(".md-tooltip2").count() == 0


@pytest.fixture
def hovered(page, served):
    """A section page with the pointer on a glossary term (not a link) and its tooltip showing;
    the term and its title as it was."""
    page.goto(served + "tasks/3-business-environment/")
    term = _later_term(page)
    title = term.get_attribute("title")
    term.hover()
    page.wait_for_selector(TOOLTIP, state="visible", timeout=5000)
    return page, term, title


def test_the_tooltip_takes_the_place_of_the_title_while_shown(hovered):
    page, term, title = hovered
    # no native tooltip on top of ours, and the element is described by it
    assert term.get_attribute("title") is None
    assert term.get_attribute("aria-describedby") == "site-tooltip"
    assert page.locator(TOOLTIP).inner_text() == title


def test_escape_hides_the_tooltip_and_restores_the_title(hovered):
    page, term, title = hovered
    page.keyboard.press("Escape")
    page.wait_for_selector(TOOLTIP, state="hidden", timeout=5000)
    assert term.get_attribute("title") == title
    assert term.get_attribute("aria-describedby") is None


def test_moving_the_pointer_away_hides_the_tooltip(hovered):
    page, _, _ = hovered
    page.locator("article h1").hover()
    page.wait_for_selector(TOOLTIP, state="hidden", timeout=5000)


def test_a_glossary_tooltip_appears_on_keyboard_focus(page, served, site_data):
    page.goto(served + "tasks/3-business-environment/")
    link = page.locator("a.glossary-link", has_text="五个一办").first
    link.focus()
    assert _english(site_data, "五个一办") in _tooltip_text(page)


def test_an_english_name_shows_the_chinese_term_on_hover(page, served, site_data):
    page.goto(served + "en/tasks/3-business-environment/")
    page.locator("article abbr.glossary-term", has_text=_english(site_data, "五个一办")).first.hover()
    assert "五个一办" in _tooltip_text(page)


def test_a_linked_target_shows_its_chinese_phrase_on_hover(page, served):
    page.goto(served + "en/targets/")
    cell = page.locator("article h3#gdp-growth ~ * table").first.locator("tbody td a[title]").first
    phrase = cell.get_attribute("title")
    assert "生产总值" in phrase
    cell.hover()
    assert _tooltip_text(page) == phrase


@pytest.fixture
def tapped(browser, served):
    """A phone-sized touch screen on a section page, a glossary term (not a link) just tapped."""
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(served + "tasks/3-business-environment/")
    term = _later_term(page)
    term.scroll_into_view_if_needed()
    term.tap()
    yield page, term
    context.close()


def test_a_tap_on_a_glossary_term_toggles_its_tooltip(tapped):
    page, term = tapped
    page.wait_for_selector(TOOLTIP, state="visible", timeout=5000)
    term.tap()
    page.wait_for_selector(TOOLTIP, state="hidden", timeout=5000)


def test_a_tap_elsewhere_hides_the_tooltip(tapped):
    page, _ = tapped
    page.wait_for_selector(TOOLTIP, state="visible", timeout=5000)
    page.locator("article h1").tap()
    page.wait_for_selector(TOOLTIP, state="hidden", timeout=5000)


def test_a_tooltip_stays_inside_a_375px_screen(tapped):
    page, _ = tapped
    page.wait_for_selector(TOOLTIP, state="visible", timeout=5000)
    box = page.locator(TOOLTIP).bounding_box()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    assert overflow <= 0


def test_the_first_occurrence_links_to_the_glossary_entry(page, served):
    page.goto(served + "tasks/3-business-environment/")
    page.locator("a.glossary-link", has_text="五个一办").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/glossary/business-environment/#wu-ge-yi-ban")
    assert page.locator("#wu-ge-yi-ban").is_visible()


@pytest.mark.parametrize("path", ["tasks/2-industrial-clusters/", "en/tasks/2-industrial-clusters/", "glossary/", "en/figures/",
                                  "en/new-terms/", "en/glossary/business-environment/",
                                  "en/targets/", "targets/"])
def test_pages_fit_a_375px_screen(browser, served, artifacts, path):
    context = browser.new_context(viewport={"width": 375, "height": 812}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    page.goto(served + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    page.screenshot(path=str(artifacts / f"mobile-{path.strip('/').replace('/', '-')}.png"))
    context.close()
    assert overflow <= 0


@pytest.mark.parametrize("path", ["tasks/8-livelihoods/", "en/tasks/8-livelihoods/"])
def test_a_section_prints_without_navigation_or_search(page, served, path):
    page.goto(served + path)
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("article h1").is_visible()
    # the other language, collapsed beside each paragraph on screen, is printed too
    assert page.locator("details.paragraph-other p").first.is_visible()
    assert not page.locator(".cite-button").first.is_visible()


def test_a_paragraph_anchor_is_reachable(page, served):
    page.goto(served + "tasks/8-livelihoods/#p3-8-6-2")
    assert page.locator("#p3-8-6-2").is_visible()
    assert "城镇新增就业15万人" in page.locator("#p3-8-6-2").inner_text()


@pytest.mark.parametrize(("path", "pid", "words"), [
    ("en/tasks/2-industrial-clusters/", "p3-2-2", "Guiyang Municipal Government Work Report 2026"),
    ("tasks/2-industrial-clusters/", "p3-2-2", "《贵阳市2026年政府工作报告》"),
])
def test_the_cite_control_copies_the_citation_with_the_permalink(browser, served, path, pid, words):
    from mkdocs.config import load_config

    site_url = load_config("mkdocs.yml").site_url
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(served + path)
    page.locator(f'.cite-button[data-paragraph="{pid}"]').click()
    page.wait_for_selector(f'.cite-button[data-paragraph="{pid}"][data-copied]')
    copied = page.evaluate("navigator.clipboard.readText()")
    context.close()
    assert words in copied and pid in copied and "2026" in copied
    assert copied.endswith(f"{site_url}{path}#{pid}")


def test_the_other_language_sits_beside_each_paragraph_on_a_wide_screen(page, served):
    page.goto(served + "en/tasks/2-industrial-clusters/")
    text = page.locator("#p3-2-1 .paragraph-text").bounding_box()
    other = page.locator("#p3-2-1 details.paragraph-other").bounding_box()
    assert page.locator("#p3-2-1 details.paragraph-other").get_attribute("open") is not None
    assert other["x"] > text["x"] + text["width"] - 1 and abs(other["y"] - text["y"]) < 40


def test_the_other_language_is_one_click_away_on_a_phone(browser, served):
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True)
    page = context.new_page()
    page.goto(served + "tasks/2-industrial-clusters/")
    other = page.locator("#p3-2-1 details.paragraph-other")
    assert other.get_attribute("open") is None
    other.locator("summary").click()
    assert other.locator("p").first.is_visible()
    context.close()


@pytest.mark.parametrize(("path", "caption"), [("targets/", "地区生产总值增长"), ("en/targets/", "GDP growth")])
def test_the_targets_page_shows_its_chart_and_a_linked_table_per_indicator(page, served, site_data, path, caption):
    page.goto(served + path)
    chart = page.locator("article img[src*='targets-gdp']")
    chart.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=chart.element_handle())
    indicators = {r.indicator.key for r in site_data.targets}
    assert page.locator("article h3").count() == len(indicators)
    assert page.locator("article table").count() == len(indicators)
    first_rows = page.locator("article h3#gdp-growth ~ * table").first.locator("tbody tr")
    assert first_rows.count() == sum(r.indicator.key == "gdp-growth" for r in site_data.targets)
    assert first_rows.first.locator("td").nth(1).locator("a[href^='https://www.guiyang.gov.cn/']").count() == 1
    assert page.locator("article h3#gdp-growth").inner_text().startswith(caption)
