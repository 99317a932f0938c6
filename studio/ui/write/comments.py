"""The review comments beside the text (issue 13): the side tab "Comments (N)", the words selected
in the editor as what a comment is anchored to, and a chosen comment's words selected in the text.

Parts are named as :mod:`studio.review.comments` names them: ``post`` (the base text, also shown for
a network without its own version), ``variant:<network>``, ``thread:<network>:<index>``.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTabWidget

from studio.drafting import BASE, DraftText
from studio.text.positions import cp_to_utf16, utf16_length, utf16_to_cp
from studio.ui.locale_format import number
from studio.ui.review.comments_panel import CommentsPanel

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget as _Widget  # what the mixin is mixed into, for the type checker

    from studio.editors.post.editor import PostEditor
    from studio.editors.post.thread_editor import ThreadEditor
    from studio.editors.post.variants import VariantBar
    from studio.ui.context import AppContext
    from studio.ui.write.opening import Opened
    from studio.ui.write.saver import DraftSaver
else:
    _Widget = object


class CommentsMixin(_Widget):
    """The comments tab's part of the Write page (mixed into
    :class:`studio.ui.write.page.WriteWorkspace`, whose attributes it uses)."""

    context: AppContext
    opened: Opened | None
    draft: DraftText
    current: str
    editor: PostEditor
    thread_editor: ThreadEditor
    variant_bar: VariantBar
    side: QTabWidget
    saver: DraftSaver

    def _build_comments(self) -> None:
        self.comments = CommentsPanel(self.context.library, self.context.tasks, parent=self.side)
        self.side.addTab(self.comments, QCoreApplication.translate("WriteWorkspace", "Comments"))
        self.comments.count_changed.connect(self._comments_counted)
        self.comments.failed.connect(self.context.messages.warning)
        self.comments.comment_selected.connect(self.show_comment)
        # A comment is anchored to the stored text: what was typed is written first.
        for button, slot in ((self.comments.comment_button, self.comments.add_comment),
                             (self.comments.reply_button, self.comments.reply)):
            button.clicked.disconnect(slot)
            button.clicked.connect(lambda _checked=False, then=slot: self._saved_then(then))
        self.editor.selectionChanged.connect(lambda: self._selected(self.editor, self._part_shown()))
        self.side.currentChanged.connect(
            lambda _index: self.comments.refresh() if self.side.currentWidget() is self.comments else None)

    def _saved_then(self, then: object) -> None:
        self.saver.flush_now()
        then()  # type: ignore[operator]

    def _comments_counted(self, count: int) -> None:
        index = self.side.indexOf(self.comments)
        shown = QCoreApplication.translate("WriteWorkspace", "Comments (%1)").replace("%1", number(count))
        self.side.setTabText(index, shown if count else QCoreApplication.translate("WriteWorkspace", "Comments"))

    def _part_shown(self) -> str:
        """The part the main editor shows: the base text, or the current network's own version."""
        return "post" if self.current == BASE or not self.draft.has_variant(self.current) else f"variant:{self.current}"

    def _selected(self, editor: PostEditor, part: str) -> None:
        cursor = editor.textCursor()
        text = editor.text()
        size = utf16_length(text)  # the document may be between two texts (a new version shown)
        start, end = (max(0, min(position, size)) for position in (cursor.selectionStart(), cursor.selectionEnd()))
        with contextlib.suppress(IndexError):  # inside a surrogate pair of a text being replaced
            self.comments.set_selection(part, utf16_to_cp(text, start), utf16_to_cp(text, end))

    def _watch_parts(self) -> None:
        """The thread's part editors (made anew at each showing) tell their selections too."""
        network = self.thread_editor.network
        for index, part in enumerate(self.thread_editor.editors):
            part.selectionChanged.connect(lambda p=part, i=index: self._selected(p, f"thread:{network}:{i}"))

    def show_comment(self, part: str, start: int, end: int) -> None:
        """Select the words comment ``part[start:end]`` is about (showing that part first)."""
        kind, _, rest = part.partition(":")
        network, index = BASE, 0
        if kind == "variant":
            network = rest
        elif kind == "thread":
            network, _, digits = rest.rpartition(":")
            index = int(digits) if digits.isdigit() else 0
        if network != self.current:
            self.variant_bar.select(network)
        if kind == "thread":
            editors = self.thread_editor.editors
            if index >= len(editors):
                return
            editor = editors[index]
        else:
            editor = self.editor
        text = editor.text()
        start, end = min(start, len(text)), min(end, len(text))
        cursor = QTextCursor(editor.document())
        cursor.setPosition(cp_to_utf16(text, start))
        cursor.setPosition(cp_to_utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        editor.ensureCursorVisible()
