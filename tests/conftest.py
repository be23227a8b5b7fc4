"""Shared fixtures: the real report split once, and the whole site built once per test run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

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
