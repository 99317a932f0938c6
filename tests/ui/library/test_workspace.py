"""The Library workspace: filters drive the list, a double click opens a draft."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from studio.ui.context import AppContext
from studio.ui.library import LibraryWorkspace


def _workspace(context: AppContext, qtbot: QtBot, show: bool = True) -> LibraryWorkspace:
    context.tasks.inline = True
    library = context.library
    acme, beta = library.add_client("Acme", colour="#aa0000"), library.add_client("Beta")
    library.create_draft(acme.id, "apple pie recipe", networks=["mastodon"], tags=["food"])
    library.create_draft(acme.id, "archived thought", status="archived")
    library.create_draft(beta.id, "banana bread", networks=["bluesky"], tags=["food", "baking"], status="idea")
    approved = library.create_draft(beta.id, "big launch", networks=["mastodon"], status="approved")
    account = library.add_account(beta.id, "mastodon", "@beta@example.social")
    library.schedule(approved.id, account.id, datetime.now(UTC) + timedelta(days=2))
    workspace = LibraryWorkspace(context)
    qtbot.addWidget(workspace)
    workspace.resize(1100, 600)
    if show:
        workspace.show()
    return workspace


def _texts(workspace: LibraryWorkspace) -> list[str]:
    model = workspace.model
    return sorted(model.data(model.index(r, 1)) for r in range(model.rowCount()))


def test_filters(context: AppContext, qtbot: QtBot) -> None:
    workspace = _workspace(context, qtbot)
    bar = workspace.filters
    assert _texts(workspace) == ["apple pie recipe", "banana bread", "big launch"]
    qtbot.keyClicks(bar.search, "bana")
    qtbot.waitUntil(lambda: _texts(workspace) == ["banana bread"])
    bar.search.clear()
    qtbot.waitUntil(lambda: len(_texts(workspace)) == 3)
    bar.client.setCurrentIndex(bar.client.findText("Acme"))
    assert _texts(workspace) == ["apple pie recipe"]
    bar.client.setCurrentIndex(0)
    bar.status.setCurrentIndex(bar.status.findData("archived"))
    assert _texts(workspace) == ["archived thought"]
    bar.status.setCurrentIndex(0)
    bar.network.setCurrentIndex(bar.network.findData("bluesky"))
    assert _texts(workspace) == ["banana bread"]
    bar.network.setCurrentIndex(0)
    bar.tag.setCurrentIndex(bar.tag.findData("food"))
    assert _texts(workspace) == ["apple pie recipe", "banana bread"]
    bar.tag.setCurrentIndex(0)
    bar.date.setCurrentIndex(bar.date.findText("Scheduled in the next 7 days"))
    assert _texts(workspace) == ["big launch"]
    bar.date.setCurrentIndex(bar.date.findText("Changed today"))
    assert len(_texts(workspace)) == 3


def test_the_main_window_client_switcher_filters(context: AppContext, qtbot: QtBot) -> None:
    workspace = _workspace(context, qtbot)
    beta = context.library.find_client("Beta")
    assert beta is not None
    workspace.set_client(beta.id)
    assert _texts(workspace) == ["banana bread", "big launch"]


def test_nothing_loads_until_shown_and_the_client_chosen_meanwhile_applies(context: AppContext,
                                                                          qtbot: QtBot) -> None:
    workspace = _workspace(context, qtbot, show=False)
    beta = context.library.find_client("Beta")
    assert beta is not None
    workspace.set_client(beta.id)
    context.library.create_draft(beta.id, "written before the list was seen")
    assert workspace.model.rowCount() == 0 and workspace.model.total == 0
    workspace.show()
    qtbot.waitUntil(lambda: _texts(workspace) == ["banana bread", "big launch", "written before the list was seen"])


def test_double_click_and_new_draft_open_the_editor(context: AppContext, qtbot: QtBot) -> None:
    workspace = _workspace(context, qtbot)
    table = workspace.table
    qtbot.waitExposed(workspace)
    rect = table.visualRect(workspace.model.index(0, 1))
    with qtbot.waitSignal(workspace.open_draft_requested) as opened:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [workspace.model.draft_id(0)]
    with qtbot.waitSignal(workspace.open_draft_requested) as created:
        workspace.new_button.click()
    assert context.library.get_draft(created.args[0]).text == ""
    qtbot.waitUntil(lambda: workspace.model.draft_id(0) == created.args[0])


def test_status_change_refused_reaches_the_messages(context: AppContext, qtbot: QtBot) -> None:
    workspace = _workspace(context, qtbot)
    said: list[tuple[str, str]] = []
    context.messages.connect_view(lambda level, text: said.append((level, text)))
    scheduled = next(r.id for r in context.library.list_drafts() if r.status == "scheduled")
    workspace.set_status(scheduled, "draft")
    assert said and said[-1][0] == "error" and "Unschedule it first" in said[-1][1]


def test_import_from_the_workspace(context: AppContext, qtbot: QtBot, tmp_path: object) -> None:
    from pathlib import Path

    workspace = _workspace(context, qtbot)
    path = Path(str(tmp_path)) / "more.csv"
    path.write_text("client,text\nAcme,imported one\nGamma,imported two\n", encoding="utf-8")
    said: list[tuple[str, str]] = []
    context.messages.connect_view(lambda level, text: said.append((level, text)))
    workspace.import_file(str(path))
    qtbot.waitUntil(lambda: workspace.model.total == 5)
    assert "imported one" in _texts(workspace)
    assert ("info", "Imported 2 drafts from more.csv. New client: Gamma.") in said


def test_header_sorts_where_it_can(context: AppContext, qtbot: QtBot) -> None:
    workspace = _workspace(context, qtbot)
    header = workspace.table.horizontalHeader()
    header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)  # Text
    assert workspace.model.sort_key == "text"
    texts = [workspace.model.data(workspace.model.index(r, 1)) for r in range(workspace.model.rowCount())]
    assert texts == sorted(texts)
    header.setSortIndicator(4, Qt.SortOrder.AscendingOrder)  # Tags: not sortable
    assert header.sortIndicatorSection() == 1 and workspace.model.sort_key == "text"


def test_a_custom_date_range(context: AppContext, qtbot: QtBot) -> None:
    from PySide6.QtCore import QDate

    workspace = _workspace(context, qtbot)
    bar = workspace.filters
    assert not bar.date_from.isVisible()
    bar.date.setCurrentIndex(bar.date.findText("Scheduled between…"))
    assert bar.date_from.isVisible() and bar.date_to.isVisible()
    today = QDate.currentDate()
    bar.date_from.setDate(today.addDays(1))
    bar.date_to.setDate(today.addDays(3))
    assert _texts(workspace) == ["big launch"]
    bar.date_from.setDate(today.addDays(5))
    bar.date_to.setDate(today.addDays(9))
    assert _texts(workspace) == []
    bar.date.setCurrentIndex(bar.date.findText("Changed between…"))
    bar.date_from.setDate(today)
    bar.date_to.setDate(today)
    assert len(_texts(workspace)) == 3


def test_schedule_and_duplicate_from_the_list(context: AppContext, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QDialog

    workspace = _workspace(context, qtbot)
    draft_id = next(r.id for r in context.library.list_drafts() if r.text == "apple pie recipe")
    workspace.schedule_draft(draft_id)
    dialogs = [w for w in workspace.findChildren(QDialog) if w.windowTitle() == "Schedule post"]
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    dialogs[0].reject()
    with qtbot.waitSignal(workspace.open_draft_requested) as opened:
        workspace.duplicate_draft(draft_id)
    assert context.library.get_draft(opened.args[0]).text == "apple pie recipe"
