"""The crop editor: one photo, every chosen preset's crop, the focal point that places them all.

The editor owns the crops while a photo is open: for each preset a :class:`Crop` (fractions of the
turned canvas, with the turn and flips). A crop the user has not touched follows the focal point;
one the user moved or resized stays where it was put until "Reset" or a turn of the photo. Turning,
flipping and straightening apply to the whole photo, so every preset is placed anew.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.editors.crop.strip import PresetStrip
from studio.editors.crop.view import CropView
from studio.imaging import geometry
from studio.imaging.geometry import Crop
from studio.imaging.presets import Preset

STRAIGHTEN_LIMIT = 15.0  # degrees either way
_SAME = 1e-4


def same_crop(a: Crop, b: Crop) -> bool:
    return (abs(a.x - b.x) < _SAME and abs(a.y - b.y) < _SAME and abs(a.w - b.w) < _SAME
            and abs(a.h - b.h) < _SAME and abs(a.rotation - b.rotation) < 1e-6
            and a.flip_h == b.flip_h and a.flip_v == b.flip_v)


class CropEditor(QWidget):
    """Toolbar, crop canvas, upscaling warning and the strip of every preset.

    Signals: ``crops_edited()`` after any crop changed by the user (drag, nudge, focal point, turn);
    ``focal_edited(float, float)`` when the focal point moved; ``current_changed(str preset_id)``.
    """

    crops_edited = Signal()
    focal_edited = Signal(float, float)
    current_changed = Signal(str)

    def __init__(self, presets: Sequence[Preset], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presets: list[Preset] = list(presets)
        self.crops: dict[str, Crop] = {}
        self.manual: set[str] = set()
        self.focal: tuple[float, float] = (0.5, 0.5)
        self.full_size: tuple[int, int] = (0, 0)
        self.image = QImage()
        self.rotation = 0.0
        self.flip_h = False
        self.flip_v = False
        self.current = self.presets[0].id if self.presets else ""

        self.view = CropView(self)
        self.strip = PresetStrip(self)
        self.preset_box = QComboBox()
        self.preset_box.setAccessibleName(self.tr("Preset being cropped"))
        self.preset_box.setMinimumContentsLength(22)
        self.rotate_button = self._tool(self.tr("Rotate 90°"), self.tr("Turn the photo a quarter clockwise (R)"))
        self.flip_button = self._tool(self.tr("Flip"), self.tr("Mirror the photo left to right (H)"))
        self.straighten = QSlider(Qt.Orientation.Horizontal)
        self.straighten.setRange(int(-STRAIGHTEN_LIMIT * 10), int(STRAIGHTEN_LIMIT * 10))
        self.straighten.setFixedWidth(140)
        self.straighten.setToolTip(self.tr("Straighten: turn the photo a few degrees"))
        self.straighten.setAccessibleName(self.tr("Straighten"))
        self.straighten_label = QLabel("0.0°")
        self.straighten_label.setMinimumWidth(40)
        self.zoom_out = self._tool("−", self.tr("Zoom out (−)"))
        self.zoom_in = self._tool("+", self.tr("Zoom in (+)"))
        self.fit_button = self._tool(self.tr("Fit"), self.tr("Show the whole photo (0)"))
        self.grid_button = self._tool(self.tr("Thirds"), self.tr("Rule-of-thirds grid"), checkable=True)
        self.zones_button = self._tool(self.tr("Safe zones"), self.tr("Show what the network covers or cuts"), checkable=True)
        self.reset_button = self._tool(self.tr("Reset"), self.tr("Put this preset's frame back on the focal point"))
        self.warning = QLabel()
        self.warning.setObjectName("cropWarning")
        self.warning.setStyleSheet("#cropWarning { color: #b35c00; font-weight: 600; }")
        self.warning.setWordWrap(True)
        self.warning.hide()

        tools = QHBoxLayout()
        tools.setSpacing(4)
        tools.addWidget(self.preset_box)
        for widget in (self.rotate_button, self.flip_button):
            tools.addWidget(widget)
        tools.addSpacing(8)
        tools.addWidget(QLabel(self.tr("Straighten")))
        tools.addWidget(self.straighten)
        tools.addWidget(self.straighten_label)
        tools.addStretch(1)
        for widget in (self.grid_button, self.zones_button, self.reset_button, self.zoom_out, self.zoom_in,
                       self.fit_button):
            tools.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.warning)
        layout.addWidget(self.strip)

        self.grid_button.setChecked(True)
        self.zones_button.setChecked(True)
        self._thumb_timer = QTimer(self)
        self._thumb_timer.setSingleShot(True)
        self._thumb_timer.setInterval(40)  # coalesce a drag's many moves into a few repaints
        self._thumb_timer.timeout.connect(self._refresh_strip)

        self.preset_box.currentIndexChanged.connect(self._preset_box_changed)
        self.strip.chosen.connect(self.select_preset)
        self.view.frame_changed.connect(self._frame_changed)
        self.view.frame_committed.connect(self.crops_edited)
        self.view.focal_changed.connect(self.set_focal)
        self.view.rotate_requested.connect(self.rotate_90)
        self.view.flip_requested.connect(self.flip)
        self.rotate_button.clicked.connect(self.rotate_90)
        self.flip_button.clicked.connect(self.flip)
        self.straighten.valueChanged.connect(self._straighten_moved)
        self.straighten.sliderReleased.connect(self.crops_edited)
        self.zoom_in.clicked.connect(lambda: self.view.zoom(1.25))
        self.zoom_out.clicked.connect(lambda: self.view.zoom(0.8))
        self.fit_button.clicked.connect(self.view.fit)
        self.grid_button.toggled.connect(self._overlays)
        self.zones_button.toggled.connect(self._overlays)
        self.reset_button.clicked.connect(self.reset_current)
        self.set_presets(self.presets)
        self._enable(False)

    def _tool(self, text: str, tip: str, checkable: bool = False) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setCheckable(checkable)
        button.setAutoRaise(True)
        return button

    def _enable(self, on: bool) -> None:
        for widget in (self.rotate_button, self.flip_button, self.straighten, self.reset_button,
                       self.zoom_in, self.zoom_out, self.fit_button):
            widget.setEnabled(on)

    # -- presets ------------------------------------------------------------------------------

    def preset(self, preset_id: str | None = None) -> Preset:
        wanted = preset_id or self.current
        return next(preset for preset in self.presets if preset.id == wanted)

    def set_presets(self, presets: Sequence[Preset]) -> None:
        """Crop for ``presets`` (the thumbnails, the choice of frame)."""
        self.presets = list(presets)
        self.preset_box.blockSignals(True)
        self.preset_box.clear()
        for preset in self.presets:
            self.preset_box.addItem(f"{preset.label} — {preset.width} x {preset.height}", preset.id)
        self.preset_box.blockSignals(False)
        self.strip.set_presets(self.presets)
        ids = [preset.id for preset in self.presets]
        if self.current not in ids:
            self.current = ids[0] if ids else ""
        if self.has_photo():
            for preset in self.presets:
                if preset.id not in self.crops:
                    self.crops[preset.id] = self._default(preset)
        self.select_preset(self.current)

    def select_preset(self, preset_id: str) -> None:
        """Show ``preset_id``'s frame in the canvas."""
        if not preset_id:
            return
        self.current = preset_id
        index = self.preset_box.findData(preset_id)
        if index >= 0 and index != self.preset_box.currentIndex():
            self.preset_box.blockSignals(True)
            self.preset_box.setCurrentIndex(index)
            self.preset_box.blockSignals(False)
        self.strip.set_current(preset_id)
        self._show_current()
        self.current_changed.emit(preset_id)

    def _preset_box_changed(self, index: int) -> None:
        preset_id = self.preset_box.itemData(index)
        if preset_id:
            self.select_preset(str(preset_id))

    # -- the photo ----------------------------------------------------------------------------

    def has_photo(self) -> bool:
        return not self.image.isNull()

    def set_photo(self, image: QImage, full_size: tuple[int, int], focal: tuple[float, float],
                  crops: Mapping[str, Crop] | None = None) -> None:
        """Show a photo (``image``: a decode, maybe reduced, the right way up; ``full_size``: its real
        size) with the crops saved for it. A saved crop that is just the default for ``focal`` keeps
        following the focal point; any other counts as the user's."""
        self.image = image
        self.full_size = full_size
        self.focal = focal
        saved = dict(crops or {})
        first = next(iter(saved.values()), None)
        self.rotation = first.rotation if first else 0.0
        self.flip_h = first.flip_h if first else False
        self.flip_v = first.flip_v if first else False
        self.straighten.blockSignals(True)
        self.straighten.setValue(round(self._straighten_part() * 10))
        self.straighten.blockSignals(False)
        self.straighten_label.setText(f"{self._straighten_part():.1f}°")
        self.crops, self.manual = {}, set()
        for preset in self.presets:
            default = self._default(preset)
            crop = saved.get(preset.id)
            if crop is None or same_crop(crop, default):
                self.crops[preset.id] = default
            else:
                self.crops[preset.id] = crop
                self.manual.add(preset.id)
        self.view.set_image(image)
        self.view.set_focal(*focal)
        self._enable(True)
        self._show_current()

    def show_glimpse(self, image: QImage) -> None:
        """Show a photo that is still being read (a small first decode): the picture at once, the
        frames and tools when :meth:`set_photo` follows."""
        self.clear_photo()
        self.view.set_image(image, glimpse=True)

    def clear_photo(self) -> None:
        self.image = QImage()
        self.crops, self.manual = {}, set()
        self.view.clear_image()
        self.warning.hide()
        self._enable(False)

    def _default(self, preset: Preset) -> Crop:
        return geometry.default_crop(self.full_size, preset.ratio, self.focal, self.rotation, self.flip_h,
                                     self.flip_v)

    def _straighten_part(self) -> float:
        turned = geometry.normal_rotation(self.rotation)
        quarter = round(turned / 90.0) * 90.0
        return turned - quarter

    def _quarter_part(self) -> float:
        return geometry.normal_rotation(self.rotation - self._straighten_part())

    # -- edits --------------------------------------------------------------------------------

    def set_focal(self, x: float, y: float) -> None:
        """Move the focal point: every crop the user has not placed by hand follows it."""
        self.focal = (min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0))
        for preset in self.presets:
            if preset.id not in self.manual:
                self.crops[preset.id] = self._default(preset)
        self.view.set_focal(*self.focal)
        self._show_current()
        self.focal_edited.emit(*self.focal)
        self.crops_edited.emit()

    def reset_current(self) -> None:
        if not self.has_photo() or not self.current:
            return
        self.manual.discard(self.current)
        self.crops[self.current] = self._default(self.preset())
        self._show_current()
        self.crops_edited.emit()

    def rotate_90(self) -> None:
        self._turn(geometry.normal_rotation(self._quarter_part() + 90.0) + self._straighten_part(),
                   self.flip_h, self.flip_v)

    def flip(self) -> None:
        self._turn(self.rotation, not self.flip_h, self.flip_v)

    def _straighten_moved(self, tenths: int) -> None:
        angle = tenths / 10.0
        self.straighten_label.setText(f"{angle:.1f}°")
        self._turn(geometry.normal_rotation(self._quarter_part() + angle), self.flip_h, self.flip_v,
                   save=not self.straighten.isSliderDown())

    def _turn(self, rotation: float, flip_h: bool, flip_v: bool, save: bool = True) -> None:
        """Turn or flip the whole photo: every preset gets its default frame on the focal point."""
        if not self.has_photo():
            return
        self.rotation, self.flip_h, self.flip_v = rotation, flip_h, flip_v
        self.manual.clear()
        for preset in self.presets:
            self.crops[preset.id] = self._default(preset)
        self._show_current()
        if save:
            self.crops_edited.emit()

    def _frame_changed(self) -> None:
        if not self.current:
            return
        self.crops[self.current] = self.view.crop
        self.manual.add(self.current)
        self._update_warning()
        self._thumb_timer.start()

    def _overlays(self) -> None:
        self.view.set_overlays(self.grid_button.isChecked(), self.zones_button.isChecked())

    # -- showing ------------------------------------------------------------------------------

    def _show_current(self) -> None:
        if not self.has_photo() or not self.current:
            return
        preset = self.preset()
        crop = self.crops.get(preset.id) or self._default(preset)
        self.crops[preset.id] = crop
        self.view.set_crop(crop, preset.ratio, preset.safe_zones)
        self._update_warning()
        self._thumb_timer.start()

    def _update_warning(self) -> None:
        if not self.has_photo() or not self.current:
            self.warning.hide()
            return
        preset = self.preset()
        crop = self.crops[preset.id]
        factor = geometry.upscale_factor(crop, self.full_size, (preset.width, preset.height))
        if factor > 1.0001:
            width, height = geometry.crop_pixels(crop, self.full_size)
            self.warning.setText(
                self.tr("⚠ The frame covers %1 x %2 pixels of the photo; %3 needs %4 x %5, so the export will "
                        "be enlarged %6x and look soft.").replace("%1", QLocale().toString(round(width))).replace("%2", QLocale().toString(round(height)))
                .replace("%3", preset.label).replace("%4", str(preset.width)).replace("%5", str(preset.height))
                .replace("%6", QLocale().toString(factor, "f", 1))
            )
            self.warning.show()
        else:
            self.warning.hide()

    def _refresh_strip(self) -> None:
        if self.has_photo():
            self.strip.refresh(self.image, self.crops, self.full_size)

    def crops_to_save(self) -> dict[str, Crop]:
        """Every preset's crop, as the library keeps them."""
        return {key: replace(crop) for key, crop in self.crops.items()}
