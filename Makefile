# The two commands a newcomer needs: `make briefing` and `make test`.
# Both create .venv if missing and install the locked environment first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.boardbrief-installed
KERNEL := boardbrief
BROWSER := tests/browser
BROWSER_STAMP := $(BROWSER)/node_modules/.boardbrief-installed
BROWSER_SKIP := the browser tests will be skipped (and fail under CI=true)
# Test files run in parallel, a worker per core, each file whole on one worker: a module fixture
# (a render, a browser) is made once, and the session's renders are shared by all workers.
PARALLEL := -n auto --dist loadfile

.PHONY: briefing test test-fast test-install browser-tools office-tools bench lab lint format lock \
	clean

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "boardbrief needs Python 3.11 or newer (PYTHON=$(PYTHON))" >&2; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing the locked environment into $(VENV) ..." >&2
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) \
		--display-name "Python (boardbrief)" >/dev/null
	@touch $@

## Render the latest meeting of the bundled data and print the path of the HTML.
briefing: $(STAMP)
	@$(BIN)/boardbrief render

## Run the whole test suite. The tests where the way to the kernel matters (marked `transport`:
## a render with both kernels started early, a kernel that dies, a cell that hangs, Ctrl-C, a
## verify) run on ipc and again on tcp, the transport Windows uses (tests/conftest.py).
test: $(STAMP) browser-tools office-tools
	@$(BIN)/python -m pytest $(PARALLEL)

## The README's Windows route without make, from a fresh copy of the repository to a rendered
## briefing, in a new .venv installed by pip (minutes, most of it pip: CI runs it after make test).
test-install: $(STAMP)
	@BOARDBRIEF_TEST_INSTALL=1 $(BIN)/python -m pytest tests/test_install_routes.py

## Everything but the tests that run the real notebook pipeline or a browser (marked `pipeline`).
test-fast: $(STAMP)
	@$(BIN)/python -m pytest $(PARALLEL) -m "not pipeline"

## The browser tests' tools. Debian's chromium and a Java runtime when missing (as root, with
## apt-get), then playwright-core, axe-core and vnu-jar exactly as tests/browser/package-lock.json
## pins them (scripts off: vnu-jar's would download a Java of its own). A tool that cannot be
## installed does not stop `make test`; the tests that need it say what is missing.
browser-tools: $(BROWSER_STAMP)
	@missing=""; \
	{ [ -n "$$BOARDBRIEF_CHROMIUM" ] || command -v chromium >/dev/null 2>&1; } \
		|| missing="$$missing chromium"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing$$missing for the browser tests (apt-get) ..." >&2; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends $$missing >/dev/null; } \
			|| echo "WARNING: could not install$$missing: $(BROWSER_SKIP)" >&2; \
	else \
		echo "WARNING: missing$$missing and not root with apt-get: $(BROWSER_SKIP)" >&2; \
	fi

## LibreOffice for the returns workbooks' check (Debian's libreoffice-calc-nogui, as root with
## apt-get, when soffice is missing). If it cannot be installed those tests say so, and fail
## under CI=true.
office-tools:
	@command -v soffice >/dev/null 2>&1 && exit 0; \
	skip="the LibreOffice tests will be skipped (and fail under CI=true)"; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing libreoffice-calc-nogui for the returns tests (apt-get) ..." >&2; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends libreoffice-calc-nogui >/dev/null; } \
			|| echo "WARNING: could not install libreoffice-calc-nogui: $$skip" >&2; \
	else \
		echo "WARNING: soffice missing and not root with apt-get: $$skip" >&2; \
	fi

$(BROWSER_STAMP): $(BROWSER)/package-lock.json
	@echo "Installing the browser tests' npm packages into $(BROWSER)/node_modules ..." >&2
	@if command -v npm >/dev/null 2>&1 \
		&& (cd $(BROWSER) && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >&2); \
	then touch $@; \
	else echo "WARNING: npm ci in $(BROWSER) failed or npm is missing: $(BROWSER_SKIP)" >&2; fi

## Time the briefing against the kernel-start floor, the stock CLIs and 100x data (~8 min).
bench: $(STAMP)
	@$(BIN)/python bench/run.py

## Open JupyterLab on the notebooks.
lab: $(STAMP)
	@$(BIN)/jupyter lab notebooks

lint: $(STAMP)
	@$(BIN)/ruff check . && $(BIN)/ruff format --check .

format: $(STAMP)
	@$(BIN)/ruff check --fix . && $(BIN)/ruff format .

## Re-pin requirements.lock from pyproject.toml for every platform and Python at once (uv's
## universal resolution writes environment markers: Windows-only and macOS-only packages included).
## Versions already in the lock are kept where they still fit; add --upgrade to move them.
lock: $(STAMP)
	@$(BIN)/uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 \
		--no-annotate --custom-compile-command "make lock" --quiet -o requirements.lock
	@echo "requirements.lock updated" >&2

clean:
	rm -rf $(VENV)
