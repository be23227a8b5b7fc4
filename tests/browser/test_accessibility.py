"""axe-core (bundled with axe-playwright-python, no network) finds no violation on the main kinds
of page in both languages."""

from __future__ import annotations

import pytest

PAGES = ["", "tasks/1-effective-demand/", "glossary/", "glossary/business-environment/", "new-terms/", "about/", "figures/", "investors/", "targets/"]


@pytest.mark.parametrize("path", [*PAGES, *(f"en/{p}" for p in PAGES)])
def test_no_accessibility_violations(page, served, path):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(served + path)
    # axe scrolls the page under the pointer; a glossary tooltip opened by a stray hover would cover
    # the text it measures, so the pointer rests on the fixed header
    page.mouse.move(1, 1)
    # long tables are laid out only when scrolled near (content-visibility: auto); laid out now, so
    # that axe, scrolling through them, does not measure rows while they take their size
    page.add_style_tag(content=".md-typeset table { content-visibility: visible !important; }")
    results = Axe().run(page)
    violations = [
        f"{v['id']}: {v['help']} — " + "; ".join(n["target"][0] for n in v["nodes"][:3])
        for v in results.response["violations"]
    ]
    assert not violations, "\n".join(violations)
