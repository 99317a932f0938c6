"""The Write page with an Indonesian client: issues come from the Indonesian checker (no
LanguageTool, not even Java, needed), on the right words after emoji, with the same fixes menu,
"add to the client's dictionary" and ignore rules as LanguageTool's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from studio.editors.post.editor import actions_of
from studio.library import Library
from studio.ui.context import AppContext
from studio.ui.grammar import GrammarEngine
from studio.ui.write.page import WriteWorkspace


@pytest.fixture
def engine(context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[GrammarEngine]:
    """An engine whose LanguageTool cannot start (no jars, no Java): Indonesian must not need it."""
    monkeypatch.setenv("LTP_JAR_DIR_PATH", str(tmp_path / "no-languagetool"))
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "no-downloads"))
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    grammar = GrammarEngine(context.settings, context.tasks, context.settings_signals)
    yield grammar
    grammar.shutdown()


def _selected(page: WriteWorkspace, start: int, end: int) -> str:
    cursor = QTextCursor(page.editor.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def _open(qtbot: QtBot, context: AppContext, library: Library, engine: GrammarEngine, text: str) -> WriteWorkspace:
    client = library.add_client("Toko Kita", language="id-ID")
    draft = library.create_draft(client.id, text=text)
    context.settings.set("grammar.delay_ms", 100)
    page = WriteWorkspace(context, grammar=engine)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    qtbot.waitUntil(lambda: page.ready, timeout=10_000)
    page.open_draft(draft.id)
    qtbot.waitUntil(lambda: page.opened is not None, timeout=10_000)
    return page


def test_indonesian_issues_fixes_and_dictionary_without_languagetool(
        qtbot: QtBot, context: AppContext, library: Library, engine: GrammarEngine, screenshot: object) -> None:
    text = "🇮🇩👩🏽‍💻 Jangan ambil resiko, pesan dirumah saja. Anak-anak suka Kopiku yg baru, rasanyaa mantap!"
    page = _open(qtbot, context, library, engine, text)
    qtbot.waitUntil(lambda: len([m for m in page.editor.marks() if m.issue.category != "brand"]) >= 3,
                    timeout=20_000)
    marks = {_selected(page, m.start, m.end): m for m in page.editor.marks() if m.issue.category != "brand"}
    assert set(marks) == {"resiko", "dirumah", "rasanyaa"}
    assert marks["resiko"].issue.rule == "ID_KATA_BAKU" and marks["dirumah"].issue.category == "grammar"
    qtbot.wait(500)  # the issues panel follows the marks
    screenshot(page, "indonesian-write.png")  # type: ignore[operator]

    # The fixes menu offers the standard form; choosing it fixes exactly that word.
    menu = page.editor.issue_menu(marks["resiko"])
    assert "risiko" in [action.data() for action in actions_of(menu)]
    page.editor.apply(marks["resiko"], "risiko")
    assert "Jangan ambil risiko, pesan" in page.editor.text()

    # A spelling issue can go to the client's dictionary, like LanguageTool's.
    qtbot.waitUntil(lambda: any(_selected(page, m.start, m.end) == "rasanyaa" for m in page.editor.marks()),
                    timeout=20_000)
    mark = next(m for m in page.editor.marks() if _selected(page, m.start, m.end) == "rasanyaa")
    labels = [action.text() for action in actions_of(page.editor.issue_menu(mark))]
    assert "Add “rasanyaa” to the client's dictionary" in labels
    page.editor.add_word("rasanyaa")
    client_id = library.find_client("Toko Kita").id  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "rasanyaa" in library.get_client(client_id).dictionary, timeout=10_000)
    assert not any(_selected(page, m.start, m.end) == "rasanyaa" for m in page.editor.marks())
    assert engine.state != "ready" or engine.service.local_server is None  # LanguageTool never started
