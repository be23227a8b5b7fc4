"""`make bench`: build time, page weight, search index size and Lighthouse scores, printed.

Nothing here is a test: it measures and prints (speed and size are never asserted in tests).
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from . import search_dictionary

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1768780800"}
RUNS = 5
LIGHTHOUSE = "lighthouse@12.2.3"
LIGHTHOUSE_DIR = ROOT / ".cache" / "lighthouse"
CHROMIUM_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"

# The same Chinese pages built by MkDocs alone: the theme, search with jieba and the Markdown
# extensions of mkdocs.yml, without the second language, our hooks or the glossary.
PLAIN_CONFIG = """\
site_name: plain
docs_dir: {docs}
site_dir: {site}
theme:
  name: material
  language: zh
  font: false
plugins:
  - search:
      pipeline: [stopWordFilter]
markdown_extensions: [admonition, attr_list, md_in_html, tables, pymdownx.details, toc]
"""


def timed(command: list[str], runs: int = RUNS) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, env=ENV, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def timed_pair(first: list[str], second: list[str], runs: int = RUNS) -> tuple[list[float], list[float], list[float]]:
    a, b, total = [], [], []
    for _ in range(runs):
        ta = timed(first, 1)[0]
        tb = timed(second, 1)[0]
        a.append(ta), b.append(tb), total.append(ta + tb)
    return a, b, total


def fmt(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s (median of {len(values)}; min {min(values):.2f}, max {max(values):.2f})"


def kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


JIEBA_LOAD = """
import logging, sys, time, jieba
jieba.setLogLevel(logging.WARNING)
if len(sys.argv) > 1:
    jieba.set_dictionary(sys.argv[1])
start = time.perf_counter()
jieba.initialize()
print(time.perf_counter() - start)
"""


def jieba_load(*dictionary: str) -> list[float]:
    return [float(subprocess.run([PY, "-c", JIEBA_LOAD, *dictionary], env=ENV, check=True, capture_output=True,
                                 text=True).stdout) for _ in range(RUNS)]


def build_times(site: Path) -> None:
    print("## Build time")
    pages_command = [PY, "-m", "scripts", "build"]
    mkdocs_command = [PY, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)]
    pages, mkdocs, full = timed_pair(pages_command, mkdocs_command)
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "plain.yml"
        config.write_text(PLAIN_CONFIG.format(docs=ROOT / "docs" / "zh", site=Path(tmp) / "site"), encoding="utf-8")
        plain = timed([PY, "-m", "mkdocs", "build", "--quiet", "-f", str(config)])
    with tempfile.TemporaryDirectory() as tmp:
        # the same build with nothing in .cache/ (a fresh clone): charts drawn, pinyin and the
        # search dictionary made again
        cold_env = {**ENV, "REPORT_CACHE_DIR": tmp}
        start = time.perf_counter()
        subprocess.run(pages_command, cwd=ROOT, env=cold_env, check=True, capture_output=True)
        cold_pages = time.perf_counter() - start
        subprocess.run(mkdocs_command, cwd=ROOT, env=cold_env, check=True, capture_output=True)
        cold = time.perf_counter() - start
    python = timed([PY, "-c", "pass"])
    dictionary = ROOT / "docs" / search_dictionary.FILE
    words = len(dictionary.read_text(encoding="utf-8").splitlines()) - 1
    print(f"full bilingual build (python -m scripts build + mkdocs build): {fmt(full)}")
    print(f"  regenerate pages (python -m scripts build):                {fmt(pages)}")
    print(f"  mkdocs build, both languages:                              {fmt(mkdocs)}")
    print(f"plain one-language mkdocs build of the same Chinese pages:   {fmt(plain)}")
    print(f"ratio full / plain: {statistics.median(full) / statistics.median(plain):.2f} (target 1.5)")
    print(f"full build with an empty .cache/ (fresh clone), one run:     {cold:.2f} s (pages {cold_pages:.2f} s)")
    print(f"fixed per process: Python start {statistics.median(python):.2f} s; jieba dictionary load: "
          f"jieba's full dictionary (the plain build) {statistics.median(jieba_load()):.2f} s, "
          f"the site's cut of it ({words} words, docs/{search_dictionary.FILE}) {statistics.median(jieba_load(str(dictionary))):.3f} s")
    print()


COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


def serve(site: Path, prefix: str):
    """The site under its prefix, gzip-compressed as GitHub Pages serves it (Python's own server
    sends everything uncompressed, which would make Lighthouse measure the wrong transfer sizes)."""

    class Handler(SimpleHTTPRequestHandler):
        def translate_path(self, path):
            path = urlsplit(path).path
            return super().translate_path("/" + path[len(prefix):]) if path.startswith(prefix) else "/nonexistent"

        def do_GET(self):
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in COMPRESSIBLE or not path.is_file():
                return super().do_GET()
            if self.path.split("?")[0].endswith(("/", ".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")) is False:
                return super().do_GET()  # a directory without its slash: let the server redirect
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"


def first_view(site: Path, page: Path) -> tuple[int, int, list[str]]:
    """Bytes of the HTML and the CSS and JS it loads before any interaction (raw, gzip)."""
    html = page.read_bytes()
    assets = re.findall(rb'<link rel="stylesheet" href="([^"]+)"|<script src="([^"]+)"', html)
    files = [page]
    for css, js in assets:
        ref = (css or js).decode()
        target = (page.parent / ref.split("?")[0]).resolve()
        if target.is_file():
            files.append(target)
    raw = sum(f.stat().st_size for f in files)
    packed = sum(len(gzip.compress(f.read_bytes(), 9)) for f in files)
    return raw, packed, [f.name for f in files]


def weights(site: Path) -> None:
    print("## Page weight (first view: the HTML and the CSS and JS it loads)")
    pages = sorted(site.rglob("index.html"), key=lambda p: p.stat().st_size, reverse=True)
    for page in pages[:3]:
        raw, packed, _ = first_view(site, page)
        html = page.stat().st_size
        print(f"{page.relative_to(site).as_posix():45} HTML {kb(html)} ({kb(len(gzip.compress(page.read_bytes(), 9)))} gzip); "
              f"first view {kb(raw)} ({kb(packed)} gzip)")
    print()
    print("## Search index (loaded when search opens)")
    for label, index in (("zh", site / "search" / "search_index.json"), ("en", site / "en" / "search" / "search_index.json")):
        data = index.read_bytes()
        docs = len(json.loads(data)["docs"])
        print(f"{label}: {kb(len(data))} raw, {kb(len(gzip.compress(data, 9)))} gzip, {docs} entries")
    print()


def lighthouse(site: Path) -> None:
    print("## Lighthouse (" + LIGHTHOUSE + ", Debian's chromium)")
    chromium = shutil.which("chromium")
    npm = shutil.which("npm")
    if not chromium or not npm:
        print(f"skipped: needs chromium and npm (found chromium={bool(chromium)}, npm={bool(npm)})\n")
        return
    binary = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
        result = subprocess.run([npm, "install", "--silent", "--no-audit", "--no-fund", "-E", LIGHTHOUSE, "--prefix", str(LIGHTHOUSE_DIR)],
                                capture_output=True, text=True)
        if result.returncode != 0 or not binary.exists():
            print(f"skipped: npm could not install {LIGHTHOUSE}: {result.stderr.strip()[-300:]}\n")
            return
    from mkdocs.config import load_config

    prefix = urlsplit(load_config(str(ROOT / "mkdocs.yml")).site_url).path
    server, base = serve(site, prefix)
    print(f"{'page':42} perf  a11y  best  seo")
    try:
        for path in ("", "tasks/1-effective-demand/", "glossary/", "glossary/culture-tourism-and-brands/", "figures/",
                     "en/", "en/tasks/1-effective-demand/", "en/glossary/", "en/glossary/culture-tourism-and-brands/", "en/figures/"):
            with tempfile.TemporaryDirectory() as tmp:
                out = Path(tmp) / "report.json"
                result = subprocess.run(
                    [str(binary), base + path, "--quiet", "--output=json", f"--output-path={out}",
                     f"--chrome-flags={CHROMIUM_FLAGS}", "--only-categories=performance,accessibility,best-practices,seo"],
                    env={**ENV, "CHROME_PATH": chromium}, capture_output=True, text=True, timeout=300)
                if result.returncode != 0 or not out.exists():
                    print(f"{'/' + path:42} failed: {result.stderr.strip()[-200:]}")
                    continue
                categories = json.loads(out.read_text())["categories"]
                scores = [round(categories[c]["score"] * 100) for c in ("performance", "accessibility", "best-practices", "seo")]
                print(f"{'/' + path:42} " + "  ".join(f"{s:>4}" for s in scores))
    finally:
        server.shutdown()
    print("targets: performance 95, accessibility 100, best practices 100, SEO 100\n")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build_times(site)
        weights(site)
        if "--no-lighthouse" not in sys.argv:
            lighthouse(site)


if __name__ == "__main__":
    main()
