"""Right click and hover on the text, the issues panel's jump and counters (previews: test_previews.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QTimer
from PySide6.QtGui import QContextMenuEvent, QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu, QToolTip
from pytestqt.qtbot import QtBot

from studio.editors.post.counters import CountersBar
from studio.editors.post.editor import PostEditor, actions_of
from studio.editors.post.emoji_picker import EmojiPicker, with_presentation
from studio.editors.post.issues_panel import IssuePanel
from studio.model import BrandRules

EMOJI = "\U0001F44D\U0001F3FD"


def make_editor(qtbot: QtBot, text: str) -> PostEditor:
    editor = PostEditor()
    qtbot.addWidget(editor)
    editor.brand_rules = BrandRules(banned={"cheap": "affordable"})
    editor.set_text(text)
    editor.resize(600, 200)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def point_in(editor: PostEditor, position: int) -> QPoint:
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position)
    return editor.cursorRect(cursor).center()


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_right_click_on_an_issue_offers_its_fixes_and_applies_them(qtbot: QtBot) -> None:
    editor = make_editor(qtbot, f"{EMOJI} so cheap!")
    (mark,) = editor.marks()
    seen: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.extend(action.text() for action in actions_of(menu))
        next(action for action in actions_of(menu) if action.text() == "affordable").trigger()
        menu.close()

    QTimer.singleShot(50, choose)
    where = point_in(editor, mark.start + 2)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, editor.viewport().mapToGlobal(where))
    QApplication.sendEvent(editor.viewport(), event)
    assert "affordable" in seen and "Ignore once" in seen
    assert any("Copy" in text for text in seen)  # the usual edit actions follow
    assert editor.text() == f"{EMOJI} so affordable!"


def test_hovering_an_issue_shows_its_message(qtbot: QtBot) -> None:
    editor = make_editor(qtbot, f"{EMOJI} so cheap!")
    (mark,) = editor.marks()
    where = point_in(editor, mark.start + 2)
    event = QHelpEvent(QEvent.Type.ToolTip, where, editor.viewport().mapToGlobal(where))
    QApplication.sendEvent(editor.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert "list of words not to use" in QToolTip.text()
    QToolTip.hideText()


def test_issues_panel_lists_and_jumps(qtbot: QtBot) -> None:
    editor = make_editor(qtbot, f"{EMOJI} cheap and cheap")
    panel = IssuePanel()
    qtbot.addWidget(panel)
    panel.set_marks(editor.text(), editor.marks())
    assert panel.list.count() == 2
    assert panel.list.item(1).text().startswith("“cheap” · Brand:")
    panel.jump_requested.connect(editor.go_to)
    panel.list.itemActivated.emit(panel.list.item(1))
    cursor = editor.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (editor.marks()[1].start, editor.marks()[1].end)
    assert cursor.selectedText() == "cheap"
    panel.set_marks("", [])
    assert panel.summary.text() == "No issues found."
    panel.set_checking(True)  # the grammar runner is busy
    assert panel.summary.text() == "Checking…"
    panel.set_checking(False)
    assert panel.summary.text() == "No issues found."


def test_counters_show_each_networks_unit(qtbot: QtBot) -> None:
    bar = CountersBar()
    qtbot.addWidget(bar)
    bar.set_networks(["x", "bluesky", "mastodon"])
    bar.limits["mastodon"] = 1000
    counts = bar.update_counts({"x": "x" * 300, "bluesky": "hi", "mastodon": "https://example.com/" + "p" * 80})
    assert bar.buttons["x"].text() == "X 300/280"
    assert "over the limit" in bar.buttons["x"].toolTip()
    assert bar.buttons["mastodon"].text() == "Mastodon 23/1000"
    assert not counts["x"].ok and counts["bluesky"].ok
    assert bar.worst() == "x"


def test_text_style_symbols_are_inserted_as_emoji(qtbot: QtBot) -> None:
    picker = EmojiPicker()
    qtbot.addWidget(picker)
    chosen: list[str] = []
    picker.chosen.connect(chosen.append)
    qtbot.keyClicks(picker.search, "victory")
    picker.search.returnPressed.emit()
    assert chosen == ["\u270C\uFE0F"]
    assert with_presentation("\U0001F680") == "\U0001F680"
