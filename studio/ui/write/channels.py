"""The channels a post goes to, as Buffer's composer shows them: one chip per connected account of
the client (its avatar and handle), toggled with one click, and a "+" menu with every network
version, for those without an account (Instagram by hand, ...), that stays open while ticking.

A chip stands for the account's network version (:func:`studio.publishing.renditions.target_of`):
a draft's targets are network versions, and scheduling sends to every account whose version is one
of them (:func:`studio.publishing.scheduling.accounts_for`), so two accounts of one version are on
or off together.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QKeyEvent, QMouseEvent, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QMenu, QToolButton, QWidget

from studio.model import Account
from studio.publishing.renditions import target_of
from studio.text import networks

CHIP_ICON = 20
CHIP_STYLE = """
QToolButton#channelChip { border: 1px solid palette(mid); border-radius: 11px; padding: 1px 8px 1px 3px;
                          min-height: 20px; }
QToolButton#channelChip:checked { border: 2px solid palette(highlight); padding: 0px 7px 0px 2px; }
QToolButton#channelChip:disabled { color: palette(mid); }
"""


class StayOpenMenu(QMenu):
    """A checklist menu that stays open while its items are ticked (by mouse, Space or Return)."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.actionAt(event.position().toPoint())
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self.activeAction()
        keys = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if action is not None and action.isCheckable() and action.isEnabled() and event.key() in keys:
            action.trigger()
            return
        super().keyPressEvent(event)


def _chip_icon(name: str, colour: str) -> QIcon:
    """The account's initials in the client's colour; faded when the chip is off."""
    from studio.ui.publishing.accounts_panel import initials_chip

    on = initials_chip(name, colour, CHIP_ICON * 2)
    off = QPixmap(on.size())
    off.fill(Qt.GlobalColor.transparent)
    painter = QPainter(off)
    painter.setOpacity(0.35)
    painter.drawPixmap(0, 0, on)
    painter.end()
    icon = QIcon()
    icon.addPixmap(on, QIcon.Mode.Normal, QIcon.State.On)
    icon.addPixmap(off, QIcon.Mode.Normal, QIcon.State.Off)
    icon.addPixmap(off, QIcon.Mode.Disabled, QIcon.State.Off)
    return icon


class ChannelsRow(QWidget):
    """The chips of the client's accounts, the chips of the other networks chosen, and "+".

    Signals: ``target_toggled(str network, bool on)`` when the user turns a network version on or off.
    """

    target_toggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(CHIP_STYLE)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self.titles = dict(networks())
        self.chips: dict[int, QToolButton] = {}  # account id -> its chip
        self.chip_targets: dict[int, str] = {}  # account id -> the network version it posts
        self.extra_chips: dict[str, QToolButton] = {}  # chosen networks without an account
        self.more_button = QToolButton(self)
        self.more_button.setObjectName("moreChannels")
        self.more_button.setText("+")
        self.more_button.setToolTip(self.tr("Other network versions: post by hand, or connect an account later"))
        self.more_button.setAccessibleName(self.tr("More networks"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = StayOpenMenu(self.more_button)
        self.network_actions: dict[str, QAction] = {}
        for network_id, title in networks():
            action = self.menu.addAction(title)
            action.setCheckable(True)
            action.toggled.connect(lambda on, n=network_id: self.target_toggled.emit(n, on))
            self.network_actions[network_id] = action
        self.more_button.setMenu(self.menu)
        self._layout.addWidget(self.more_button)
        self._targets: list[str] = []

    # -- what is shown ------------------------------------------------------------------------

    def set_accounts(self, accounts: Sequence[Account], colour: str) -> None:
        """One chip per account (archived ones left out), in the client's colour."""
        for chip in self.chips.values():
            chip.deleteLater()
        self.chips, self.chip_targets = {}, {}
        for account in accounts:
            if account.archived:
                continue
            target = target_of(account.network, account.settings)
            name = account.display_name or account.handle or account.network
            chip = self._chip(_chip_icon(name, colour), account.handle or name)
            known = target in self.titles
            version = self.titles.get(target, target)
            chip.setToolTip(self.tr("{handle} on {network}: click to post there or not").format(
                handle=account.handle or name, network=version) if known else
                self.tr("{handle}: choose which network's version it posts (Publishing → Accounts)").format(
                    handle=account.handle or name))
            chip.setEnabled(known)
            chip.clicked.connect(lambda on, n=target: self.target_toggled.emit(n, on))
            self._layout.insertWidget(len(self.chips), chip)
            self.chips[account.id] = chip
            self.chip_targets[account.id] = target
        self.show_targets(self._targets)

    def show_targets(self, targets: Iterable[str]) -> None:
        """Show ``targets`` as chosen (without telling: nothing was chosen by the user)."""
        self._targets = list(targets)
        chosen = set(self._targets)
        for account_id, chip in self.chips.items():
            chip.blockSignals(True)
            chip.setChecked(self.chip_targets[account_id] in chosen)
            chip.blockSignals(False)
        for network_id, action in self.network_actions.items():
            action.blockSignals(True)
            action.setChecked(network_id in chosen)
            action.blockSignals(False)
        with_account = set(self.chip_targets.values())
        wanted = [n for n in self._targets if n not in with_account and n in self.titles]
        for network_id in [n for n in self.extra_chips if n not in wanted]:
            self.extra_chips.pop(network_id).deleteLater()
        for network_id in wanted:
            if network_id not in self.extra_chips:
                chip = self._chip(QIcon(), self.titles[network_id])
                chip.setToolTip(self.tr("{network}: no account, posted by hand. Click to leave it out").format(
                    network=self.titles[network_id]))
                chip.clicked.connect(lambda on, n=network_id: self.target_toggled.emit(n, on))
                self._layout.insertWidget(self._layout.indexOf(self.more_button), chip)
                self.extra_chips[network_id] = chip
            self.extra_chips[network_id].setChecked(True)

    def _chip(self, icon: QIcon, text: str) -> QToolButton:
        chip = QToolButton(self)
        chip.setObjectName("channelChip")
        chip.setCheckable(True)
        chip.setIcon(icon)
        chip.setIconSize(QSize(CHIP_ICON, CHIP_ICON))
        chip.setText(text)
        chip.setAccessibleName(text)
        chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon if not icon.isNull()
                                else Qt.ToolButtonStyle.ToolButtonTextOnly)
        return chip
