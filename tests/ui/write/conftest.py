"""A real LanguageTool for the editor's grammar tests: started for the test module that asks for
it (the ``integration`` tests) and stopped after it, so it never runs beside the grammar suite's own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from studio.grammar import GrammarConfig, GrammarService, LocalServer
from studio.ui.context import AppContext
from studio.ui.grammar import GrammarEngine


@pytest.fixture(scope="module")
def grammar_service(languagetool_jars: Path) -> Iterator[GrammarService]:
    server = LocalServer()
    server.ensure_running()
    service = GrammarService(GrammarConfig("local"), local=server)
    service.start()
    yield service
    server.stop()


@pytest.fixture
def engine(grammar_service: GrammarService, context: AppContext) -> Iterator[GrammarEngine]:
    """The app's grammar engine on the module's server, as the composition root builds it."""
    engine = GrammarEngine(context.settings, context.tasks, context.settings_signals, service=grammar_service)
    yield engine
    engine.checker.close()
