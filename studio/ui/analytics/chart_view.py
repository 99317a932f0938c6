"""A chart drawn from the core's SVG at the widget's own size (never stretched), so lines stay thin
and labels stay at their point size whatever the window's width."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

Draw = Callable[[int, int], str]  # (width, height) -> SVG


class ChartView(QWidget):
    """Shows ``draw(width, height)``; :meth:`set_chart` replaces what is drawn. Signals: none."""

    def __init__(self, height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._draw: Draw | None = None
        self._cache: tuple[QSize, QSvgRenderer] | None = None
        self.setFixedHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_chart(self, draw: Draw | None) -> None:
        self._draw = draw
        self._cache = None
        self.update()

    def svg(self) -> str:
        """The SVG as drawn at the current size (tests read it)."""
        return self._draw(self.width(), self.height()) if self._draw else ""

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._draw is None:
            return
        size = self.size()
        if self._cache is None or self._cache[0] != size:
            self._cache = (size, QSvgRenderer(QByteArray(self.svg().encode()), self))
        painter = QPainter(self)
        self._cache[1].render(painter)
        painter.end()
