"""File -> Team: join a team, see the link's status, and (for a manager) the members and invitations."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.errors import in_words
from studio.team import ROLES
from studio.ui.locale_format import number
from studio.ui.translation import QT_TRANSLATE_NOOP


def _join(library: Any, url: str, password: str) -> Any:
    from studio.team import members
    from studio.team.engine import SyncEngine

    members.join(library, url, password)
    engine = SyncEngine(library, password)
    try:
        return engine.sync_once()
    finally:
        engine.close()


# The roles' names as the dialog shows them (``role.capitalize()``), collected for translation.
ROLE_NAMES = (QT_TRANSLATE_NOOP("TeamDialog", "Writer"), QT_TRANSLATE_NOOP("TeamDialog", "Designer"),
              QT_TRANSLATE_NOOP("TeamDialog", "Manager"), QT_TRANSLATE_NOOP("TeamDialog", "Approver"))

class TeamDialog(QDialog):
    """Join (unlinked), or status, sync now, members and invitations (linked)."""

    def __init__(self, face: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.face = face
        self.library = face.window.context.library
        self.tasks = face.window.context.tasks
        self.setWindowTitle(self.tr("Team"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("teamMessage")
        if face.linked():
            self._build_linked(layout)
        else:
            self._build_join(layout)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    # --- not linked: join ------------------------------------------------------------------------

    def _build_join(self, layout: QVBoxLayout) -> None:
        intro = QLabel(self.tr("Join your team's library: paste the address and the password your manager sent. "
                               "You keep working offline; Studio syncs when it can reach the team database."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("postgresql://name@team.example.com:5432/studio?sslmode=require")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Address:"), self.url_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        layout.addLayout(form)
        self.join_button = QPushButton(self.tr("&Join team"))
        self.join_button.setDefault(True)
        self.join_button.clicked.connect(self._join)
        layout.addWidget(self.join_button)

    def _join(self) -> None:
        url, password = self.url_edit.text().strip(), self.password_edit.text()
        if not url:
            self.message.setText(self.tr("Paste the address from your invitation first."))
            return
        self.join_button.setEnabled(False)
        self.message.setText(self.tr("Joining…"))
        self.tasks.run(_join, self.library, url, password, on_done=self._joined, on_error=self._failed)

    def _joined(self, report: Any) -> None:
        self.message.setText(self.tr("Joined: %1 clients and drafts received.").replace("%1", number(report.pulled)))
        self.face.restart()
        self.join_button.setText(self.tr("Joined"))

    # --- linked: status, members, invitations -----------------------------------------------------

    def _build_linked(self, layout: QVBoxLayout) -> None:
        from studio.team import members

        found = members.status(self.library)
        self.status_label = QLabel(
            f"<b>{found['team']}</b><br>"
            + self.tr("You are %1 (%2).").replace("%1", str(found["member"])).replace(
                "%2", ", ".join(found["roles"]) or self.tr("roles known after the first sync")) + "<br>"
            + self.tr("Changes waiting to be sent: %1 · conflict copies: %2").replace(
                "%1", number(found["waiting"])).replace("%2", number(found["conflicts"])))
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        row = QHBoxLayout()
        self.sync_button = QPushButton(self.tr("&Sync now"))
        self.sync_button.clicked.connect(self._sync_now)
        row.addWidget(self.sync_button)
        row.addStretch(1)
        layout.addLayout(row)

        box = QGroupBox(self.tr("Members"))
        inner = QVBoxLayout(box)
        self.members_table = QTableWidget(0, 3)
        self.members_table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Roles"), self.tr("Clients")])
        self.members_table.horizontalHeader().setStretchLastSection(True)
        self.members_table.verticalHeader().setVisible(False)
        self.members_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        inner.addWidget(self.members_table)
        layout.addWidget(box)
        if {"manager", "owner"} & set(found["roles"]):
            layout.addWidget(self._invite_box())
        self._load_members()

    def _invite_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Invite a member"))
        form = QFormLayout(box)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("dewi")
        form.addRow(self.tr("&Name:"), self.name_edit)
        roles = QHBoxLayout()
        self.role_boxes = {role: QCheckBox(self.tr(role.capitalize())) for role in ROLES}
        self.role_boxes["writer"].setChecked(True)
        for check in self.role_boxes.values():
            roles.addWidget(check)
        form.addRow(self.tr("Roles:"), roles)
        self.clients_edit = QLineEdit()
        self.clients_edit.setPlaceholderText("Acme, Toko Kopi")
        form.addRow(self.tr("&Clients:"), self.clients_edit)
        self.invite_button = QPushButton(self.tr("&Invite"))
        self.invite_button.clicked.connect(self._invite)
        form.addRow("", self.invite_button)
        self.invitation = QPlainTextEdit()
        self.invitation.setReadOnly(True)
        self.invitation.setMaximumHeight(80)
        self.invitation.setVisible(False)
        form.addRow(self.invitation)
        return box

    def _load_members(self) -> None:
        engine = self.face.engine
        if engine is None:
            self.message.setText(self.tr("Members show once Studio is connected to the team."))
            return
        from studio.team import members

        self.tasks.run(members.members, engine, on_done=self._show_members, on_error=self._failed)

    def _show_members(self, found: list[Any]) -> None:
        self.members_table.setRowCount(len(found))
        for row, member in enumerate(found):
            for column, text in enumerate((member.name, ", ".join(member.roles), ", ".join(member.clients))):
                self.members_table.setItem(row, column, QTableWidgetItem(text))
        self.members_table.resizeColumnsToContents()

    def _sync_now(self) -> None:
        engine = self.face.engine
        if engine is None:
            self.message.setText(self.tr("Studio is not connected to the team yet."))
            return
        self.sync_button.setEnabled(False)
        self.message.setText(self.tr("Syncing…"))
        self.tasks.run(engine.sync_once, on_done=self._synced, on_error=self._failed)

    def _synced(self, report: Any) -> None:
        self.sync_button.setEnabled(True)
        text = self.tr("Sent %1, received %2.").replace("%1", number(report.pushed)).replace("%2", number(report.pulled))
        if report.refused:
            text += " " + self.tr("Refused: %1").replace("%1", " ".join(report.refused))
        self.message.setText(text)

    def _invite(self) -> None:
        from studio.team import members

        roles = [role for role, check in self.role_boxes.items() if check.isChecked()]
        clients = [name.strip() for name in self.clients_edit.text().split(",") if name.strip()]
        self.invite_button.setEnabled(False)
        self.tasks.run(members.invite, self.face.engine, self.name_edit.text(), roles, clients,
                       on_done=self._invited, on_error=self._failed)

    def _invited(self, invitation: Any) -> None:
        self.invite_button.setEnabled(True)
        self.invitation.setVisible(True)
        self.invitation.setPlainText(f"studio team join '{invitation.url}'\npassword: {invitation.password}")
        self.message.setText(self.tr("Send %1 the command, and the password through a private channel: "
                                     "it is shown only now.").replace("%1", invitation.member))
        self._load_members()

    def _failed(self, error: BaseException) -> None:
        for button in ("join_button", "sync_button", "invite_button"):
            if hasattr(self, button):
                getattr(self, button).setEnabled(True)
        self.message.setText(in_words(error, self.tr("The team database said no")))
