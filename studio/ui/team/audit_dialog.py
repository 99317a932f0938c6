"""A draft's status changes in the team (who moved it where, and when), and a change of this
member's the team refused, kept on this computer."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.errors import in_words
from studio.library.times import local_zone, parse_iso
from studio.model import STATUS_LABELS


def status_changes(library: Any, draft_id: int) -> list[tuple[str, str, str, str]]:
    """``(when, who, from, to)`` of the draft, oldest first, asked of the team database (a worker's job)."""
    from studio.team import members
    from studio.team.engine import SyncEngine

    engine = SyncEngine(library)
    try:
        return members.audit(engine, draft_id)
    finally:
        engine.close()


class StatusChangesDialog(QDialog):
    """The audit list of one draft: a table (when, who, from, to) loaded off the UI thread, and above
    it the sentence of a refused change of this member's, when there is one."""

    def __init__(self, library: Any, tasks: Any, draft_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Status changes in the team"))
        self.resize(620, 360)
        self.library = library
        self.refusal = QLabel()
        self.refusal.setWordWrap(True)
        self.refusal.setVisible(False)
        self.take_button = QPushButton(self.tr("Use the team's version"))
        self.take_button.setToolTip(self.tr("Your refused change stays in the draft's history."))
        self.take_button.setVisible(False)
        self.take_button.clicked.connect(self._take_team_version)
        self.message = QLabel(self.tr("Asking the team database…"))
        self.message.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("From"), self.tr("To")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.refusal)
        row = QHBoxLayout()
        row.addWidget(self.take_button)
        row.addStretch(1)
        layout.addLayout(row)
        for widget in (self.message, self.table, buttons):
            layout.addWidget(widget)

        from studio.team.rights import refused

        kept = [r for r in refused(library.connection, "draft") if r.local_id == draft_id]
        if kept:
            self.refusal.setText(self.tr("Refused by the team: %1").replace("%1", kept[0].sentence))
            self.refusal.setVisible(True)
            self.take_button.setVisible(True)
        self.tasks, self.draft_id = tasks, draft_id
        tasks.run(status_changes, library, draft_id, on_done=self._show, on_error=self._failed)

    def _show(self, trail: list[tuple[str, str, str, str]]) -> None:
        if not trail:
            self.message.setText(self.tr("This draft has not reached the team yet."))
            return
        self.message.setText(self.tr("Oldest first."))
        zone = local_zone()
        self.table.setRowCount(len(trail))
        for row, (at, who, old, new) in enumerate(trail):
            when = parse_iso(at).astimezone(zone).strftime("%Y-%m-%d %H:%M")
            cells = (when, who, STATUS_LABELS.get(old, old) if old else self.tr("(new)"), STATUS_LABELS.get(new, new))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def _take_team_version(self) -> None:
        from studio.team.rights import take_team_version

        self.take_button.setEnabled(False)
        self.tasks.run(take_team_version, self.library, self.draft_id, on_done=self._taken, on_error=self._failed,
                       pool="writes")

    def _taken(self, _result: object) -> None:
        self.take_button.setVisible(False)
        self.refusal.setText(self.tr("The draft is the team's version again; your change is in its history."))

    def _failed(self, error: BaseException) -> None:
        self.take_button.setEnabled(True)
        self.message.setText(in_words(error, self.tr("Studio could not ask the team database")))
