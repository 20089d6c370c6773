# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
# Both create .venv from a bare Python 3.11 when it is absent and reinstall only
# when pyproject.toml changes, so they are quick the second time.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
RUN_STAMP  := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(RUN_STAMP) $@

run: $(RUN_STAMP)
	$(BIN)/audit run inputs --config config.yaml --out reports

test: $(TEST_STAMP)
	$(BIN)/python -m pytest -q

bench: $(TEST_STAMP)
	$(BIN)/python benchmarks/align.py

clean:
	rm -rf $(VENV) reports/audit.* .pytest_cache
