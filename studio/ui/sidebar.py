"""The side bar of workspaces: one checkable button per workspace, icon above its name."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QButtonGroup, QFrame, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from studio.ui.theme import SIDEBAR_STYLE


class Sidebar(QFrame):
    """Buttons that switch workspaces; exactly one is checked.

    Signals: ``currentRowChanged(int)`` with the row of the newly checked button.
    """

    currentRowChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAccessibleName(self.tr("Workspaces"))
        self.setFixedWidth(96)
        self._restyling = False
        self.setStyleSheet(SIDEBAR_STYLE)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.idToggled.connect(self._toggled)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 10, 6, 10)
        self._layout.setSpacing(6)
        self._layout.addStretch(1)

    def add(self, icon: QIcon, text: str, tooltip: str) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(icon)
        button.setIconSize(QSize(26, 26))
        button.setText(text)
        button.setToolTip(tooltip)
        button.setAccessibleName(text)
        button.setCheckable(True)
        button.setAutoRaise(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setMinimumHeight(62)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.group.addButton(button, len(self.group.buttons()))
        self._layout.insertWidget(self._layout.count() - 1, button)
        return button

    def button(self, row: int) -> QToolButton:
        button = self.group.button(row)
        assert isinstance(button, QToolButton)
        return button

    def count(self) -> int:
        return len(self.group.buttons())

    def currentRow(self) -> int:
        return self.group.checkedId()

    def setCurrentRow(self, row: int) -> None:
        if 0 <= row < self.count():
            self.button(row).setChecked(True)

    def changeEvent(self, event: QEvent) -> None:
        """A style sheet reads ``palette(...)`` once, when applied: after a switch between light and
        dark (Settings, or the system's own), apply it again so the side bar follows (once the new
        palette has reached every widget: not in the middle of handing it out)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and not self._restyling:
            self._restyling = True
            QTimer.singleShot(0, self._restyle)

    def _restyle(self) -> None:
        self.setStyleSheet("")
        self.setStyleSheet(SIDEBAR_STYLE)
        QTimer.singleShot(0, lambda: setattr(self, "_restyling", False))  # after the change it makes

    def _toggled(self, row: int, checked: bool) -> None:
        if checked:
            self.currentRowChanged.emit(row)
