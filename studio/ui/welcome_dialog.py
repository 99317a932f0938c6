"""First run: create the first client and say where grammar checking stands."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

LANGUAGES = (
    ("en-US", QT_TRANSLATE_NOOP("WelcomeDialog", "English (US)")),
    ("en-GB", QT_TRANSLATE_NOOP("WelcomeDialog", "English (UK)")),
    ("id-ID", "Bahasa Indonesia"),  # a language's own name: never translated
    ("de-DE", QT_TRANSLATE_NOOP("WelcomeDialog", "German")),
    ("fr", QT_TRANSLATE_NOOP("WelcomeDialog", "French")),
    ("es", QT_TRANSLATE_NOOP("WelcomeDialog", "Spanish")),
    ("auto", QT_TRANSLATE_NOOP("WelcomeDialog", "Detect for each draft")),
)


class WelcomeDialog(QDialog):
    """Asks for the first client's name, colour and language. ``grammar_status`` is one paragraph
    saying whether local grammar checking is ready, and if not, what to do."""

    def __init__(self, grammar_status: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Studio"))
        self.setMinimumWidth(480)
        self.colour = QColor("#4f7cff")
        intro = QLabel(
            self.tr("<h2>Welcome to Studio</h2><p>Studio keeps each brand you write for as a <b>client</b>, "
                    "with its own colour, language, brand rules and accounts. Start with one; you can add "
                    "more at any time from the client switcher.</p>")
        )
        intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setObjectName("clientName")
        self.name.setPlaceholderText(self.tr("My brand, or a client's name"))
        self.name.textChanged.connect(self._update_ok)
        self.colour_button = QPushButton()
        self.colour_button.setObjectName("clientColour")
        self.colour_button.clicked.connect(self._pick_colour)
        self.language = QComboBox()
        self.language.setObjectName("clientLanguage")
        for code, label in LANGUAGES:
            self.language.addItem(self.tr(str(label)), code)
        # Studio in Indonesian: the first client writes in Indonesian too, unless changed here.
        if QLocale().language() == QLocale.Language.Indonesian:
            self.language.setCurrentIndex(self.language.findData("id-ID"))
        form = QFormLayout()
        form.addRow(self.tr("Client name"), self.name)
        form.addRow(self.tr("Colour"), self.colour_button)
        form.addRow(self.tr("Writes in"), self.language)
        grammar = QLabel(f"<p><b>{self.tr('Grammar checking.')}</b> {grammar_status}</p>")
        grammar.setObjectName("grammarStatus")
        grammar.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create client"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Later"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(grammar)
        layout.addWidget(self.buttons)
        self._show_colour()
        self._update_ok()

    def _pick_colour(self) -> None:
        colour = QColorDialog.getColor(self.colour, self, self.tr("Client colour"))
        if colour.isValid():
            self.colour = colour
            self._show_colour()

    def _show_colour(self) -> None:
        self.colour_button.setText(self.colour.name())
        self.colour_button.setStyleSheet(
            f"background: {self.colour.name()}; color: white; border-radius: 4px; padding: 4px 12px;"
        )

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.name.text().strip()))

    def client_values(self) -> tuple[str, str, str]:
        """(name, colour, language) as entered."""
        return self.name.text().strip(), self.colour.name(), str(self.language.currentData())
