"""A post already published is not edited without a word: a bar says so, the text is read-only
until "Edit anyway", "Duplicate as new post" opens a new draft, and a post sent while it is open
gets the bar at once."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from studio.library import Library
from studio.publishing.runner import Runner
from studio.ui.write.page import WriteWorkspace


def _sent_post(library: Library, tmp_path: Path, send: bool = True) -> int:
    client = library.add_client("Kopi Nusantara")
    (tmp_path / "out").mkdir()
    account = library.add_account(client.id, "folder", "Instagram (by hand)", server_url=str(tmp_path / "out"),
                                  settings={"variant": "instagram"})
    draft = library.create_draft(client.id, text="Ngopi dulu!", networks=["instagram"])
    library.schedule(draft.id, account.id, datetime.now(UTC))
    if send:
        assert Runner(library).run_due().count("published") == 1
    return draft.id


def test_a_published_post_opens_read_only_with_a_bar(qtbot: QtBot, workspace: WriteWorkspace, library: Library,
                                                     tmp_path: Path) -> None:
    draft_id = _sent_post(library, tmp_path)
    workspace.open_draft(draft_id)
    bar = workspace.published_bar
    assert bar.isVisible() and "published on Instagram" in bar.label.text()
    assert workspace.editor.isReadOnly()
    workspace.editor.setFocus()
    qtbot.keyClicks(workspace.editor, "Edited ")
    assert workspace.editor.text() == "Ngopi dulu!"
    assert not workspace.saver.pending
    qtbot.mouseClick(bar.edit_button, Qt.MouseButton.LeftButton)
    assert not workspace.editor.isReadOnly()
    assert "What was published does not change" in bar.label.text() and not bar.edit_button.isVisible()
    workspace.editor.setFocus()
    qtbot.keyClick(workspace.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(workspace.editor, " Yuk")
    workspace.save_now()
    assert library.get_draft(draft_id).text == "Ngopi dulu! Yuk"
    assert library.get_draft(draft_id).status == "published"


def test_duplicate_as_new_post_opens_a_new_draft(qtbot: QtBot, workspace: WriteWorkspace, library: Library,
                                                 tmp_path: Path) -> None:
    draft_id = _sent_post(library, tmp_path)
    workspace.open_draft(draft_id)
    qtbot.mouseClick(workspace.published_bar.duplicate_button, Qt.MouseButton.LeftButton)
    assert workspace.opened is not None and workspace.opened.draft.id != draft_id
    assert workspace.editor.text() == "Ngopi dulu!"
    assert not workspace.published_bar.isVisible() and not workspace.editor.isReadOnly()
    assert workspace.opened.draft.status == "draft"


def test_a_post_sent_while_open_gets_the_bar(qtbot: QtBot, workspace: WriteWorkspace, library: Library,
                                             tmp_path: Path) -> None:
    draft_id = _sent_post(library, tmp_path, send=False)
    workspace.open_draft(draft_id)
    assert not workspace.published_bar.isVisible() and not workspace.editor.isReadOnly()
    Runner(library).run_due()  # the publisher's timer, elsewhere in the app
    qtbot.waitUntil(workspace.published_bar.isVisible)
    assert workspace.editor.isReadOnly()
    assert "Published" in workspace.heading.text()  # the status in words
