"""Publishing: the Pages workflow, a crawl of the served site, reproducible builds, sitemap,
robots.txt, the 404 page and page metadata."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github/workflows/pages.yml"


def test_the_workflow_is_valid_against_the_github_workflow_schema():
    # check-jsonschema ships the schema, so this needs no network
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                             str(WORKFLOW)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_workflow_builds_with_the_readme_command_and_pins_every_action():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    uses = [s["uses"] for s in steps if "uses" in s]
    assert all(re.fullmatch(r"[\w-]+/[\w-]+@v\d+\.\d+\.\d+", u) for u in uses), uses
    assert {u.split("@")[0] for u in uses} >= {"actions/upload-pages-artifact", "actions/deploy-pages"}
    assert any("make site" in s.get("run", "") for s in steps)
    assert "make site" in (ROOT / "README.md").read_text(encoding="utf-8")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag in ("img", "script") and attrs.get("src"):
            self.links.append(attrs["src"])
        elif tag == "link" and attrs.get("href") and attrs.get("rel") in ("stylesheet", "icon"):
            self.links.append(attrs["href"])


def _fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def test_crawling_both_languages_finds_no_broken_link_or_anchor(served, built_site):
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(served))
    prefix = urlsplit(served).path
    start = [served, served + "en/"]
    pages: dict[str, _Links] = {}
    queue, problems, checked = list(start), [], set()
    while queue:
        url = queue.pop()
        if url in pages:
            continue
        status, body = _fetch(url)
        if status != 200:
            problems.append(f"{url}: HTTP {status}")
            continue
        parser = _Links()
        parser.feed(body.decode("utf-8"))
        pages[url] = parser
        for href in parser.links:
            target = urljoin(url, href)
            parts = urlsplit(target)
            if parts.scheme not in ("http", "https") or f"{parts.scheme}://{parts.netloc}" != origin:
                continue  # a citation of another site, not part of this one
            if not parts.path.startswith(prefix):
                problems.append(f"{url}: link leaves {prefix}: {href}")
                continue
            page_url = target.split("#")[0].split("?")[0]
            if page_url.endswith("/") and page_url not in pages:
                queue.append(page_url)
            if parts.fragment:
                checked.add((url, page_url, unquote(parts.fragment)))
            elif not page_url.endswith("/") and page_url not in pages:
                if _fetch(page_url)[0] != 200:
                    problems.append(f"{url}: broken link {href}")
                pages.setdefault(page_url, _Links())
    for source, page_url, fragment in checked:
        if page_url not in pages:
            problems.append(f"{source}: link to a page that was not crawled: {page_url}")
        elif fragment not in pages[page_url].ids:
            problems.append(f"{source}: missing anchor #{fragment} on {page_url}")
    html_pages = [u for u in pages if u.endswith("/")]
    assert len(html_pages) == len(list(built_site.rglob("index.html")))
    assert not problems, "\n".join(sorted(set(problems))[:40])


def test_two_builds_give_identical_sites(tmp_path):
    trees = []
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1768780800"}
    for name in ("one", "two"):
        out = tmp_path / name
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
                       cwd=ROOT, env=env, check=True, capture_output=True)
        trees.append({p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()})
    assert trees[0].keys() == trees[1].keys()
    assert [name for name in trees[0] if trees[0][name] != trees[1][name]] == []


def test_the_sitemap_lists_both_languages_with_absolute_alternates_and_x_default(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(locs) == len(list(built_site.rglob("index.html")))
    assert "https://guiyang-report.github.io/guiyang-2026/en/tasks/1-effective-demand/" in locs
    alternates = re.findall(r'hreflang="([^"]+)" href="([^"]+)"', sitemap)
    assert {lang for lang, _ in alternates} == {"zh", "en", "x-default"}
    assert all(href.startswith("https://") for _, href in alternates)


def test_robots_txt_points_at_the_sitemap(built_site):
    assert "Sitemap: https://guiyang-report.github.io/guiyang-2026/sitemap.xml" in (built_site / "robots.txt").read_text()


def test_the_404_page_speaks_both_languages_with_absolute_links(built_site):
    html = (built_site / "404.html").read_text(encoding="utf-8")
    assert "页面不存在" in html and "Page not found" in html
    assert 'href="https://guiyang-report.github.io/guiyang-2026/en/"' in html


def test_a_missing_page_gets_the_404_page_under_the_prefix(served):
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(served + "no-such-page/")
    assert caught.value.code == 404 and "Page not found" in caught.value.read().decode("utf-8")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_has_a_title_description_and_open_graph_tags_in_its_language(built_site, lang):
    pages = [p for p in built_site.rglob("index.html") if (p.relative_to(built_site).parts[0] == "en") == (lang == "en")]
    han = re.compile(r"[\u4e00-\u9fff]")
    for page in pages:
        html = page.read_text(encoding="utf-8")
        title = re.search(r"<title>([^<]+)</title>", html).group(1)
        description = re.search(r'<meta name="description" content="([^"]+)"', html).group(1)
        assert re.search(r'<meta property="og:title" content="[^"]+"', html), page
        assert re.search(r'<meta property="og:description" content="[^"]+"', html), page
        if lang == "zh":
            assert han.search(title) and han.search(description), page
        else:
            assert title.isascii() or len(han.findall(title)) < len(title) / 4, (page, title)
            assert len(han.findall(description)) < len(description) / 4, (page, description)


def test_the_citation_file_follows_the_citation_file_format():
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.citation-file-format",
                             str(ROOT / "CITATION.cff")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
