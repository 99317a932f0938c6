"""The language control and the issue card as a person sees them, at 1366x768, light and dark
(issues given to the editor directly: the look, not LanguageTool, is under test here)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPainter, QPixmap, QTextCursor
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from studio.library import Library
from studio.model import Issue
from studio.ui.context import AppContext
from studio.ui.theme import apply_theme
from studio.ui.write.page import WriteWorkspace

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")

TEXT = "Our new trail shoes are realy light and she go running in them every day ."


def issues() -> list[Issue]:
    realy, go, space = TEXT.index("realy"), TEXT.index("go running"), TEXT.index(" .")
    return [
        Issue(realy, realy + 5, "spelling", "MORFOLOGIK_RULE_EN_US", "Possible spelling mistake found.",
              ("really", "rely", "real", "ready"), description="Possible spelling mistake"),
        Issue(go, go + 2, "grammar", "HE_VERB_AGR",
              "The pronoun ‘she’ is usually used with a third-person or a past tense verb.", ("goes", "went"),
              description="Agreement error: 'she go' (goes)"),
        Issue(space, space + 2, "typography", "COMMA_PARENTHESIS_WHITESPACE",
              "Don't put a space before the full stop.", ("."), description="Whitespace before punctuation"),
    ]


def with_popup(page: QWidget, popup: QWidget) -> QPixmap:
    """The page with ``popup`` painted where it is on screen (a popup is a window of its own)."""
    picture = page.grab()
    painter = QPainter(picture)
    painter.drawPixmap(page.mapFromGlobal(popup.mapToGlobal(QPoint(0, 0))), popup.grab())
    painter.end()
    return picture


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_language_control_and_the_card_at_1366x768(qtbot: QtBot, context: AppContext, library: Library,
                                                       screenshot: Callable[[Any, str], Path], tmp_path: Path,
                                                       theme: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    context.tasks.inline = True
    client = library.add_client("Acme Shoes", "#e0663d", language="auto")
    draft = library.create_draft(client.id, text=TEXT, networks=["x", "bluesky", "mastodon", "instagram"])
    page = WriteWorkspace(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.open_draft(draft.id)
    qtbot.waitUntil(lambda: page.opened is not None, timeout=10_000)
    control = page.counters.language
    qtbot.waitUntil(lambda: control.button.text() == "English (US) · detected", timeout=5_000)
    try:
        apply_theme(app, theme)
        editor = page.editor
        editor.set_grammar_issues(editor.revision, TEXT, issues())
        qtbot.wait(200)
        # Nothing in the bar is cut: each counter and the language get the width their text needs.
        for widget in (*page.counters.buttons.values(), control.button):
            assert widget.width() >= widget.sizeHint().width(), widget.text()
        screenshot(page, f"language-control-{theme}.png")
        control.menu.popup(control.button.mapToGlobal(QPoint(0, -control.menu.sizeHint().height())))
        qtbot.waitUntil(control.menu.isVisible)
        with_popup(page, control.menu).save(str(screenshot(page, f"language-menu-{theme}.png")))
        control.menu.close()
        mark = next(m for m in editor.marks() if m.issue.category == "grammar")
        cursor = QTextCursor(editor.document())
        cursor.setPosition(mark.start + 1)
        qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=editor.cursorRect(cursor).center())
        qtbot.waitUntil(lambda: editor.card is not None and editor.card.isVisible(), timeout=5_000)
        card = editor.card
        assert card is not None
        with_popup(page, card).save(str(screenshot(page, f"card-{theme}.png")))
        assert card.geometry().right() <= editor.mapToGlobal(QPoint(editor.width(), 0)).x() + 24
        card.close()
        editor.selectAll()
        qtbot.keyClicks(editor, "Habari za asubuhi rafiki zangu, leo tunazindua viatu vipya sokoni kwa bei nzuri.")
        qtbot.waitUntil(lambda: control.note.isVisible(), timeout=5_000)
        assert control.note.text() == "Language not recognised: not checked"
        assert control.note.width() >= control.note.sizeHint().width()
        assert page.issues.summary.text() == "Language not recognised: not checked"  # not "No issues found."
        screenshot(page, f"language-not-recognised-{theme}.png")
    finally:
        apply_theme(app, "light")
