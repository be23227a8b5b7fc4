"""Every page of both languages loads with no request to another host, no failed request and no
console error (the sitemap.xml 404s that relative hreflang links caused included)."""

from __future__ import annotations

from urllib.parse import urlsplit


def test_every_page_loads_cleanly_from_this_host_only(browser, served, built_site, report):
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("index.html"))
    assert len(pages) >= 2 * len(report.sections)
    context = browser.new_context()
    problems = []
    for path in pages:
        page = context.new_page()
        requests, failures, errors = [], [], []
        page.on("request", lambda r: requests.append(r.url))
        page.on("requestfailed", lambda r: failures.append(r.url))
        page.on("response", lambda r: failures.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(served + path.removesuffix("index.html"))
        page.wait_for_load_state("networkidle")
        hosts = {urlsplit(u).hostname for u in requests if not u.startswith(("data:", "blob:"))}
        if hosts - {"127.0.0.1"}:
            problems.append(f"{path}: requests to {sorted(hosts - {'127.0.0.1'})}")
        if failures:
            problems.append(f"{path}: failed {failures}")
        if errors:
            problems.append(f"{path}: console {errors}")
        page.close()
    context.close()
    assert not problems, "\n".join(problems)
