"""Drafts dropped from the Library's list onto the calendar: scheduled on the day they land on."""

from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

from studio.ui.library.model import DRAFT_MIME


class DraftDrops:
    """Mixed into the calendar grid (before ``QWidget``): accepts a dragged draft row and emits
    the grid's ``schedule_requested(draft_id, day, time or None)`` where it is dropped."""

    mode: str
    if TYPE_CHECKING:  # the grid's own, declared for the type checker
        def day_at(self, point: QPoint) -> date | None: ...

        def time_at(self, point: QPoint) -> time: ...

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(DRAFT_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(DRAFT_MIME) and self.day_at(event.position().toPoint()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        point = event.position().toPoint()
        day = self.day_at(point)
        mime = event.mimeData()
        raw = bytes(mime.data(DRAFT_MIME).data()).decode() if mime.hasFormat(DRAFT_MIME) else ""
        if day is None or not raw.isdigit():
            event.ignore()
            return
        event.acceptProposedAction()
        self.schedule_requested.emit(  # type: ignore[attr-defined]
            int(raw), day, self.time_at(point) if self.mode == "week" else None)
