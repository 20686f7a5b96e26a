# The two commands a newcomer needs: `make briefing` and `make test`.
# Both create .venv if missing and install the locked environment first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.boardbrief-installed
KERNEL := boardbrief

.PHONY: briefing test bench lab lint format lock clean

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

## Run the whole test suite.
test: $(STAMP)
	@$(BIN)/python -m pytest

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

## Re-pin requirements.lock from pyproject.toml in a throwaway environment.
lock:
	@rm -rf .lock-venv
	@$(PYTHON) -m venv .lock-venv
	@.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check ".[dev]"
	@{ echo "# Exact versions installed by make. Regenerate with: make lock"; \
	   .lock-venv/bin/python -m pip freeze --exclude boardbrief; } > requirements.lock
	@rm -rf .lock-venv
	@echo "requirements.lock updated" >&2

clean:
	rm -rf $(VENV)
