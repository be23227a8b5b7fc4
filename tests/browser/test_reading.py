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


def _tooltip_text(page) -> str:
    page.wait_for_selector(".md-tooltip2", state="visible", timeout=5000)
    return page.locator(".md-tooltip2").first.inner_text()


def test_a_glossary_tooltip_appears_on_hover(page, served):
    page.goto(served + "tasks/3-business-environment/")
    page.locator("abbr.glossary-term", has_text="五个一办").first.hover()
    assert "Five One-Stop Service Modes" in _tooltip_text(page)


def test_a_glossary_tooltip_appears_on_keyboard_focus(page, served):
    page.goto(served + "tasks/3-business-environment/")
    link = page.locator("a.glossary-link", has_text="五个一办").first
    link.focus()
    assert "Five One-Stop Service Modes" in _tooltip_text(page)


def test_the_first_occurrence_links_to_the_glossary_entry(page, served):
    page.goto(served + "tasks/3-business-environment/")
    page.locator("a.glossary-link", has_text="五个一办").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/glossary/business-environment/#wu-ge-yi-ban")
    assert page.locator("#wu-ge-yi-ban").is_visible()


@pytest.mark.parametrize("path", ["tasks/2-industrial-clusters/", "en/tasks/2-industrial-clusters/", "glossary/", "en/figures/"])
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
    if path.startswith("en/"):
        # the collapsed Chinese original is printed too
        assert page.locator("details.chinese-original li").first.is_visible()


def test_a_paragraph_anchor_is_reachable(page, served):
    page.goto(served + "tasks/8-livelihoods/#p3-8-6-2")
    assert page.locator("#p3-8-6-2").is_visible()
    assert "城镇新增就业15万人" in page.locator("#p3-8-6-2").inner_text()
