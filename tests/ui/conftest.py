"""pytest-qt fixtures: a real library in a temporary folder, real settings, the real task pools."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pytestqt.qtbot import QtBot

from studio.library import Library
from studio.settings import Settings
from studio.ui.context import AppContext
from studio.ui.messages import Messages
from studio.ui.settings_signals import SettingsSignals
from studio.ui.tasks import Tasks

if TYPE_CHECKING:
    from studio.ui.app import Studio


@pytest.fixture(autouse=True)
def _unfreeze_heap() -> Iterator[None]:
    """The main window freezes the heap after its first paint (``settle_heap``); give what a
    test left behind back to the collector, so a long run does not keep every test's garbage."""
    yield
    gc.unfreeze()


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library.open(tmp_path / "library")
    yield lib
    lib.close()


@pytest.fixture
def context(qtbot: QtBot, tmp_path: Path, library: Library) -> Iterator[AppContext]:
    """An application context with real pools; ``context.tasks.inline = True`` makes work synchronous."""
    settings = Settings(tmp_path / "config" / "settings.json")
    tasks = Tasks()
    ctx = AppContext(
        library_dir=library.folder,
        library=library,
        settings=settings,
        settings_signals=SettingsSignals(settings),
        tasks=tasks,
        messages=Messages(),
    )
    yield ctx
    # As on quit: no new work once the test is over (widgets' timers may still fire while pytest-qt
    # processes events), and no outcome delivered to widgets that are gone; then the library closes.
    tasks.close(10_000)


@pytest.fixture
def studio_settings() -> dict[str, object]:
    """The settings the ``studio`` fixture's app starts with (a test module overrides this fixture)."""
    return {"grammar.mode": "off"}  # LanguageTool has its own integration tests


@pytest.fixture
def studio(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
           studio_settings: dict[str, object]) -> Iterator[Studio]:
    """The whole app over a new library in ``tmp_path`` (``studio_settings``), not started yet."""
    from PySide6.QtWidgets import QApplication

    from studio.ui.app import Studio

    library = Library.open(tmp_path / "library")
    settings = Settings(tmp_path / "config" / "settings.json")
    for key, value in studio_settings.items():
        settings.set(key, value)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    running = Studio(app, tmp_path / "library", library, settings)
    qtbot.addWidget(running.window)
    # An unexpected error would open the (modal) error dialog: record it instead, and fail below.
    monkeypatch.setattr(running.hook, "_show", lambda summary, details: None)
    yield running
    running.window.close()
    running.shutdown()
    app.setQuitOnLastWindowClosed(True)  # the publisher's tray may have turned it off
    assert running.hook.shown == [], "unexpected errors reached the error dialog (see the log)"
