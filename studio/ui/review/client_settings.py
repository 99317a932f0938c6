"""A client's review settings, as a row of the client manager: approval required before
scheduling, and the zone review packs show times in."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QWidget

from studio.review.approval import ReviewSettings, settings


class ReviewSettingsRow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.required = QCheckBox(self.tr("Approval required before scheduling"))
        self.zone = QLineEdit()
        self.zone.setPlaceholderText(self.tr("Review pack zone (e.g. Asia/Jakarta)"))
        self.zone.setAccessibleName(self.tr("Review pack time zone"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.required)
        layout.addWidget(self.zone, 1)

    def show_client(self, library: Any, client_id: int) -> None:
        """Show ``client_id``'s settings (one indexed read: fine on the UI thread)."""
        value = settings(library, client_id)
        self.required.setChecked(value.approval_required)
        self.zone.setText(value.zone)

    def value(self) -> ReviewSettings:
        return ReviewSettings(self.required.isChecked(), self.zone.text().strip())
