"""Shared fixtures: the real report split once, and the whole site built once per test run."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
sys.path.insert(0, str(ROOT))

from scripts.build import load_site  # noqa: E402
from scripts.metadata import read_report_info  # noqa: E402
from scripts.sources import read_report_text  # noqa: E402
from scripts.splitter import split  # noqa: E402


@pytest.fixture(scope="session")
def seed_text() -> str:
    info = read_report_info(SEEDS / "report.yml")
    return read_report_text(SEEDS / info.text)[0]


@pytest.fixture(scope="session")
def report(seed_text):
    return split(seed_text, read_report_info(SEEDS / "report.yml").layout)


@pytest.fixture(scope="session")
def site_data():
    return load_site(SEEDS)


def copy_seeds(tmp_path: Path) -> Path:
    """A writable copy of seeds/ for tests that break an input."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def edit_seed(seeds: Path, name: str, old: str, new: str) -> None:
    """Replace the first `old` in seeds/<name> (which must hold it) by `new`."""
    path = seeds / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build_error(seeds: Path):
    """The one InputError load_site raises for a broken copy of the seeds."""
    from scripts.errors import InputError

    with pytest.raises(InputError) as caught:
        load_site(seeds)
    return caught.value


def line_with(path: Path, fragment: str) -> int:
    """The number of the first line of a file that holds the fragment."""
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site as `make site` builds it (from the committed docs/), in a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1768780800"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def site_prefix() -> str:
    """The path GitHub Pages serves the site under, from mkdocs.yml's site_url (e.g. /guiyang-2026/)."""
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    return urlsplit(load_config(str(ROOT / "mkdocs.yml")).site_url).path


class _PagesHandler(SimpleHTTPRequestHandler):
    """Serves site/ under the prefix only, and 404.html for anything missing, as GitHub Pages does."""

    prefix = "/"
    site = Path(".")

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not path.startswith(self.prefix):
            return str(self.site / "__outside_the_prefix__")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        page = self.site / "404.html"
        if code == 404 and page.exists():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def served(built_site):
    """Base URL of the built site, e.g. http://127.0.0.1:PORT/guiyang-2026/."""
    prefix = site_prefix()
    handler = type("Handler", (_PagesHandler,), {"prefix": prefix, "site": built_site})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(built_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    server.shutdown()
