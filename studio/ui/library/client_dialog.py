"""The client manager: add, rename, colour, language, brand rules, dictionary, ignored grammar
rules, snippets, archive.

Saved edits reach an open post at once: the library marks a ``("client", id)`` change that
:class:`studio.ui.library.signals.LibrarySignals` re-emits on the GUI thread (the Write page reads
the client again on it), and the dialog emits ``client_saved(Client)`` with what it wrote. Edits not
yet saved are never lost without a word: closing the dialog, or choosing another client, asks first.
The form is in three tabs, so the dialog fits a 1366 x 768 screen."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.errors import in_words
from studio.languages import LANGUAGES
from studio.model import BrandRules, Client, Snippet
from studio.ui.library.filters import swatch
from studio.ui.tasks import Tasks
from studio.ui.theme import ERROR_STYLE
from studio.ui.translation import language_label

if TYPE_CHECKING:
    from studio.library import Library


def parse_banned(text: str) -> dict[str, str]:
    """``phrase => replacement`` per line (the replacement may be left out)."""
    banned: dict[str, str] = {}
    for line in text.splitlines():
        phrase, _, replacement = line.partition("=>")
        if phrase.strip():
            banned[phrase.strip()] = replacement.strip()
    return banned


def format_banned(banned: dict[str, str]) -> str:
    return "\n".join(f"{phrase} => {replacement}" if replacement else phrase for phrase, replacement in banned.items())


class ClientManagerDialog(QDialog):
    """Edits the library's clients; every change is written through the ``writes`` pool.

    Signals: ``clients_changed()`` after a client was added or saved (the main window reloads its
    client switcher); ``client_saved(object client)`` with the :class:`Client` as written.
    """

    clients_changed = Signal()
    client_saved = Signal(object)

    def __init__(self, library: Library, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self.clients: list[Client] = []
        self.current: Client | None = None
        self._baseline: Client | None = None  # the form as loaded: anything else is an unsaved edit
        self._after_save: tuple[int | None, bool] | None = None  # once written: (client to show, close)
        self.setWindowTitle(self.tr("Clients"))
        self.resize(780, 540)

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Clients"))
        self.show_archived = QCheckBox(self.tr("Show archived clients"))
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("New client's name"))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setEnabled(False)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.show_archived)
        adder = QHBoxLayout()
        adder.addWidget(self.new_name, 1)
        adder.addWidget(self.add_button)
        left.addLayout(adder)

        self.name = QLineEdit()
        self.colour_button = QPushButton()
        self.colour_button.setAccessibleName(self.tr("Colour"))
        self.colour = "#4f7cff"
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        for code, _name in LANGUAGES:
            self.language.addItem(language_label(code), code)
        self.banned = QPlainTextEdit()
        self.banned.setPlaceholderText(self.tr("One per line: phrase => suggested replacement"))
        self.required = QLineEdit()
        self.required.setPlaceholderText("#brand #campaign")
        self.max_hashtags = QSpinBox()
        self.max_hashtags.setRange(0, 30)
        self.max_hashtags.setSpecialValueText(self.tr("No limit"))
        self.all_caps = QCheckBox(self.tr("Flag words in ALL CAPS"))
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("House style notes for whoever writes for this client"))
        self.dictionary = QPlainTextEdit()
        self.dictionary.setPlaceholderText(self.tr("Words the spell checker should accept, one per line"))
        self.ignored_rules = QPlainTextEdit()
        self.ignored_rules.setAccessibleName(self.tr("Ignored grammar rules"))
        self.ignored_rules.setPlaceholderText(self.tr("LanguageTool rules never checked in this client's posts, "
                                                      "one id per line (Write: right click → Ignore in all posts)"))
        self.snippets = QTableWidget(0, 2)
        self.snippets.setAccessibleName(self.tr("Snippets"))
        self.snippets.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Text")])
        self.snippets.horizontalHeader().setStretchLastSection(True)
        self.snippets.verticalHeader().hide()
        self.snippets.setMaximumHeight(110)
        self.add_snippet_button = QPushButton(self.tr("Add snippet"))
        self.remove_snippet_button = QPushButton(self.tr("Remove"))
        snippet_buttons = QHBoxLayout()
        snippet_buttons.addWidget(self.add_snippet_button)
        snippet_buttons.addWidget(self.remove_snippet_button)
        snippet_buttons.addStretch(1)
        snippet_area = QVBoxLayout()
        snippet_area.setContentsMargins(0, 0, 0, 0)
        snippet_area.addWidget(self.snippets)
        snippet_area.addLayout(snippet_buttons)
        self.archived = QCheckBox(self.tr("Archived (hidden from the client switcher; drafts are kept)"))
        for box in (self.banned, self.notes, self.dictionary, self.ignored_rules):
            box.setTabChangesFocus(True)
        self.snippets.setMaximumHeight(16777215)
        general = QFormLayout()
        general.addRow(self.tr("Name"), self.name)
        general.addRow(self.tr("Colour"), self.colour_button)
        general.addRow(self.tr("Language"), self.language)
        from studio.ui.review.client_settings import ReviewSettingsRow

        self.review = ReviewSettingsRow()
        general.addRow(self.tr("Review"), self.review)
        general.addRow("", self.archived)
        rules = QFormLayout()
        rules.addRow(self.tr("Banned phrases"), self.banned)
        rules.addRow(self.tr("Required hashtags"), self.required)
        rules.addRow(self.tr("Hashtags at most"), self.max_hashtags)
        rules.addRow("", self.all_caps)
        rules.addRow(self.tr("Style notes"), self.notes)
        words = QFormLayout()
        words.addRow(self.tr("Dictionary"), self.dictionary)
        words.addRow(self.tr("Ignored rules"), self.ignored_rules)
        words.addRow(self.tr("Snippets"), snippet_area)
        self.tabs = QTabWidget()
        for title, form_layout in ((self.tr("Client"), general), (self.tr("Brand rules"), rules),
                                   (self.tr("Words and snippets"), words)):
            page = QWidget()
            page.setLayout(form_layout)
            self.tabs.addTab(page, title)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.save_button = QPushButton(self.tr("Save client"))
        self.save_button.setDefault(True)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.tabs, 1)
        right.addWidget(self.error)
        right.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        self.form_area = QWidget()
        self.form_area.setLayout(right)

        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addWidget(self.form_area, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(buttons)

        self.list.currentRowChanged.connect(self._row_changed)
        self.show_archived.toggled.connect(lambda _on: self.reload())
        self.new_name.textChanged.connect(lambda text: self.add_button.setEnabled(bool(text.strip())))
        self.new_name.returnPressed.connect(self.add)
        self.add_button.clicked.connect(self.add)
        self.colour_button.clicked.connect(self.choose_colour)
        self.save_button.clicked.connect(self.save)
        self.add_snippet_button.clicked.connect(lambda: self.add_snippet())
        self.remove_snippet_button.clicked.connect(self.remove_snippet)
        self._set_colour(self.colour)
        self.form_area.setEnabled(False)
        self.reload()

    # --- loading --------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        wanted = select if select is not None else (self.current.id if self.current else None)
        self.tasks.run(self.library.list_clients, self.show_archived.isChecked(),
                       on_done=lambda clients: self._fill(clients, wanted), on_error=self._failed)

    def _fill(self, clients: list[Client], wanted: int | None) -> None:
        self.clients = clients
        blocked = self.list.blockSignals(True)
        self.list.clear()
        row = 0
        for index, client in enumerate(clients):
            item = QListWidgetItem(swatch(client.colour), client.name + (self.tr("  (archived)") if client.archived else ""))
            item.setData(Qt.ItemDataRole.UserRole, client.id)
            self.list.addItem(item)
            if client.id == wanted:
                row = index
        if clients:
            self.list.setCurrentRow(row)  # signals blocked: the form is filled below, without a question
        self.list.blockSignals(blocked)
        if clients:
            self._chosen(row)
        else:
            self.current = None
            self.form_area.setEnabled(False)

    def _chosen(self, row: int) -> None:
        if not 0 <= row < len(self.clients):
            return
        client = self.clients[row]
        self.current = client
        self.form_area.setEnabled(True)
        self.error.hide()
        self.name.setText(client.name)
        self._set_colour(client.colour)
        index = self.language.findData(client.language)
        if index < 0:  # a code of its own (set elsewhere): shown by name, kept as it is
            self.language.addItem(language_label(client.language), client.language)
            index = self.language.count() - 1
        self.language.setCurrentIndex(index)
        rules = client.brand_rules
        self.banned.setPlainText(format_banned(rules.banned))
        self.required.setText(" ".join(rules.required_hashtags))
        self.max_hashtags.setValue(rules.max_hashtags or 0)
        self.all_caps.setChecked(rules.forbid_all_caps)
        self.notes.setPlainText(rules.notes)
        self.dictionary.setPlainText("\n".join(client.dictionary))
        self.ignored_rules.setPlainText("\n".join(client.ignored_rules))
        self.snippets.setRowCount(0)
        for snippet in client.snippets:
            self.add_snippet(snippet.name, snippet.text)
        self.archived.setChecked(client.archived)
        self.review.show_client(self.library, client.id)
        self._baseline = self.edited()

    def unsaved(self) -> bool:
        """Whether the form holds edits not saved yet."""
        return self.current is not None and self._baseline is not None and self.edited() != self._baseline

    def _row_changed(self, row: int) -> None:
        """Another client chosen in the list: ask first if this one's edits are not saved."""
        if self.unsaved() and self.current is not None:
            previous = next((index for index, client in enumerate(self.clients) if client.id == self.current.id), -1)
            answer = self._ask_to_save()
            if answer == QMessageBox.StandardButton.Cancel:
                blocked = self.list.blockSignals(True)
                self.list.setCurrentRow(previous)
                self.list.blockSignals(blocked)
                return
            if answer == QMessageBox.StandardButton.Save:
                self._after_save = (self.clients[row].id if 0 <= row < len(self.clients) else None, False)
                self.save()
                return
        self._chosen(row)

    def _ask_to_save(self) -> QMessageBox.StandardButton:
        name = self.current.name if self.current else self.tr("this client")
        return QMessageBox.question(
            self, self.tr("Unsaved changes"), self.tr("Save the changes to %1?").replace("%1", name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)

    def reject(self) -> None:
        """Close (the Close button, Escape, the window's close box): ask first about unsaved edits."""
        if self.unsaved():
            answer = self._ask_to_save()
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                self._after_save = (None, True)
                self.save()
                return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.unsaved():
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    # --- editing --------------------------------------------------------------------------

    def _set_colour(self, colour: str) -> None:
        self.colour = colour
        self.colour_button.setIcon(swatch(colour))
        self.colour_button.setText(colour)

    def choose_colour(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.colour), self, self.tr("Client colour"))
        if chosen.isValid():
            self._set_colour(chosen.name())

    def edited(self) -> Client | None:
        """The current client as the form shows it."""
        if self.current is None:
            return None
        hashtags = tuple(f"#{tag.lstrip('#')}" for tag in self.required.text().replace(",", " ").split() if tag.lstrip("#"))
        rules = BrandRules(
            banned=parse_banned(self.banned.toPlainText()),
            required_hashtags=hashtags,
            max_hashtags=self.max_hashtags.value() or None,
            forbid_all_caps=self.all_caps.isChecked(),
            notes=self.notes.toPlainText().strip(),
        )
        snippets = []
        for row in range(self.snippets.rowCount()):
            name_item, text_item = self.snippets.item(row, 0), self.snippets.item(row, 1)
            name = name_item.text().strip() if name_item else ""
            text = text_item.text() if text_item else ""
            if name or text.strip():
                snippets.append(Snippet(name or text.strip()[:24], text))
        words = _lines(self.dictionary.toPlainText())
        return replace(self.current, name=self.name.text(), colour=self.colour,
                       language=str(self.language.currentData() or "en-US"), brand_rules=rules,
                       dictionary=words, snippets=tuple(snippets), archived=self.archived.isChecked(),
                       ignored_rules=_lines(self.ignored_rules.toPlainText()))

    def add_snippet(self, name: str = "", text: str = "") -> None:
        row = self.snippets.rowCount()
        self.snippets.insertRow(row)
        name_item = QTableWidgetItem(name)
        self.snippets.setItem(row, 0, name_item)
        self.snippets.setItem(row, 1, QTableWidgetItem(text))
        if not name and not text:
            self.snippets.setCurrentCell(row, 0)
            self.snippets.editItem(name_item)

    def remove_snippet(self) -> None:
        row = self.snippets.currentRow()
        if row >= 0:
            self.snippets.removeRow(row)

    def save(self) -> None:
        client = self.edited()
        if client is None:
            return
        self.save_button.setEnabled(False)
        review = self.review.value()
        from studio.review.approval import save_settings

        def store() -> Client:  # plain data only: no widget is touched off the UI thread
            with self.library.transaction():  # both or neither
                saved: Client = self.library.update_client(client)
                save_settings(self.library, client.id, review)
            return saved

        self.tasks.run(store, on_done=self._saved, on_error=self._failed, pool="writes")

    def add(self) -> None:
        name = self.new_name.text().strip()
        if not name:
            return
        self.tasks.run(self.library.add_client, name, on_done=self._added, on_error=self._failed, pool="writes")

    def _added(self, client: Client) -> None:
        self.new_name.clear()
        self.clients_changed.emit()
        self.reload(select=client.id)

    def _saved(self, client: Client) -> None:
        self.save_button.setEnabled(True)
        self.error.hide()
        self.current = client
        self._baseline = None  # written: nothing left to ask about
        self.clients_changed.emit()
        self.client_saved.emit(client)
        (select, close), self._after_save = self._after_save or (None, False), None
        self.reload(select=select if select is not None else client.id)
        if close:
            super().reject()

    def _failed(self, error: BaseException) -> None:
        self._after_save = None  # not written: the dialog stays, with the edits and the reason
        self.save_button.setEnabled(True)
        self.error.setText(in_words(error, self.tr("Not saved")))
        self.error.show()


def _lines(text: str) -> tuple[str, ...]:
    """The non-empty lines of ``text``, stripped, each once, in order."""
    return tuple(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))
