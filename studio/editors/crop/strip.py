"""A strip of live thumbnails: every chosen preset, cropped as it will be exported.

Thumbnails are painted from the preview image already in memory (a reduced decode), with the same
turn, flip and crop the export will apply, so the strip follows the frame and the focal point
without touching the file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPixmap, QTransform
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from studio.editors.crop.view import canvas_transform
from studio.imaging import geometry
from studio.imaging.geometry import Crop
from studio.imaging.presets import Preset

THUMB_HEIGHT = 92
THUMB_MAX_WIDTH = 190


def thumbnail(image: QImage, crop: Crop, size: QSize) -> QImage:
    """``crop`` of ``image`` (the photo the right way up) drawn into an image of ``size``."""
    out = QImage(size, QImage.Format.Format_RGB32)
    out.fill(QColor("#202020"))
    if image.isNull():
        return out
    source_size = (image.width(), image.height())
    cw, ch = geometry.canvas_size(source_size, crop.rotation)
    to_thumb = QTransform()
    to_thumb.scale(size.width() / max(crop.w * cw, 1e-9), size.height() / max(crop.h * ch, 1e-9))
    to_thumb.translate(-crop.x * cw, -crop.y * ch)
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.setTransform(canvas_transform(source_size, crop) * to_thumb)
    painter.drawImage(0, 0, image)
    painter.end()
    return out


def thumb_size(preset: Preset) -> QSize:
    width = round(THUMB_HEIGHT * preset.ratio)
    if width <= THUMB_MAX_WIDTH:
        return QSize(max(width, 24), THUMB_HEIGHT)
    return QSize(THUMB_MAX_WIDTH, max(round(THUMB_MAX_WIDTH / preset.ratio), 12))


class PresetThumb(QFrame):
    """One preset's thumbnail and name; a click chooses it.

    Signals: ``clicked(str preset_id)``.
    """

    clicked = Signal(str)

    def __init__(self, preset: Preset, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preset = preset
        self.setObjectName("presetThumb")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.picture = QLabel()
        self.picture.setFixedSize(thumb_size(preset))
        self.caption = QLabel(preset.label)
        self.caption.setWordWrap(True)
        self.caption.setMaximumWidth(max(thumb_size(preset).width(), 130))
        self.caption.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        font = self.caption.font()
        font.setPointSizeF(font.pointSizeF() * 0.85)
        self.caption.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.caption, 0, Qt.AlignmentFlag.AlignHCenter)
        self.upscaled = False
        self.set_current(False)

    def set_current(self, current: bool) -> None:
        colour = "#1f6feb" if current else "transparent"
        self.setStyleSheet(f"#presetThumb {{ border: 2px solid {colour}; border-radius: 4px; }}")

    def paint_crop(self, image: QImage, crop: Crop, upscaled: bool) -> None:
        picture = thumbnail(image, crop, self.picture.size())
        self.picture.setPixmap(QPixmap.fromImage(picture))
        self.upscaled = upscaled
        label = self.preset.label + ("  ⚠" if upscaled else "")
        self.caption.setText(label)
        tip = f"{self.preset.label}: {self.preset.width} x {self.preset.height}"
        if upscaled:
            tip += "\n" + self.tr("The crop is smaller than this size: the export will be enlarged (less sharp).")
        self.setToolTip(tip)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.preset.id)
        super().mousePressEvent(event)


class PresetStrip(QScrollArea):
    """The thumbnails of all chosen presets, in a row that scrolls.

    Signals: ``chosen(str preset_id)`` when a thumbnail is clicked.
    """

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.inner = QWidget()
        self.row = QHBoxLayout(self.inner)
        self.row.setContentsMargins(4, 4, 4, 4)
        self.row.setSpacing(6)
        self.row.addStretch(1)
        self.setWidget(self.inner)
        self.thumbs: dict[str, PresetThumb] = {}
        self.setMinimumHeight(THUMB_HEIGHT + 76)
        self.setAccessibleName(self.tr("Every preset's crop"))

    def set_presets(self, presets: Sequence[Preset]) -> None:
        for thumb in self.thumbs.values():
            self.row.removeWidget(thumb)
            thumb.deleteLater()
        self.thumbs = {}
        for preset in presets:
            thumb = PresetThumb(preset, self.inner)
            thumb.clicked.connect(self.chosen)
            self.row.insertWidget(self.row.count() - 1, thumb)
            self.thumbs[preset.id] = thumb

    def set_current(self, preset_id: str) -> None:
        for key, thumb in self.thumbs.items():
            thumb.set_current(key == preset_id)
        if preset_id in self.thumbs:
            self.ensureWidgetVisible(self.thumbs[preset_id])

    def refresh(self, image: QImage, crops: Mapping[str, Crop], full_size: tuple[int, int]) -> None:
        """Repaint every thumbnail from ``image`` with its crop (``full_size`` decides upscaling)."""
        for preset_id, thumb in self.thumbs.items():
            crop = crops.get(preset_id)
            if crop is None:
                continue
            target = (thumb.preset.width, thumb.preset.height)
            thumb.paint_crop(image, crop, geometry.upscale_factor(crop, full_size, target) > 1.0001)
