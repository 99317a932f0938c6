"""The calm dialog for an unexpected error: what happened, that nothing was lost, copy details."""

from __future__ import annotations

import logging
import sys
import traceback
from html import escape
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.errors import StudioError
from studio.logs import log_file

log = logging.getLogger(__name__)


class ErrorDialog(QDialog):
    """Shows an unexpected error without alarming words; the details are one click away."""

    def __init__(self, summary: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        self.details = details
        message = QLabel(
            f"<p><b>{escape(summary)}</b></p><p>"
            + self.tr("Studio is still running and your drafts are saved. If this keeps happening, copy "
                      "the details into a bug report. They are also in the log file:")
            + f"<br><code>{escape(str(log_file()))}</code></p>"
        )
        message.setWordWrap(True)
        message.setObjectName("errorSummary")
        self.text = QPlainTextEdit(details)
        self.text.setReadOnly(True)
        self.text.setVisible(False)
        self.text.setMinimumHeight(200)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        show = QPushButton(self.tr("Show details"))
        show.setCheckable(True)
        show.toggled.connect(self.text.setVisible)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(show, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Copied"))


class ExceptionHook:
    """Replaces ``sys.excepthook`` while the GUI runs: log, then show one dialog at a time.

    A :class:`StudioError` that escaped is a user-facing problem, shown as a plain message; any
    other exception is a bug, shown with its details. Errors that arrive while a dialog is open are
    logged and counted, never stacked into a cascade of dialogs.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent
        self.showing = False
        self.shown: list[str] = []
        self._previous = sys.excepthook

    def install(self) -> None:
        sys.excepthook = self

    def uninstall(self) -> None:
        sys.excepthook = self._previous

    def __call__(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        details = "".join(traceback.format_exception(kind, error, tb))
        if isinstance(error, StudioError):
            log.warning("Unhandled: %s", error.for_humans())
            summary = error.for_humans()
        else:
            log.error("Unexpected error\n%s", details)
            summary = (QCoreApplication.translate("ErrorDialog", "An unexpected error occurred: %1").replace("%1", str(error))
                       if str(error) else QCoreApplication.translate("ErrorDialog", "An unexpected error occurred."))
        self.shown.append(summary)
        if self.showing or QApplication.instance() is None:
            return
        # Shown from the event loop: an exception raised inside a paint event must not open a
        # modal dialog in the middle of that paint.
        QTimer.singleShot(0, lambda: self._show(summary, details))

    def _show(self, summary: str, details: str) -> None:
        self.showing = True
        try:
            ErrorDialog(summary, details, self.parent).exec()
        finally:
            self.showing = False
