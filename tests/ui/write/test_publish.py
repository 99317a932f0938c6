"""Schedule from the composer: Schedule…, Add to queue and Send now on the Write page, as buttons
and shortcuts, for what is on screen (the saver is flushed first)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from studio.library import Library
from studio.ui.write.page import WriteWorkspace


def _folder_client(library: Library, tmp_path: Path) -> int:
    client = library.add_client("Kopi Nusantara")
    (tmp_path / "out").mkdir()
    library.add_account(client.id, "folder", "Instagram (by hand)", server_url=str(tmp_path / "out"),
                        settings={"variant": "instagram"})
    return client.id


def test_send_now_from_the_keyboard_schedules_what_was_just_typed(qtbot: QtBot, workspace: WriteWorkspace,
                                                                   library: Library, tmp_path: Path) -> None:
    workspace.set_client(_folder_client(library, tmp_path))
    workspace.new_draft()
    assert workspace.opened is not None
    draft_id = workspace.opened.draft.id
    workspace.editor.setFocus()
    qtbot.keyClicks(workspace.editor, "Ngopi dulu!")
    assert workspace.saver.pending  # not written yet: the shortcut writes it first
    QTest.keyClick(workspace.editor, Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    schedules = library.schedules_of(draft_id)
    assert len(schedules) == 1
    assert library.get_draft(draft_id).text == "Ngopi dulu!"
    assert library.get_draft(draft_id).status == "scheduled"
    qtbot.waitUntil(lambda: "Scheduled" in workspace.heading.text())


def test_the_buttons_are_the_three_actions_with_their_shortcuts(qtbot: QtBot, workspace: WriteWorkspace,
                                                                 library: Library, tmp_path: Path) -> None:
    workspace.set_client(_folder_client(library, tmp_path))
    workspace.new_draft()
    buttons = workspace.header.publish_buttons
    assert [b.text().replace("&", "") for b in buttons] == ["Schedule…", "Add to queue", "Send now"]
    assert [a.shortcut().toString() for a in workspace.publish.actions] == [
        "Ctrl+Shift+D", "Ctrl+Shift+Q", "Ctrl+Shift+Return"]
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    dialog = workspace.publish.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.chosen() != []  # the folder account the post is for, ticked
    dialog.reject()
    # The account has no posting slots: Add to queue opens the dialog in that mode and says why.
    workspace.editor.setFocus()
    QTest.keyClick(workspace.editor, Qt.Key.Key_Q,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = workspace.publish.dialog
    assert dialog is not None and dialog.queue.isChecked()
    dialog.reject()


def test_with_no_post_open_the_actions_say_so(qtbot: QtBot, workspace: WriteWorkspace) -> None:
    said: list[str] = []
    workspace.context.messages.info = said.append  # type: ignore[method-assign]
    qtbot.mouseClick(workspace.header.publish_buttons[2], Qt.MouseButton.LeftButton)
    assert said == ["Select a draft first."]
