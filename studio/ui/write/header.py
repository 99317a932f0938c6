"""The Write page's header: who the post is for, the channels it goes to, publishing, and "New post"."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from studio.ui.write.channels import ChannelsRow


class WriteHeader(QWidget):
    """The heading line with "New post", and below it the channels row (:class:`ChannelsRow`) and
    the publishing buttons the page adds (:meth:`add_publish_action`).

    Signals: ``target_toggled(str network, bool on)`` when a channel is turned on or off by the
    user; ``new_requested()`` from the "New post" button.
    """

    target_toggled = Signal(str, bool)
    new_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setObjectName("writeHeading")
        top.addWidget(self.heading, 1)
        self.new_button = QToolButton(self)
        self.new_button.setText(self.tr("New post"))
        self.new_button.setToolTip(self.tr("New post for the current client (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_requested.emit)
        top.addWidget(self.new_button)
        column.addLayout(top)
        self.row = QHBoxLayout()
        self.channels = ChannelsRow(self)
        self.channels.target_toggled.connect(self.target_toggled.emit)
        self.network_actions = self.channels.network_actions
        self.row.addWidget(self.channels)
        self.row.addStretch(1)
        column.addLayout(self.row)
        self.publish_buttons: list[QToolButton] = []

    def add_publish_action(self, action: QAction) -> QToolButton:
        """A button for one of the page's publishing actions, at the end of the channels row."""
        button = QToolButton(self)
        action.setIconText(action.text().replace("&", ""))  # a tool button would drop the "…" of "Schedule…"
        button.setDefaultAction(action)
        self.row.addWidget(button)
        self.publish_buttons.append(button)
        return button

    def show_targets(self, targets: Iterable[str]) -> None:
        """Show the channels of an opened post (without telling: nothing was chosen)."""
        self.channels.show_targets(targets)
