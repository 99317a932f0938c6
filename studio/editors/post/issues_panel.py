"""The issues panel: every issue of the text, with jump-to."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from studio.editors.post.highlighter import category_colour
from studio.editors.post.marks import Mark
from studio.text.positions import span_utf16_to_cp

CATEGORY_TITLES = {
    "spelling": "Spelling",
    "grammar": "Grammar",
    "style": "Style",
    "brand": "Brand",
    "typography": "Typography",
    "other": "Other",
}


def _dot(colour: QColor) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(colour)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


class IssuePanel(QWidget):
    """A list of issues; activating one (click or Enter) asks the editor to jump to it.

    Signals: ``jump_requested(object mark)``.
    """

    jump_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setObjectName("issuesSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.list = QListWidget(self)
        self.list.setObjectName("issuesList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        layout.addWidget(self.list, 1)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self._marks: list[Mark] = []
        self.set_marks("", [])

    def set_marks(self, text: str, marks: Sequence[Mark], *, checking: bool = False) -> None:
        """Show ``marks`` of ``text`` (the editor's text, for the words under them)."""
        self._marks = list(marks)
        self.list.clear()
        for mark in marks:
            word = text[slice(*span_utf16_to_cp(text, mark.start, mark.end))]
            title = CATEGORY_TITLES.get(mark.issue.category, "Other")
            label = f"{title}: {mark.issue.message}"
            if word.strip():
                label = f"“{word.strip()[:40]}” · " + label
            item = QListWidgetItem(_dot(category_colour(mark.issue.category)), label)
            item.setToolTip(mark.issue.message)
            item.setData(Qt.ItemDataRole.UserRole, self.list.count())
            self.list.addItem(item)
        if marks:
            self.summary.setText(f"{len(marks)} issue{'s' if len(marks) != 1 else ''} · F8 next, Ctrl+. fixes")
        else:
            self.summary.setText("Checking…" if checking else "No issues found.")

    def marks(self) -> list[Mark]:
        return self._marks

    def _activated(self, item: QListWidgetItem) -> None:
        index = int(item.data(Qt.ItemDataRole.UserRole))
        if 0 <= index < len(self._marks):
            self.jump_requested.emit(self._marks[index])
