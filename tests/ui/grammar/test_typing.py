"""Typing into an editor with checking on: real key events, real worker threads, real LanguageTool.

The figure (the longest gap between UI timer ticks) is measured and printed by
``benchmarks/grammar.py``; this test asserts behaviour only: typing never waits for LanguageTool, and
the issues that arrive belong to the text on screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from studio.settings import Settings
from studio.ui.grammar import GrammarEngine, LiveCheck

pytestmark = pytest.mark.integration

SENTENCE = "We has a tset of the new app today and it are great. "


def test_typing_with_checking_on(qtbot: QtBot, engine: GrammarEngine, settings: Settings) -> None:
    settings.set("grammar.delay_ms", 100)
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.show()
    live = LiveCheck(engine)
    live.set_options(language="en-US")
    editor.textChanged.connect(lambda: live.set_text(editor.toPlainText()))
    arrived: list[tuple[list, int, str]] = []
    live.issues_ready.connect(
        lambda issues, revision: arrived.append((issues, revision, editor.toPlainText())))

    target = (SENTENCE * 40)[:600]
    typed = 0

    def type_some() -> None:
        nonlocal typed
        for ch in target[typed:typed + 3]:
            QTest.keyClick(editor, ch)
        typed += 3

    typist = QTimer()
    typist.setInterval(2)
    typist.timeout.connect(type_some)
    typist.start()
    qtbot.wait_until(lambda: typed >= len(target), timeout=120_000)
    typist.stop()
    assert editor.toPlainText() == target[:typed]

    qtbot.wait_until(lambda: bool(arrived) and arrived[-1][1] == live.revision, timeout=120_000)
    for issues, _revision, text in arrived:  # each answer matched the text on screen then
        for issue in issues:
            assert 0 <= issue.start < issue.end <= len(text)
    issues, _, text = arrived[-1]
    assert text == editor.toPlainText()
    assert "tset" in {text[i.start:i.end] for i in issues}
