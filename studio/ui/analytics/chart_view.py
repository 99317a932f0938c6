"""A chart drawn by :mod:`studio.analytics.charts` (matplotlib) at the widget's own size and pixel
ratio (never stretched for long), off the UI thread: lines stay thin and labels keep their point
size whatever the window's width, and drawing never holds up typing or scrolling."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

log = logging.getLogger(__name__)
Draw = Callable[[int, int, float], bytes]  # (width, height, pixel ratio) -> PNG
RESIZE_MS = 120  # a window being dragged wider redraws once it rests, not at every step


class ChartView(QWidget):
    """Shows ``draw(width, height, ratio)``; :meth:`set_chart` replaces what is drawn.

    Signals: ``drawn()`` when a new picture is shown.
    """

    drawn = Signal()

    def __init__(self, height: int, tasks: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._draw: Draw | None = None
        self.image: QImage | None = None
        self._asked = 0
        self._drawn_for: tuple[int, int, float] | None = None
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(RESIZE_MS)
        self._later.timeout.connect(self.redraw)
        self.setFixedHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_chart(self, draw: Draw | None) -> None:
        self._draw = draw
        self._drawn_for = None
        if draw is None:
            self.image = None
            self.update()
            return
        self.redraw()

    def redraw(self) -> None:
        """Draw at the current size on a pool thread (a newer request makes an older answer moot)."""
        if self._draw is None or not self.isVisible() or self.width() <= 0:
            return  # drawn when shown
        wanted = (self.width(), self.height(), self.devicePixelRatioF())
        if wanted == self._drawn_for:
            return
        self._drawn_for = wanted
        self._asked += 1
        asked = self._asked
        self._tasks.run(self._draw, *wanted, on_done=lambda png: self._show(asked, wanted[2], png),
                        on_error=lambda error: log.warning("A chart could not be drawn: %s", error))

    def _show(self, asked: int, ratio: float, png: bytes) -> None:
        if asked != self._asked:
            return
        image = QImage.fromData(png)
        image.setDevicePixelRatio(ratio)
        self.image = image
        self.update()
        self.drawn.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._draw is not None:
            self._later.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._draw is not None and self._drawn_for is None:
            self.redraw()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.image is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(self.rect(), self.image)  # scaled only until the redraw at the new size lands
        painter.end()
