"""The Analytics page's dialogs: importing an insights export (with the mapping shown before
anything is stored), entering a post's numbers by hand, and writing the client report."""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.analytics.formulas import COUNTERS, Counts
from studio.errors import in_words
from studio.text.networks import networks
from studio.ui.context import AppContext
from studio.ui.locale_format import counted, number
from studio.ui.translation import QT_TRANSLATE_NOOP

COUNTER_NAMES = {  # translated where shown, in the context InsightsDialog
    "likes": QT_TRANSLATE_NOOP("InsightsDialog", "Likes"),
    "reposts": QT_TRANSLATE_NOOP("InsightsDialog", "Reposts"),
    "replies": QT_TRANSLATE_NOOP("InsightsDialog", "Replies"),
    "quotes": QT_TRANSLATE_NOOP("InsightsDialog", "Quotes"),
    "comments": QT_TRANSLATE_NOOP("InsightsDialog", "Comments"),
    "shares": QT_TRANSLATE_NOOP("InsightsDialog", "Shares"),
    "saves": QT_TRANSLATE_NOOP("InsightsDialog", "Saves"),
    "link_clicks": QT_TRANSLATE_NOOP("InsightsDialog", "Link clicks"),
    "reach": QT_TRANSLATE_NOOP("InsightsDialog", "Reach"),
    "impressions": QT_TRANSLATE_NOOP("InsightsDialog", "Impressions"),
    "views": QT_TRANSLATE_NOOP("InsightsDialog", "Views"),
}
INSIGHTS_NETWORKS = ("instagram", "facebook", "tiktok", "linkedin", "x", "youtube", "threads")


class InsightsDialog(QDialog):
    """Choose an insights CSV and its network, see how its columns map and which rows match a post,
    then import. Nothing is stored before "Import"."""

    def __init__(self, context: AppContext, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import insights"))
        self.context = context
        self.client_id = client_id
        self.preview: Any = None
        self.path: Path | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        row = QHBoxLayout()
        self.file_label = QLabel(self.tr("No file chosen"))
        self.file_label.setWordWrap(True)
        choose = QPushButton(self.tr("Choose file…"))
        choose.clicked.connect(self._choose)
        row.addWidget(self.file_label, 1)
        row.addWidget(choose)
        form.addRow(self.tr("Export"), row)
        self.network = QComboBox()
        names = {"youtube": "YouTube", "tiktok": "TikTok", **dict(networks())}
        for network in INSIGHTS_NETWORKS:
            self.network.addItem(names.get(network, network), network)
        self.network.currentIndexChanged.connect(self._read)
        form.addRow(self.tr("From"), self.network)
        layout.addLayout(form)
        self.summary = QLabel(self.tr("Choose the CSV that the network's insights export gave you."))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels((self.tr("Column in the file"), self.tr("Read as")))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(620, 460)

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Insights export"), "",
                                              self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if path:
            self.choose(Path(path))

    def choose(self, path: Path, network: str | None = None) -> None:
        """Read ``path`` (from the file dialog, or a test)."""
        self.path = path
        self.file_label.setText(path.name)
        if network is not None:
            self.network.blockSignals(True)
            self.network.setCurrentIndex(max(0, self.network.findData(network)))
            self.network.blockSignals(False)
        self._read()

    def _read(self) -> None:
        from studio.analytics.insights import read_preview

        if self.path is None:
            return
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Reading…"))
        self.context.tasks.run(read_preview, self.context.library, self.path, self.network.currentData(),
                               self.client_id, on_done=self._previewed, on_error=self._refused)

    def _previewed(self, preview: Any) -> None:
        self.preview = preview
        rows = [(column, self.tr(COUNTER_NAMES[counter])) for column, counter in preview.mapping.items()]
        rows += [(column, self.tr("which post (%1)").replace("%1", kind.replace("_", " "))) for column, kind in preview.identifiers.items()]
        rows += [(column, self.tr("ignored")) for column in preview.ignored]
        self.table.setRowCount(len(rows))
        for index, (column, meaning) in enumerate(rows):
            self.table.setItem(index, 0, QTableWidgetItem(column))
            self.table.setItem(index, 1, QTableWidgetItem(meaning))
        lines = [str(row.line) for row in preview.unmatched[:12]]
        listed = ", ".join(lines) + ("…" if len(preview.unmatched) > 12 else "")
        if len(preview.unmatched) == 1:
            more = self.tr(" (line %1 matches no post and is left out)").replace("%1", listed)
        elif preview.unmatched:
            more = self.tr(" (lines %1 match no post and are left out)").replace("%1", listed)
        else:
            more = ""
        self.summary.setText(self.tr("%1 of %2 rows match a post in the library%3.").replace("%1", number(len(preview.matched)))
                             .replace("%2", number(len(preview.rows))).replace("%3", more))
        self.import_button.setEnabled(bool(preview.matched))

    def _refused(self, error: BaseException) -> None:
        self.preview = None
        self.table.setRowCount(0)
        self.summary.setText(in_words(error, self.tr("Reading the export")))
        self.import_button.setEnabled(False)

    def _import(self) -> None:
        from studio.analytics.insights import store_preview

        if self.preview is None:
            return
        self.import_button.setEnabled(False)

        def done(count: int) -> None:
            self.context.messages.info(counted(count, self.tr("Imported the numbers of 1 post."),
                                               self.tr("Imported the numbers of %1 posts.")))
            self.accept()

        self.context.tasks.run(store_preview, self.context.library, self.preview, on_done=done,
                               on_error=self._refused, pool="writes")


def import_insights(parent: QWidget, context: AppContext, client_id: int) -> InsightsDialog:
    dialog = InsightsDialog(context, client_id, parent)
    dialog.open()
    return dialog


class NumbersDialog(QDialog):
    """A post's numbers read off the network's own app; an empty field is "not known"."""

    def __init__(self, context: AppContext, draft_id: int, network: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enter numbers"))
        self.context = context
        self.draft_id = draft_id
        self.network = network
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Leave a field empty when the network does not show that number: Studio keeps it as "
                              "unknown, never as 0."))
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for counter in COUNTERS:
            field = QLineEdit()
            field.setValidator(QIntValidator(0, 2_000_000_000, field))
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            form.addRow(QCoreApplication.translate("InsightsDialog", COUNTER_NAMES[counter]), field)
            self.fields[counter] = field
        layout.addLayout(form)
        self.error = _error_and_save(self, layout)

    def counts(self) -> Counts:
        return Counts(**{name: int(field.text()) for name, field in self.fields.items() if field.text().strip()})

    def save(self) -> None:
        from studio.analytics.insights import enter_by_hand

        counts = self.counts()
        if not any(value is not None for value in counts.to_json().values()):
            self.error.setText(self.tr("Enter at least one number."))
            return
        self.context.tasks.run(enter_by_hand, self.context.library, self.draft_id, self.network, counts,
                               on_done=lambda _: self.accept(),
                               on_error=lambda error: self.error.setText(in_words(error, self.tr("Saving the numbers"))),
                               pool="writes")


def _error_and_save(dialog: Any, layout: QVBoxLayout) -> QLabel:
    """A dialog's error line and its Save and Cancel buttons (Save calls ``dialog.save``)."""
    error = QLabel()
    error.setWordWrap(True)
    layout.addWidget(error)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.save)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return error


def write_report(parent: QWidget, context: AppContext, client_id: int, start: datetime, end: datetime,
                 zone: tzinfo, path: Path | None = None) -> None:
    """Ask where (PDF or HTML by the name's ending) and write the client report off the UI thread."""
    if path is None:
        chosen, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("AnalyticsWorkspace", "Client report"),
                                                "report.pdf",
                                                QCoreApplication.translate("AnalyticsWorkspace", "PDF (*.pdf);;Web page (*.html)"))
        if not chosen:
            return
        path = Path(chosen)
    if path.suffix.lower() not in (".pdf", ".html", ".htm"):
        path = path.with_suffix(".pdf")
    agency = str(context.settings.get("report.agency") or "")

    def build() -> Path:
        from studio.analytics.report import build_report
        from studio.analytics.report import write_report as write
        from studio.analytics.summary import summarize

        library = context.library
        client = library.get_client(client_id)
        summary = summarize(library, client_id, start, end, zone)
        write(build_report(library, client, summary, agency=agency), path)
        return path

    context.tasks.run(build, on_done=lambda done: context.messages.info(QCoreApplication.translate("AnalyticsWorkspace", "Wrote the client report to %1.").replace("%1", str(done))),
                      on_error=lambda error: context.messages.error(in_words(error, QCoreApplication.translate("AnalyticsWorkspace", "Writing the report"))))



class LinksDialog(QDialog):
    """A client's link tagging: UTM parameters on the links of its posts when they go out, and the
    campaign name they carry (see :mod:`studio.analytics.links`). Loaded and saved off the UI thread."""

    def __init__(self, context: AppContext, client_id: int, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QCheckBox

        super().__init__(parent)
        self.setWindowTitle(self.tr("Links"))
        self.context = context
        self.client_id = client_id
        layout = QVBoxLayout(self)
        self.utm = QCheckBox(self.tr("Add UTM parameters to links when posts go out"))
        self.utm.setChecked(True)
        layout.addWidget(self.utm)
        form = QFormLayout()
        self.campaign = QLineEdit()
        self.campaign.setPlaceholderText(self.tr("Each post's first tag"))
        form.addRow(self.tr("Campaign"), self.campaign)
        layout.addLayout(form)
        self.example = QLabel()
        self.example.setWordWrap(True)
        self.example.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.example)
        note = QLabel(self.tr(
            "utm_source is the network, utm_medium is “social”, utm_content names the post. A link that "
            "already has utm_ parameters is sent as you wrote it. The client's web analytics can then "
            "tell which post brought each visit."))
        note.setWordWrap(True)
        note.setEnabled(False)
        layout.addWidget(note)
        self.error = _error_and_save(self, layout)
        self.utm.toggled.connect(self._show_example)
        self.campaign.textChanged.connect(self._show_example)
        self._show_example()
        from studio.analytics.links import link_settings

        context.tasks.run(link_settings, context.library, client_id, on_done=self._loaded,
                          on_error=lambda error: self.error.setText(in_words(error, "Reading the link settings")))

    def _loaded(self, settings: Any) -> None:
        self.utm.setChecked(settings.utm)
        self.campaign.setText(settings.campaign)

    def _show_example(self) -> None:
        from studio.analytics.links import tag_link, utm_parameters

        self.campaign.setEnabled(self.utm.isChecked())
        if not self.utm.isChecked():
            self.example.setText(self.tr("Links go out as you wrote them."))
            return
        campaign = " ".join(self.campaign.text().split()) or "tag"
        link = tag_link("https://example.com/menu", utm_parameters("instagram", campaign, 42))
        self.example.setText(self.tr("On Instagram, post 42: {link}").format(link=link))

    def save(self) -> None:
        from studio.analytics.links import LinkSettings, set_link_settings

        settings = LinkSettings(self.utm.isChecked(), self.campaign.text())
        self.context.tasks.run(set_link_settings, self.context.library, self.client_id, settings,
                               on_done=lambda _: self.accept(),
                               on_error=lambda error: self.error.setText(in_words(error, "Saving the link settings")),
                               pool="writes")
