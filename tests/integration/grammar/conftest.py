"""A real LanguageTool server for the grammar integration tests, started once per session.

The jars come from ``scripts/fetch-languagetool.sh`` (``make test`` runs it and sets
``LTP_JAR_DIR_PATH``); run by hand, the tests use the repository's ``.cache/languagetool``. They are
never skipped: a missing LanguageTool fails them with the command that fixes it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from studio.grammar import GrammarConfig, GrammarService, IncrementalChecker, LocalServer


@pytest.fixture(scope="session")
def local_server(languagetool_jars: Path) -> Iterator[LocalServer]:
    server = LocalServer()
    server.ensure_running()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def service(local_server: LocalServer) -> Iterator[GrammarService]:
    service = GrammarService(GrammarConfig("local"), local=local_server)
    service.start()
    yield service


@pytest.fixture
def checker(service: GrammarService) -> Iterator[IncrementalChecker]:
    checker = IncrementalChecker(service)
    yield checker
    checker.close()
