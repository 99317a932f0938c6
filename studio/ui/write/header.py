"""The Write page's header: who the post is for, the networks it goes to, and "New post"."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton, QWidget

from studio.text import networks


class WriteHeader(QWidget):
    """The heading line, the "Networks" menu (a checklist of the text networks) and "New post".

    Signals: ``target_toggled(str network, bool on)`` when a network is ticked or unticked by the
    user; ``new_requested()`` from the "New post" button.
    """

    target_toggled = Signal(str, bool)
    new_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setObjectName("writeHeading")
        layout.addWidget(self.heading, 1)
        self.networks_button = QToolButton(self)
        self.networks_button.setText("Networks")
        self.networks_button.setObjectName("networksButton")
        self.networks_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.networks_menu = QMenu(self.networks_button)
        self.network_actions: dict[str, QAction] = {}
        for network_id, title in networks():
            action = self.networks_menu.addAction(title)
            action.setCheckable(True)
            action.toggled.connect(lambda on, n=network_id: self.target_toggled.emit(n, on))
            self.network_actions[network_id] = action
        self.networks_button.setMenu(self.networks_menu)
        layout.addWidget(self.networks_button)
        self.new_button = QToolButton(self)
        self.new_button.setText("New post")
        self.new_button.setToolTip("New post for the current client (Ctrl+N)")
        self.new_button.clicked.connect(self.new_requested.emit)
        layout.addWidget(self.new_button)

    def show_targets(self, targets: Iterable[str]) -> None:
        """Tick the networks of an opened post (without telling: nothing was chosen)."""
        chosen = set(targets)
        for network_id, action in self.network_actions.items():
            action.blockSignals(True)
            action.setChecked(network_id in chosen)
            action.blockSignals(False)
