# One command per task; `make help` lists them.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: help site pages serve test check lint bench clean

help:  ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 10

# The packages that build the site (requirements.txt); the tests add theirs (requirements-test.txt).
$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements-test.txt $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements-test.txt
	touch $@

pages: $(VENV)/.installed  ## regenerate docs/ from seeds/
	$(PY) -m scripts build

site: $(VENV)/.installed  ## install, regenerate docs/ and build site/ (both languages)
	@# built beside site/ and swapped in, so a failed build leaves the old site/ whole; one process
	@# regenerates docs/ and runs `mkdocs build --strict` (python -m scripts site)
	rm -rf .site-new
	$(PY) -m scripts site --site-dir .site-new
	rm -rf site && mv .site-new site

serve: pages  ## preview on http://127.0.0.1:8000/guiyang-2026/ (reloads when seeds/ or scripts/ change)
	$(PY) -m mkdocs serve --watch seeds --watch scripts

test: $(VENV)/.installed-test  ## run every test (browser tests skip without chromium)
	$(PY) -m pytest

check: $(VENV)/.installed  ## fail when docs/ is stale
	$(PY) -m scripts check

lint: $(VENV)/.installed-test  ## ruff
	$(PY) -m ruff check scripts tests

bench: $(VENV)/.installed-test  ## print build time, page weight, search index size, Lighthouse scores
	$(PY) -m scripts.bench

clean:  ## remove site/ and caches
	rm -rf site .site-new .pytest_cache test-artifacts .cache
