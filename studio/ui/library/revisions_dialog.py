"""A draft's history: browse the saved versions, compare with now, restore one, undo the restore."""

from __future__ import annotations

from datetime import tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.errors import in_words
from studio.library.times import local_zone, parse_iso
from studio.model import Revision
from studio.ui.tasks import Tasks
from studio.ui.translation import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from studio.library import Library

REASONS = {
    "create": QT_TRANSLATE_NOOP("RevisionsDialog", "created"),
    "edit": QT_TRANSLATE_NOOP("RevisionsDialog", "edited"),
    "restore": QT_TRANSLATE_NOOP("RevisionsDialog", "restored"),
    "import": QT_TRANSLATE_NOOP("RevisionsDialog", "imported"),
    "conflict": QT_TRANSLATE_NOOP("RevisionsDialog", "your text (team conflict)"),
}


def _when(revision: Revision, zone: tzinfo) -> str:
    try:
        moment = parse_iso(revision.created_at).astimezone(zone)
    except ValueError:
        return revision.created_at
    # In the interface's language (QLocale's default): "30 Nov 2026" or "30 Nov 2026" in Indonesian.
    when = QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute, moment.second))
    return QLocale().toString(when, "d MMM yyyy, HH:mm:ss")


class RevisionsDialog(QDialog):
    """Lists a draft's revisions (newest first) with a preview; "Restore" makes the chosen one the
    draft's text and variants, and "Undo restore" puts back what was there.

    Signals: ``restored(int draft_id)`` after a restore or its undo (the editor reloads the draft).
    """

    restored = Signal(int)

    def __init__(self, library: Library, tasks: Tasks, draft_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self.draft_id = draft_id
        self.revisions: list[Revision] = []
        self._wanted: int | None = None
        self.undo_to: int | None = None
        self.setWindowTitle(self.tr("History of this draft"))
        self.resize(780, 480)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Versions"))
        self.list.setSpacing(3)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("The chosen version"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Restore this version"))
        self.undo_button = QPushButton(self.tr("Undo restore"))
        self.undo_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        columns = QHBoxLayout()
        columns.addWidget(self.list, 2)
        columns.addWidget(self.preview, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._chosen)
        self.restore_button.clicked.connect(self.restore)
        self.undo_button.clicked.connect(self.undo)
        self.reload()

    def reload(self) -> None:
        self.tasks.run(self.library.revisions, self.draft_id, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, revisions: list[Revision]) -> None:
        self.revisions = revisions
        blocked = self.list.blockSignals(True)
        self.list.clear()
        zone = local_zone()
        for index, revision in enumerate(revisions):
            excerpt = " ".join(revision.text.split())[:48] or self.tr("(empty)")
            reason = REASONS.get(revision.reason)
            label = f"{_when(revision, zone)} · {self.tr(str(reason)) if reason else revision.reason}"
            if index == 0:
                label += " · " + self.tr("now")
            item = QListWidgetItem(f"{label}\n{excerpt}")
            item.setData(Qt.ItemDataRole.UserRole, revision.id)
            self.list.addItem(item)
        self.list.blockSignals(blocked)
        if revisions:
            wanted = next((i for i, r in enumerate(revisions) if r.id == self._wanted), 0)
            self.list.setCurrentRow(wanted)
            self._chosen(wanted)

    def choose(self, revision_id: int) -> None:
        """Choose ``revision_id`` once the list has loaded (the team conflict notice's "Compare")."""
        self._wanted = revision_id
        row = next((i for i, r in enumerate(self.revisions) if r.id == revision_id), None)
        if row is not None:
            self.list.setCurrentRow(row)

    def _chosen(self, row: int) -> None:
        if not 0 <= row < len(self.revisions):
            return
        revision = self.revisions[row]
        text = revision.text
        for network, variant in sorted(revision.variants.items()):
            if isinstance(variant, dict):
                parts = variant.get("parts")
                body = "\n— — —\n".join(parts) if parts else str(variant.get("text") or "")
                text += f"\n\n[{network}]\n{body}"
        self.preview.setPlainText(text)
        self.restore_button.setEnabled(row > 0)

    def restore(self) -> None:
        row = self.list.currentRow()
        if not 0 < row < len(self.revisions):
            return
        self._run_restore(self.revisions[row].id, undoing=False)

    def undo(self) -> None:
        if self.undo_to is not None:
            self._run_restore(self.undo_to, undoing=True)

    def _run_restore(self, revision_id: int, undoing: bool) -> None:
        self.restore_button.setEnabled(False)
        self.tasks.run(self.library.restore_revision, self.draft_id, revision_id,
                       on_done=lambda before: self._restored(before, undoing), on_error=self._failed, pool="writes")

    def _restored(self, before: int, undoing: bool) -> None:
        self.undo_to = None if undoing else before
        self.undo_button.setEnabled(not undoing)
        self.status.setText(self.tr("Restore undone.") if undoing
                            else self.tr("Restored. “Undo restore” puts back what was there."))
        self.restored.emit(self.draft_id)
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self.status.setText(in_words(error, self.tr("That did not work")))
