"""The variants bar: which text the editor shows (the base text, or one network's variant: its own
text or thread), and the actions that make or undo a variant.

In the code a network's own text is a *variant* (``studio.model.Variant``, ``studio.drafting``); the
words on screen say "version", as people do."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QTabBar, QVBoxLayout, QWidget

from studio.drafting import BASE
from studio.text import network


class VariantBar(QWidget):
    """Tabs "All networks" + one per target network, and a line that says what the tab shows.

    Signals: ``selected(str network)`` ("" for the base text); ``make_variant()``; ``drop_variant()``;
    ``split_requested(bool numbered)``.
    """

    selected = Signal(str)
    make_variant = Signal()
    drop_variant = Signal()
    split_requested = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabBar(self)
        self.tabs.setObjectName("variantTabs")
        self.tabs.setExpanding(False)
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs)
        line = QHBoxLayout()
        self.info = QLabel()
        self.info.setObjectName("variantInfo")
        line.addWidget(self.info, 1)
        self.own = QPushButton()
        self.own.clicked.connect(self._own_clicked)
        line.addWidget(self.own)
        self.numbered = QCheckBox(self.tr("Numbered 1/n"))
        line.addWidget(self.numbered)
        self.split = QPushButton(self.tr("Split into thread"))
        self.split.setObjectName("splitThread")
        self.split.clicked.connect(lambda: self.split_requested.emit(self.numbered.isChecked()))
        line.addWidget(self.split)
        layout.addLayout(line)
        for action in (self.own, self.numbered, self.split):
            action.hide()  # offered by describe() once a post is open
        self._networks: list[str] = []
        self._has_variant = False
        self.tabs.currentChanged.connect(self._changed)

    def set_networks(self, networks: Sequence[str], current: str = BASE) -> None:
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        self._networks = [BASE, *networks]
        self.tabs.addTab(self.tr("All networks"))
        for network_id in networks:
            self.tabs.addTab(network(network_id).title)
        self.tabs.setCurrentIndex(self._networks.index(current) if current in self._networks else 0)
        self.tabs.blockSignals(False)

    def current(self) -> str:
        index = self.tabs.currentIndex()
        return self._networks[index] if 0 <= index < len(self._networks) else BASE

    def select(self, network_id: str) -> None:
        if network_id in self._networks:
            self.tabs.setCurrentIndex(self._networks.index(network_id))

    def describe(self, network_id: str, *, has_variant: bool, has_thread: bool) -> None:
        """Say what the editor shows for ``network_id`` and offer the matching actions."""
        self._has_variant = has_variant
        if network_id == BASE:
            self.info.setText(self.tr("The base text: every network without its own version uses it."))
            self.own.hide()
            self.split.hide()
            self.numbered.hide()
            return
        title = network(network_id).title
        if has_thread:
            self.info.setText(self.tr("%1 gets a thread.").replace("%1", title))
        elif has_variant:
            self.info.setText(self.tr("%1 has its own version of the text.").replace("%1", title))
        else:
            self.info.setText(self.tr("%1 uses the base text.").replace("%1", title))
        self.own.setVisible(not has_thread)
        self.own.setText(self.tr("Use the base text again") if has_variant
                         else self.tr("Write a separate version for %1").replace("%1", title))
        can_split = network(network_id).thread and not has_thread
        self.split.setVisible(can_split)
        self.numbered.setVisible(can_split)

    def _own_clicked(self) -> None:
        (self.drop_variant if self._has_variant else self.make_variant).emit()

    def _changed(self, index: int) -> None:
        self.selected.emit(self.current())
