"""The trimmed theme stylesheet (scripts/purge_css.py) styles everything a reader can bring up as
Material's own stylesheet does: every element, and its ::before and ::after, has the same computed
style with either, on the main kinds of page and with search results, the navigation drawer, the
language menu, an open paragraph block and the back-to-top button showing."""

from __future__ import annotations

from pathlib import Path

import material
import pytest

THEME_CSS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"

# Every standard property of every element and its ::before/::after (custom properties are left
# out: the trimmed sheet drops those nothing reads, which is the point), as a name and a hash per
# box; `DETAILS` gives the values of one box when the hashes differ.
STYLE_OF = """(s) => { const v = {}; for (let i = 0; i < s.length; i++) if (!s[i].startsWith("--")) v[s[i]] = s.getPropertyValue(s[i]); return v; }"""
BOXES = """() => {
  const boxes = [];
  for (const el of document.querySelectorAll("*"))
    for (const pseudo of [null, "::before", "::after"]) {
      const s = getComputedStyle(el, pseudo);
      if (!pseudo || s.content !== "none") boxes.push([el, pseudo]);  // a pseudo-element without content has no box
    }
  return boxes;
}"""
SNAPSHOT = f"""() => {{
  const styleOf = {STYLE_OF}, boxes = ({BOXES})();
  return boxes.map(([el, pseudo]) => {{
    const text = JSON.stringify(styleOf(getComputedStyle(el, pseudo)));
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + "." + el.getAttribute("class") + (pseudo || "") + " " + (h >>> 0).toString(16);
  }});
}}"""
DETAILS = f"""(index) => {{ const [el, pseudo] = ({BOXES})()[index]; return ({STYLE_OF})(getComputedStyle(el, pseudo)); }}"""

# transitions and animations off, so that both snapshots see the end state, and long tables laid
# out at once (content-visibility: auto lays them out as they come near, at no fixed moment)
STILL = ("*, *::before, *::after { transition: none !important; animation: none !important; }"
         " .md-typeset table { content-visibility: visible !important; }")


def _search(page):
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("营商环境")
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10000)


def _drawer(page):
    page.set_viewport_size({"width": 375, "height": 800})
    page.locator("label.md-header__button[for='__drawer']").click()
    page.wait_for_timeout(100)


def _language_menu(page):
    page.locator(".md-header__option .md-select").hover()
    page.wait_for_timeout(100)


def _open_paragraph(page):
    page.set_viewport_size({"width": 375, "height": 800})  # on a phone the blocks start closed
    page.reload()
    page.add_style_tag(content=STILL)
    page.locator("details.paragraph-other summary").first.click()


def _back_to_top(page):
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(200)
    page.mouse.wheel(0, -400)
    page.wait_for_selector(".md-top:not([hidden])", timeout=5000)


STATES = [
    ("", None), ("en/tasks/1-effective-demand/", None), ("glossary/business-environment/", None), ("en/targets/", None),
    ("new-terms/", None), ("en/investors/", None), ("404.html", None),
    ("tasks/3-business-environment/", _search), ("en/", _drawer), ("en/review/2025/", _language_menu),
    ("en/tasks/2-industrial-clusters/", _open_paragraph), ("review/14th-five-year-plan/", _back_to_top),
]


def _open(browser, url: str, action, original: Path | None):
    """A page at `url` in the given state, styled by Material's own stylesheet when `original`."""
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    if original is not None:
        page.route("**/assets/stylesheets/main.*.min.css", lambda route: route.fulfill(path=str(original), content_type="text/css"))
    page.goto(url)
    page.add_style_tag(content=STILL)
    if action:
        action(page)
    return page


@pytest.mark.parametrize(("path", "action"), STATES, ids=[f"{p or 'home'}{'-' + a.__name__.strip('_') if a else ''}" for p, a in STATES])
def test_the_trimmed_stylesheet_styles_as_materials_own(browser, served, built_site, path, action):
    name = next(built_site.glob("assets/stylesheets/main.*.min.css")).name
    original = THEME_CSS / name
    assert original.read_text(encoding="utf-8") != (built_site / "assets" / "stylesheets" / name).read_text(encoding="utf-8")
    theirs_page, ours_page = (_open(browser, served + path, action, sheet) for sheet in (original, None))
    try:
        theirs, ours = theirs_page.evaluate(SNAPSHOT), ours_page.evaluate(SNAPSHOT)
        assert [box.rsplit(" ", 1)[0] for box in theirs] == [box.rsplit(" ", 1)[0] for box in ours]
        differing = []
        for index in [i for i, (a, b) in enumerate(zip(theirs, ours, strict=True)) if a != b][:5]:
            a, b = theirs_page.evaluate(DETAILS, index), ours_page.evaluate(DETAILS, index)
            differing.append(theirs[index].rsplit(" ", 1)[0] + ": " + "; ".join(f"{k}: {v} != {b.get(k)}" for k, v in a.items() if b.get(k) != v))
        assert not differing, f"{sum(a != b for a, b in zip(theirs, ours, strict=True))} boxes differ:\n" + "\n".join(differing)[:3000]
    finally:
        theirs_page.context.close()
        ours_page.context.close()
