"""Colours in the text: links, hashtags and mentions; wavy underlines for issues; the part over the
limit of the chosen network."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from studio.editors.post.marks import Mark
from studio.text.positions import cp_to_utf16, utf16_length

CATEGORY_COLOURS: dict[str, str] = {
    "spelling": "#e5484d",
    "grammar": "#f08c00",
    "punctuation": "#d6409f",
    "style": "#3e63dd",
    "brand": "#8e4ec6",
    "typography": "#12a594",
    "other": "#6f6e77",
}
ENTITY_COLOURS: dict[str, str] = {"url": "#1d6fd1", "hashtag": "#1d6fd1", "mention": "#1d6fd1"}
OVER_LIMIT_BACKGROUND = "#ffd8d6"


def category_colour(category: str) -> QColor:
    return QColor(CATEGORY_COLOURS.get(category, CATEGORY_COLOURS["other"]))


class PostHighlighter(QSyntaxHighlighter):
    """Formats each block from three sources the editor gives it: ``marks()`` (issues, UTF-16
    positions in the document), ``over_from()`` (UTF-16 position where the text goes over the limit,
    or ``None``) and the entities found in the block itself.

    Signals: none (it only paints).
    """

    def __init__(
        self,
        document: QTextDocument,
        marks: Callable[[], list[Mark]],
        over_from: Callable[[], int | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or document)
        self.setDocument(document)
        self._marks = marks
        self._over_from = over_from

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        base = block.position()
        length = utf16_length(text)
        if text:
            from studio.text import entities  # its regular expressions load with the first text

            for entity in entities.entities(text):
                fmt = QTextCharFormat()
                fmt.setForeground(QColor(ENTITY_COLOURS[entity.kind]))
                if entity.kind == "url":
                    fmt.setFontUnderline(True)
                start, end = cp_to_utf16(text, entity.start), cp_to_utf16(text, entity.end)
                self.setFormat(start, end - start, fmt)
        over = self._over_from()
        if over is not None and over < base + length:
            start = max(0, over - base)
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(OVER_LIMIT_BACKGROUND))
            self._merge(start, length - start, fmt)
        for mark in self._marks():
            if mark.end < base or mark.start > base + length:
                continue
            start = max(mark.start, base) - base
            end = min(mark.end, base + length) - base
            if end == start:
                continue
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(category_colour(mark.issue.category))
            self._merge(start, end - start, fmt)

    def _merge(self, start: int, count: int, extra: QTextCharFormat) -> None:
        """Add ``extra`` on top of what is already set, character by character run."""
        position = start
        while position < start + count:
            current = self.format(position)
            run = 1
            while position + run < start + count and self.format(position + run) == current:
                run += 1
            merged = QTextCharFormat(current)
            merged.merge(extra)
            self.setFormat(position, run, merged)
            position += run
