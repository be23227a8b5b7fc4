"""`make bench`: the first-view weight of every page, the search index of each language, the build
time against a plain one-page Material build, the reload time under `make serve`, and Lighthouse.

Nothing here is a test: it measures and prints (speed and size are never asserted in tests).
Every figure is printed with what produced it.
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1768780800"}
PAIRS = 5
LIGHTHOUSE = "lighthouse@12.2.3"
LIGHTHOUSE_DIR = ROOT / ".cache" / "lighthouse"
LIGHTHOUSE_RUNS = 3
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]

# The pages Lighthouse scores (paths under the site's prefix; add a page here to score it too).
# Every page's first-view weight is measured regardless.
PAGES = ["", "tasks/1-effective-demand/", "review/14th-five-year-plan/", "glossary/", "glossary/culture-tourism-and-brands/",
         "new-terms/", "figures/", "investors/", "targets/"]
SCORED = [*PAGES, *(f"en/{p}" for p in PAGES)]

# The plain build that `make site` is compared with: the raw report as one Markdown page, Material
# with its defaults, and Material's search plugin (which segments Chinese with jieba, installed).
PLAIN_CONFIG = """\
site_name: plain
theme:
  name: material
plugins:
  - search
"""

# The seed entry `make bench` edits under `make serve` (in a copy of the project), and the page
# that shows it; each edit gives the title a new letter (a number would have to trace to the
# Chinese, as every figure in English text must).
SERVE_SEED = "summaries.en.yml"
SERVE_OLD = "title: Review of 2025\n"
SERVE_NEW = "The year 2025 in review, version {}"
SERVE_PAGE = "en/review/2025/"
SERVE_EDITS = 5


def kb(n: float) -> str:
    return f"{n / 1024:.1f} KB"


def fmt(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s (median of {len(values)}; min {min(values):.2f}, max {max(values):.2f})"


def site_prefix() -> str:
    from mkdocs.config import load_config

    return urlsplit(load_config(str(ROOT / "mkdocs.yml")).site_url).path


# ---------------------------------------------------------------------------------------------
# Build time

def run_timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env={**ENV, **(env or {})}, check=True, capture_output=True)
    return time.perf_counter() - start


def plain_project(folder: Path) -> Path:
    """The plain one-page project, made from the seed: docs/index.md is the report's text."""
    from scripts.metadata import read_report_info

    info = read_report_info(ROOT / "seeds" / "report.yml")
    (folder / "docs").mkdir(parents=True)
    shutil.copyfile(ROOT / "seeds" / info.text, folder / "docs" / "index.md")
    (folder / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    return folder


def build_times() -> None:
    """`make site` against the plain build, in pairs (A B A B …), twice: with the caches in .cache/
    as the previous build left them (a rebuild), and with an empty cache folder each time (the first
    build of a fresh clone: every page converted and indexed, charts drawn, pinyin read)."""
    print("## Build time")
    make_site = ["make", "--no-print-directory", "-s", "site"]
    plain_build = [PY, "-m", "mkdocs", "build", "--quiet"]
    with tempfile.TemporaryDirectory() as tmp:
        plain = plain_project(Path(tmp) / "plain")
        run_timed(make_site, ROOT), run_timed(plain_build, plain)  # warm the file cache, write .cache/
        runs = {"warm": ([], []), "cold": ([], [])}
        for kind, (site, one_page) in runs.items():
            for n in range(PAIRS):  # A B A B …: both see the same load on the machine
                env = {"REPORT_CACHE_DIR": str(Path(tmp) / f"cache-{n}")} if kind == "cold" else {}
                site.append(run_timed(make_site, ROOT, env))
                one_page.append(run_timed(plain_build, plain))
    for kind, (site, one_page) in runs.items():
        ratios = [a / b for a, b in zip(site, one_page, strict=True)]
        label = {"warm": "with .cache/ from the build before", "cold": "with an empty cache folder"}[kind]
        print(f"make site, {label}:")
        print(f"  make site (regenerate docs/, build both languages):         {fmt(site)}")
        print(f"  plain build (the report as docs/index.md, Material, search): {fmt(one_page)}")
        print(f"  ratio make site / plain, pair by pair: median {statistics.median(ratios):.2f} "
              f"(min {min(ratios):.2f}, max {max(ratios):.2f}; target at most 1.8)")
    print(f"  measured: {PAIRS} pairs of `make -s site` and `python -m mkdocs build` of the plain project, alternating; "
          "cold runs set REPORT_CACHE_DIR to a new empty folder")
    print()


# ---------------------------------------------------------------------------------------------
# First views, in a browser

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


class CountingServer(ThreadingHTTPServer):
    """Serves the site under its prefix, gzip-compressed as GitHub Pages serves it, and counts the
    bytes of every response body it sends (what the browser fetched, as fetched)."""

    def __init__(self, site: Path, prefix: str):
        self.sent: list[tuple[str, int]] = []
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site), prefix=prefix))

    def count(self, path: str, size: int) -> None:
        with self.lock:
            self.sent.append((path, size))

    def take(self) -> list[tuple[str, int]]:
        with self.lock:
            sent, self.sent = self.sent, []
        return sent


class _Handler(SimpleHTTPRequestHandler):
    def __init__(self, *args, prefix: str, **kwargs):
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def translate_path(self, path):
        path = urlsplit(path).path
        return super().translate_path("/" + path[len(self.prefix):]) if path.startswith(self.prefix) else "/nonexistent"

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        url = urlsplit(self.path).path
        if path.is_dir() and url.endswith("/"):
            path = path / "index.html"
        if not path.is_file():
            return super().do_GET()  # a redirect or a 404, as the standard server sends them
        body = path.read_bytes()
        compress = path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")
        if compress:
            body = gzip.compress(body, 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.server.count(url, len(body))

    def log_message(self, *args):
        pass


def serve(site: Path, prefix: str) -> tuple[CountingServer, str]:
    server = CountingServer(site, prefix)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"


def first_views(site: Path) -> None:
    from playwright.sync_api import sync_playwright

    print("## First view of every page (in chromium: everything fetched until the network is idle, gzip as served)")
    prefix = site_prefix()
    server, base = serve(site, prefix)
    index_size = {}
    for lang, index in (("zh", site / "search" / "search_index.json"), ("en", site / "en" / "search" / "search_index.json")):
        index_size[lang] = len(gzip.compress(index.read_bytes(), 6))
    pages = sorted(p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("index.html"))
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for path in pages:
                context = browser.new_context(viewport={"width": 1280, "height": 900})  # no cache between pages
                page = context.new_page()
                server.take()
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                fetched = server.take()
                context.close()
                index_loaded = any(url.endswith("/search_index.json") for url, _ in fetched)
                weight = sum(size for _, size in fetched)
                lang = "en" if path.startswith("en/") else "zh"
                rows.append((weight, path, len(fetched), index_loaded, weight + (0 if index_loaded else index_size[lang])))
            browser.close()
    finally:
        server.shutdown()
    print(f"{'page':58} {'files':>5} {'first view':>11} {'with index':>11}")
    for weight, path, files, index_loaded, with_index in sorted(rows, reverse=True):
        print(f"{'/' + path:58} {files:5} {kb(weight):>11} {kb(with_index):>11}" + ("  (index fetched on first view)" if index_loaded else ""))
    heaviest = max(rows)
    print(f"heaviest first view: /{heaviest[1]} {kb(heaviest[0])} (target at most 80 KB); "
          f"'with index' adds the index of the page's language, as a first view fetched it before search on demand")
    print()
    print("## Search index (fetched when the reader opens search)")
    for lang, index in (("zh", site / "search" / "search_index.json"), ("en", site / "en" / "search" / "search_index.json")):
        data = index.read_bytes()
        print(f"{lang}: {kb(len(data))} raw, {kb(index_size[lang])} gzip (level 6, as served), {len(json.loads(data)['docs'])} entries")
    print()


# ---------------------------------------------------------------------------------------------
# `make serve`: an edit to a seed reaching the browser

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_reload() -> None:
    from playwright.sync_api import sync_playwright

    print("## make serve: an edit to one entry of a seed, until the browser shows it")
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"  # a copy, so the checkout's seeds/ are never touched
        for name in ("seeds", "scripts", "docs", "overrides"):
            shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        port = free_port()
        log = Path(tmp) / "serve.log"
        with open(log, "w") as out:
            server = subprocess.Popen([PY, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "--watch", "seeds", "--watch", "scripts"],
                                      cwd=project, env=ENV, stdout=out, stderr=subprocess.STDOUT)
        seen: list[float] = []
        try:
            deadline = time.monotonic() + 120
            while "Serving on" not in log.read_text() and time.monotonic() < deadline:
                time.sleep(0.2)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page()
                page.goto(f"http://127.0.0.1:{port}{site_prefix()}{SERVE_PAGE}")  # "load": livereload polls, never idle
                seed = project / "seeds" / SERVE_SEED
                text = seed.read_text(encoding="utf-8")
                assert SERVE_OLD in text, f"{SERVE_SEED} no longer holds {SERVE_OLD!r}: update SERVE_OLD in scripts/bench.py"
                for letter in "abcdefghij"[:SERVE_EDITS]:
                    shown = SERVE_NEW.format(letter)
                    start = time.perf_counter()
                    seed.write_text(text.replace(SERVE_OLD, f"title: {shown}\n", 1), encoding="utf-8")
                    while time.perf_counter() - start < 60:
                        try:  # the page reloads itself when the rebuild is done (MkDocs' livereload)
                            if page.evaluate(f"document.body && document.body.innerText.includes({json.dumps(shown)})"):
                                seen.append(time.perf_counter() - start)
                                break
                        except Exception:
                            pass  # the page is reloading
                        time.sleep(0.02)
                    else:
                        break
                    time.sleep(1)  # let the server settle before the next edit
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
            serve_log = log.read_text()
    if len(seen) < SERVE_EDITS:
        print(f"edit {len(seen) + 1} did not reach the browser within 60 s (before: {seen}); serve log:\n{serve_log[-1500:]}")
    else:
        print(f"edit to {SERVE_SEED} (one title) -> /{SERVE_PAGE} shows it: {fmt(seen)} (target under 2 s)")
    print(f"  measured: `mkdocs serve --watch seeds --watch scripts` on a copy of the project, the page open in chromium, "
          f"{SERVE_EDITS} edits one after another")
    print()


# ---------------------------------------------------------------------------------------------
# Lighthouse

def lighthouse(site: Path) -> None:
    print("## Lighthouse (" + LIGHTHOUSE + ", Debian's chromium, default mobile settings)")
    npm = shutil.which("npm")
    if not Path(CHROMIUM).exists() or not npm:
        print(f"skipped: needs chromium and npm (found chromium={Path(CHROMIUM).exists()}, npm={bool(npm)})\n")
        return
    binary = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
        result = subprocess.run([npm, "install", "--silent", "--no-audit", "--no-fund", "-E", LIGHTHOUSE, "--prefix", str(LIGHTHOUSE_DIR)],
                                capture_output=True, text=True)
        if result.returncode != 0 or not binary.exists():
            print(f"skipped: npm could not install {LIGHTHOUSE}: {result.stderr.strip()[-300:]}\n")
            return
    server, base = serve(site, site_prefix())
    print(f"{'page':42} perf  a11y  best  seo   (median of {LIGHTHOUSE_RUNS} runs; perf min–max)")
    try:
        for path in SCORED:
            runs = []
            for _ in range(LIGHTHOUSE_RUNS):  # one run varies by several points with the machine's load
                with tempfile.TemporaryDirectory() as tmp:
                    out = Path(tmp) / "report.json"
                    result = subprocess.run(
                        [str(binary), base + path, "--quiet", "--output=json", f"--output-path={out}",
                         "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS),
                         "--only-categories=performance,accessibility,best-practices,seo"],
                        env={**ENV, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=300)
                    if result.returncode != 0 or not out.exists():
                        print(f"{'/' + path:42} failed: {result.stderr.strip()[-200:]}")
                        break
                    categories = json.loads(out.read_text())["categories"]
                    runs.append([round(categories[c]["score"] * 100) for c in ("performance", "accessibility", "best-practices", "seo")])
            else:
                scores = [statistics.median_low(run[i] for run in runs) for i in range(4)]
                spread = f"{min(r[0] for r in runs)}–{max(r[0] for r in runs)}"
                print(f"{'/' + path:42} " + "  ".join(f"{s:>4}" for s in scores) + f"   ({spread})")
    finally:
        server.shutdown()
    print("targets: performance at least 98, accessibility, best practices and SEO 100\n")


def main() -> None:
    build_times()
    site = ROOT / "site"  # as the last `make site` of the pairs above built it
    first_views(site)
    serve_reload()
    if "--no-lighthouse" not in sys.argv:
        lighthouse(site)


if __name__ == "__main__":
    main()
