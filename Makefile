# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
# Both create .venv from a bare Python 3.11 when it is absent and reinstall only
# when pyproject.toml changes, so they are quick the second time.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
RUN_STAMP  := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test bench clean libreoffice chromium

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,dask]'
	touch $(RUN_STAMP) $@

run: $(RUN_STAMP)
	$(BIN)/audit run inputs --config config.yaml --out reports

test: $(TEST_STAMP) libreoffice chromium
	$(BIN)/python -m pytest -q -n auto

# The workbook's real consumer, for the tests that convert audit.xlsx with it (to CSV, and to
# PDF read back by pdftotext). Installed where apt is available (as root); elsewhere those tests are skipped.
libreoffice:
	@{ command -v soffice && command -v pdftotext; } >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "make: installing LibreOffice (Calc, headless) for the workbook test"; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libreoffice-calc-nogui poppler-utils >/dev/null 2>&1 || \
	    { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libreoffice-calc-nogui poppler-utils >/dev/null 2>&1; } || \
	    echo "make: could not install LibreOffice; its test will be skipped"; \
	  fi; }

# A real browser for the test that loads audit.html (headless Chromium from Debian's packages),
# installed the same way; elsewhere that test is skipped.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "make: installing Chromium (headless) for the HTML report test"; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium >/dev/null 2>&1 || \
	    { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium >/dev/null 2>&1; } || \
	    echo "make: could not install Chromium; its test will be skipped"; \
	  fi; }

bench: $(TEST_STAMP)
	$(BIN)/python benchmarks/align.py
	$(BIN)/python benchmarks/perturb.py

clean:
	rm -rf $(VENV) reports/audit.* .pytest_cache
