"""The counters bar: one live counter per network the draft targets, in that network's own unit,
and the post's language beside them (:class:`LanguageControl`)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton, QWidget

from studio.editors.translation import QT_TRANSLATE_NOOP
from studio.languages import LANGUAGES, language_name
from studio.text import Count, count, network

# The units' words, translated where shown (counter_tooltip).
UNIT_WORDS = {
    "x-weighted": QT_TRANSLATE_NOOP("CountersBar", "weighted characters (links 23, emoji and CJK 2)"),
    "mastodon": QT_TRANSLATE_NOOP("CountersBar", "characters (links 23, @user@server as @user)"),
    "graphemes": QT_TRANSLATE_NOOP("CountersBar", "characters as you see them"),
    "utf8-bytes": QT_TRANSLATE_NOOP("CountersBar", "bytes"),
    "utf16": QT_TRANSLATE_NOOP("CountersBar", "characters (emoji count 2)"),
    "characters": QT_TRANSLATE_NOOP("CountersBar", "characters"),
    "threads": QT_TRANSLATE_NOOP("CountersBar", "characters (emoji count as their bytes)"),
    "hashtags": QT_TRANSLATE_NOOP("CountersBar", "hashtags"),
    "mentions": QT_TRANSLATE_NOOP("CountersBar", "mentions"),
}
# The theme's error red (studio.ui.theme.ERROR_RED), carried to the editors by the palette.
ERROR = "palette(bright-text)"
SHORT_UNITS = {"utf8-bytes": " B", "hashtags": " #", "mentions": " @"}


def _number(value: int) -> str:
    return QLocale().toString(value)


def counter_text(result: Count) -> str:
    """``X 120/280``; extra measures follow: ``Bluesky 120/300 · 400/3000 B``."""
    parts = [f"{network(result.network).title} {result.length}/{result.limit}"]
    for extra in result.measures[1:]:
        if extra.length or not extra.ok:
            parts.append(f"{extra.length}/{extra.limit}{SHORT_UNITS.get(extra.unit, '')}")
    return " · ".join(parts)


def counter_tooltip(result: Count) -> str:
    line = QCoreApplication.translate("CountersBar", "%1: %2 of %3 %4")
    lines = [line.replace("%1", network(result.network).title).replace("%2", _number(m.length))
             .replace("%3", _number(m.limit))
             .replace("%4", QCoreApplication.translate("CountersBar", UNIT_WORDS[m.unit]) if m.unit in UNIT_WORDS else m.unit)
             for m in result.measures]
    lines += list(result.problems)
    if result.over_from is not None:
        lines.append(QCoreApplication.translate(
            "CountersBar", "The part over the limit is marked in the text (click to show it)."))
    return "\n".join(lines)


class CountersBar(QWidget):
    """Counters for the draft's networks; the counter clicked chooses whose limit is marked.

    Signals: ``chosen(str network)`` when the user clicks a counter.
    """

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countersBar")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(4, 2, 4, 2)
        self._layout.setSpacing(6)
        self._empty = QLabel(self.tr("Choose the networks this post is for to see their counters."))
        self._empty.setEnabled(False)
        self._layout.addWidget(self._empty)
        self._layout.addStretch(1)
        self.language = LanguageControl(self)
        self._layout.addWidget(self.language)
        self.buttons: dict[str, QToolButton] = {}
        self.counts: dict[str, Count] = {}
        self.limits: dict[str, int] = {}  # known server limits (Mastodon)
        self.marked: str | None = None

    def set_networks(self, networks: Sequence[str]) -> None:
        for button in self.buttons.values():
            button.deleteLater()
        self.buttons = {}
        for index, network_id in enumerate(networks):
            button = QToolButton(self)
            button.setObjectName(f"counter-{network_id}")
            button.setAutoRaise(True)
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.clicked.connect(lambda _=False, n=network_id: self._clicked(n))
            self._layout.insertWidget(index, button)
            self.buttons[network_id] = button
        self._empty.setVisible(not networks)
        if self.marked not in self.buttons:
            self.marked = None

    def update_counts(self, texts: dict[str, str]) -> dict[str, Count]:
        """Count each network's text (its variant or the base text); returns the counts."""
        self.counts = {}
        for network_id, button in self.buttons.items():
            result = count(texts.get(network_id, ""), network_id, limit=self.limits.get(network_id))
            self.counts[network_id] = result
            button.setText(counter_text(result))
            button.setToolTip(counter_tooltip(result))
            colour = ERROR if not result.ok else ("#b26a00" if result.length > 0.9 * result.limit else "")
            sheet = f"QToolButton {{ color: {colour}; font-weight: 600; }}" if colour else ""
            if button.styleSheet() != sheet:  # a new style sheet re-polishes the button: only on a change
                button.setStyleSheet(sheet)
            button.setChecked(network_id == self.marked)
        return self.counts

    def worst(self) -> str | None:
        """The network to mark in the text: the one chosen, else the first one over its limit."""
        if self.marked in self.counts:
            return self.marked
        return next((n for n, result in self.counts.items() if result.over_from is not None), None)

    def _clicked(self, network_id: str) -> None:
        self.marked = None if self.marked == network_id else network_id
        for other, button in self.buttons.items():
            button.setChecked(other == self.marked)
        self.chosen.emit(network_id)


DETECT = "auto"
LANGUAGE_NAMES = "studio.languages"  # the context of the languages' names (scripts/translations.py)


class LanguageControl(QWidget):
    """The post's language, beside the counters: a button that shows it ("English (UK)", or
    "Indonesian · detected") and opens a menu of languages by name with "Detect" first, and a
    note when the post cannot be checked ("Language not recognised: not checked").

    Signals: ``chosen(str code)`` when the user picks a language ("auto": detect it);
    ``noted(str text)`` when the note changes ("": the post is checked).
    """

    chosen = Signal(str)
    noted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageControl")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.note = QLabel()
        self.note.setObjectName("languageNote")
        self.note.setStyleSheet(f"color: {ERROR};")
        self.note.hide()
        layout.addWidget(self.note)
        self.button = QToolButton(self)
        self.button.setObjectName("languageButton")
        self.button.setAutoRaise(True)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.setAccessibleName(self.tr("Language of this post"))
        self.menu = QMenu(self.button)
        self.menu.setObjectName("languageMenu")
        group = QActionGroup(self.menu)
        self.actions_by_code: dict[str, QAction] = {}
        for code, name in ((DETECT, self.tr("Detect")), *((c, n) for c, n in LANGUAGES if c != DETECT)):
            action = self.menu.addAction(name if code == DETECT else QCoreApplication.translate(LANGUAGE_NAMES, name))
            action.setCheckable(True)
            action.setData(code)
            group.addAction(action)
            action.triggered.connect(lambda _=False, c=code: self.chosen.emit(c))
            self.actions_by_code[code] = action
            if code == DETECT:
                self.menu.addSeparator()
        self.button.setMenu(self.menu)
        self.button.setText(self.tr("Language"))
        self.button.setToolTip(self.tr("The language this post is checked in (click to change it)"))
        layout.addWidget(self.button)

    def show_language(self, code: str | None, choice: str) -> None:
        """Show the language the post is checked in: ``code`` (``None``: not recognised) for
        the user's ``choice`` ("auto" when it is detected); the menu ticks the choice."""
        detected = choice == DETECT
        if code is None:
            text = self.tr("Choose the language")
        elif detected:
            text = self.tr("{0} · detected").format(QCoreApplication.translate(LANGUAGE_NAMES, language_name(code)))
        else:
            text = QCoreApplication.translate(LANGUAGE_NAMES, language_name(code))
        self.button.setText(text)
        action = self.actions_by_code.get(choice)
        if action is not None:
            action.setChecked(True)
        else:
            for other in self.actions_by_code.values():
                other.setChecked(False)
        if code is None:
            self.set_note(self.tr("Language not recognised: not checked"))

    def set_note(self, text: str, tooltip: str = "") -> None:
        """Say why the post is not checked (``""``: it is); ``noted(text)`` follows."""
        self.noted.emit(text)
        self.note.setText(text)
        self.note.setToolTip(tooltip or text)
        self.note.setVisible(bool(text))
