"""The issue card (Grammarly's): a click on an underline opens it; its buttons fix, ignore or add the
word; Esc closes it; the keyboard reaches it (Ctrl+.); thread parts have it too. And the fixes
menu: messages wrapped, never wider than the editor."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidgetAction
from pytestqt.qtbot import QtBot

from studio.editors.post.card import IssueCard
from studio.editors.post.editor import PostEditor
from studio.editors.post.marks import Mark
from studio.editors.post.thread_editor import ThreadEditor
from studio.model import BrandRules, Issue

# The card and the menu are popups: the offscreen platform cannot grab the keyboard for them.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")

TEXT = "Our shoes are realy light, she go running."


def issues(text: str = TEXT) -> list[Issue]:
    realy, go = text.index("realy"), text.index("go running")
    return [
        Issue(realy, realy + 5, "spelling", "MORFOLOGIK_RULE_EN_US", "Possible spelling mistake found.",
              ("really", "rely", "real"), description="Possible spelling mistake"),
        Issue(go, go + 2, "grammar", "HE_VERB_AGR",
              "The pronoun ‘she’ is usually used with a third-person or a past tense verb. " * 3,
              ("goes", "went"), description="Agreement error: 'she go' (goes)"),
    ]


def make_editor(qtbot: QtBot, text: str = TEXT) -> PostEditor:
    editor = PostEditor()
    qtbot.addWidget(editor)
    editor.brand_rules = BrandRules()
    editor.set_text(text)
    editor.resize(520, 220)
    editor.show()
    qtbot.waitExposed(editor)
    editor.set_grammar_issues(editor.revision, text, issues(text))
    return editor


def click_on(qtbot: QtBot, editor: PostEditor, mark: Mark) -> None:
    """A person's click in the middle of the underlined word."""
    cursor = QTextCursor(editor.document())
    cursor.setPosition((mark.start + mark.end) // 2)
    rect = editor.cursorRect(cursor)
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center().x(), rect.center().y()))


def focus(qtbot: QtBot, editor: PostEditor) -> None:
    editor.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)


def card_of(qtbot: QtBot, editor: PostEditor) -> IssueCard:
    qtbot.waitUntil(lambda: editor.card is not None and editor.card.isVisible(), timeout=5_000)
    assert editor.card is not None
    return editor.card


def test_a_click_on_an_underline_opens_its_card_and_a_button_fixes_it(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    spelling = next(m for m in editor.marks() if m.issue.category == "spelling")
    click_on(qtbot, editor, spelling)
    card = card_of(qtbot, editor)
    assert card.category.text() == "Spelling"
    assert card.message.text() == "Possible spelling mistake found."
    assert card.rule.toolTip() == "Rule: MORFOLOGIK_RULE_EN_US"  # the id only in a tooltip
    assert [button.text() for button in card.buttons] == ["really", "rely", "real"]
    assert card.add_word is not None and card.ignore.text() == "Ignore"
    with qtbot.wait_signal(editor.fix_applied):
        qtbot.mouseClick(card.buttons[0], Qt.MouseButton.LeftButton)
    assert editor.text() == "Our shoes are really light, she go running."
    qtbot.waitUntil(lambda: editor.card is None)


def test_a_grammar_card_wraps_its_message_and_has_no_dictionary(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    grammar = next(m for m in editor.marks() if m.issue.category == "grammar")
    click_on(qtbot, editor, grammar)
    card = card_of(qtbot, editor)
    assert card.category.text() == "Grammar"
    assert card.add_word is None  # "Add to dictionary" only for spelling
    assert card.message.wordWrap() and card.width() <= editor.width()
    assert card.rule.text() == "Agreement error: 'she go' (goes)" and card.rule.isVisible()
    with qtbot.wait_signal(editor.marks_changed):
        qtbot.mouseClick(card.ignore, Qt.MouseButton.LeftButton)
    assert [m.issue.category for m in editor.marks()] == ["spelling"]  # ignored in this post


def test_add_to_dictionary_from_the_card(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    spelling = next(m for m in editor.marks() if m.issue.category == "spelling")
    click_on(qtbot, editor, spelling)
    card = card_of(qtbot, editor)
    assert card.add_word is not None
    with qtbot.wait_signal(editor.word_added) as signal:
        qtbot.mouseClick(card.add_word, Qt.MouseButton.LeftButton)
    assert signal.args == ["realy"]
    assert [m.issue.category for m in editor.marks()] == ["grammar"]


def test_esc_closes_the_card_and_the_keyboard_reaches_it(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    focus(qtbot, editor)
    qtbot.keyClick(editor, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)  # the next issue's card
    card = card_of(qtbot, editor)
    assert card.category.text() == "Spelling"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is card.buttons[0])
    qtbot.keyClick(card, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is editor  # back to the text
    qtbot.waitUntil(lambda: editor.card is None)
    assert editor.text() == TEXT
    focus(qtbot, editor)  # offscreen, a closed popup leaves no active window
    qtbot.keyClick(editor, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    card = card_of(qtbot, editor)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # to "rely"
    with qtbot.wait_signal(editor.fix_applied):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert editor.text() == "Our shoes are rely light, she go running."


def test_a_thread_part_opens_its_own_card(qtbot: QtBot) -> None:
    thread = ThreadEditor()
    qtbot.addWidget(thread)
    thread.resize(600, 500)
    thread.set_parts("bluesky", "Bluesky", ["First part of the thread.", TEXT])
    thread.show()
    qtbot.waitExposed(thread)
    part = thread.editors[1]
    part.set_grammar_issues(part.revision, TEXT, issues())
    spelling = next(m for m in part.marks() if m.issue.category == "spelling")
    click_on(qtbot, part, spelling)
    card = card_of(qtbot, part)
    with qtbot.wait_signal(part.fix_applied):
        qtbot.mouseClick(card.buttons[0], Qt.MouseButton.LeftButton)
    assert thread.parts()[1].startswith("Our shoes are really light")


def test_the_fixes_menu_wraps_and_stays_within_the_editor(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    grammar = next(m for m in editor.marks() if m.issue.category == "grammar")
    menu = editor.issue_menu(grammar)
    header = menu.actions()[0]
    assert isinstance(header, QWidgetAction)
    label = header.defaultWidget()
    assert isinstance(label, QLabel) and label.wordWrap()
    menu.popup(editor.mapToGlobal(QPoint(0, 0)))
    qtbot.waitUntil(menu.isVisible)
    assert menu.width() <= editor.width()
    labels = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert "Ignore the rule “Agreement error: 'she go' (goes)” in this post" in labels
    menu.close()


def test_a_click_that_selects_text_opens_no_card(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    start = editor.cursorRect(QTextCursor(editor.document())).center()
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=start)
    assert editor.card is None
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QPushButton) and w.isVisible()]


def test_typing_after_a_click_goes_to_the_text(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    spelling = next(m for m in editor.marks() if m.issue.category == "spelling")
    click_on(qtbot, editor, spelling)  # to put the cursor in the word, as much as for the card
    card = card_of(qtbot, editor)
    position = editor.textCursor().position()
    qtbot.keyClicks(QApplication.focusWidget() or card, "l")
    qtbot.waitUntil(lambda: editor.card is None)
    assert editor.text() == TEXT[:position] + "l" + TEXT[position:]
