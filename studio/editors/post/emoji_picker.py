"""The emoji picker (Ctrl+Shift+E): the emoji people post most, searchable by name."""

from __future__ import annotations

import unicodedata

import regex
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

# The colour emoji font Studio depends on (Debian's fonts-noto-color-emoji): the grid asks for it
# first, so its pictures never fall back to empty boxes (studio.ui.fonts also makes it Qt's emoji font).
EMOJI_FONT = "Noto Color Emoji"

# Grouped roughly as social media managers use them: faces, hands, hearts, celebration, objects,
# nature, food, arrows and marks.
EMOJI = (
    "😀😃😄😁😆😅😂🤣😊😇🙂😉😍🥰😘😋😎🤩🥳😏😌🤔🤨😐😶🙄😬😮😯😲🥺😢😭😤😡🤯😱😴🤗🤫🤭🫡🫶"
    "👍👎👏🙌🙏🤝👋✌🤞🤟👌👉👈👆👇💪🫵✍"
    "❤🧡💛💚💙💜🖤🤍💔💕💖💯"
    "🎉🎊🥂🍾🎁🎈🏆🥇🎯🔥✨⭐🌟💫⚡💥🚀"
    "📣📢📌📍📅📆⏰⌛💡📈📉📊💰💸🛒🛍🏷🔗📸🎥🎬🎤🎧📱💻🖥📝📚✏📖📰📬✉"
    "☀🌙🌈🌊🌱🌿🍀🌸🌻🌹🍂❄☕🍕🍔🍰🍎🥑🍷🍺"
    "✅❌⚠❗❓➡⬅⬆⬇🔝🆕🆓🔴🟢🔵"
)


def with_presentation(emoji: str) -> str:
    """``emoji`` as an emoji picture: symbols that default to text style (❤, ✌) get U+FE0F, which
    every network and font then draws in colour (and twitter-text counts as one emoji)."""
    if len(emoji) == 1 and not regex.match(r"\p{Emoji_Presentation}", emoji):
        return emoji + "\uFE0F"
    return emoji


def emoji_name(emoji: str) -> str:
    try:
        return unicodedata.name(emoji[0]).lower()
    except ValueError:
        return ""


class EmojiPicker(QDialog):
    """A small searchable grid; choosing an emoji emits it and closes.

    Signals: ``chosen(str emoji)``.
    """

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Insert emoji"))
        self.setObjectName("emojiPicker")
        layout = QVBoxLayout(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search: heart, rocket, party…"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.grid = QListWidget(self)
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setGridSize(QSize(40, 40))
        self.grid.setUniformItemSizes(True)
        self.grid.setMovement(QListView.Movement.Static)
        font = QFont(self.grid.font())
        font.setFamilies([EMOJI_FONT, *font.families()])
        font.setPointSize(font.pointSize() + 8)
        self.grid.setFont(font)
        layout.addWidget(self.grid)
        for emoji in EMOJI:
            item = QListWidgetItem(emoji)
            item.setToolTip(emoji_name(emoji))
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.grid.addItem(item)
        self.resize(380, 320)
        self.search.textChanged.connect(self.filter)
        self.search.returnPressed.connect(self._choose_first)
        self.grid.itemActivated.connect(self._choose)
        self.grid.itemClicked.connect(self._choose)

    def filter(self, words: str) -> None:
        wanted = words.lower().split()
        first = True
        for row in range(self.grid.count()):
            item = self.grid.item(row)
            hidden = not all(word in item.toolTip() for word in wanted)
            item.setHidden(hidden)
            if not hidden and first:
                self.grid.setCurrentItem(item)
                first = False

    def visible_emoji(self) -> list[str]:
        return [self.grid.item(r).text() for r in range(self.grid.count()) if not self.grid.item(r).isHidden()]

    def _choose_first(self) -> None:
        item = self.grid.currentItem()
        if item is None or item.isHidden():
            visible = self.visible_emoji()
            if not visible:
                return
            self.chosen.emit(with_presentation(visible[0]))
        else:
            self.chosen.emit(with_presentation(item.text()))
        self.accept()

    def _choose(self, item: QListWidgetItem) -> None:
        self.chosen.emit(with_presentation(item.text()))
        self.accept()
