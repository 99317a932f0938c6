"""The counters bar: one live counter per network the draft targets, in that network's own unit."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from studio.text import Count, count, network

UNIT_WORDS = {
    "x-weighted": "weighted characters (links 23, emoji and CJK 2)",
    "mastodon": "characters (links 23, @user@server as @user)",
    "graphemes": "characters as you see them",
    "utf8-bytes": "bytes",
    "utf16": "characters (emoji count 2)",
    "characters": "characters",
    "threads": "characters (emoji count as their bytes)",
    "hashtags": "hashtags",
    "mentions": "mentions",
}
# The theme's error red (studio.ui.theme.ERROR_RED), carried to the editors by the palette.
ERROR = "palette(bright-text)"
SHORT_UNITS = {"utf8-bytes": " B", "hashtags": " #", "mentions": " @"}


def counter_text(result: Count) -> str:
    """``X 120/280``; extra measures follow: ``Bluesky 120/300 · 400/3000 B``."""
    parts = [f"{network(result.network).title} {result.length}/{result.limit}"]
    for extra in result.measures[1:]:
        if extra.length or not extra.ok:
            parts.append(f"{extra.length}/{extra.limit}{SHORT_UNITS.get(extra.unit, '')}")
    return " · ".join(parts)


def counter_tooltip(result: Count) -> str:
    lines = [f"{network(result.network).title}: {m.length} of {m.limit} {UNIT_WORDS.get(m.unit, m.unit)}"
             for m in result.measures]
    lines += list(result.problems)
    if result.over_from is not None:
        lines.append("The part over the limit is marked in the text (click to show it).")
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
        self._empty = QLabel("Choose the networks this post is for to see their counters.")
        self._empty.setEnabled(False)
        self._layout.addWidget(self._empty)
        self._layout.addStretch(1)
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
