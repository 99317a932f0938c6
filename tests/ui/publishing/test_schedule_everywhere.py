"""Schedule…, Add to queue and Send now from the Library's toolbar and the calendar (issue 11,
item 3), driven by keys, clicks and a drop as a person would: the dialog ticks the accounts the post
is for and shows what each gets (the text and the rendition that will be sent)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from servers.library import add_account

from studio.library.times import local_zone
from studio.ui import theme
from studio.ui.context import AppContext
from studio.ui.library import LibraryWorkspace
from studio.ui.publishing.schedule_dialog import ScheduleDialog

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _page(context: AppContext, qtbot: QtBot, tmp_path: Path) -> tuple[LibraryWorkspace, dict[str, int]]:
    library = context.library
    name = "Toko Kopi Senja"
    mastodon = add_account(library, "mastodon", "https://mastodon.example", "senja", "token", client=name)
    library.update_account(replace(library.get_account(mastodon), slots=({"weekday": 0, "time": "09:30"},)))
    folder = add_account(library, "folder", str(tmp_path / "out"), "Instagram (by hand)", "",
                         {"variant": "instagram"}, client=name)
    add_account(library, "folder", str(tmp_path / "li"), "LinkedIn (by hand)", "", {"variant": "linkedin"},
                client=name)
    client = library.get_account(mastodon)
    photo = tmp_path / "beans.jpg"
    Image.new("RGB", (1600, 1200), (120, 70, 30)).save(photo, "JPEG")
    draft = library.create_draft(client.client_id, "Biji kopi baru dari Gayo, tersedia mulai hari ini.",
                                 networks=["mastodon", "instagram"])
    library.attach_asset(draft.id, library.add_asset(photo).sha, "Coffee beans in a wooden scoop")
    page = LibraryWorkspace(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    return page, {"draft": draft.id, "mastodon": mastodon, "folder": folder}


def _select_first_row(page: LibraryWorkspace) -> None:
    rect = page.table.visualRect(page.model.index(0, 1))
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert page.current_draft() is not None


def _dialog(page: LibraryWorkspace, qtbot: QtBot) -> ScheduleDialog:
    qtbot.waitUntil(lambda: isinstance(page.publish.dialog, ScheduleDialog) and page.publish.dialog.isVisible(),
                    timeout=10_000)
    dialog: ScheduleDialog = page.publish.dialog
    return dialog


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_schedule_from_the_library_toolbar_with_a_preview_per_account(
    context: AppContext, qtbot: QtBot, tmp_path: Path, screenshot: Callable[[Any, str], Path], dark: bool
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply_theme(app, "dark" if dark else "light")
    try:
        page, ids = _page(context, qtbot, tmp_path)
        _select_first_row(page)
        page.table.setFocus()
        QTest.keyClick(page.table, Qt.Key.Key_D, CTRL_SHIFT)
        dialog = _dialog(page, qtbot)
        assert sorted(dialog.chosen()) == sorted([ids["mastodon"], ids["folder"]])  # not the LinkedIn folder
        # A preview card per ticked account, with the renditions the publishers will send.
        qtbot.waitUntil(lambda: len(dialog.previews.cards) == 2
                        and all(card.tiles for card in dialog.previews.cards), timeout=20_000)
        mastodon, folder = dialog.previews.cards
        assert (mastodon.look.network, mastodon.handle) == ("mastodon", "@senja")
        assert (folder.look.channel, folder.look.network, folder.handle) == ("folder", "instagram", "Instagram (by hand)")
        assert all("Biji kopi baru dari Gayo" in card.text_labels[0].text() for card in (mastodon, folder))
        for card in (mastodon, folder):
            (tile,) = card.tiles
            assert tile.badge.text() == "ALT" and "Coffee beans" in tile.toolTip()
            assert "/renditions/" in str(tile.rendered.path)
        screenshot(page, f"library-toolbar-{'dark' if dark else 'light'}.png")
        screenshot(dialog, f"schedule-dialog-preview-{'dark' if dark else 'light'}.png")
        with qtbot.waitSignal(dialog.scheduled, timeout=15_000):
            QTest.mouseClick(dialog.schedule_button, Qt.MouseButton.LeftButton)
        made = context.library.schedules_of(ids["draft"])
        assert sorted(s.account_id for s in made) == sorted([ids["mastodon"], ids["folder"]])
    finally:
        theme.apply_theme(app, "light")


def test_add_to_queue_and_send_now_act_on_the_posts_accounts(
    context: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    page, ids = _page(context, qtbot, tmp_path)
    library = context.library
    _select_first_row(page)
    # The Instagram folder has no posting slots: the dialog opens in queue mode and says so.
    QTest.mouseClick(page.queue_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(page, qtbot)
    assert dialog.queue.isChecked() and "slot" in dialog.problems.text()
    dialog.reject()
    folder = library.get_account(ids["folder"])
    library.update_account(replace(folder, slots=({"weekday": 0, "time": "09:30"},)))
    with qtbot.waitSignal(page.publish.scheduled, timeout=15_000) as queued:
        QTest.mouseClick(page.queue_button, Qt.MouseButton.LeftButton)
    assert len(queued.args[0]) == 2
    slot = next(s for s in library.schedules_of(ids["draft"]) if s.account_id == ids["mastodon"])
    local = datetime.fromisoformat(slot.scheduled_at.replace("Z", "+00:00")).astimezone(local_zone())
    assert (local.weekday(), local.strftime("%H:%M")) == (0, "09:30")

    second = library.create_draft(library.get_draft(ids["draft"]).client_id, "Kopi susu gula aren", networks=["mastodon"])
    page.model.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    row = page.model.row_of(second.id)
    assert row is not None
    page.table.selectRow(row)
    before = datetime.now(UTC)
    page.activateWindow()  # the offscreen platform does not give it back when a dialog closes
    qtbot.waitUntil(page.isActiveWindow)
    page.table.setFocus()
    with qtbot.waitSignal(page.publish.scheduled, timeout=15_000):
        QTest.keyClick(page.table, Qt.Key.Key_Return, CTRL_SHIFT)
    [now] = library.schedules_of(second.id)
    sent_at = datetime.fromisoformat(now.scheduled_at.replace("Z", "+00:00"))
    assert now.account_id == ids["mastodon"] and abs((sent_at - before).total_seconds()) < 5


def test_a_draft_for_no_account_opens_the_dialog_in_queue_mode(
    context: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    page, ids = _page(context, qtbot, tmp_path)
    library = context.library
    lonely = library.create_draft(library.get_draft(ids["draft"]).client_id, "Only for X", networks=["x"])
    page.publish.add_to_queue(lonely.id)
    dialog = _dialog(page, qtbot)
    assert dialog.queue.isChecked() and dialog.chosen() == [] and not dialog.when.isEnabled()


def test_calendar_double_click_and_drop_schedule_on_that_day(
    context: AppContext, qtbot: QtBot, tmp_path: Path, screenshot: Callable[[Any, str], Path]
) -> None:
    page, ids = _page(context, qtbot, tmp_path)
    _select_first_row(page)
    page.tabs.setCurrentWidget(page.calendar)
    grid = page.calendar.grid
    qtbot.waitExposed(grid)
    day = datetime.now(local_zone()).date() + timedelta(days=3)
    page.calendar.go_to(day)
    QTest.mouseDClick(grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      grid.day_rect(day).center() + QPoint(0, 6))
    dialog = _dialog(page, qtbot)
    assert dialog.draft_id == ids["draft"]
    picked = datetime.fromtimestamp(dialog.when.dateTime().toSecsSinceEpoch(), UTC).astimezone(local_zone())
    assert (picked.date(), picked.hour) == (day, 9)
    screenshot(page.window(), "calendar-double-click.png")
    dialog.reject()

    # A row dragged from the list and dropped on another day: that draft, that day.
    later = day + timedelta(days=1)
    data = page.model.mimeData([page.model.index(0, 0)])
    target = QPointF(grid.day_rect(later).center())
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(target.toPoint(), Qt.DropAction.CopyAction, data, buttons, keys)
    QApplication.sendEvent(grid, enter)  # as a drag does: enter (the drag manager's target), then drop
    assert enter.isAccepted()
    drop = QDropEvent(target, Qt.DropAction.CopyAction, data, buttons, keys)
    QApplication.sendEvent(grid, drop)
    qtbot.waitUntil(lambda: page.publish.dialog is not dialog and page.publish.dialog.isVisible(), timeout=10_000)
    dropped: ScheduleDialog = page.publish.dialog
    when = datetime.fromtimestamp(dropped.when.dateTime().toSecsSinceEpoch(), UTC).astimezone(local_zone())
    assert dropped.draft_id == ids["draft"] and when.date() == later
    dropped.reject()

    # Nothing selected: a double click starts a new draft, opens it, and schedules it on that day.
    page.table.clearSelection()
    opened: list[int] = []
    page.open_draft_requested.connect(opened.append)
    QTest.mouseDClick(grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      grid.day_rect(date.fromordinal(later.toordinal() + 1)).center() + QPoint(0, 6))
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert opened[0] != ids["draft"] and page.publish.dialog.draft_id == opened[0]
