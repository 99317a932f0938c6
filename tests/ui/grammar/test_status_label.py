"""The status bar's grammar label in the real window: an error from the grammar engine stays there
with its hint (issue 11, point 5), not as a message that goes away."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studio.library import Library
from studio.settings import Settings
from studio.ui.app import Studio


@pytest.fixture
def studio(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Studio]:
    library = Library.open(tmp_path / "library")
    settings = Settings(tmp_path / "config" / "settings.json")
    settings.set("grammar.mode", "server")
    settings.set("grammar.server_url", "http://127.0.0.1:9")  # nothing listens there
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    running = Studio(app, tmp_path / "library", library, settings)
    qtbot.addWidget(running.window)
    monkeypatch.setattr(running.hook, "_show", lambda summary, details: None)
    yield running
    running.window.close()
    running.shutdown()
    library.close()


def test_the_label_keeps_the_error_and_its_hint(studio: Studio, qtbot: QtBot) -> None:
    studio.start(welcome=False, background=False)
    label = studio.window.grammar_label
    failures: list[object] = []
    studio.grammar.check("We has a tset.", "en-US", on_done=lambda _issues: None, on_error=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=60_000)
    qtbot.waitUntil(lambda: label.text().startswith("Grammar: Cannot reach"), timeout=10_000)
    assert "Check the address in Settings → Grammar" in label.text()  # what to do about it
    qtbot.wait(3000)  # longer than a status-bar message stays
    assert label.text().startswith("Grammar: Cannot reach")
