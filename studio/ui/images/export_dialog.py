"""The export dialog: which presets, where, which format; a progress bar and a working Cancel.

The export itself is :func:`studio.imaging.export.export` on a worker thread; it reports progress
through a small relay object (a queued signal), and a :class:`threading.Event` cancels it between
files. Files already written when Cancel is pressed are complete and stay.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.errors import in_words
from studio.imaging.errors import ExportCancelled
from studio.imaging.export import Rendition
from studio.imaging.geometry import Crop
from studio.imaging.presets import Preset
from studio.ui.locale_format import counted, number
from studio.ui.tasks import Tasks


class ExportProgress(QObject):
    """Carries progress from the export thread to the dialog.

    Signals: ``advanced(int done, int total, str label)``.
    """

    advanced = Signal(int, int, str)

    def report(self, done: int, total: int, label: str) -> None:
        self.advanced.emit(done, total, label)


def run_export(source: Path, presets: list[Preset], folder: Path, crops: dict[str, Crop],
               focal: tuple[float, float], fmt: str, keep_copyright: bool, stem: str,
               background: tuple[int, int, int], relay: ExportProgress,
               cancel: threading.Event) -> list[Rendition]:
    """The worker's job: plain data in, renditions out."""
    from studio.imaging.export import export

    return export(source, presets, folder, crops=crops, focal=focal, fmt=fmt, keep_copyright=keep_copyright,
                  progress=relay.report, cancel=cancel, stem=stem, background=background,
                  one_file_per_picture=True)


def describe_export(renditions: Sequence[Rendition], folder: Path, labels: Mapping[str, str]) -> str:
    """What an export wrote, in words: how many presets, how many files, which presets share one
    (``labels``: the presets' names by id)."""
    from studio.imaging.export import shared_files

    files = len({item.path for item in renditions})
    presets = len(renditions)
    text = (QCoreApplication.translate("ExportDialog", "Exported %1 as %2 to %3.")
            .replace("%1", counted(presets, QCoreApplication.translate("ExportDialog", "1 preset"),
                                   QCoreApplication.translate("ExportDialog", "%1 presets")))
            .replace("%2", counted(files, QCoreApplication.translate("ExportDialog", "1 file"),
                                   QCoreApplication.translate("ExportDialog", "%1 files")))
            .replace("%3", str(folder)))
    for path, items in shared_files(renditions).items():
        names = ", ".join(labels.get(item.preset, item.preset) for item in items)
        text += "\n" + QCoreApplication.translate("ExportDialog", "The same picture for %1: one file, %2.").replace(
            "%1", names).replace("%2", path.name)
    return text


class ExportDialog(QDialog):
    """Export the open photo to the chosen presets.

    Signals: ``exported(object renditions)`` with the list of :class:`Rendition` after a full export.
    """

    exported = Signal(object)

    def __init__(self, tasks: Tasks, source: Path, presets: Sequence[Preset], crops: Mapping[str, Crop],
                 focal: tuple[float, float], folder: Path, stem: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export images"))
        self.tasks = tasks
        self.source = source
        self.crops = dict(crops)
        self.focal = focal
        self.stem = stem
        self.running = False
        self.cancel_event = threading.Event()
        self.relay = ExportProgress(self)
        self.relay.advanced.connect(self._advanced)
        self.renditions: list[Rendition] = []

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Presets to export"))
        for preset in presets:
            item = QListWidgetItem(f"{preset.label}  ({preset.width} x {preset.height})")
            item.setData(Qt.ItemDataRole.UserRole, preset)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        self.folder = QLineEdit(str(folder))
        self.folder.setAccessibleName(self.tr("Folder for the files"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.format = QComboBox()
        for value, label in (("auto", self.tr("Automatic (JPEG for photos, PNG for transparency)")), ("jpeg", "JPEG"),
                             ("png", "PNG"), ("webp", "WebP")):
            self.format.addItem(label, value)
        self.background = QColor("#ffffff")
        self.background_button = QPushButton()
        self.background_button.setToolTip(self.tr("The colour behind transparent areas in JPEG files"))
        self.background_button.clicked.connect(self._choose_background)
        self._show_background()
        self.keep_copyright = QCheckBox(self.tr("Keep the copyright and author fields (all other metadata, "
                                                "including GPS, is removed)"))
        self.progress = QProgressBar()
        self.progress.setRange(0, max(1, len(presets)))
        self.progress.setValue(0)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_folder_button = self.buttons.addButton(self.tr("Open folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder_button.setToolTip(self.tr("Show the exported files in the file manager"))
        self.open_folder_button.setEnabled(False)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self._cancel)

        form = QFormLayout()
        form.addRow(self.tr("Folder"), folder_row)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Behind transparency"), self.background_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Presets")))
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(self.keep_copyright)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(520, 560)

    def chosen(self) -> list[Preset]:
        items = (self.list.item(row) for row in range(self.list.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items
                if item.checkState() == Qt.CheckState.Checked]

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export to"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _show_background(self) -> None:
        name = self.background.name()
        self.background_button.setText(name)
        text = "#000000" if self.background.lightness() > 128 else "#ffffff"
        self.background_button.setStyleSheet(f"background: {name}; color: {text};")

    def _choose_background(self) -> None:
        colour = QColorDialog.getColor(self.background, self, self.tr("Colour behind transparency"))
        if colour.isValid():
            self.background = colour
            self._show_background()

    def start(self) -> None:
        """Start the export on a worker thread."""
        presets = self.chosen()
        if not presets:
            self.status.setText(self.tr("Choose at least one preset."))
            return
        folder = Path(self.folder.text().strip()).expanduser()
        if not self.folder.text().strip():
            self.status.setText(self.tr("Choose a folder for the files."))
            return
        self.running = True
        self.cancel_event.clear()
        self.progress.setRange(0, len(presets))
        self.progress.setValue(0)
        self.status.setText(self.tr("Reading the photo…"))
        self.export_button.setEnabled(False)
        self.list.setEnabled(False)
        self.tasks.run(run_export, self.source, presets, folder, self.crops, self.focal,
                       str(self.format.currentData()), self.keep_copyright.isChecked(), self.stem,
                       (self.background.red(), self.background.green(), self.background.blue()), self.relay,
                       self.cancel_event, on_done=self._done, on_error=self._failed)

    def _advanced(self, done: int, total: int, label: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        if self.running and not self.cancel_event.is_set():
            self.status.setText(self.tr("%1 of %2: %3").replace("%1", number(done)).replace("%2", number(total))
                                .replace("%3", label) if done else label)

    def _done(self, renditions: Any) -> None:
        self.running = False
        self.renditions = list(renditions)
        self.progress.setValue(self.progress.maximum())
        notices = [notice for item in self.renditions for notice in item.notices]
        folder = self.renditions[0].path.parent if self.renditions else Path(self.folder.text())
        text = describe_export(self.renditions, folder, {preset.id: preset.label for preset in self.chosen()})
        self.open_folder_button.setEnabled(True)
        if notices:
            text += "\n" + "\n".join(notices[:6])
        self.status.setText(text)
        self.cancel_button.setText(self.tr("Close"))
        self.export_button.setEnabled(True)
        self.list.setEnabled(True)
        self.exported.emit(self.renditions)

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.export_button.setEnabled(True)
        self.list.setEnabled(True)
        if isinstance(error, ExportCancelled):
            self.renditions = list(error.done)
            self.status.setText(self.tr("Cancelled. %1 complete file(s) were written; nothing is half written.")
                                .replace("%1", number(len(error.done))))
            return
        self.status.setText(in_words(error, self.tr("The export failed")))

    def open_folder(self) -> None:
        """Show the folder of the files in the desktop's file manager."""
        folder = self.renditions[0].path.parent if self.renditions else Path(self.folder.text()).expanduser()
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.status.setText(self.tr("No file manager opened %1: open it yourself.").replace("%1", str(folder)))

    def _cancel(self) -> None:
        if self.running:
            self.cancel_event.set()
            self.status.setText(self.tr("Cancelling after the files being written…"))
            return
        self.reject()

    def reject(self) -> None:
        if self.running:  # Escape or the close button while exporting: stop first
            self.cancel_event.set()
            return
        super().reject()
