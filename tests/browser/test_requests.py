"""Every page of both languages loads with no request to another host, no failed request and no
console error (the sitemap.xml 404s that relative hreflang links caused included)."""

from __future__ import annotations

from urllib.parse import urlsplit

from tests.browser.conftest import PageLog


def test_every_page_loads_cleanly_from_this_host_only(browser, served, built_site, report):
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("index.html"))
    assert len(pages) >= 2 * len(report.sections)
    context = browser.new_context()
    problems = []
    for path in pages:
        page = context.new_page()
        log = PageLog(page)
        page.goto(served + path.removesuffix("index.html"))
        page.wait_for_load_state("networkidle")
        hosts = {urlsplit(u).hostname for u in log.requests if not u.startswith(("data:", "blob:"))} - {"127.0.0.1"}
        for kind, found in (("requests to other hosts", sorted(hosts)), ("failed", log.failures), ("console errors", log.errors)):
            if found:
                problems.append(f"{path}: {kind}: {found}")
        page.close()
    context.close()
    assert not problems, "\n".join(problems)
