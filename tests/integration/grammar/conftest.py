"""A real LanguageTool server for the grammar integration tests, started once per session.

The jars come from ``scripts/fetch-languagetool.sh`` (``make test`` runs it and sets
``LTP_JAR_DIR_PATH``); run by hand, the tests use the repository's ``.cache/languagetool``. They are
never skipped: a missing LanguageTool fails them with the command that fixes it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from studio.grammar import GrammarConfig, GrammarService, IncrementalChecker, LocalServer

ROOT = Path(__file__).resolve().parents[3]


def languagetool_jars() -> Path:
    folder = Path(os.environ.get("LTP_JAR_DIR_PATH") or ROOT / ".cache" / "languagetool")
    if not (folder / "languagetool-server.jar").is_file():
        pytest.fail(
            f"LanguageTool is not in {folder}: run scripts/fetch-languagetool.sh {folder} "
            "(make test does it)"
        )
    os.environ["LTP_JAR_DIR_PATH"] = str(folder)
    return folder


@pytest.fixture(scope="session")
def local_server() -> Iterator[LocalServer]:
    languagetool_jars()
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
