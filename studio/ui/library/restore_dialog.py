"""Restore from backup (Backups… in the Library workspace): put an earlier copy of the library back while Studio runs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from studio.errors import in_words
from studio.library import list_backups
from studio.ui.library.backup_list import BackupList
from studio.ui.tasks import Tasks

if TYPE_CHECKING:
    from studio.library import Library


class RestoreBackupDialog(QDialog):
    """Lists the backups; restoring one first backs up the current state, so it can be undone by
    restoring that copy.

    Signals: ``restored(str safety_copy)`` after a restore, with the path of the copy of what was
    replaced.
    """

    restored = Signal(str)

    def __init__(self, library: Library, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self.setWindowTitle(self.tr("Restore from backup"))
        self.resize(520, 400)
        intro = QLabel(self.tr(
            "Studio backs up the library once a day. Restoring a backup replaces every client, draft "
            "and schedule with the backup's; what is there now is backed up first, so you can come back to it."
        ))
        intro.setWordWrap(True)
        self.backups = BackupList()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.restore_button = QPushButton(self.tr("Restore"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.backup_button.clicked.connect(self.back_up)
        self.restore_button.clicked.connect(self.restore)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.backups, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.tasks.run(list_backups, self.library.folder, on_done=self._listed, on_error=self._failed)

    def _listed(self, backups: list[Path]) -> None:
        self.backups.set_backups(backups)
        self.restore_button.setEnabled(bool(backups))
        if not backups:
            self.status.setText(self.tr("There is no backup yet. “Back up now” makes one."))

    def back_up(self) -> None:
        self._busy(True)
        self.tasks.run(self.library.backup_now, on_done=self._backed_up, on_error=self._failed)

    def _backed_up(self, path: Path) -> None:
        self._busy(False)
        self.status.setText(self.tr("Backed up to %1.").replace("%1", path.name))
        self.refresh()

    def restore(self) -> None:
        backup = self.backups.chosen()
        if backup is None:
            return
        self._busy(True)
        self.status.setText(self.tr("Restoring…"))
        self.tasks.run(self.library.restore_from_backup, backup, on_done=self._restored, on_error=self._failed,
                       pool="writes")

    def _restored(self, safety: Path) -> None:
        self._busy(False)
        self.status.setText(
            self.tr("Restored. What was there before is kept as %1: restore it to undo.").replace("%1", safety.name))
        self.restored.emit(str(safety))
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        self.status.setText(in_words(error, self.tr("That did not work")))

    def _busy(self, busy: bool) -> None:
        self.restore_button.setEnabled(not busy)
        self.backup_button.setEnabled(not busy)
