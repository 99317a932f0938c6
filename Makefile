# Two commands matter: `make run` and `make test`. Everything else here is what they are built from.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CACHE := $(CURDIR)/.cache

.PHONY: run test lint typecheck pytest system-deps languagetool pds bundle bench clean translations

# The app on the embedded default library, with a local LanguageTool fetched from Maven Central
# (no download dialog needed, also offline afterwards).
run: system-deps $(VENV)/.runtime languagetool translations
	LTP_JAR_DIR_PATH=$${LTP_JAR_DIR_PATH:-$(CACHE)/languagetool} $(BIN)/studio

test: $(VENV)/.test system-deps languagetool pds lint typecheck pytest

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

# The interface's translations: resources/translations/*.ts -> .qm with PySide6's lrelease (the .qm
# files are built, never committed). After changing a string: scripts/translations.py update.
translations: $(VENV)/.runtime
	@$(BIN)/python scripts/translations.py build >/dev/null

languagetool: system-deps
	@scripts/fetch-languagetool.sh $(CACHE)/languagetool

# A real Bluesky PDS for the publishing tests: Node 22 and @atproto/dev-env from the npm registry.
pds: system-deps
	@scripts/setup-pds.sh

lint: $(VENV)/.test
	$(BIN)/ruff check studio tests benchmarks

typecheck: $(VENV)/.test
	$(BIN)/mypy

pytest: $(VENV)/.test translations
	QT_QPA_PLATFORM=offscreen LTP_JAR_DIR_PATH=$(CACHE)/languagetool STUDIO_TEST_CACHE=$(CACHE) \
		$(BIN)/pytest $(PYTEST_ARGS)

bundle: $(VENV)/.test translations
	$(BIN)/pyinstaller --noconfirm --clean build.spec

bench: $(VENV)/.test languagetool pds
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/startup.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/library.py
	QT_QPA_PLATFORM=offscreen LTP_JAR_DIR_PATH=$(CACHE)/languagetool $(BIN)/python benchmarks/grammar.py
	QT_QPA_PLATFORM=offscreen LTP_JAR_DIR_PATH=$(CACHE)/languagetool $(BIN)/python benchmarks/indonesian.py
	$(BIN)/python benchmarks/images.py
	$(BIN)/python benchmarks/publishing.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/previews.py

clean:
	rm -rf build dist $(VENV) .mypy_cache .ruff_cache .pytest_cache scripts/pds/node_modules scripts/pds/.node22
