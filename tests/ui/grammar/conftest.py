"""A real LanguageTool for the GUI grammar tests (one per session), and an engine around it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from studio.grammar import GrammarConfig, GrammarService, LocalServer
from studio.settings import Settings
from studio.ui.grammar import GrammarEngine
from studio.ui.settings_signals import SettingsSignals
from studio.ui.tasks import Tasks


@pytest.fixture(scope="session")
def local_server(languagetool_jars: Path) -> Iterator[LocalServer]:
    server = LocalServer()
    yield server
    server.stop()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "config" / "settings.json")


@pytest.fixture
def tasks() -> Iterator[Tasks]:
    pools = Tasks()
    yield pools
    pools.close(30_000)


@pytest.fixture
def engine(settings: Settings, tasks: Tasks, local_server: LocalServer) -> Iterator[GrammarEngine]:
    """An engine in local mode on the session's server (started by the first check, not here)."""
    local_server.restartable()
    service = GrammarService(GrammarConfig("local"), local=local_server)
    signals = SettingsSignals(settings)
    engine = GrammarEngine(settings, tasks, signals, service=service)
    yield engine
    tasks.wait(30_000)
    engine.checker.close()
