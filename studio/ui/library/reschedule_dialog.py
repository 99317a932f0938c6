"""Reschedule from the drafts list: move each of a draft's scheduled posts to a new time."""

from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime, time, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from studio.errors import StudioError, in_words
from studio.library.times import local_zone, parse_iso, wall_clock
from studio.model import Schedule
from studio.ui.tasks import Tasks

if TYPE_CHECKING:
    from studio.library import Library

MOVABLE = (None, "scheduled", "failed-retry", "failed-permanent", "cancelled")


class RescheduleDialog(QDialog):
    """One date-and-time field per post of the draft, on the user's wall clock (DST-safe: the
    library stores UTC). Posts being sent or already published are shown, not editable.

    Signals: ``rescheduled(int draft_id)`` after the new times are stored.
    """

    rescheduled = Signal(int)

    def __init__(self, library: Library, tasks: Tasks, draft_id: int, zone: tzinfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self.draft_id = draft_id
        self.zone = zone or local_zone()
        self.setWindowTitle(self.tr("Reschedule"))
        self.schedules: list[Schedule] = library.schedules_of(draft_id)
        self.fields: dict[int, QDateTimeEdit] = {}
        form = QFormLayout()
        for schedule in self.schedules:
            local = parse_iso(schedule.scheduled_at).astimezone(self.zone)
            field = QDateTimeEdit(QDateTime(QDate(local.year, local.month, local.day),
                                            QTime(local.hour, local.minute)))
            field.setDisplayFormat("ddd d MMM yyyy  HH:mm")
            field.setCalendarPopup(True)
            field.setEnabled(schedule.state in MOVABLE)
            if not field.isEnabled():
                field.setToolTip(self.tr("Being sent or already published: it stays where it is."))
            self.fields[schedule.id] = field
            form.addRow(self._label(schedule), field)
        self.message = QLabel()
        self.message.setObjectName("rescheduleMessage")
        self.message.setWordWrap(True)
        if not self.schedules:
            self.message.setText(self.tr("This draft is not scheduled. Use Schedule… to give it a time."))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _label(self, schedule: Schedule) -> str:
        where = schedule.network.capitalize()
        if schedule.account_id is not None:
            with contextlib.suppress(StudioError):  # an account removed since: the network says enough
                where += f" ({self.library.get_account(schedule.account_id).handle})"
        return where

    def moves(self) -> list[tuple[int, datetime]]:
        """The posts whose time changed, with their new aware times."""
        changed = []
        for schedule in self.schedules:
            field = self.fields[schedule.id]
            if not field.isEnabled():
                continue
            qdate, qtime = field.date(), field.time()
            when = wall_clock(date(qdate.year(), qdate.month(), qdate.day()),
                              time(qtime.hour(), qtime.minute()), self.zone)
            if when != parse_iso(schedule.scheduled_at):
                changed.append((schedule.id, when))
        return changed

    def accept(self) -> None:
        moves = self.moves()
        if not moves:
            super().accept()
            return
        if any(when <= datetime.now(UTC) for _, when in moves):
            self.message.setText(
                self.tr("A new time is in the past: the post would go out at once. Choose a later time."))
            return
        self.buttons.setEnabled(False)
        self.tasks.run(_move, self.library, moves, on_done=self._moved, on_error=self._failed, pool="writes")

    def _moved(self, _result: object) -> None:
        self.rescheduled.emit(self.draft_id)
        super().accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(in_words(error))


def _move(library: Library, moves: list[tuple[int, datetime]]) -> None:
    with library.transaction():
        for schedule_id, when in moves:
            library.reschedule(schedule_id, when)
