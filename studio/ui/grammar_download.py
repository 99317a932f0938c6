"""The dialog that offers to download LanguageTool when local checking has no jars.

The download itself is :func:`studio.grammar.download.download_languagetool` on a worker; the
dialog reads its :class:`DownloadProgress` on a timer (the worker never touches a widget) and
cancels it through the same object. Java is checked first, so a machine without Java 17+ hears that
plainly instead of downloading 250 MB it cannot run.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.errors import in_words
from studio.grammar.download import DownloadCancelled, DownloadProgress, download_languagetool
from studio.ui.tasks import Tasks


def _install(progress: DownloadProgress, version: str, url: str) -> str:
    """Worker: check Java, then download and install; returns the LanguageTool folder."""
    from studio.grammar.local import find_java

    find_java()
    return str(download_languagetool(progress, version=version, url=url))


def _megabytes(count: int) -> str:
    return f"{count / 1_000_000:.0f} MB" if count >= 10_000_000 else f"{count / 1_000_000:.1f} MB"


class GrammarDownloadDialog(QDialog):
    """Offer, progress, cancel, outcome.

    Signals: ``installed(str folder)`` once LanguageTool is in place (the engine then retries).
    """

    installed = Signal(str)

    def __init__(self, tasks: Tasks, parent: QWidget | None = None, *, version: str = "",
                 url: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("grammarDownloadDialog")
        self.setWindowTitle(self.tr("Download LanguageTool"))
        self.tasks = tasks
        self.version = version
        self.url = url
        self.progress: DownloadProgress | None = None
        self.outcome = ""  # "installed", "cancelled", "failed" (tests and the caller read it)

        self.message = QLabel(
            self.tr("<p><b>Local grammar checking needs LanguageTool</b>, which is not on this computer "
                    "yet.</p><p>Studio can download it now (about 250 MB, once). It runs on this computer "
                    "only: nothing you write is sent anywhere. It needs Java 17 or newer.</p>")
        )
        self.message.setObjectName("downloadMessage")
        self.message.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setObjectName("downloadProgress")
        self.bar.setVisible(False)
        self.bar.setTextVisible(True)
        self.detail = QLabel("")
        self.detail.setObjectName("downloadDetail")
        self.detail.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.start_button = QPushButton(self.tr("Download"))
        self.start_button.setObjectName("downloadStart")
        self.start_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Not now"))
        self.cancel_button.setObjectName("downloadCancel")
        self.buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.bar)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._show_progress)

    @property
    def running(self) -> bool:
        return self.progress is not None

    def start(self) -> None:
        """Begin (or retry) the download on a worker."""
        if self.running:
            return
        progress = DownloadProgress()
        self.progress = progress
        self.outcome = ""
        self.bar.setVisible(True)
        self.bar.setRange(0, 0)  # busy until the size is known
        self.detail.setText(self.tr("Connecting…"))
        self.start_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Cancel"))
        self._timer.start()
        self.tasks.run(_install, progress, self.version, self.url,
                       on_done=self._finished, on_error=self._failed)

    def cancel(self) -> None:
        """Cancel a running download, or close the dialog."""
        if self.progress is not None:
            self.progress.cancel()
            self.detail.setText(self.tr("Cancelling…"))
            self.cancel_button.setEnabled(False)
        else:
            self.reject()

    def _show_progress(self) -> None:
        progress = self.progress
        if progress is None:
            return
        if progress.total > 0:
            self.bar.setRange(0, 1000)
            self.bar.setValue(min(1000, progress.done * 1000 // progress.total))
            self.detail.setText(self.tr("%1 of %2").replace("%1", _megabytes(progress.done)).replace("%2", _megabytes(progress.total)))
        elif progress.done:
            self.detail.setText(self.tr("%1 downloaded").replace("%1", _megabytes(progress.done)))
        if progress.phase == "extracting":
            self.bar.setRange(0, 0)
            self.detail.setText(self.tr("Unpacking…"))

    def _idle(self) -> None:
        self._timer.stop()
        self.progress = None
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Close"))
        self.bar.setVisible(False)

    def _finished(self, folder: str) -> None:
        self._idle()
        self.outcome = "installed"
        self.detail.setText(self.tr("LanguageTool is installed in %1.").replace("%1", str(folder)))
        self.installed.emit(folder)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._idle()
        if isinstance(error, DownloadCancelled):
            self.outcome = "cancelled"
            self.detail.setText(self.tr("Download cancelled; nothing was installed."))
            self.start_button.setText(self.tr("Download"))
            return
        self.outcome = "failed"
        self.detail.setText(in_words(error, self.tr("Unexpected error")))
        self.start_button.setText(self.tr("Try again"))

    def reject(self) -> None:
        if self.progress is not None:
            self.progress.cancel()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.progress is not None:
            self.progress.cancel()
        super().closeEvent(event)
