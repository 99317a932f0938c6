"""Pixels between Pillow and Qt."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QImage


def to_qimage(image: Any) -> QImage:
    """A Pillow RGB/RGBA image as a QImage that owns its pixels."""
    mode = "RGBA" if image.mode == "RGBA" else "RGB"
    data = image.convert(mode).tobytes()
    fmt = QImage.Format.Format_RGBA8888 if mode == "RGBA" else QImage.Format.Format_RGB888
    return QImage(data, image.width, image.height, image.width * len(mode), fmt).copy()
