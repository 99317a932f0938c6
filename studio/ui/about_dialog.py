"""Help → About: versions, and where Studio keeps its files."""

from __future__ import annotations

import platform
from html import escape

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from studio import __version__
from studio.logs import log_file
from studio.paths import config_dir
from studio.ui.context import AppContext


def _pillow_version() -> str:
    try:
        import PIL

        return str(PIL.__version__)
    except ImportError:  # pragma: no cover - Pillow is a dependency
        return QCoreApplication.translate("AboutDialog", "not installed")


class AboutDialog(QDialog):
    """Version information, the library, settings and log locations, with a button to open each."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Studio"))
        rows = [
            ("Studio", __version__),
            ("Qt", f"{qVersion()} (PySide6 {pyside_version})"),
            ("Python", platform.python_version()),
            ("Pillow", _pillow_version()),
            (self.tr("Library"), str(context.library_dir)),
            (self.tr("Settings"), str(config_dir())),
            (self.tr("Log file"), str(log_file())),
        ]
        table = "".join(
            f"<tr><td style='padding-right:12px'><b>{escape(name)}</b></td><td>{escape(value)}</td></tr>"
            for name, value in rows
        )
        text = QLabel(
            "<h2>Studio</h2><p>" + self.tr("Write, check, crop and schedule posts for every network, on your "
                                           "own computer.") + "</p>"
            f"<table>{table}</table>"
            "<p>" + self.tr("Free software under the GNU GPL, version 3 or later.") + "</p>"
        )
        text.setObjectName("aboutText")
        text.setWordWrap(True)
        text.setTextInteractionFlags(text.textInteractionFlags() | text.textInteractionFlags().TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        open_library = QPushButton(self.tr("Open library folder"))
        open_library.clicked.connect(lambda: self._open(str(context.library_dir)))
        open_logs = QPushButton(self.tr("Open log folder"))
        open_logs.clicked.connect(lambda: self._open(str(log_file().parent)))
        buttons.addButton(open_library, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(open_logs, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)

    @staticmethod
    def _open(path: str) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))
