"""The "Connect account" dialog: choose a network, enter the credentials, "Test connection" (the
account's name, avatar and the server's limits), then connect. The secret goes to the keyring."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.errors import StudioError
from studio.publishing import accounts
from studio.publishing.base import AccountInfo, Credentials
from studio.publishing.slots import parse_slots
from studio.ui.locale_format import counted
from studio.ui.publishing.network_fields import NetworkFields
from studio.ui.tasks import Tasks
from studio.ui.theme import ERROR_STYLE
from studio.ui.translation import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from studio.library import Library
    from studio.model import Account

NETWORKS = (
    ("mastodon", "Mastodon"),
    ("bluesky", "Bluesky"),
    ("telegram", QT_TRANSLATE_NOOP("ConnectAccountDialog", "Telegram channel")),
    ("webhook", QT_TRANSLATE_NOOP("ConnectAccountDialog", "Webhook (Zapier, Make, n8n…)")),
    ("folder", QT_TRANSLATE_NOOP("ConnectAccountDialog", "Folder (post by hand)")),
    ("instagram", QT_TRANSLATE_NOOP("ConnectAccountDialog", "Instagram (professional account)")),
    ("facebook", QT_TRANSLATE_NOOP("ConnectAccountDialog", "Facebook Page")),
    ("threads", "Threads"),
    ("linkedin", QT_TRANSLATE_NOOP("ConnectAccountDialog", "LinkedIn profile")),
    ("postiz", QT_TRANSLATE_NOOP("ConnectAccountDialog", "Postiz server (TikTok, YouTube, …)")),
)

# Per network: (server label, server placeholder, handle label, handle placeholder, secret label)
FIELDS: dict[str, tuple[str, str, str, str, str]] = {
    "mastodon": (QT_TRANSLATE_NOOP("ConnectAccountDialog", "Server"), "https://mastodon.social", "", "", QT_TRANSLATE_NOOP("ConnectAccountDialog", "Access token")),
    "bluesky": (QT_TRANSLATE_NOOP("ConnectAccountDialog", "PDS (optional)"), "https://bsky.social", QT_TRANSLATE_NOOP("ConnectAccountDialog", "Handle"), "name.bsky.social", QT_TRANSLATE_NOOP("ConnectAccountDialog", "App password")),
    "telegram": (QT_TRANSLATE_NOOP("ConnectAccountDialog", "Bot API (optional)"), "https://api.telegram.org", "", "", QT_TRANSLATE_NOOP("ConnectAccountDialog", "Bot token")),
    "webhook": (QT_TRANSLATE_NOOP("ConnectAccountDialog", "Webhook URL"), "https://hooks.zapier.com/…", QT_TRANSLATE_NOOP("ConnectAccountDialog", "Name"), "Zapier: Instagram", QT_TRANSLATE_NOOP("ConnectAccountDialog", "Shared secret")),
    "folder": (QT_TRANSLATE_NOOP("ConnectAccountDialog", "Folder"), "", QT_TRANSLATE_NOOP("ConnectAccountDialog", "Name"), QT_TRANSLATE_NOOP("ConnectAccountDialog", "Instagram (by hand)"), ""),
    "instagram": (QT_TRANSLATE_NOOP("ConnectAccountDialog", "Graph API (optional)"), "https://graph.instagram.com/v23.0", "", "", QT_TRANSLATE_NOOP("ConnectAccountDialog", "Access token")),
    "facebook": (QT_TRANSLATE_NOOP("ConnectAccountDialog", "Graph API (optional)"), "https://graph.facebook.com/v23.0", "", "", QT_TRANSLATE_NOOP("ConnectAccountDialog", "Page access token")),
    "threads": (QT_TRANSLATE_NOOP("ConnectAccountDialog", "Threads API (optional)"), "https://graph.threads.net/v1.0", "", "", QT_TRANSLATE_NOOP("ConnectAccountDialog", "Access token")),
    "linkedin": (QT_TRANSLATE_NOOP("ConnectAccountDialog", "API (optional)"), "https://api.linkedin.com", "", "", QT_TRANSLATE_NOOP("ConnectAccountDialog", "Access token")),
    "postiz": (QT_TRANSLATE_NOOP("ConnectAccountDialog", "Postiz backend"), "https://postiz.example.org/api", "", "", QT_TRANSLATE_NOOP("ConnectAccountDialog", "API key")),
}


def _test(account: Credentials, media_keys: tuple[str, str] | None = None) -> tuple[AccountInfo, bytes | None]:
    """On a pool thread: check the credentials and fetch the avatar (plain data back)."""
    info = accounts.test_connection(account, media_keys)
    return info, accounts.fetch_avatar(info.avatar_url) if info.avatar_url else None


class ConnectAccountDialog(QDialog):
    """Connects one account to a client, or reconnects an existing one (``account_id``: a new token
    after the old one was revoked).

    Signals: ``connected(int account_id)`` once the account is saved (the dialog then closes).
    """

    connected = Signal(int)

    def __init__(self, library: Library, tasks: Tasks, client_id: int | None = None, parent: QWidget | None = None,
                 account_id: int | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self.account_id = account_id
        self.info: AccountInfo | None = None
        self.tested_with: Credentials | None = None
        self.setWindowTitle(self.tr("Connect account"))
        self.setMinimumWidth(520)

        self.client = QComboBox()
        for client in library.list_clients():
            self.client.addItem(client.name, client.id)
        if client_id is not None and self.client.findData(client_id) >= 0:
            self.client.setCurrentIndex(self.client.findData(client_id))
        self.network = QComboBox()
        for key, label in NETWORKS:
            self.network.addItem(self.tr(label), key)
        self.server = QLineEdit()
        self.browse = QPushButton(self.tr("Choose…"))
        self.server_row = QHBoxLayout()
        self.server_row.addWidget(self.server, 1)
        self.server_row.addWidget(self.browse)
        self.handle = QLineEdit()
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.chat_id = QLineEdit()
        self.chat_id.setPlaceholderText(self.tr("@mychannel or -100…"))
        self.variant = QComboBox()
        self.variant.addItem(self.tr("The base text"), "")
        from studio.text import networks

        for key, label in networks():
            self.variant.addItem(self.tr("The %1 variant").replace("%1", label), key)
        self.slots = QLineEdit()
        self.slots.setPlaceholderText(self.tr("mon 09:30, wed 12:00 (for “Add to queue”)"))

        self.form = QFormLayout()
        self.form.addRow(self.tr("Client"), self.client)
        self.form.addRow(self.tr("Network"), self.network)
        self.form.addRow(self.tr("Server"), self.server_row)
        self.form.addRow(self.tr("Handle"), self.handle)
        self.form.addRow(self.tr("Secret"), self.secret)
        self.form.addRow(self.tr("Chat id"), self.chat_id)
        self.form.addRow(self.tr("Sends"), self.variant)
        self.form.addRow(self.tr("Posting slots"), self.slots)
        self.extra = NetworkFields()  # the guide and the fields only some networks have

        self.test_button = QPushButton(self.tr("Test connection"))
        self.avatar = QLabel()
        self.avatar.setFixedSize(48, 48)
        self.avatar.setScaledContents(True)
        self.avatar.setVisible(False)
        self.status = QLabel(self.tr("Test the connection to see the account's name and limits."))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status_row = QHBoxLayout()
        status_row.addWidget(self.avatar)
        status_row.addWidget(self.status, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = self.buttons.addButton(self.tr("Connect"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.connect_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.extra)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        layout.addLayout(test_row)
        layout.addLayout(status_row)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.network.currentIndexChanged.connect(self._network_changed)
        self.browse.clicked.connect(self._choose_folder)
        self.test_button.clicked.connect(self.test_connection)
        self.buttons.rejected.connect(self.reject)
        self.connect_button.clicked.connect(self.connect_account)
        for edit in (self.server, self.handle, self.secret, self.chat_id):
            edit.textEdited.connect(self._edited)
        self.extra.edited.connect(self._edited)
        self._network_changed()
        if account_id is not None:
            self._prefill(library.get_account(account_id))

    def _prefill(self, existing: Account) -> None:
        """Reconnecting: everything but the secret is known and stays as it is."""
        self.setWindowTitle(self.tr("Reconnect %1").replace("%1", existing.handle))
        self.connect_button.setText(self.tr("Reconnect"))
        if self.client.findData(existing.client_id) >= 0:
            self.client.setCurrentIndex(self.client.findData(existing.client_id))
        self.network.setCurrentIndex(self.network.findData(existing.network))
        self.server.setText(existing.server_url)
        self.handle.setText(existing.handle if existing.network == "bluesky" else "")
        self.chat_id.setText(str(existing.settings.get("chat_id") or ""))
        self.extra.prefill(existing.settings)
        for widget in (self.client, self.network, self.server, self.browse, self.handle, self.chat_id, self.variant,
                       self.slots):
            widget.setEnabled(False)
        self._say(self.tr("Enter the new secret, then test the connection."))

    # ---- fields ----------------------------------------------------------------------------------

    def network_key(self) -> str:
        return str(self.network.currentData())

    def _show_row(self, field: QWidget | QHBoxLayout, visible: bool, label: str = "") -> None:
        self.form.setRowVisible(field, visible)
        label_widget = self.form.labelForField(field)
        if label and isinstance(label_widget, QLabel):
            label_widget.setText(label)

    def _network_changed(self) -> None:
        network = self.network_key()
        server_label, server_hint, handle_label, handle_hint, secret_label = FIELDS[network]
        self._show_row(self.server_row, True, self.tr(server_label))
        self.server.setPlaceholderText(server_hint)
        self.browse.setVisible(network == "folder")
        self._show_row(self.handle, bool(handle_label), self.tr(handle_label or "Handle"))
        self.handle.setPlaceholderText(self.tr(handle_hint) if handle_hint else "")
        self._show_row(self.secret, bool(secret_label), self.tr(secret_label or "Secret"))
        self._show_row(self.chat_id, network == "telegram")
        self._show_row(self.variant, network in ("webhook", "folder"))
        self.extra.set_network(network)
        self._edited()

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for ready-to-post packages"), self.server.text())
        if folder:
            self.server.setText(folder)
            self._edited()

    def _edited(self, *args: object) -> None:
        """Credentials changed: an earlier test no longer vouches for them."""
        self.info = None
        self.tested_with = None
        self.avatar.setVisible(False)

    def account(self) -> Credentials:
        settings: dict[str, Any] = self.extra.settings()
        if self.network_key() == "telegram":
            settings["chat_id"] = self.chat_id.text().strip()
        if self.network_key() in ("webhook", "folder") and self.variant.currentData():
            settings["variant"] = str(self.variant.currentData())
        secret = self.secret.text().strip() if FIELDS[self.network_key()][4] else ""
        return Credentials(self.network_key(), self.server.text().strip(), self.handle.text().strip(), secret, settings)

    # ---- actions ---------------------------------------------------------------------------------

    def _busy(self, busy: bool, text: str = "") -> None:
        self.test_button.setEnabled(not busy)
        self.connect_button.setEnabled(not busy)
        if text:
            self._say(text)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: palette(highlight);" if not error else ERROR_STYLE)

    def test_connection(self) -> None:
        account = self.account()
        self._busy(True, self.tr("Testing the connection…"))
        keys = self.extra.media_keys() if self.account_id is None else None
        if self.account_id is not None:
            account = _without_media_host(account)  # checked when it was connected; its keys stay put
        self.tasks.run(_test, account, keys, on_done=lambda answer: self._tested(account, answer),
                       on_error=self._failed)

    def _tested(self, account: Credentials, answer: tuple[AccountInfo, bytes | None]) -> None:
        info, avatar = answer
        self.info, self.tested_with = info, account
        self._busy(False)
        name = f"{info.display_name} ({info.handle})" if info.display_name else info.handle
        limits = []
        if "max_characters" in info.limits:
            limits.append(counted(int(info.limits["max_characters"]), self.tr("1 character"), self.tr("%1 characters")))
        if "max_media_attachments" in info.limits:
            limits.append(counted(int(info.limits["max_media_attachments"]), self.tr("1 image"), self.tr("%1 images")))
        if account.network == "folder":  # a folder is not an identity: say where the packages go
            self._say(self.tr("Ready: packages go to %1.").replace("%1", info.display_name))
        else:
            self._say(self.tr("Connected as %1.").replace("%1", name)
                      + (" " + self.tr("Limits: %1.").replace("%1", ", ".join(limits)) if limits else ""))
        image = QImage.fromData(avatar) if avatar else QImage()
        self.avatar.setVisible(not image.isNull())
        if not image.isNull():
            self.avatar.setPixmap(QPixmap.fromImage(image))

    def _failed(self, error: BaseException) -> None:
        from studio.publishing.folder import FolderMissing, create_folder

        self._busy(False)
        if isinstance(error, FolderMissing):
            path = self.server.text().strip()
            answer = QMessageBox.question(self, self.tr("Create folder"),
                                          self.tr("The folder %1 does not exist. Create it?").replace("%1", path))
            if answer == QMessageBox.StandardButton.Yes:
                self._busy(True, self.tr("Creating the folder…"))
                self.tasks.run(create_folder, path, on_done=lambda _none: self.test_connection(),
                               on_error=self._failed)
                return
        if isinstance(error, StudioError):
            self._say(error.for_humans(), error=True)
        else:
            self._say(self.tr("Something went wrong: %1. Details are in the log.").replace("%1", type(error).__name__),
                      error=True)

    def connect_account(self) -> None:
        client_id = self.client.currentData()
        if client_id is None:
            self._say(self.tr("Add a client first (Library → Clients)."), error=True)
            return
        try:
            slots = parse_slots(self.slots.text())
        except StudioError as error:
            self._say(error.for_humans(), error=True)
            return
        account = self.account()
        info = self.info if self.tested_with == account else None
        self._busy(True, self.tr("Connecting…") if info else self.tr("Testing the connection…"))
        library = self.library
        if self.account_id is not None:
            self.tasks.run(_reconnect, library, self.account_id, account, info, on_done=self._connected,
                           on_error=self._failed, pool="writes")
            return
        self.tasks.run(_connect, library, int(client_id), account, info, slots, self.extra.media_keys(),
                       on_done=self._connected, on_error=self._failed, pool="writes")

    def _connected(self, account_id: int) -> None:
        self._busy(False)
        self.connected.emit(account_id)
        self.accept()


def _connect(library: Library, client_id: int, account: Credentials, info: AccountInfo | None, slots: list[dict[str, Any]],
             media_keys: tuple[str, str] | None = None) -> int:
    """On the writes pool: test (unless just tested), then store the secret and the account."""
    if info is None:
        info = accounts.test_connection(account, media_keys)
    return int(accounts.connect(library, client_id, account, info, slots, media_keys).id)


def _reconnect(library: Library, account_id: int, account: Credentials, info: AccountInfo | None) -> int:
    """On the writes pool: test the new secret, then replace the old one and clear the flag."""
    if info is None:
        info = accounts.test_connection(_without_media_host(account))
    return int(accounts.reconnect(library, account_id, account.secret, info).id)


def _without_media_host(account: Credentials) -> Credentials:
    from dataclasses import replace

    return replace(account, settings={k: v for k, v in account.settings.items() if k != "media_host"})
