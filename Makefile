# Keta Viz: `make run` installs and starts the app, `make test` installs and runs every test.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
ARGS   ?=

.PHONY: run test bench package clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Keta Viz needs Python 3.11 or newer: run make PYTHON=python3.11 ...")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.app-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	@touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[test]"
	@touch $@ $(VENV)/.app-installed

run: $(VENV)/.app-installed
	$(BIN)/keta-viz $(ARGS)

test: $(VENV)/.test-installed
	$(BIN)/python -m pytest

bench: $(VENV)/.test-installed
	$(BIN)/keta-viz bench $(ARGS)

$(VENV)/.package-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[package]"
	@touch $@ $(VENV)/.app-installed

# The offline bundle: dist/keta-viz/ and dist/keta-viz-<version>-linux-<arch>.tar.gz
package: $(VENV)/.package-installed
	$(BIN)/python packaging/build.py

clean:
	rm -rf $(VENV) build dist *.egg-info
