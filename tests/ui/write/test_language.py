"""Issue 11 point 5 on the Write page, with a real LanguageTool: the post's language beside the
counters (detected, changed in one click, kept with the draft), a language Studio cannot tell is
said so and not checked as English, categories as LanguageTool gives them, the card on a click, and
a client's own words never flagged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from studio.editors.post.editor import PostEditor
from studio.library import Library
from studio.ui.context import AppContext
from studio.ui.grammar import GrammarEngine
from studio.ui.write.page import WriteWorkspace

pytestmark = [pytest.mark.integration,
              pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")]

ENGLISH = "Our new trail shoes are realy light and she go running in them every day."
SWAHILI = "Habari za asubuhi rafiki zangu, leo tunazindua viatu vipya sokoni kwa bei nzuri sana."
CHECK_S = 90_000  # the machine is slow and shared: give real checks time


def open_page(qtbot: QtBot, context: AppContext, library: Library, engine: GrammarEngine | None, text: str,
              client_language: str = "auto", name: str = "Acme Shoes") -> tuple[WriteWorkspace, int]:
    client = library.add_client(name, language=client_language)
    draft = library.create_draft(client.id, text=text)
    context.settings.set("grammar.delay_ms", 100)
    page = WriteWorkspace(context, grammar=engine)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitUntil(lambda: page.ready, timeout=10_000)
    page.open_draft(draft.id)
    qtbot.waitUntil(lambda: page.opened is not None, timeout=10_000)
    return page, draft.id


def words(editor: PostEditor) -> dict[str, str]:
    """Each underlined word and its category."""
    found = {}
    for mark in editor.marks():
        cursor = QTextCursor(editor.document())
        cursor.setPosition(mark.start)
        cursor.setPosition(mark.end, QTextCursor.MoveMode.KeepAnchor)
        found[cursor.selectedText()] = mark.issue.category
    return found


def grammar_marks(editor: PostEditor) -> list[Any]:
    return [mark for mark in editor.marks() if mark.issue.category != "brand"]


def choose(page: WriteWorkspace, name: str) -> None:
    """Pick a language in the control's menu, as a click on its entry does."""
    action = next(a for a in page.counters.language.menu.actions() if a.text() == name)
    action.trigger()


def test_the_language_is_shown_changed_in_one_click_and_kept(qtbot: QtBot, context: AppContext, library: Library,
                                                             engine: GrammarEngine, screenshot: Any) -> None:
    page, draft_id = open_page(qtbot, context, library, engine, ENGLISH)
    control = page.counters.language
    qtbot.waitUntil(lambda: control.button.text() == "English (US) · detected", timeout=10_000)
    qtbot.waitUntil(lambda: "realy" in words(page.editor), timeout=CHECK_S)
    found = words(page.editor)
    # Categories as LanguageTool gives them, not all "Spelling".
    assert found["realy"] == "spelling" and found.get("go") == "grammar", found
    spelling = next(m for m in page.editor.marks() if m.issue.category == "spelling")
    assert spelling.issue.description and spelling.issue.description != spelling.issue.rule
    screenshot(page, "language-detected.png")

    choose(page, "English (UK)")
    assert grammar_marks(page.editor) == []  # stale underlines go at once
    assert control.button.text() == "English (UK)"
    qtbot.waitUntil(lambda: library.get_draft(draft_id).language == "en-GB", timeout=10_000)
    qtbot.waitUntil(lambda: "realy" in words(page.editor), timeout=CHECK_S)  # and it is checked again
    assert not control.note.isVisible()

    choose(page, "Detect")
    qtbot.waitUntil(lambda: library.get_draft(draft_id).language == "auto", timeout=10_000)
    qtbot.waitUntil(lambda: control.button.text() == "English (US) · detected", timeout=10_000)


def test_an_unrecognised_language_is_said_and_not_checked_as_english(qtbot: QtBot, context: AppContext,
                                                                     library: Library, engine: GrammarEngine,
                                                                     screenshot: Any) -> None:
    page, _ = open_page(qtbot, context, library, engine, ENGLISH)
    qtbot.waitUntil(lambda: "realy" in words(page.editor), timeout=CHECK_S)
    page.editor.selectAll()
    qtbot.keyClicks(page.editor, SWAHILI)
    control = page.counters.language
    qtbot.waitUntil(lambda: control.note.isVisible(), timeout=CHECK_S)
    assert control.note.text() == "Language not recognised: not checked"
    qtbot.waitUntil(lambda: control.button.text() == "Choose the language", timeout=5_000)
    qtbot.wait(1500)  # a check would have answered by now: nothing is underlined as English
    assert grammar_marks(page.editor) == [], words(page.editor)
    screenshot(page, "language-not-recognised.png")
    # Choosing a language checks it in that language, and the note goes.
    choose(page, "English (US)")
    qtbot.waitUntil(lambda: bool(grammar_marks(page.editor)), timeout=CHECK_S)
    assert not control.note.isVisible()
    # A language this LanguageTool has no module for (the test set has no French) is said by name,
    # and the English underlines go.
    choose(page, "French")
    qtbot.waitUntil(lambda: control.note.isVisible(), timeout=CHECK_S)
    assert control.note.text() == "French cannot be checked here: not checked"
    assert "fr-FR" in control.note.toolTip()
    assert grammar_marks(page.editor) == []


def test_a_click_on_a_real_issue_opens_its_card(qtbot: QtBot, context: AppContext, library: Library,
                                                engine: GrammarEngine, screenshot: Any, tmp_path: Path) -> None:
    page, _ = open_page(qtbot, context, library, engine, ENGLISH)
    qtbot.waitUntil(lambda: "realy" in words(page.editor), timeout=CHECK_S)
    editor = page.editor
    mark = next(m for m in editor.marks() if m.issue.category == "spelling")
    cursor = QTextCursor(editor.document())
    cursor.setPosition(mark.start + 2)
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=editor.cursorRect(cursor).center())
    qtbot.waitUntil(lambda: editor.card is not None and editor.card.isVisible(), timeout=5_000)
    card = editor.card
    assert card is not None
    assert card.category.text() == "Spelling" and "really" in [b.text() for b in card.buttons]
    screenshot(card, "card.png")
    picture = page.grab()
    picture_card = card.grab()
    from PySide6.QtGui import QPainter

    painter = QPainter(picture)
    painter.drawPixmap(page.mapFromGlobal(card.mapToGlobal(QPoint(0, 0))), picture_card)
    painter.end()
    picture.save(str(tmp_path / "card-in-page.png"))
    with qtbot.wait_signal(editor.fix_applied):
        qtbot.mouseClick(next(b for b in card.buttons if b.text() == "really"), Qt.MouseButton.LeftButton)
    assert "are really light" in editor.text()
    assert page.runner._running and not page.runner.pause.pending  # a fix is checked at once, no pause


def test_the_clients_own_words_are_never_flagged(qtbot: QtBot, context: AppContext, library: Library,
                                                 engine: GrammarEngine) -> None:
    client = library.add_client("Zephyrine Bakeworks", language="en-US")
    library.add_account(client.id, "mastodon", "@crumbzilla@mastodon.social")
    # A client stored before the library put its own words in its dictionary.
    with library.transaction() as conn:
        conn.execute("UPDATE clients SET dictionary = '[]' WHERE id = ?", (client.id,))
    text = "Zephyrine Bakeworks bakes fresh bread. Follow crumbzilla for more, it is realy good."
    draft = library.create_draft(client.id, text=text)
    context.settings.set("grammar.delay_ms", 100)
    page = WriteWorkspace(context, grammar=engine)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.ready, timeout=10_000)
    page.open_draft(draft.id)
    qtbot.waitUntil(lambda: "realy" in words(page.editor), timeout=CHECK_S)
    flagged = set(words(page.editor))
    assert not flagged & {"Zephyrine", "Bakeworks", "crumbzilla"}, flagged
