"""Shown at start-up when the library cannot be opened: what happened, and the way back.

The app is not built yet (no task pools), and restoring is a file copy the user waits for, so it
runs here directly. Nothing is deleted: the damaged file is renamed beside the restored one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from studio.errors import StudioError, in_words
from studio.library import LibraryCorrupt, list_backups, restore_file
from studio.library.backups import set_aside
from studio.ui.library.backup_list import BackupList
from studio.ui.theme import ERROR_STYLE


class RecoveryDialog(QDialog):
    """Offers to restore a backup or to start an empty library; accepted once the library can be
    opened again.

    Signals: none of its own (``accepted``/``rejected`` of :class:`QDialog`).
    """

    def __init__(self, library_dir: Path, error: StudioError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library_dir = library_dir
        self.setWindowTitle(self.tr("Studio cannot open the library"))
        self.resize(560, 420)
        backups = error.backups if isinstance(error, LibraryCorrupt) else list_backups(library_dir)
        message = QLabel(error.for_humans())
        message.setWordWrap(True)
        self.backups = BackupList()
        self.backups.set_backups(backups)
        explain = QLabel(
            self.tr("Restore the newest backup you trust. The damaged file is kept beside it, renamed, so "
                    "nothing is lost.") if backups else self.tr("There is no backup of this library yet.")
        )
        explain.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(self.tr("Restore this backup"))
        self.restore_button.setEnabled(bool(backups))
        self.restore_button.setDefault(bool(backups))
        self.fresh_button = QPushButton(self.tr("Start an empty library"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.fresh_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore)
        self.fresh_button.clicked.connect(self.start_fresh)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(explain)
        layout.addWidget(self.backups, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def restore(self) -> None:
        backup = self.backups.chosen()
        if backup is None:
            return
        try:
            restore_file(self.library_dir, backup)
        except (StudioError, OSError) as error:
            text = in_words(error)
            self.error.setText(self.tr("That backup could not be restored: %1").replace("%1", text))
            self.error.show()
            return
        self.accept()

    def start_fresh(self) -> None:
        """Move the unreadable file aside (kept, renamed) so an empty library opens."""
        try:
            set_aside(self.library_dir)
        except OSError as error:
            self.error.setText(
                self.tr("The damaged file could not be moved aside: %1.").replace("%1", str(error.strerror)))
            self.error.show()
            return
        self.accept()
