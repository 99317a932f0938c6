"""The review comments panel on the Write page: a side tab "Comments (N)", the selected words are
what a comment is anchored to, and choosing a comment selects its words in the text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studio.library import Library
from studio.review import comments
from studio.ui.write.page import WriteWorkspace


def _click_tab(qtbot: QtBot, page: WriteWorkspace, title_start: str) -> None:
    bar = page.side.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i).startswith(title_start))
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert page.side.currentIndex() == index


def test_a_comment_on_selected_words_and_back_to_them(qtbot: QtBot, workspace: WriteWorkspace,
                                                      library: Library) -> None:
    client = library.add_client("Kopi Nusantara")
    draft = library.create_draft(client.id, text="Ngopi dulu sebelum kerja.")
    workspace.open_draft(draft.id)
    editor = workspace.editor
    editor.setFocus()
    QTest.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, " Yuk!")  # typed, not saved yet: the comment is anchored to this text
    QTest.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(len("Ngopi dulu")):
        QTest.keyClick(editor, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    _click_tab(qtbot, workspace, "Comments")
    panel = workspace.comments
    panel.editor.setFocus()
    qtbot.keyClicks(panel.editor, "Pakai 'ngopi' huruf kecil?")
    qtbot.mouseClick(panel.comment_button, Qt.MouseButton.LeftButton)
    found = comments.threads(library, draft.id)
    assert [(c.part, c.quote, c.body) for c in found] == [("post", "Ngopi dulu", "Pakai 'ngopi' huruf kecil?")]
    assert library.get_draft(draft.id).text == "Ngopi dulu sebelum kerja. Yuk!"
    qtbot.waitUntil(lambda: workspace.side.tabText(workspace.side.indexOf(panel)) == "Comments (1)")
    # Elsewhere in the text, then the comment chosen in the panel: its words are selected.
    QTest.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert editor.textCursor().selectedText() == ""
    item = panel.tree.topLevelItem(0)
    rect = panel.tree.visualItemRect(item)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.textCursor().selectedText() == "Ngopi dulu"
    QApplication.processEvents()


def test_a_comment_on_a_networks_own_version(qtbot: QtBot, workspace: WriteWorkspace, library: Library) -> None:
    client = library.add_client("Kopi Nusantara")
    draft = library.create_draft(client.id, text="Base text.", networks=["bluesky"])
    library.set_variant(draft.id, "bluesky", "Bluesky's own words.")
    workspace.open_draft(draft.id)
    workspace.variant_bar.select("bluesky")
    assert workspace.editor.text() == "Bluesky's own words."
    workspace.editor.setFocus()
    QTest.keyClick(workspace.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    for _ in range(len("words.")):
        QTest.keyClick(workspace.editor, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert workspace.comments.selection == ("variant:bluesky", 14, 20)
    workspace.variant_bar.select("")
    workspace.show_comment("variant:bluesky", 14, 20)
    assert workspace.current == "bluesky" and workspace.editor.textCursor().selectedText() == "words."
