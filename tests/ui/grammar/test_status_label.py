"""The status bar's grammar label in the real window: an error from the grammar engine stays there
with its hint (issue 11, point 5), not as a message that goes away."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from studio.ui.app import Studio


@pytest.fixture
def studio_settings() -> dict[str, object]:
    """The shared ``studio`` app, with a grammar server where nothing listens."""
    return {"grammar.mode": "server", "grammar.server_url": "http://127.0.0.1:9"}


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
