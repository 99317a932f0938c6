"""A dialog for a preset of the user's own (a shop's banner, a newsletter header): size, byte
limit and formats, checked by the same rules as the built-in presets before it is saved."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studio.imaging.errors import PresetError
from studio.imaging.presets import MAX_SIDE, Preset, preset_from_dict


def slug(text: str) -> str:
    """``text`` as an id part: lower case, digits and hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.strip().lower()).strip("-")


class PresetDialog(QDialog):
    """Make a custom preset. After ``exec()`` returns Accepted, :attr:`result_preset` holds it.

    Signals: none of its own (the standard ``accepted``/``rejected``).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New image preset"))
        self.result_preset: Preset | None = None
        self.network = QLineEdit()
        self.network.setPlaceholderText(self.tr("shop"))
        self.placement = QLineEdit()
        self.placement.setPlaceholderText(self.tr("banner"))
        self.label = QLineEdit()
        self.label.setPlaceholderText(self.tr("Shop banner"))
        self.width_box = self._side(1200)
        self.height_box = self._side(400)
        self.max_kb = QSpinBox()
        self.max_kb.setRange(1, 1024 * 1024)
        self.max_kb.setValue(5 * 1024)
        self.max_kb.setSuffix(" KB")
        self.jpeg = QCheckBox("JPEG")
        self.png = QCheckBox("PNG")
        self.webp = QCheckBox("WebP")
        self.jpeg.setChecked(True)
        formats = QHBoxLayout()
        for box in (self.jpeg, self.png, self.webp):
            formats.addWidget(box)
        formats.addStretch(1)
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b42318;")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Network or place"), self.network)
        form.addRow(self.tr("Placement"), self.placement)
        form.addRow(self.tr("Name"), self.label)
        form.addRow(self.tr("Width (pixels)"), self.width_box)
        form.addRow(self.tr("Height (pixels)"), self.height_box)
        form.addRow(self.tr("Largest file"), self.max_kb)
        form.addRow(self.tr("Formats"), formats)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _side(self, value: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(1, MAX_SIDE)
        box.setValue(value)
        return box

    def data(self) -> dict[str, Any]:
        """The preset as the library stores it."""
        network, placement = slug(self.network.text()), slug(self.placement.text())
        formats = [name for name, box in (("jpeg", self.jpeg), ("png", self.png), ("webp", self.webp))
                   if box.isChecked()]
        return {
            "id": f"{network}.{placement}",
            "label": self.label.text().strip() or f"{self.network.text().strip()} {self.placement.text().strip()}",
            "width": self.width_box.value(),
            "height": self.height_box.value(),
            "max_bytes": self.max_kb.value() * 1024,
            "formats": formats,
            "source": "custom preset",
        }

    def accept(self) -> None:
        """Check the preset; keep the dialog open with the reason if it is not valid."""
        try:
            self.result_preset = preset_from_dict(self.data(), custom=True)
        except PresetError as error:
            self.error.setText(error.for_humans())
            return
        super().accept()
