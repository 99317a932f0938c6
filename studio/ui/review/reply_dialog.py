"""Import reply code…: paste what the client sent back (the code, or the whole message with it)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from studio.errors import in_words
from studio.ui.locale_format import number
from studio.ui.tasks import Tasks
from studio.ui.translation import QT_TRANSLATE_NOOP

# The verdicts of a reply code (``studio.review.codes.VERDICTS``), collected for translation.
VERDICT_WORDS = (QT_TRANSLATE_NOOP("ReplyDialog", "approved"), QT_TRANSLATE_NOOP("ReplyDialog", "changes requested"),
                 QT_TRANSLATE_NOOP("ReplyDialog", "rejected"))

class ReplyCodeDialog(QDialog):
    """Verifies the code's signature, applies the answers and lists each one: applied, or not
    applied and why (a post edited since the pack was made).

    Signals: ``imported(object report)`` with the :class:`studio.review.codes.ImportReport`.
    """

    imported = Signal(object)

    def __init__(self, library: Any, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self.setWindowTitle(self.tr("Import reply code"))
        self.setMinimumWidth(520)
        intro = QLabel(self.tr("Paste the client's reply: the code that starts with STUDIO1- (the rest of the message "
                               "may come with it)."))
        intro.setWordWrap(True)
        self.code = QPlainTextEdit()
        self.code.setAccessibleName(self.tr("Reply code"))
        self.code.setPlaceholderText("STUDIO1-…")
        self.message = QLabel()
        self.message.setObjectName("replyMessage")
        self.message.setWordWrap(True)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Answers"))
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.code, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)

    def run_import(self) -> None:
        from studio.review.codes import import_code

        text = self.code.toPlainText()
        if not text.strip():
            self.message.setText(self.tr("Paste the reply code first."))
            return
        self.import_button.setEnabled(False)
        self.tasks.run(import_code, self.library, text, on_done=self._done, on_error=self._failed, pool="writes")

    def _done(self, report: Any) -> None:
        from studio.review.codes import VERDICTS

        self.results.clear()
        for answer in report.answers:
            verdict = self.tr(VERDICTS[answer.verdict])
            if answer.applied:
                line = self.tr("Post %1: %2").replace("%1", str(answer.draft_id)).replace("%2", verdict)
            else:
                line = self.tr("Post %1: NOT applied (%2). %3").replace("%1", str(answer.draft_id)).replace(
                    "%2", verdict).replace("%3", answer.reason)
            if answer.comment:
                line += f" “{answer.comment}”"
            self.results.addItem(line)
        self.results.show()
        flagged = len(report.flagged)
        self.message.setText(self.tr("Answers from %1: %2 applied").replace("%1", report.reviewer).replace(
            "%2", number(len(report.applied)))
                             + (self.tr(", %1 not applied (see below).").replace("%1", number(flagged)) if flagged else "."))
        self.import_button.setEnabled(True)
        self.imported.emit(report)

    def _failed(self, error: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.message.setText(in_words(error))
