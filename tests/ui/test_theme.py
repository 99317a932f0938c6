"""The one error red: a shade per palette, reached by the editors through the palette."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from studio.editors.post.counters import CountersBar
from studio.ui.theme import ERROR_RED, ERROR_ROLE, ERROR_STYLE, error_colour, palette_for


@pytest.mark.parametrize("dark", [False, True])
def test_each_palette_carries_the_error_red(qtbot: QtBot, dark: bool,
                                            screenshot: Callable[[Any, str], Path]) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    try:
        app.setPalette(palette_for(dark))
        red = QColor(ERROR_RED["dark" if dark else "light"])
        assert error_colour() == red
        bar = CountersBar()
        qtbot.addWidget(bar)
        bar.set_networks(["x"])
        bar.update_counts({"x": "a" * 300})  # over X's 280
        label = QLabel("The name is missing.")
        label.setStyleSheet(ERROR_STYLE)
        qtbot.addWidget(label)
        for widget in (bar, label):
            widget.show()
            qtbot.waitExposed(widget)
        shot = screenshot(bar, f"counters-over-{'dark' if dark else 'light'}.png")
        assert red.name() in {QColor(shot_pixel).name() for shot_pixel in _colours(shot)}
        assert label.palette().color(QPalette.ColorRole.WindowText) == red
        assert app.palette().color(ERROR_ROLE) == red
    finally:
        app.setPalette(before)


def _colours(path: Path) -> set[int]:
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    return {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}
