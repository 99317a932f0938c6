"""The issues panel: every issue of the text (or of each part of a thread), with jump-to."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from studio.editors.post.highlighter import category_colour
from studio.editors.post.marks import Mark
from studio.editors.translation import QT_TRANSLATE_NOOP
from studio.model import Issue
from studio.text.positions import span_utf16_to_cp

CATEGORY_TITLES = {
    "spelling": QT_TRANSLATE_NOOP("IssuePanel", "Spelling"),
    "grammar": QT_TRANSLATE_NOOP("IssuePanel", "Grammar"),
    "punctuation": QT_TRANSLATE_NOOP("IssuePanel", "Punctuation"),
    "typography": QT_TRANSLATE_NOOP("IssuePanel", "Typography"),
    "style": QT_TRANSLATE_NOOP("IssuePanel", "Style"),
    "brand": QT_TRANSLATE_NOOP("IssuePanel", "Brand"),
    "other": QT_TRANSLATE_NOOP("IssuePanel", "Other"),
}


def category_title(category: str) -> str:
    """The category of an issue in words ("Punctuation"), translated."""
    return QCoreApplication.translate("IssuePanel", CATEGORY_TITLES.get(category, "Other"))


def issue_tooltip(issue: Issue) -> str:
    """The message, then the rule in words with its id (for the list and the card)."""
    rule = f"{issue.description} ({issue.rule})" if issue.description else issue.rule
    return f"{issue.message}\n{rule}"


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

    Signals: ``jump_requested(object mark)``; ``part_jump_requested(int part, object mark)`` for
    an issue of a thread's part (see :meth:`set_parts`); ``show_ignored_requested()`` when the
    user wants what was ignored in this post shown again (see :meth:`set_ignored`).
    """

    jump_requested = Signal(object)
    part_jump_requested = Signal(int, object)
    show_ignored_requested = Signal()

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
        self.ignored = QPushButton()
        self.ignored.setObjectName("showIgnored")
        self.ignored.setFlat(True)
        self.ignored.setToolTip(self.tr("Check this post again for the rules ignored in it (the client's own stay ignored)"))
        self.ignored.clicked.connect(self.show_ignored_requested.emit)
        self.ignored.hide()
        layout.addWidget(self.ignored, 0, Qt.AlignmentFlag.AlignLeft)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self._marks: list[Mark] = []
        self._parts: list[int] = []  # the part of each mark; empty for a single text
        self._checking = False
        self._not_checked = ""
        self.set_marks("", [])

    def set_marks(self, text: str, marks: Sequence[Mark]) -> None:
        """Show ``marks`` of ``text`` (the editor's text, for the words under them)."""
        self._show([(text, marks)], numbered=False)

    def set_parts(self, parts: Sequence[tuple[str, Sequence[Mark]]]) -> None:
        """Show the issues of a thread: ``(text, marks)`` of each part, labelled with its number."""
        self._show(parts, numbered=True)

    def set_not_checked(self, reason: str) -> None:
        """Why the grammar of the post is not checked ("": it is), said instead of "No issues found."."""
        self._not_checked = reason
        self._summarise()

    def set_checking(self, checking: bool) -> None:
        """A grammar check is running (or not): an empty list then says "Checking…"."""
        self._checking = checking
        self._summarise()

    def _show(self, parts: Sequence[tuple[str, Sequence[Mark]]], *, numbered: bool) -> None:
        self._marks, self._parts = [], []
        self.list.clear()
        for number, (text, marks) in enumerate(parts):
            for mark in marks:
                word = text[slice(*span_utf16_to_cp(text, mark.start, mark.end))]
                title = category_title(mark.issue.category)
                label = f"{title}: {mark.issue.message}"
                if word.strip():
                    label = f"“{word.strip()[:40]}” · " + label
                if numbered:
                    label = self.tr("Part %1 · ").replace("%1", QLocale().toString(number + 1)) + label
                    self._parts.append(number)
                item = QListWidgetItem(_dot(category_colour(mark.issue.category)), label)
                item.setToolTip(issue_tooltip(mark.issue))
                item.setData(Qt.ItemDataRole.UserRole, self.list.count())
                self.list.addItem(item)
                self._marks.append(mark)
        self._summarise()

    def _summarise(self) -> None:
        if self._marks:
            count = len(self._marks)
            issues = self.tr("1 issue") if count == 1 else self.tr("%1 issues").replace("%1", QLocale().toString(count))
            self.summary.setText(self.tr("%1 · F8 next, Ctrl+. fixes").replace("%1", issues))
        else:
            self.summary.setText(self._not_checked or (self.tr("Checking…") if self._checking
                                                        else self.tr("No issues found.")))

    def set_ignored(self, count: int) -> None:
        """How many rules this post ignores (0 hides the button that shows them again)."""
        self.ignored.setText(self.tr("1 rule ignored in this post · Show again") if count == 1 else self.tr(
            "%1 rules ignored in this post · Show again").replace("%1", QLocale().toString(count)))
        self.ignored.setVisible(count > 0)

    def _activated(self, item: QListWidgetItem) -> None:
        index = int(item.data(Qt.ItemDataRole.UserRole))
        if not 0 <= index < len(self._marks):
            return
        if self._parts:
            self.part_jump_requested.emit(self._parts[index], self._marks[index])
        else:
            self.jump_requested.emit(self._marks[index])
