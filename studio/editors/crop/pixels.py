"""Pixels between Pillow and Qt."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtGui import QImage

# Qt's 32-bit formats hold 0xAARRGGBB in a machine word: B, G, R, A in memory on little-endian machines.
_WORD_ORDER = "BGRA" if sys.byteorder == "little" else "ARGB"


def to_qimage(image: Any) -> QImage:
    """A Pillow RGB/RGBA image as a QImage that owns its pixels, in the 32-bit format the screen's
    pixmaps use (made on a worker, it becomes a pixmap on the UI thread without a conversion)."""
    alpha = image.mode == "RGBA"
    data = image.convert("RGBA").tobytes("raw", _WORD_ORDER)
    fmt = QImage.Format.Format_ARGB32 if alpha else QImage.Format.Format_RGB32
    return QImage(data, image.width, image.height, image.width * 4, fmt).copy()
