"""Editing a thread: the parts of a post split for X, Bluesky, Mastodon or Threads, each with its
own counter, all still editable."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from studio.editors.post.counters import ERROR, counter_text, counter_tooltip
from studio.editors.post.editor import PostEditor
from studio.editors.post.marks import Mark
from studio.model import BrandRules
from studio.text import count


class ThreadEditor(QWidget):
    """The parts of one network's thread.

    Signals: ``parts_changed(list parts)`` and ``part_edited()`` at each edit of a part (the page
    debounces what follows: saving, previews, checks); ``join_requested()`` when the user wants one post again; ``resplit_requested(bool numbered)``;
    ``word_added(str word)`` when a part's menu adds a word to the client's dictionary;
    ``rule_ignored(str rule)`` and ``rule_ignored_for_client(str rule)`` when a part's menu ignores a
    rule (in this post, or in all of the client's posts); ``marks_changed()`` when a part's
    visible issues change; ``fix_applied()`` after a fix from a part's card or menu.
    """

    parts_changed = Signal(list)
    part_edited = Signal()
    word_added = Signal(str)
    rule_ignored = Signal(str)
    rule_ignored_for_client = Signal(str)
    marks_changed = Signal()
    fix_applied = Signal()
    join_requested = Signal()
    resplit_requested = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.network = ""
        self.limit: int | None = None
        self.brand_rules = BrandRules()
        self.dictionary: set[str] = set()  # shared with the main editor by the workspace
        self.disabled_rules: set[str] = set()  # likewise
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.title = QLabel()
        bar.addWidget(self.title, 1)
        self.renumber = QPushButton(self.tr("Split again, numbered"))
        self.renumber.clicked.connect(lambda: self.resplit_requested.emit(True))
        bar.addWidget(self.renumber)
        self.join = QPushButton(self.tr("Join into one post"))
        self.join.clicked.connect(self.join_requested.emit)
        bar.addWidget(self.join)
        layout.addLayout(bar)
        self.area = QScrollArea(self)
        self.area.setWidgetResizable(True)
        layout.addWidget(self.area, 1)
        self.editors: list[PostEditor] = []
        self.counters: list[QLabel] = []

    def set_parts(self, network_id: str, title: str, parts: Sequence[str], limit: int | None = None) -> None:
        self.network, self.limit = network_id, limit
        shown = self.tr("%1 thread · 1 part") if len(parts) == 1 else self.tr("%1 thread · %2 parts")
        self.title.setText(shown.replace("%2", QLocale().toString(len(parts))).replace("%1", title))
        holder = QWidget()
        column = QVBoxLayout(holder)
        self.editors, self.counters = [], []
        for number, part in enumerate(parts, 1):
            editor = PostEditor(holder)
            editor.setObjectName(f"threadPart{number}")
            editor.brand_rules = self.brand_rules
            editor.dictionary = self.dictionary
            editor.disabled_rules = self.disabled_rules
            editor.word_added.connect(self.word_added.emit)
            editor.rule_ignored.connect(self.rule_ignored.emit)
            editor.rule_ignored_for_client.connect(self.rule_ignored_for_client.emit)
            editor.marks_changed.connect(self.marks_changed.emit)
            editor.fix_applied.connect(lambda _revision: self.fix_applied.emit())
            editor.set_text(part)
            editor.setMinimumHeight(90)
            editor.setMaximumHeight(160)
            counter = QLabel()
            column.addWidget(QLabel(self.tr("Part %1").replace("%1", QLocale().toString(number))))
            column.addWidget(editor)
            column.addWidget(counter)
            editor.edited.connect(lambda _rev, e=editor, c=counter: self._edited(e, c))
            self.editors.append(editor)
            self.counters.append(counter)
            self._update_counter(editor, counter)
        column.addStretch(1)
        self.area.setWidget(holder)

    def go_to(self, part: int, mark: Mark) -> None:
        """Scroll to part ``part`` and select ``mark`` in it (the issues panel's jump)."""
        if 0 <= part < len(self.editors):
            editor = self.editors[part]
            self.area.ensureWidgetVisible(editor)
            editor.go_to(mark)

    def parts(self) -> list[str]:
        return [editor.text().strip() for editor in self.editors if editor.text().strip()]

    def _edited(self, editor: PostEditor, counter: QLabel) -> None:
        self._update_counter(editor, counter)
        self.parts_changed.emit(self.parts())
        self.part_edited.emit()

    def _update_counter(self, editor: PostEditor, counter: QLabel) -> None:
        result = count(editor.text(), self.network, limit=self.limit)
        counter.setText(counter_text(result))
        counter.setToolTip(counter_tooltip(result))
        counter.setStyleSheet("" if result.ok else f"color: {ERROR}; font-weight: 600;")
        editor.set_over_from(result.over_from)
