"""Fixtures of the Write page's tests. A real LanguageTool for the editor's grammar tests: started for the test module that asks for
it (the ``integration`` tests) and stopped after it, so it never runs beside the grammar suite's own."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studio.grammar import GrammarConfig, GrammarService, LocalServer
from studio.library import Library
from studio.ui.context import AppContext
from studio.ui.grammar import GrammarEngine
from studio.ui.write.page import WriteWorkspace


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


@pytest.fixture
def full_disk_once(monkeypatch: pytest.MonkeyPatch) -> Callable[[Library, BaseException], set[str]]:
    """Make the first call of each of the library's draft writes fail with ``error`` (a full disk,
    a locked file); returns the set of writes that failed so far."""

    def install(library: Library, error: BaseException) -> set[str]:
        failed: set[str] = set()
        for name in ("save_text", "set_variant", "set_thread", "update_draft", "set_ignored_rules"):
            real = getattr(library, name)

            def once(*args: object, _real: Callable[..., object] = real, _name: str = name,
                     **kwargs: object) -> object:
                if _name not in failed:
                    failed.add(_name)
                    raise error
                return _real(*args, **kwargs)

            monkeypatch.setattr(library, name, once)
        return failed

    return install


@pytest.fixture
def workspace(qtbot: QtBot, context: AppContext) -> WriteWorkspace:
    """The Write page, shown, with the pools' work run inline."""
    context.tasks.inline = True
    page = WriteWorkspace(context)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    return page
