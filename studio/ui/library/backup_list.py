"""A list of a library's backups, newest first (shared by the two restore dialogs)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from studio.library.backups import backup_time
from studio.ui import locale_format
from studio.ui.locale_format import number


def describe(path: Path) -> str:
    when = backup_time(path)
    try:
        size = f"{number(path.stat().st_size / 2**20, 1)} MB"
    except OSError:
        size = QCoreApplication.translate("BackupList", "unreadable")
    label = locale_format.moment(when, locale_format.LONG_DATE_TIME) if when else path.name
    if "before-restore" in path.name:
        label += QCoreApplication.translate("BackupList", " (made before a restore)")
    return f"{label} · {size}"


class BackupList(QListWidget):
    """Backups as items whose data is their path.

    Signals: none of its own (those of :class:`QListWidget`).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Backups"))

    def set_backups(self, backups: list[Path]) -> None:
        self.clear()
        for path in backups:
            item = QListWidgetItem(describe(path))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.addItem(item)
        if backups:
            self.setCurrentRow(0)

    def chosen(self) -> Path | None:
        item = self.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None
