"""The "Schedule" dialog: a draft to one or more accounts, at a date and time in the user's zone, on
each account's next free posting slot, or now, with the pre-flight check before anything is stored.
It ticks the accounts the post is for, and beside them shows the post as each ticked account will
get it: the Write page's preview cards (:mod:`studio.editors.post.previews`) with that account's
name, its network version's text (or thread, part by part) and the renditions the publisher sends."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, Qt, QTimeZone, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from studio.analytics.links import outgoing_texts
from studio.drafting import parts_for
from studio.editors.post.previews import PostLook, PreviewsPanel
from studio.errors import StudioError
from studio.model import Account
from studio.publishing import scheduling
from studio.publishing.renditions import target_of
from studio.ui.locale_format import DATE_TIME, edit_format
from studio.ui.tasks import Tasks

if TYPE_CHECKING:
    from studio.library import Library


class ScheduleDialog(QDialog):
    """Schedules one draft.

    Signals: ``scheduled(list schedule_ids)`` once the schedules are stored (the dialog then closes).
    """

    scheduled = Signal(list)

    def __init__(self, library: Library, tasks: Tasks, draft_id: int, zone: tzinfo | None = None,
                 parent: QWidget | None = None, now: datetime | None = None, at: datetime | None = None,
                 mode: str = "at") -> None:
        super().__init__(parent)
        from studio.library.times import local_zone

        self.library = library
        self.tasks = tasks
        self.draft_id = draft_id
        self.zone = zone or local_zone()
        self.force = False
        self.setWindowTitle(self.tr("Schedule post"))
        self.setMinimumWidth(460)
        draft = library.get_draft(draft_id)
        meant = set(scheduling.accounts_for(library, draft))
        self.client = library.get_client(draft.client_id)
        self._accounts: dict[int, Account] = {}

        self.accounts = QListWidget()
        self.accounts.setAccessibleName(self.tr("Accounts"))
        for account in library.list_accounts(draft.client_id):
            self._accounts[account.id] = account
            label = f"{account.network.capitalize()}: {account.handle}"
            if account.settings.get("needs_reconnect"):
                label += self.tr(" (reconnect needed)")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, account.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if account.id in meant else Qt.CheckState.Unchecked)
            self.accounts.addItem(item)
        self.at_time = QRadioButton(self.tr("At"))
        self.queue = QRadioButton(self.tr("Add to queue (each account's next free posting slot)"))
        self.now_button = QRadioButton(self.tr("Send now"))
        {"queue": self.queue, "now": self.now_button}.get(mode, self.at_time).setChecked(True)
        group = QButtonGroup(self)
        for button in (self.at_time, self.queue, self.now_button):
            group.addButton(button)
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(edit_format(DATE_TIME))
        self.when.setTimeZone(QTimeZone(str(getattr(self.zone, "key", "UTC")).encode()))
        start = (now or datetime.now(self.zone)).astimezone(self.zone)
        first = int(at.timestamp()) if at is not None else int(start.timestamp()) // 3600 * 3600 + 3600
        self.when.setDateTime(QDateTime.fromSecsSinceEpoch(first, self.when.timeZone()))
        self.zone_label = QLabel(self.tr("Times are in {zone}; stored in UTC.").format(
            zone=getattr(self.zone, "key", str(self.zone))))
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.schedule_button = self.buttons.addButton(self.tr("Schedule"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.schedule_button.setDefault(True)

        self.previews = PreviewsPanel(self, library, tasks)
        self.previews.setAccessibleName(self.tr("Preview per account"))
        self.previews.setMinimumWidth(470)
        self.previews.empty.setText(self.tr("Tick an account to see what it gets."))

        layout = QVBoxLayout(self)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Post with")))
        left.addWidget(self.accounts, 1)
        left.addWidget(self.at_time)
        left.addWidget(self.when)
        left.addWidget(self.zone_label)
        left.addWidget(self.queue)
        left.addWidget(self.now_button)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("What each account gets")))
        right.addWidget(self.previews, 1)
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        layout.addLayout(columns, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.resize(1040, 680)  # within a 1366x768 screen
        if self.accounts.count() == 0:
            self.problems.setText(self.tr("This client has no accounts yet: connect one under Publishing first."))
            self.schedule_button.setEnabled(False)

        self.buttons.rejected.connect(self.reject)
        self.schedule_button.clicked.connect(self.submit)
        self.at_time.toggled.connect(self.when.setEnabled)
        self.when.setEnabled(self.at_time.isChecked())
        self.accounts.itemChanged.connect(self._changed)
        self.accounts.itemChanged.connect(self.refresh_preview)
        self.when.dateTimeChanged.connect(self._changed)
        self.refresh_preview()

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
        self.schedule_button.setText(self.tr("Schedule"))

    def submit(self) -> None:
        ids = self.chosen()
        if not ids:
            self.problems.setText(self.tr("Choose at least one account."))
            return
        self.schedule_button.setEnabled(False)
        self.problems.setText(self.tr("Checking the post for each account…"))
        library, draft_id, force = self.library, self.draft_id, self.force
        if self.queue.isChecked():
            self.tasks.run(_queue, library, draft_id, ids, force, on_done=self._done, on_error=self._failed,
                           pool="writes")
        else:
            when = datetime.now(UTC) if self.now_button.isChecked() else self.instant()
            self.tasks.run(_schedule, library, draft_id, ids, when, force, on_done=self._done,
                           on_error=self._failed, pool="writes")

    def refresh_preview(self, *args: object) -> None:
        """Show the post as each ticked account gets it (the text now, the renditions when made on a
        pool thread, once per asset, crop and preset)."""
        self.previews.show_looks(self.looks())

    def looks(self) -> list[PostLook]:
        """One preview per ticked account: the text and renditions of its network version, as the
        runner renders them for the publisher (``parts_for``, ``outgoing_texts``' UTM parameters and
        ``media_for`` of the same target)."""
        draft = self.library.get_draft(self.draft_id)
        looks = []
        for account_id in self.chosen():
            account = self._accounts[account_id]
            target = target_of(account.network, account.settings)
            channel = account.network if account.network in ("folder", "webhook") else ""
            looks.append(PostLook(target, account.display_name or self.client.name, account.handle,
                                  self.client.colour, outgoing_texts(self.library, draft, target, parts_for(draft, target)),
                                  assets=draft.assets, channel=channel, account_id=account.id))
        return looks

    def _done(self, schedule_ids: list[int]) -> None:
        self.schedule_button.setEnabled(True)
        self.scheduled.emit(schedule_ids)
        self.accept()

    def done(self, result: int) -> None:
        """Closing (accepted or not): a preview still being made is dropped, not shown in a dead dialog."""
        self.previews.drop_pending()
        super().done(result)

    def show_problem(self, error: BaseException) -> None:
        """Say why the post was not scheduled (a pre-flight problem found by Add to queue or Send now)."""
        self._failed(error)

    def _failed(self, error: BaseException) -> None:
        self.schedule_button.setEnabled(True)
        if isinstance(error, scheduling.PreflightFailed):
            handles = {self.accounts.item(r).data(Qt.ItemDataRole.UserRole): self.accounts.item(r).text()
                       for r in range(self.accounts.count())}
            lines = [f"<b>{handles.get(account_id, account_id)}</b>: {problem.message}"
                     for account_id, found in error.problems.items() for problem in found]
            self.problems.setText("<br>".join(lines))
            self.force = True
            self.schedule_button.setText(self.tr("Schedule anyway"))
        elif isinstance(error, StudioError):
            self.problems.setText(error.for_humans())
        else:
            self.problems.setText(self.tr("Something went wrong: {name}. Details are in the log.").format(
                name=type(error).__name__))


def _schedule(library: Library, draft_id: int, ids: list[int], when: datetime, force: bool) -> list[int]:
    return [s.id for s in scheduling.schedule(library, draft_id, ids, when, force=force)]


def _queue(library: Library, draft_id: int, ids: list[int], force: bool) -> list[int]:
    return [s.id for s in scheduling.add_to_queue(library, draft_id, ids, force=force)]
