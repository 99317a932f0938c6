# Two commands matter: `make run` and `make test`. Everything else here is what they are built from.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CACHE := $(CURDIR)/.cache

.PHONY: run test lint typecheck pytest system-deps languagetool bundle bench clean

run: $(VENV)/.runtime
	$(BIN)/studio

test: $(VENV)/.test system-deps languagetool lint typecheck pytest

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.runtime: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.test: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install -q -e '.[test,bundle]'
	touch $@ $(VENV)/.runtime

system-deps:
	@scripts/system-deps.sh

languagetool: $(VENV)/.test
	@scripts/fetch-languagetool.sh $(CACHE)/languagetool

lint: $(VENV)/.test
	$(BIN)/ruff check studio tests benchmarks

typecheck: $(VENV)/.test
	$(BIN)/mypy

pytest: $(VENV)/.test
	QT_QPA_PLATFORM=offscreen LTP_JAR_DIR_PATH=$(CACHE)/languagetool STUDIO_TEST_CACHE=$(CACHE) \
		$(BIN)/pytest $(PYTEST_ARGS)

bundle: $(VENV)/.test
	$(BIN)/pyinstaller --noconfirm --clean build.spec

bench: $(VENV)/.test
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/startup.py

clean:
	rm -rf build dist $(VENV) .mypy_cache .ruff_cache .pytest_cache
