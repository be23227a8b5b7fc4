"""What GitHub Pages and search engines read besides the pages: sitemap.xml with every language
version and an x-default, and robots.txt. Run after the build (see mkdocs_hooks.on_post_build)."""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as etree
from pathlib import Path

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def complete_sitemap(xml: str, default_language: str) -> str:
    """Add to mkdocs-static-i18n's sitemap (one <url> per page, with hreflang links) a <url> for
    each other language version and an x-default alternate pointing at the default language."""
    etree.register_namespace("", SITEMAP_NS)
    etree.register_namespace("xhtml", XHTML_NS)
    root = etree.fromstring(xml)
    for url in list(root):
        links = url.findall(f"{{{XHTML_NS}}}link")
        default = next((link for link in links if link.get("hreflang") == default_language), None)
        if default is not None and not any(link.get("hreflang") == "x-default" for link in links):
            etree.SubElement(url, f"{{{XHTML_NS}}}link", {"rel": "alternate", "hreflang": "x-default", "href": default.get("href")})
            links = url.findall(f"{{{XHTML_NS}}}link")
        loc = url.find(f"{{{SITEMAP_NS}}}loc").text
        for link in links:
            href = link.get("href")
            if link.get("hreflang") != "x-default" and href != loc and not any(
                u.find(f"{{{SITEMAP_NS}}}loc").text == href for u in root
            ):
                twin = etree.SubElement(root, f"{{{SITEMAP_NS}}}url")
                etree.SubElement(twin, f"{{{SITEMAP_NS}}}loc").text = href
                for child in url:
                    if child.tag != f"{{{SITEMAP_NS}}}loc":
                        twin.append(child)
    etree.indent(root, space="    ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="unicode") + "\n"


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"


def write_publishing_files(site_dir: Path, site_url: str, default_language: str) -> None:
    sitemap = Path(site_dir) / "sitemap.xml"
    if sitemap.exists():
        text = complete_sitemap(sitemap.read_text(encoding="utf-8"), default_language)
        sitemap.write_text(text, encoding="utf-8")
        # mtime=0: the same site gives the same bytes (reproducible builds)
        with open(Path(site_dir) / "sitemap.xml.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
            gz.write(text.encode("utf-8"))
    (Path(site_dir) / "robots.txt").write_text(robots_txt(site_url), encoding="utf-8")
