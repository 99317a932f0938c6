"""The comments of one draft: threads anchored to words, with replies, resolve and reopen.

Made to be mounted beside an editor (the Write page): the editor tells the panel which words are
selected (:meth:`CommentsPanel.set_selection`), the panel asks the editor to show a comment's words
(``comment_selected``). Reads run on the general pool, writes on the writes pool.
"""

from __future__ import annotations

import getpass
from datetime import UTC
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.errors import in_words
from studio.library.times import parse_iso
from studio.review import comments
from studio.review.comments import Comment
from studio.ui import locale_format
from studio.ui.locale_format import number
from studio.ui.tasks import Tasks

_ROLE = Qt.ItemDataRole.UserRole


class CommentsPanel(QWidget):
    """Signals: ``comment_selected(str part, int start, int end)`` when a thread is chosen (the
    editor selects its words; nothing for an outdated one); ``count_changed(int)`` with the number
    of open threads; ``failed(str)`` with an error in words."""

    comment_selected = Signal(str, int, int)
    count_changed = Signal(int)
    failed = Signal(str)

    def __init__(self, library: Any, tasks: Tasks, author: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self.author = author or getpass.getuser()
        self.draft_id: int | None = None
        self.selection: tuple[str, int, int] = ("post", 0, 0)
        self.threads: list[Comment] = []

        self.title = QLabel(self.tr("Comments"))
        self.title.setObjectName("commentsTitle")
        self.show_resolved = QCheckBox(self.tr("Show resolved"))
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Comments"))
        self.tree.setWordWrap(True)
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText(self.tr("Write a comment or a reply…"))
        self.editor.setAccessibleName(self.tr("Comment text"))
        self.editor.setMaximumHeight(90)
        self.comment_button = QPushButton(self.tr("Comment"))
        self.comment_button.setToolTip(self.tr("Comment on the selected words (or on the whole post)"))
        self.reply_button = QPushButton(self.tr("Reply"))
        self.resolve_button = QPushButton(self.tr("Resolve"))
        buttons = QHBoxLayout()
        for button in (self.comment_button, self.reply_button, self.resolve_button):
            buttons.addWidget(button)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.show_resolved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.editor)
        layout.addLayout(buttons)

        self.show_resolved.toggled.connect(lambda _on: self._fill())
        self.tree.currentItemChanged.connect(self._current_changed)
        self.comment_button.clicked.connect(self.add_comment)
        self.reply_button.clicked.connect(self.reply)
        self.resolve_button.clicked.connect(self.toggle_resolved)
        self._update_buttons()

    # --- the API the Write page uses -------------------------------------------------------------

    def set_draft(self, draft_id: int | None) -> None:
        """Show ``draft_id``'s comments (``None``: none)."""
        self.draft_id = draft_id
        self.selection = ("post", 0, 0)
        self.refresh()

    def set_selection(self, part: str, start: int, end: int) -> None:
        """The words selected in the editor (code points of ``part``'s text), what Comment anchors to."""
        self.selection = (part, start, end)

    def refresh(self) -> None:
        draft_id = self.draft_id
        if draft_id is None:
            self.threads = []
            self._fill()
            return
        self.tasks.run(comments.threads, self.library, draft_id,
                       on_done=lambda found: self._loaded(draft_id, found), on_error=self._error)

    # --- actions ---------------------------------------------------------------------------------

    def add_comment(self) -> None:
        body = self.editor.toPlainText().strip()
        if self.draft_id is None or not body:
            return
        part, start, end = self.selection
        self._write(comments.add, self.library, self.draft_id, body, self.author, part=part, start=start, end=end)

    def reply(self) -> None:
        body = self.editor.toPlainText().strip()
        chosen = self._chosen()
        if chosen is None or not body:
            return
        self._write(comments.reply, self.library, chosen.id, body, self.author)

    def toggle_resolved(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        root = next((t for t in self.threads if t.id == (chosen.parent_id or chosen.id)), chosen)
        self._write(comments.set_resolved, self.library, root.id, not root.resolved, clear=False)

    # --- inside ----------------------------------------------------------------------------------

    def _write(self, fn: Any, *args: Any, clear: bool = True, **kwargs: Any) -> None:
        def done(_result: object) -> None:
            if clear:
                self.editor.clear()
            self.refresh()

        self.tasks.run(lambda: fn(*args, **kwargs), on_done=done, on_error=self._error, pool="writes")

    def _loaded(self, draft_id: int, found: list[Comment]) -> None:
        if draft_id != self.draft_id:
            return  # an answer for a draft no longer shown
        self.threads = found
        self._fill()

    def _fill(self) -> None:
        current = self._chosen()
        self.tree.clear()
        open_count = 0
        for thread in self.threads:
            open_count += not thread.resolved
            if thread.resolved and not self.show_resolved.isChecked():
                continue
            item = self._item(thread)
            for answer in thread.replies:
                item.addChild(self._item(answer))
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
            if current is not None and current.id == thread.id:
                self.tree.setCurrentItem(item)
        self.title.setText(self.tr("Comments (%1 open)").replace("%1", number(open_count)) if self.threads
                           else self.tr("Comments"))
        self.count_changed.emit(open_count)
        self._update_buttons()

    def _item(self, comment: Comment) -> QTreeWidgetItem:
        flags = [word for word, on in ((self.tr("resolved"), comment.resolved), (self.tr("outdated"), comment.outdated)) if on]
        about = self.tr(" on “%1”").replace("%1", comment.quote) if comment.quote else ""
        head = f"{comment.author}{about}" + (f" ({', '.join(flags)})" if flags else "")
        item = QTreeWidgetItem([f"{head}\n{comment.body}"])
        item.setData(0, _ROLE, comment)
        item.setToolTip(0, f"{locale_format.moment(parse_iso(comment.created_at).astimezone(UTC), locale_format.DATE_TIME)} UTC")
        if flags:
            item.setForeground(0, QColor(self.palette().color(self.palette().ColorRole.PlaceholderText)))
        return item

    def _chosen(self) -> Comment | None:
        item = self.tree.currentItem()
        return item.data(0, _ROLE) if item is not None else None

    def _current_changed(self, *_args: object) -> None:
        chosen = self._chosen()
        self._update_buttons()
        if chosen is not None and chosen.parent_id is None and chosen.quote and not chosen.outdated:
            self.comment_selected.emit(chosen.part, chosen.start, chosen.end)

    def _update_buttons(self) -> None:
        chosen = self._chosen()
        self.comment_button.setEnabled(self.draft_id is not None)
        self.reply_button.setEnabled(chosen is not None)
        self.resolve_button.setEnabled(chosen is not None)
        root = next((t for t in self.threads if chosen is not None and t.id == (chosen.parent_id or chosen.id)), None)
        self.resolve_button.setText(self.tr("Reopen") if root is not None and root.resolved else self.tr("Resolve"))

    def _error(self, error: BaseException) -> None:
        self.failed.emit(in_words(error))
