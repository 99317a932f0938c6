"""The "Schedule" dialog: a draft to one or more accounts, at a date and time in the user's zone, on
each account's next free posting slot, or now, with the pre-flight check before anything is stored.
Beside the accounts it shows the post it schedules as each ticked account will get it: that
network's text (or thread, part by part) and the image renditions the publisher will send."""

from __future__ import annotations

import html
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, Qt, QTimeZone, QUrl, Signal
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
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from studio.errors import StudioError, in_words
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
                 parent: QWidget | None = None, now: datetime | None = None, at: datetime | None = None,
                 mode: str = "at") -> None:
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
        meant = set(scheduling.accounts_for(library, draft))

        self.accounts = QListWidget()
        self.accounts.setAccessibleName("Accounts")
        for account in library.list_accounts(draft.client_id):
            label = f"{account.network.capitalize()}: {account.handle}"
            if account.settings.get("needs_reconnect"):
                label += " (reconnect needed)"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, account.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if account.id in meant else Qt.CheckState.Unchecked)
            self.accounts.addItem(item)
        self.at_time = QRadioButton("At")
        self.queue = QRadioButton("Add to queue (each account's next free posting slot)")
        self.now_button = QRadioButton("Send now")
        {"queue": self.queue, "now": self.now_button}.get(mode, self.at_time).setChecked(True)
        group = QButtonGroup(self)
        for button in (self.at_time, self.queue, self.now_button):
            group.addButton(button)
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("ddd d MMM yyyy HH:mm")
        self.when.setTimeZone(QTimeZone(str(getattr(self.zone, "key", "UTC")).encode()))
        start = (now or datetime.now(self.zone)).astimezone(self.zone)
        first = int(at.timestamp()) if at is not None else int(start.timestamp()) // 3600 * 3600 + 3600
        self.when.setDateTime(QDateTime.fromSecsSinceEpoch(first, self.when.timeZone()))
        self.zone_label = QLabel(f"Times are in {getattr(self.zone, 'key', str(self.zone))}; stored in UTC.")
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.schedule_button = self.buttons.addButton("Schedule", QDialogButtonBox.ButtonRole.AcceptRole)
        self.schedule_button.setDefault(True)

        self.preview = QTextBrowser()
        self.preview.setAccessibleName("Preview per account")
        self.preview.setOpenLinks(False)
        self.preview.setMinimumWidth(300)
        self._asked = 0

        layout = QVBoxLayout(self)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel("Post with"))
        left.addWidget(self.accounts, 1)
        left.addWidget(self.at_time)
        left.addWidget(self.when)
        left.addWidget(self.zone_label)
        left.addWidget(self.queue)
        left.addWidget(self.now_button)
        right = QVBoxLayout()
        right.addWidget(QLabel("What each account gets"))
        right.addWidget(self.preview, 1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout.addLayout(columns, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.resize(820, 520)
        if self.accounts.count() == 0:
            self.problems.setText("This client has no accounts yet: connect one under Publishing first.")
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
            when = datetime.now(UTC) if self.now_button.isChecked() else self.instant()
            self.tasks.run(_schedule, library, draft_id, ids, when, force, on_done=self._done,
                           on_error=self._failed, pool="writes")

    def refresh_preview(self, *args: object) -> None:
        """Render the post for each ticked account off the UI thread (renditions are made once)."""
        self._asked += 1
        asked = self._asked
        self.tasks.run(_previews, self.library, self.draft_id, self.chosen(),
                       on_done=lambda found: self._show_preview(asked, found),
                       on_error=lambda error: self._preview_failed(asked, error))

    def _preview_failed(self, asked: int, error: BaseException) -> None:
        if asked == self._asked:
            self.preview.setPlainText(f"No preview: {in_words(error)}")

    def _show_preview(self, asked: int, found: list[tuple[str, list[tuple[str, list[tuple[str, str]]]]]]) -> None:
        if asked != self._asked:
            return
        if not found:
            self.preview.setHtml("<p><i>Tick an account to see what it gets.</i></p>")
            return
        blocks = []
        for title, parts in found:
            blocks.append(f"<h4>{html.escape(title)}</h4>")
            for number, (text, images) in enumerate(parts, 1):
                mark = f"<b>{number}/{len(parts)}</b> " if len(parts) > 1 else ""
                blocks.append(f"<p>{mark}{html.escape(text).replace(chr(10), '<br>')}</p>")
                for path, alt in images:
                    url = QUrl.fromLocalFile(path).toString()
                    badge = "ALT" if alt else "no alt text"
                    blocks.append(f"<p><img src='{url}' width='180'><br><small>{badge}: {html.escape(alt)}</small></p>")
        self.preview.setHtml("".join(blocks))

    def _done(self, schedule_ids: list[int]) -> None:
        self.schedule_button.setEnabled(True)
        self.scheduled.emit(schedule_ids)
        self.accept()

    def done(self, result: int) -> None:
        """Closing (accepted or not): a preview still being made is dropped, not shown in a dead dialog."""
        self._asked += 1
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
            self.schedule_button.setText("Schedule anyway")
        elif isinstance(error, StudioError):
            self.problems.setText(error.for_humans())
        else:
            self.problems.setText(f"Something went wrong: {type(error).__name__}. Details are in the log.")


def _previews(library: Library, draft_id: int, ids: list[int]) -> list[tuple[str, list[tuple[str, list[tuple[str, str]]]]]]:
    """On a pool thread: per account, its title and the parts it gets (text, renditions with alt)."""
    from studio.publishing.runner import Runner

    runner = Runner(library)
    found = []
    for account_id in ids:
        account = library.get_account(account_id)
        parts = runner.render(draft_id, account)
        title = f"{account.network.capitalize()}: {account.handle}"
        found.append((title, [(part.text, [(str(m.path), m.alt) for m in part.media]) for part in parts]))
    return found


def _schedule(library: Library, draft_id: int, ids: list[int], when: datetime, force: bool) -> list[int]:
    return [s.id for s in scheduling.schedule(library, draft_id, ids, when, force=force)]


def _queue(library: Library, draft_id: int, ids: list[int], force: bool) -> list[int]:
    return [s.id for s in scheduling.add_to_queue(library, draft_id, ids, force=force)]
