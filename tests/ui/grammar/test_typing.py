"""Typing into the post editor with checking on, wired as the Write workspace wires it: real key
events, real worker threads, real LanguageTool.

The figure (the longest gap between UI timer ticks) is measured and printed by
``benchmarks/grammar.py``; this test asserts behaviour only: typing never waits for LanguageTool, and
the issues that arrive, carried through the edits made since, are drawn under the words on screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from studio.editors.post.editor import PostEditor
from studio.settings import Settings
from studio.text.positions import span_utf16_to_cp
from studio.ui.grammar import GrammarEngine
from studio.ui.write.checking import GrammarRunner

pytestmark = pytest.mark.integration

SENTENCE = "We has a tset of the new app today and it are great. "


def test_typing_with_checking_on(qtbot: QtBot, engine: GrammarEngine, settings: Settings) -> None:
    settings.set("grammar.delay_ms", 100)
    editor = PostEditor()
    qtbot.addWidget(editor)
    editor.show()
    runner = GrammarRunner(settings, engine)
    editor.edited.connect(lambda revision: runner.request(revision, editor.text(), "en-US"))
    arrived: list[tuple[int, str, list]] = []

    def ready(revision: int, text: str, issues: list) -> None:
        arrived.append((revision, text, issues))
        editor.set_grammar_issues(revision, text, issues)

    runner.ready.connect(ready)

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

    qtbot.wait_until(lambda: bool(arrived) and arrived[-1][0] == editor.revision, timeout=120_000)
    for _revision, text, issues in arrived:  # each answer is in code points of the text it names
        for issue in issues:
            assert 0 <= issue.start < issue.end <= len(text)
    _, text, _ = arrived[-1]
    assert text == editor.text()
    words = {text[slice(*span_utf16_to_cp(text, mark.start, mark.end))] for mark in editor.marks()}
    assert "tset" in words  # drawn under the word on screen
