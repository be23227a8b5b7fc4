"""`make serve`: a change under seeds/ regenerates docs/ and the site once, with no rebuild loop.

Runs `mkdocs serve --watch seeds --watch scripts` on a copy of the project, so the checkout is
never touched."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

from tests.conftest import ROOT


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(predicate, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.5)
    return False


def _settle(count, quiet: float, seconds: float) -> int:
    """The count once it has not changed for `quiet` seconds."""
    end, last, since = time.monotonic() + seconds, count(), time.monotonic()
    while time.monotonic() < end:
        time.sleep(0.5)
        now = count()
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return now
    return last


def test_a_seed_change_rebuilds_once_and_shows(tmp_path):
    project = tmp_path / "project"
    for name in ("seeds", "scripts", "docs", "overrides"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    port = _free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with open(log, "w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "--watch", "seeds",
                                   "--watch", "scripts"], cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        builds = lambda: log.read_text().count("Documentation built")  # noqa: E731
        assert _wait(lambda: "Serving on" in log.read_text(), 90), log.read_text()[-2000:]
        first = builds()
        summaries = project / "seeds" / "summaries.en.yml"
        summaries.write_text(summaries.read_text(encoding="utf-8").replace("title: Review of 2025\n", "title: The year 2025\n", 1),
                             encoding="utf-8")
        page = project / "docs" / "en" / "review" / "2025.md"
        assert _wait(lambda: "The year 2025" in page.read_text(encoding="utf-8"), 90), log.read_text()[-2000:]
        url = f"http://127.0.0.1:{port}/guiyang-2026/en/review/2025/"
        assert _wait(lambda: "The year 2025" in urllib.request.urlopen(url).read().decode("utf-8"), 90)
        settled = _settle(builds, quiet=8, seconds=120)
        assert settled - first == 1, log.read_text()[-2000:]  # the seed change, once: docs/ is not watched
        time.sleep(10)  # a loop would show itself by now
        assert builds() == settled, log.read_text()[-2000:]
    finally:
        server.terminate()
        server.wait(timeout=30)
