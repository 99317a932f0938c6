"""Send for review…: write the review pack (and its PDF) for the drafts selected in the Library."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.errors import in_words
from studio.ui.locale_format import counted, number
from studio.ui.tasks import Tasks


class SendForReviewDialog(QDialog):
    """Chooses where the pack goes, builds it off the UI thread and says what it wrote.

    Signals: ``sent(str path)`` once the pack is written.
    """

    sent = Signal(str)

    def __init__(self, library: Any, tasks: Tasks, draft_ids: list[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self.draft_ids = list(draft_ids)
        self.setWindowTitle(self.tr("Send for review"))
        self.setMinimumWidth(520)
        self.summary = QLabel(counted(len(self.draft_ids),
                                      self.tr("1 post in one HTML file the client opens in any browser, without an account."),
                                      self.tr("%1 posts in one HTML file the client opens in any browser, without an "
                                              "account.")))
        self.summary.setWordWrap(True)
        self.path = QLineEdit(str(Path.home() / "review-pack.html"))
        self.path.setAccessibleName(self.tr("Pack file"))
        browse = QPushButton(self.tr("Browse…"))
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.pdf = QCheckBox(self.tr("Also a printable PDF beside it"))
        self.reply_to = QLineEdit()
        self.reply_to.setPlaceholderText(self.tr("you@agency.example (for the e-mail button)"))
        form = QFormLayout()
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Reply to"), self.reply_to)
        form.addRow("", self.pdf)
        self.message = QLabel()
        self.message.setObjectName("sendMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.write_button = self.buttons.addButton(self.tr("Write pack"), QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        browse.clicked.connect(self._browse)
        self.buttons.accepted.connect(self.write)
        self.buttons.rejected.connect(self.reject)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save review pack"), self.path.text(),
                                                self.tr("Web page (*.html)"))
        if chosen:
            self.path.setText(chosen if chosen.endswith(".html") else f"{chosen}.html")

    def write(self) -> None:
        from studio.review.pack import build_pack

        out = Path(self.path.text().strip()).expanduser()
        pdf = out.with_suffix(".pdf") if self.pdf.isChecked() else None
        ids, reply_to = self.draft_ids, self.reply_to.text().strip()

        def work() -> Any:
            info = build_pack(self.library, ids, out, reply_to=reply_to)
            if pdf is not None:
                from studio.review.pdf import write_pack_pdf

                write_pack_pdf(self.library, ids, pdf)
            return info

        self.write_button.setEnabled(False)
        self.message.setText(self.tr("Writing the pack…"))
        self.tasks.run(work, on_done=self._written, on_error=self._failed, pool="writes")

    def _written(self, info: Any) -> None:
        size = f"{number(info.bytes / 1e6, 1)} MB" if info.bytes >= 1e6 else f"{number(max(1, round(info.bytes / 1e3)))} kB"
        self.message.setText(self.tr("Wrote %1: %2 posts, %3 images, %4. Send it to the client, then paste their reply "
                                     "code in Review › Import reply code.").replace("%1", info.path.name).replace(
            "%2", number(info.posts)).replace("%3", number(info.images)).replace("%4", size))
        self.buttons.clear()
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.accept)
        self.sent.emit(str(info.path))

    def _failed(self, error: BaseException) -> None:
        self.write_button.setEnabled(True)
        self.message.setText(in_words(error))
