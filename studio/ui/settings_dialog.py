"""The Settings dialog, built from the declarations in :mod:`studio.settings`.

The declarations' texts (sections, titles, descriptions, choices) are translated in the context
``studio.settings`` (scripts/translations.py adds them to the .ts files, since they live in the
Qt-free core where lupdate finds no ``tr`` call)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.settings import SETTINGS, Setting, Settings
from studio.ui.theme import ERROR_STYLE

DECLARATIONS = "studio.settings"  # the translation context of the declarations' texts


class SettingsDialog(QDialog):
    """One tab per section; a field per visible setting; OK validates and saves everything."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(660)  # the grammar modes are long choices: never cut in their box
        self.fields: dict[str, QWidget] = {}
        self.tabs = QTabWidget()
        pages: dict[str, QFormLayout] = {}
        for setting in SETTINGS:
            if not setting.section:
                continue
            form = pages.get(setting.section)
            if form is None:
                page = QWidget()
                form = QFormLayout(page)
                pages[setting.section] = form
                self.tabs.addTab(page, QCoreApplication.translate(DECLARATIONS, setting.section))
            field = self._field(setting, settings.get(setting.key))
            field.setObjectName(setting.key)
            description = QCoreApplication.translate(DECLARATIONS, setting.description) if setting.description else ""
            field.setToolTip(description)
            self.fields[setting.key] = field
            if isinstance(field, QCheckBox):
                form.addRow(field)
            else:
                form.addRow(QCoreApplication.translate(DECLARATIONS, setting.title), field)
            if description and not isinstance(field, QCheckBox):
                hint = QLabel(description)
                hint.setWordWrap(True)
                hint.setEnabled(False)
                form.addRow("", hint)
        self.public_warning = QLabel(self.tr(
            "The public LanguageTool API sends every paragraph you check to LanguageTool GmbH's servers in "
            "Germany. Your clients' unpublished posts would leave this computer. Choose it only if your "
            "clients agree; local checking is private and works offline."
        ))
        self.public_warning.setWordWrap(True)
        self.public_warning.setObjectName("publicWarning")
        self.public_warning.setStyleSheet(ERROR_STYLE)
        if "Grammar" in pages:  # sections are keyed by their English names
            pages["Grammar"].addRow(self.public_warning)
        self.error = QLabel()
        self.error.setObjectName("settingsError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        mode = self.fields.get("grammar.mode")
        if isinstance(mode, QComboBox):
            mode.currentIndexChanged.connect(self._update_grammar_fields)
        self.tabs.currentChanged.connect(lambda _index: self._fit_page())
        self._update_grammar_fields()

    @staticmethod
    def _field(setting: Setting, value: Any) -> QWidget:
        if setting.kind is bool:
            box = QCheckBox(QCoreApplication.translate(DECLARATIONS, setting.title))
            box.setChecked(bool(value))
            return box
        if setting.kind is int:
            spin = QSpinBox()
            spin.setRange(setting.minimum, setting.maximum or 1_000_000)
            spin.setValue(int(value))
            return spin
        if setting.choices:
            combo = QComboBox()
            for choice, label in setting.choices:
                combo.addItem(QCoreApplication.translate(DECLARATIONS, label), choice)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            return combo
        line = QLineEdit(str(value))
        line.setClearButtonEnabled(True)
        return line

    def value(self, key: str) -> Any:
        field = self.fields[key]
        if isinstance(field, QCheckBox):
            return field.isChecked()
        if isinstance(field, QSpinBox):
            return field.value()
        if isinstance(field, QComboBox):
            return field.currentData()
        assert isinstance(field, QLineEdit)
        return field.text().strip()

    def _update_grammar_fields(self) -> None:
        if "grammar.mode" not in self.fields:
            return
        mode = self.value("grammar.mode")
        self.fields["grammar.server_url"].setEnabled(mode == "server")
        self.fields["grammar.public_consent"].setVisible(mode == "public")
        self.public_warning.setVisible(mode == "public")
        self._fit_page()

    def _fit_page(self) -> None:
        """Grow to the height the page on show needs at its width (word-wrapped hints and the public
        API's warning take more lines than a dialog's size hint counts), so no row lies over another."""
        page = self.tabs.currentWidget()
        form = page.layout() if page is not None else None
        if page is None or form is None or not self.isVisible():
            return
        # A form gives a word-wrapped label the height of its size hint, worked out for another width:
        # hold each to the height its lines need at the width it has, then grow to what the page needs.
        for _ in range(4):
            short = False
            for label in page.findChildren(QLabel):
                if label.isVisible() and label.wordWrap():
                    needed = label.heightForWidth(label.width())
                    if needed > label.height():
                        label.setMinimumHeight(needed)
                        short = True
            if not short:
                return
            form.activate()
            grow = form.totalMinimumSize().height() - page.height()
            if grow > 0:
                self.resize(self.width(), self.height() + grow)
            outer = self.layout()
            if outer is not None:
                outer.activate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._fit_page)  # once the tabs have their width

    def problem(self) -> str:
        """Why the values cannot be saved as they are, or ``""``."""
        mode = self.value("grammar.mode")
        if mode == "server":
            url = self.value("grammar.server_url")
            if not url.startswith(("http://", "https://")):
                return self.tr("Enter the LanguageTool server's address, starting with http:// or https://.")
        if mode == "public" and not self.value("grammar.public_consent"):
            return self.tr("To use the public API, tick the box that says you understand your text is sent to it.")
        return ""

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        for key in self.fields:
            self.settings.set(key, self.value(key))
        super().accept()
