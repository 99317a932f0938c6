"""The "Schedule" dialog: a draft to one or more accounts, at a date and time in the user's zone or
on each account's next free posting slot, with the pre-flight check before anything is stored."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, Qt, QTimeZone, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from studio.errors import StudioError
from studio.publishing import scheduling
from studio.ui.tasks import Tasks

if TYPE_CHECKING:
    from studio.library import Library


class ScheduleDialog(QDialog):
    """Schedules one draft.

    Signals: ``scheduled(list schedule_ids)`` once the schedules are stored (the dialog then closes).
    """

    scheduled = Signal(list)

    def __init__(self, library: Library, tasks: Tasks, draft_id: int, zone: tzinfo | None = None,
                 parent: QWidget | None = None, now: datetime | None = None) -> None:
        super().__init__(parent)
        from studio.library.times import local_zone

        self.library = library
        self.tasks = tasks
        self.draft_id = draft_id
        self.zone = zone or local_zone()
        self.force = False
        self.setWindowTitle("Schedule post")
        self.setMinimumWidth(460)
        draft = library.get_draft(draft_id)

        self.accounts = QListWidget()
        self.accounts.setAccessibleName("Accounts")
        for account in library.list_accounts(draft.client_id):
            label = f"{account.network.capitalize()}: {account.handle}"
            if account.settings.get("needs_reconnect"):
                label += " (reconnect needed)"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, account.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if account.network in draft.networks else Qt.CheckState.Unchecked)
            self.accounts.addItem(item)
        self.at_time = QRadioButton("At")
        self.queue = QRadioButton("Add to queue (each account's next free posting slot)")
        self.at_time.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.at_time)
        group.addButton(self.queue)
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("ddd d MMM yyyy HH:mm")
        self.when.setTimeZone(QTimeZone(str(getattr(self.zone, "key", "UTC")).encode()))
        start = (now or datetime.now(self.zone)).astimezone(self.zone)
        self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(start.timestamp()) // 3600 * 3600 + 3600,
                                                           self.when.timeZone()))
        self.zone_label = QLabel(f"Times are in {getattr(self.zone, 'key', str(self.zone))}; stored in UTC.")
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.schedule_button = self.buttons.addButton("Schedule", QDialogButtonBox.ButtonRole.AcceptRole)
        self.schedule_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Post with"))
        layout.addWidget(self.accounts, 1)
        layout.addWidget(self.at_time)
        layout.addWidget(self.when)
        layout.addWidget(self.zone_label)
        layout.addWidget(self.queue)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        if self.accounts.count() == 0:
            self.problems.setText("This client has no accounts yet: connect one under Publishing first.")
            self.schedule_button.setEnabled(False)

        self.buttons.rejected.connect(self.reject)
        self.schedule_button.clicked.connect(self.submit)
        self.queue.toggled.connect(lambda on: self.when.setEnabled(not on))
        self.accounts.itemChanged.connect(self._changed)
        self.when.dateTimeChanged.connect(self._changed)

    def chosen(self) -> list[int]:
        return [
            int(self.accounts.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.accounts.count())
            if self.accounts.item(row).checkState() == Qt.CheckState.Checked
        ]

    def instant(self) -> datetime:
        from datetime import UTC

        return datetime.fromtimestamp(self.when.dateTime().toSecsSinceEpoch(), UTC)

    def _changed(self, *args: object) -> None:
        """What the user checked no longer matches: the next click checks again."""
        self.force = False
        self.schedule_button.setText("Schedule")

    def submit(self) -> None:
        ids = self.chosen()
        if not ids:
            self.problems.setText("Choose at least one account.")
            return
        self.schedule_button.setEnabled(False)
        self.problems.setText("Checking the post for each account…")
        library, draft_id, force = self.library, self.draft_id, self.force
        if self.queue.isChecked():
            self.tasks.run(_queue, library, draft_id, ids, force, on_done=self._done, on_error=self._failed,
                           pool="writes")
        else:
            self.tasks.run(_schedule, library, draft_id, ids, self.instant(), force, on_done=self._done,
                           on_error=self._failed, pool="writes")

    def _done(self, schedule_ids: list[int]) -> None:
        self.schedule_button.setEnabled(True)
        self.scheduled.emit(schedule_ids)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.schedule_button.setEnabled(True)
        if isinstance(error, scheduling.PreflightFailed):
            handles = {self.accounts.item(r).data(Qt.ItemDataRole.UserRole): self.accounts.item(r).text()
                       for r in range(self.accounts.count())}
            lines = [f"<b>{handles.get(account_id, account_id)}</b>: {problem.message}"
                     for account_id, found in error.problems.items() for problem in found]
            self.problems.setText("<br>".join(lines))
            self.force = True
            self.schedule_button.setText("Schedule anyway")
        elif isinstance(error, StudioError):
            self.problems.setText(error.for_humans())
        else:
            self.problems.setText(f"Something went wrong: {type(error).__name__}. Details are in the log.")


def _schedule(library: Library, draft_id: int, ids: list[int], when: datetime, force: bool) -> list[int]:
    return [s.id for s in scheduling.schedule(library, draft_id, ids, when, force=force)]


def _queue(library: Library, draft_id: int, ids: list[int], force: bool) -> list[int]:
    return [s.id for s in scheduling.add_to_queue(library, draft_id, ids, force=force)]
