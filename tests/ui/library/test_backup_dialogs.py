"""Restore from backup: at start-up for a damaged library, and while Studio runs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studio.library import Library, LibraryCorrupt
from studio.ui.context import AppContext
from studio.ui.library.recovery import RecoveryDialog
from studio.ui.library.restore_dialog import RestoreBackupDialog


def _damaged(folder: Path) -> LibraryCorrupt:
    library = Library.open(folder)
    library.create_draft(library.add_client("Acme").id, "safe in the backup")
    library.backup_now()
    library.close()
    database = folder / "library.sqlite3"
    data = bytearray(database.read_bytes())
    data[:100] = os.urandom(100)
    database.write_bytes(bytes(data))
    with pytest.raises(LibraryCorrupt) as caught:
        Library.open(folder)
    return caught.value


def test_recovery_restores_the_chosen_backup(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    error = _damaged(folder)
    dialog = RecoveryDialog(folder, error)
    qtbot.addWidget(dialog)
    assert dialog.backups.count() == 1 and dialog.restore_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        dialog.restore_button.click()
    with Library.open(folder) as library:
        assert [r.text for r in library.list_drafts()] == ["safe in the backup"]
    assert list(folder.glob("library.sqlite3.damaged-*"))  # kept, never deleted


def test_recovery_can_start_empty_and_keeps_the_damaged_file(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    error = _damaged(folder)
    dialog = RecoveryDialog(folder, error)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.accepted):
        dialog.fresh_button.click()
    with Library.open(folder) as library:
        assert library.count_drafts() == 0
    assert list(folder.glob("library.sqlite3.damaged-*"))


def test_restore_while_running_and_undo(context: AppContext, qtbot: QtBot) -> None:
    context.tasks.inline = True
    library = context.library
    draft = library.create_draft(library.add_client("Acme").id, "morning text")
    library.backup_now()
    library.save_text(draft.id, "evening text")
    dialog = RestoreBackupDialog(library, context.tasks)
    qtbot.addWidget(dialog)
    assert dialog.backups.count() == 1
    with qtbot.waitSignal(dialog.restored) as restored:
        dialog.restore_button.click()
    assert library.get_draft(draft.id).text == "morning text"
    assert "restore it to undo" in dialog.status.text()
    dialog.backups.setCurrentRow([dialog.backups.item(i).data(256) for i in range(dialog.backups.count())]
                                 .index(restored.args[0]))
    dialog.restore_button.click()
    assert library.get_draft(draft.id).text == "evening text"


def test_back_up_now(context: AppContext, qtbot: QtBot) -> None:
    context.tasks.inline = True
    dialog = RestoreBackupDialog(context.library, context.tasks)
    qtbot.addWidget(dialog)
    assert dialog.backups.count() == 0 and not dialog.restore_button.isEnabled()
    dialog.backup_button.click()
    assert dialog.backups.count() == 1 and dialog.restore_button.isEnabled()
