"""File -> Team and the sync indicator, driven by keys and clicks against a real team database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout
from pytestqt.qtbot import QtBot

from studio.library import Library
from studio.settings import Settings
from studio.team.engine import SyncEngine
from studio.ui import theme
from studio.ui.context import AppContext, SettingsSignals
from studio.ui.library.model import DraftsModel
from studio.ui.main_window import MainWindow
from studio.ui.messages import Messages
from studio.ui.tasks import Tasks
from studio.ui.team.dialog import TeamDialog
from studio.ui.workspace import Workspace

from .conftest import PgServer
from .helpers import init_team, invite


class Page(Workspace):
    key, title, icon_name = "write", "Write", "write.svg"

    def __init__(self) -> None:
        super().__init__()
        QVBoxLayout(self).addWidget(QLabel("Write"))


@pytest.fixture
def window_for(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[[Library], MainWindow]]:
    made: list[tuple[MainWindow, Tasks]] = []

    def make(library: Library) -> MainWindow:
        settings = Settings(tmp_path / f"config{len(made)}" / "settings.json")
        tasks = Tasks()
        context = AppContext(library.folder, library, settings, SettingsSignals(settings), tasks, Messages())
        window = MainWindow(context, [Page()])
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitUntil(lambda: window.first_paint_at > 0)
        made.append((window, tasks))
        return window

    yield make
    for window, tasks in made:
        window.team.close()
        tasks.close(10_000)


def _in_dialog(qtbot: QtBot, act: Callable[[TeamDialog], None]) -> None:
    """Run ``act`` on the Team dialog once it is open (it is modal)."""
    def find() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, TeamDialog):
            QTimer.singleShot(50, find)
            return
        act(dialog)
    QTimer.singleShot(50, find)


def test_join_sync_indicator_members_and_refusal(
    pg_server: PgServer, team_db: str, suffix: str, tmp_path: Path, qtbot: QtBot,
    window_for: Callable[[Library], MainWindow], screenshot: Callable[[Any, str], Path],
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    head_dir = tmp_path / "head"
    with Library.open(head_dir) as library:
        acme = library.add_client("Acme")
        library.create_draft(acme.id, "Promo kopi hari Senin.")
    init_team(capsys, monkeypatch, head_dir, pg_server.url(dbname=team_db), pg_server.password)
    invitation = invite(capsys, monkeypatch, head_dir, f"dewi_{suffix}", "writer", "Acme")

    member = Library.open(tmp_path / "member")
    window = window_for(member)
    assert not window.team_label.isVisible()  # unlinked: no indicator, no PostgreSQL

    def join(dialog: TeamDialog) -> None:
        qtbot.keyClicks(dialog.url_edit, str(invitation["url"]))
        qtbot.keyClicks(dialog.password_edit, str(invitation["password"]))
        screenshot(dialog, "team-join.png")
        qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.message.text().startswith("Joined"), timeout=20_000)
        screenshot(dialog, "team-joined.png")
        dialog.reject()

    _in_dialog(qtbot, join)
    window.team_action.trigger()
    qtbot.waitUntil(lambda: window.team_label.text() == "Team: up to date", timeout=20_000)
    assert [row.text for row in member.list_drafts()] == ["Promo kopi hari Senin."]
    model = DraftsModel(member)
    model.reload_now()
    assert model.data(model.index(0, 6)).endswith("· postgres")  # who last changed it, in the Library

    # A teammate's edit arrives by NOTIFY; the writer's approval is refused, in words.
    with Library.open(head_dir) as head:
        head.save_text(head.list_drafts()[0].id, "Promo kopi hari Selasa.")
        engine = SyncEngine(head)
        engine.sync_once()
        engine.close()
    qtbot.waitUntil(lambda: member.list_drafts()[0].text == "Promo kopi hari Selasa.", timeout=20_000)
    member.set_status(member.list_drafts()[0].id, "approved")
    qtbot.waitUntil(lambda: "Only an approver can approve posts for Acme; your change is kept on this computer."
                    in window.statusBar().currentMessage(), timeout=20_000)
    assert member.get_draft(member.list_drafts()[0].id).status == "approved"  # kept here, marked refused
    screenshot(window, "team-refused-1366.png")

    # The owner's Team dialog: members and an invitation, in dark mode.
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply_theme(app, "dark")
    head_library = Library.open(head_dir)
    head_window = window_for(head_library)
    qtbot.waitUntil(lambda: head_window.team.engine is not None, timeout=20_000)

    def manage(dialog: TeamDialog) -> None:
        qtbot.waitUntil(lambda: dialog.members_table.rowCount() == 1, timeout=20_000)
        assert dialog.members_table.item(0, 0).text() == f"dewi_{suffix}"
        qtbot.keyClicks(dialog.name_edit, f"budi_{suffix}")
        qtbot.mouseClick(dialog.role_boxes["approver"], Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.clients_edit, "Acme")
        qtbot.mouseClick(dialog.invite_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.members_table.rowCount() == 2, timeout=20_000)
        assert "password:" in dialog.invitation.toPlainText()
        screenshot(dialog, "team-members-dark.png")
        dialog.reject()

    _in_dialog(qtbot, manage)
    head_window.team_action.trigger()
    theme.apply_theme(app, "light")
    head_window.team.close()
    window.team.close()
    head_library.close()
    member.close()


def test_a_writer_is_told_before_approving_and_a_refusal_is_kept_and_shown(
    pg_server: PgServer, team_db: str, suffix: str, tmp_path: Path, qtbot: QtBot,
    window_for: Callable[[Library], MainWindow], screenshot: Callable[[Any, str], Path],
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QMenu, QWidget

    from studio.review.approval import approve
    from studio.ui.review.actions import add_review_actions
    from studio.ui.team.audit_dialog import StatusChangesDialog

    from .helpers import join

    head_dir, writer_dir = tmp_path / "head", tmp_path / "dewi"
    with Library.open(head_dir) as library:
        library.create_draft(library.add_client("Acme").id, "Promo kopi hari Senin.")
    init_team(capsys, monkeypatch, head_dir, pg_server.url(dbname=team_db), pg_server.password)
    join(capsys, monkeypatch, writer_dir, invite(capsys, monkeypatch, head_dir, f"dewi_{suffix}", "writer", "Acme"))
    member = Library.open(writer_dir)
    window = window_for(member)
    qtbot.waitUntil(lambda: window.team_label.text() == "Team: up to date", timeout=20_000)
    draft_id = member.list_drafts()[0].id

    # Review -> Approve, as the writer: said at once, nothing tried, nothing changed.
    errors: list[BaseException] = []
    parent = QWidget()
    qtbot.addWidget(parent)
    menu = QMenu(parent)
    add_review_actions(menu, parent, member, window.context.tasks, [draft_id], errors.append)
    review = next(a.menu() for a in menu.actions() if a.menu() is not None)
    next(a for a in review.actions() if a.text() == "Approve").trigger()
    assert [str(e) for e in errors] == [f"Only an approver can approve posts for Acme; dewi_{suffix} is writer."]
    assert member.get_draft(draft_id).status == "draft"
    from studio.ui.review.actions import open_changes
    from studio.ui.review.changes_view import ChangesDialog

    changes = open_changes(window, member, window.context.tasks, draft_id)
    assert isinstance(changes, ChangesDialog)
    assert not changes.may_approve and "Only an approver can approve posts for Acme" in changes.message.text()
    qtbot.wait(200)  # the view has loaded: the button stays off
    assert not changes.approve_button.isEnabled()
    changes.close()

    # The Library's status menu does not ask; the team database refuses, the change stays here.
    member.set_status(draft_id, "approved")
    said = "Only an approver can approve posts for Acme; your change is kept on this computer."
    qtbot.waitUntil(lambda: said in window.statusBar().currentMessage(), timeout=20_000)
    qtbot.waitUntil(lambda: window.team_label.text() == "Team: refused (kept here)", timeout=20_000)
    assert window.team_label.toolTip() == said
    model = DraftsModel(member)
    model.reload_now()
    assert model.data(model.index(0, 6)).endswith("· refused by the team, kept here")
    assert model.data(model.index(0, 6), Qt.ItemDataRole.ToolTipRole) == said
    assert member.get_draft(draft_id).status == "approved"

    dialog = StatusChangesDialog(member, window.context.tasks, draft_id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=20_000)
    assert dialog.table.item(0, 1).text() == "postgres" and dialog.table.item(0, 3).text() == "Draft"
    assert said in dialog.refusal.text()
    screenshot(window, "team-refused-approval-1366.png")
    screenshot(dialog, "team-status-changes.png")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply_theme(app, "dark")
    qtbot.wait(100)  # the palette reaches the dialog
    screenshot(dialog, "team-status-changes-dark.png")
    theme.apply_theme(app, "light")
    qtbot.mouseClick(dialog.take_button, Qt.MouseButton.LeftButton)  # give the refused change up
    qtbot.waitUntil(lambda: member.get_draft(draft_id).status == "draft", timeout=10_000)
    qtbot.waitUntil(lambda: not dialog.take_button.isVisible(), timeout=10_000)
    assert "history" in dialog.refusal.text()
    dialog.close()

    # The owner (an approver) approves: it reaches the writer, with who and when in the audit list.
    with Library.open(head_dir) as head:
        approve(head, head.list_drafts()[0].id, "postgres")
        engine = SyncEngine(head)
        engine.sync_once()
        engine.close()
    qtbot.waitUntil(lambda: member.query("SELECT version FROM team_rows WHERE kind = 'draft'")[0][0] == 2,
                    timeout=20_000)
    assert member.get_draft(draft_id).status == "approved"
    model.reload_now()
    assert "refused" not in model.data(model.index(0, 6))
    dialog = StatusChangesDialog(member, window.context.tasks, draft_id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=20_000)
    assert [dialog.table.item(1, c).text() for c in (1, 2, 3)] == ["postgres", "Draft", "Approved"]
    assert not dialog.refusal.isVisible()
    dialog.close()
    window.team.close()
    member.close()
