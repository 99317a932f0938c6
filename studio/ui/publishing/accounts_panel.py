"""The Accounts tab of the Publishing page: every connected account with its avatar (or an
initials chip in its client's colour), client, network, posting slots and token expiry where the
network says it, and Test, Reconnect, Edit slots and Remove."""

from __future__ import annotations

from dataclasses import replace
from datetime import tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.errors import in_words
from studio.library.times import parse_iso
from studio.publishing.slots import format_slots, parse_slots
from studio.ui import locale_format
from studio.ui.context import AppContext
from studio.ui.translation import QT_TRANSLATE_NOOP

COLUMNS = (QT_TRANSLATE_NOOP("AccountsPanel", "Account"), QT_TRANSLATE_NOOP("AccountsPanel", "Client"), QT_TRANSLATE_NOOP("AccountsPanel", "Network"), QT_TRANSLATE_NOOP("AccountsPanel", "Posting slots"), QT_TRANSLATE_NOOP("AccountsPanel", "Token expires"), QT_TRANSLATE_NOOP("AccountsPanel", "Status"))
AVATAR = 28
NETWORK_NAMES = {"mastodon": "Mastodon", "bluesky": "Bluesky", "telegram": "Telegram", "webhook": "Webhook",
                 "folder": QT_TRANSLATE_NOOP("AccountsPanel", "Folder")}


def initials_chip(name: str, colour: str, size: int = AVATAR) -> QPixmap:
    """A round chip with the name's initials (for accounts without an avatar)."""
    words = [word for word in name.replace("@", " ").replace(".", " ").split() if word[:1].isalnum()]
    letters = "".join(word[0] for word in words[:2]).upper() or "?"
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    background = QColor(colour or "#4f7cff")
    painter.setBrush(background)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(QRectF(0, 0, size, size))
    light = 0.299 * background.red() + 0.587 * background.green() + 0.114 * background.blue() > 150
    painter.setPen(QColor("#111111") if light else QColor("#ffffff"))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 0.4))
    painter.setFont(font)
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, letters)
    painter.end()
    return pixmap


def expiry_text(settings: dict[str, Any], zone: tzinfo | None) -> str:
    """When the account's token expires, where the network said (``token_expires_at``), else "Not known"."""
    raw = settings.get("token_expires_at")
    if not raw:
        return (QCoreApplication.translate("AccountsPanel", "Does not expire") if settings.get("token_never_expires")
                else QCoreApplication.translate("AccountsPanel", "Not known"))
    try:
        return locale_format.moment(parse_iso(str(raw)), locale_format.DATE, zone)
    except ValueError:
        return str(raw)


class AccountsPanel(QWidget):
    """Signals: ``reconnect_requested(int account_id)`` (the connect dialog for a new secret);
    ``connect_requested()`` (the connect dialog for a new account)."""

    reconnect_requested = Signal(int)
    connect_requested = Signal()

    def __init__(self, context: AppContext, zone: tzinfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from studio.library.times import local_zone

        self.context = context
        self.zone = zone or local_zone()
        self.accounts: list[Any] = []
        self.avatars: dict[int, QImage] = {}
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName(self.tr("Accounts"))
        self.table.setHorizontalHeaderLabels([self.tr(title) for title in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(AVATAR + 10)
        self.table.setIconSize(QSize(AVATAR, AVATAR))
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("No accounts yet. Connect one to publish from Studio."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.test_button = QPushButton(self.tr("Test"))
        self.reconnect_button = QPushButton(self.tr("Reconnect…"))
        self.slots_button = QPushButton(self.tr("Edit slots…"))
        self.remove_button = QPushButton(self.tr("Remove…"))
        buttons = QHBoxLayout()
        for button in (self.test_button, self.reconnect_button, self.slots_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.connect_button = QPushButton(self.tr("Connect account…"))
        buttons.addWidget(self.connect_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.test_button.clicked.connect(self.test_selected)
        self.reconnect_button.clicked.connect(self._reconnect)
        self.slots_button.clicked.connect(self.edit_slots)
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        self.connect_button.clicked.connect(self.connect_requested)
        self._selection_changed()

    # ---- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        self.context.tasks.run(_load, self.context.library, on_done=self._loaded, on_error=self._error)

    def _loaded(self, found: tuple[list[Any], dict[int, tuple[str, str]]]) -> None:
        accounts, clients = found
        selected = self.selected()
        self.accounts = accounts
        self.table.setRowCount(len(accounts))
        for row, account in enumerate(accounts):
            client_name, colour = clients.get(account.client_id, ("", ""))
            name = account.display_name or account.handle
            first = QTableWidgetItem(name if name == account.handle else f"{name} ({account.handle})")
            image = self.avatars.get(account.id)
            first.setIcon(QIcon(QPixmap.fromImage(image)) if image is not None else
                          QIcon(initials_chip(name, colour)))
            values = (
                client_name,
                self.tr(NETWORK_NAMES.get(account.network, account.network)),
                format_slots(account.slots) or self.tr("None (Add to queue needs one)"),
                expiry_text(dict(account.settings), self.zone) if account.network != "folder" else self.tr("No token"),
                self.tr("Needs reconnecting") if account.settings.get("needs_reconnect") else "",
            )
            self.table.setItem(row, 0, first)
            for column, value in enumerate(values, 1):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.empty.setVisible(not accounts)
        self.table.setVisible(bool(accounts))
        if selected is not None:
            self.select(selected.id)
        self._selection_changed()
        wanted = [(a.id, str(a.settings.get("avatar_url") or "")) for a in accounts
                  if a.settings.get("avatar_url") and a.id not in self.avatars]
        if wanted:
            self.context.tasks.run(_avatars, wanted, on_done=self._avatars_loaded, on_error=lambda _e: None)

    def _avatars_loaded(self, found: dict[int, bytes]) -> None:
        for account_id, data in found.items():
            image = QImage.fromData(data)
            if not image.isNull():
                self.avatars[account_id] = image.scaled(AVATAR, AVATAR, Qt.AspectRatioMode.KeepAspectRatio,
                                                        Qt.TransformationMode.SmoothTransformation)
        for row, account in enumerate(self.accounts):
            cell = self.table.item(row, 0)
            if account.id in self.avatars and cell is not None:
                cell.setIcon(QIcon(QPixmap.fromImage(self.avatars[account.id])))

    # ---- selection and actions -------------------------------------------------------------

    def selected(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.accounts[rows[0].row()] if rows and rows[0].row() < len(self.accounts) else None

    def select(self, account_id: int) -> None:
        for row, account in enumerate(self.accounts):
            if account.id == account_id:
                self.table.selectRow(row)

    def _selection_changed(self) -> None:
        account = self.selected()
        for button in (self.test_button, self.slots_button, self.remove_button):
            button.setEnabled(account is not None)
        self.reconnect_button.setEnabled(account is not None and account.network != "folder")

    def _status(self, account_id: int, text: str) -> None:
        for row, account in enumerate(self.accounts):
            if account.id == account_id:
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, len(COLUMNS) - 1, cell)

    def test_selected(self) -> None:
        account = self.selected()
        if account is None:
            return
        self._status(account.id, self.tr("Testing…"))
        self.context.tasks.run(_test, account, on_done=lambda text: self._status(account.id, text),
                               on_error=lambda error: self._status(account.id, in_words(error)))

    def _reconnect(self) -> None:
        account = self.selected()
        if account is not None:
            self.reconnect_requested.emit(account.id)

    def edit_slots(self) -> None:
        account = self.selected()
        if account is None:
            return
        text, ok = QInputDialog.getText(self, self.tr("Posting slots"),
                                        self.tr("Slots for “Add to queue” (e.g. mon 09:30, thu 17:00):"),
                                        text=format_slots(account.slots))
        if not ok:
            return
        try:
            slots = tuple(parse_slots(text))
        except Exception as error:
            self.context.messages.error(in_words(error))
            return
        self.context.tasks.run(self.context.library.update_account, replace(account, slots=slots),
                               on_done=lambda _a: self.reload(), on_error=self._error, pool="writes")

    def remove_selected(self, confirm: bool = True) -> None:
        from studio.publishing import accounts

        account = self.selected()
        if account is None:
            return
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("Remove account"),
                self.tr("Remove %1? Its secret leaves the keyring; posts scheduled on it will not be sent.").replace(
                    "%1", account.handle),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.context.tasks.run(accounts.remove, self.context.library, account.id, on_done=lambda _a: self.reload(),
                               on_error=self._error, pool="writes")

    def _error(self, error: BaseException) -> None:
        self.context.messages.error(in_words(error))


def _load(library: Any) -> tuple[list[Any], dict[int, tuple[str, str]]]:
    clients = {client.id: (client.name, client.colour) for client in library.list_clients(include_archived=True)}
    return library.list_accounts(), clients


def _avatars(wanted: list[tuple[int, str]]) -> dict[int, bytes]:
    from studio.publishing.accounts import fetch_avatar

    found = {}
    for account_id, url in wanted:
        data = fetch_avatar(url, timeout=5.0)
        if data:
            found[account_id] = data
    return found


def _test(row: Any) -> str:
    """On a pool thread: the account's credentials checked with its network, in words."""
    from studio.publishing import accounts

    info = accounts.test_connection(accounts.credentials_for(row))
    if row.network == "folder":
        return QCoreApplication.translate("AccountsPanel", "Ready: packages go to %1.").replace("%1", info.display_name)
    name = f"{info.display_name} ({info.handle})" if info.display_name else info.handle
    return QCoreApplication.translate("AccountsPanel", "Works: connected as %1.").replace("%1", name)
