# 整治评估档案库 — the evaluation archive. `make help` lists the targets; README.md explains them.
#
# Every target takes DATA=<folder> (default: data) to work on another archive.
# Outputs go to SITE (default: site) and BUILD (default: build); both are build products.

SHELL := /bin/bash
.DEFAULT_GOAL := all

DATA   ?= data
SITE   ?= site
BUILD  ?= build
PYTHON ?= python3

# TIMINGS=1: each command prints where its time went, stage by stage (generators/timings.py).
ifneq ($(strip $(TIMINGS)),)
export ARCHIVE_TIMINGS := 1
endif

VENV  := .venv
PY    := $(VENV)/bin/python
STAMP := $(VENV)/.installed
RUN   := $(PY) -m generators

.PHONY: all help setup print-deps test-deps system-deps check schemas test test-fast lint clean review site serve docs bench-docs
.PHONY: search-index bench-search templates import bench

all: check docs site ## build the example archive: validate, then the documents, then the site that links them

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 18

# The virtual environment is made from the pinned lock files, by purpose, and remade when one
# changes: the runtime set for every target, the test set for make test and make lint, the bench
# set for the search benchmark.
STAMP_TEST  := $(VENV)/.installed-test
STAMP_BENCH := $(VENV)/.installed-bench

$(STAMP): requirements.lock pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $(STAMP)

$(STAMP_TEST): $(STAMP) requirements-test.lock
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-test.lock
	@touch $(STAMP_TEST)

$(STAMP_BENCH): $(STAMP_TEST) requirements-bench.lock
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-bench.lock
	@touch $(STAMP_BENCH)

setup: $(STAMP) ## create .venv with the runtime packages (every target does this itself)

print-deps: $(STAMP) ## the Debian fonts the printed documents need (installed when missing, as root)
	@bash theme/system-deps.sh docs

test-deps: $(STAMP_TEST) ## the test packages, and Chromium and LibreOffice from Debian (as root)
	@bash theme/system-deps.sh test

system-deps: test-deps ## every Debian package the project uses (installed when missing, as root)

check: setup ## validate DATA and apply the spec's rules; list every problem
	$(RUN) check --data $(DATA) --build $(BUILD)

review: setup ## one report's references, backlinks and coverage: make review ID=<report ID>
	$(RUN) review --data $(DATA) --id "$(ID)"

site: setup ## build the bilingual archive site into SITE (Chinese at the root, English under en/)
	$(RUN) site --data $(DATA) --out $(SITE) --build $(BUILD)

serve: setup ## build the site, preview it on http://127.0.0.1:8000/ and rebuild on every change
	$(RUN) serve --data $(DATA) --out $(SITE) --build $(BUILD)

docs: setup print-deps ## the official printed documents (GB/T 9704-2012), PDF and Word, into BUILD/documents
	$(RUN) docs --data $(DATA) --out $(BUILD)/documents

# Ledgers (台账) as workbooks: templates to fill in, and their import into the records.
templates: setup ## one ledger workbook (.xlsx) per town into BUILD/templates: make templates [CAMPAIGN=…]
	$(RUN) templates --data $(DATA) --out $(BUILD)/templates $(if $(CAMPAIGN),--campaign '$(CAMPAIGN)')

import: setup ## a ledger workbook into the records: make import FILE=… [CAMPAIGN=…] [TOWN=…] [DRY_RUN=1]
	@test -n "$(FILE)" || { echo "make import FILE=<workbook .xlsx/.xls/.ods/.csv> [CAMPAIGN=…] [DRY_RUN=1]" >&2; exit 2; }
	$(RUN) import '$(FILE)' --data $(DATA) $(if $(CAMPAIGN),--campaign '$(CAMPAIGN)') \
	  $(if $(TOWN),--town '$(TOWN)') $(if $(DRY_RUN),--dry-run)

bench-ledgers: setup ## import time of a ledger of N new hazards (default 1000) into a copy of DATA
	$(PY) tests/bench/bench_ledgers.py --data $(DATA) --rows $(or $(N),1000)

.PHONY: proof
proof: docs ## first pages of one document of every kind as PNG contact sheets in BUILD/proof
	$(PY) -m generators.documents.proof --data $(DATA) --docs $(BUILD)/documents --out $(BUILD)/proof

bench-docs: setup print-deps ## documents per second for DATA, cold (empty cache) and warm
	$(PY) tests/bench/bench_docs.py --data $(DATA)

# bench builds build/bench-<N>/data once (make example-data) and times every step on it.
bench: setup print-deps ## check, docs, site (cold, unchanged, one edit) and make beside MkDocs alone: make bench N=10000|EXAMPLE=1 [NO_DOCS=1]
	$(PY) tests/bench/bench_build.py --hazards $(or $(N),2000) $(if $(NO_DOCS),--no-docs) $(if $(EXAMPLE),--example)

search-index: setup ## (re)write the search indexes of the built SITE (make site does this too)
	$(RUN) search-index --data $(DATA) --site $(SITE)

# bench-search measures the SITE as built (make site first), or N synthetic dossiers per language;
# BUSY=1 runs one CPU-bound job of its own while the queries are timed; ENGINES=ours leaves out the others.
bench-search: $(STAMP_BENCH) test-deps ## search benchmark, ours vs Material vs Pagefind: make bench-search [SITE=…|N=10000] [BUSY=1] [ENGINES=ours]
	$(PY) -m tests.bench.bench_search $(if $(N),--synthetic $(N) --out $(BUILD)/bench-search,--site $(SITE)) \
	  --busy $(or $(BUSY),0) $(if $(ENGINES),--engines $(ENGINES))

.PHONY: example-data
example-data: $(STAMP) ## write the example archive into DATA; N=10000 DATA=/tmp/big for a synthetic one
	$(RUN) example-data --out $(DATA) --hazards $(or $(N),300)

schemas: $(STAMP) ## regenerate the JSON Schemas from the record model
	$(RUN) schemas

# --- The archive over time: publications, AT= builds, release packages ---------------------
# `make site AT=<tag or commit>` (also docs, check) builds the archive as it stood then: a git
# worktree of AT in $(BUILD)/at/<AT>/, whose DATA the CURRENT code builds into SITE/BUILD as usual,
# with SOURCE_DATE_EPOCH = that commit's time. ARCHIVE_AT tells the build which ref it shows.
AT ?=
ifneq ($(strip $(AT)),)
AT_DIR := $(BUILD)/at/$(AT)
AT_SOURCE_DATA := $(DATA)
override DATA := $(AT_DIR)/$(DATA)
export SOURCE_DATE_EPOCH := $(shell git log -1 --format=%ct '$(AT)^{commit}' 2>/dev/null)
export ARCHIVE_AT := $(AT)
check site docs: at-snapshot
endif

.PHONY: at-snapshot publish release verify-release

at-snapshot: setup
	$(RUN) snapshot --data $(AT_SOURCE_DATA) --ref '$(AT)' --out '$(AT_DIR)' >/dev/null

publish: setup ## tag HEAD as a publication (publish/YYYY-MM-DD): make publish MESSAGE="…"
	$(RUN) publish --data $(DATA) --message "$$MESSAGE"

release: setup print-deps ## archival package (BagIt) of a published tag: make release TAG=publish/… [RESTRICTED=1]
	$(RUN) release --data $(DATA) --tag '$(TAG)' --build $(BUILD) $(if $(RESTRICTED),--restricted)

verify-release: setup ## check a release package: make verify-release BAG=build/releases/<tag>
	$(RUN) verify-release --bag '$(BAG)'

test: setup test-deps ## run the whole test suite (builds the example once and shares it)
	$(PY) -m pytest

test-fast: setup test-deps ## the tests that build nothing big and drive no browser (under a minute)
	$(PY) -m pytest -m "not slow and not browser" -q

lint: $(STAMP_TEST) ## ruff
	$(VENV)/bin/ruff check generators tests

clean: ## remove build products (site/, build/); keeps .venv
	rm -rf $(SITE) $(BUILD) .pytest_cache
