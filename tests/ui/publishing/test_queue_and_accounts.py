"""The Publishing page shows the queue (upcoming and failed first, times in the user's zone, words
whole) and an Accounts tab with Test, Reconnect, Edit slots and Remove (issue 11, item 6)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot
from servers.library import add_account, due_post
from servers.mastodon import FakeMastodon

from studio.library.times import local_zone
from studio.publishing.queue import excerpt
from studio.ui import locale_format, theme
from studio.ui.context import AppContext
from studio.ui.publishing.panel import EMPTY, PublicationsWorkspace
from studio.ui.publishing.service import PublishingService

LONG = ("Selamat pagi! Hari ini kami membuka cabang baru di Bandung dengan promo kopi susu gula aren "
        "untuk seratus pelanggan pertama, jangan sampai ketinggalan ya.")


@pytest.fixture
def mastodon() -> Iterator[FakeMastodon]:
    with FakeMastodon() as server:
        yield server  # type: ignore[misc]


def _answer_next_dialog(qtbot: QtBot, answer: Callable[[Any], None]) -> None:
    """Answer the modal dialog the next click opens, as a person would."""
    def find() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QInputDialog | QMessageBox) and widget.isVisible():
                answer(widget)
                return
        QTimer.singleShot(50, find)

    QTimer.singleShot(50, find)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_queue_opens_on_failed_then_upcoming_posts(
    context: AppContext, qtbot: QtBot, mastodon: FakeMastodon, tmp_path: Path,
    screenshot: Callable[[Any, str], Path], dark: bool,
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply_theme(app, "dark" if dark else "light")
    try:
        library = context.library
        account = add_account(library, "mastodon", mastodon.url, "senja", mastodon.token,
                              {"avatar_url": f"{mastodon.url}/avatars/1.png"}, client="Toko Kopi Senja")
        add_account(library, "folder", str(tmp_path / "not there yet"), "Instagram (by hand)", "",
                    {"variant": "instagram"}, client="Toko Kopi Senja")
        due_post(library, account, "Published already")
        too_long = due_post(library, account, "x" * 600)
        service = PublishingService(context, interval_ms=3_600_000)
        with qtbot.waitSignal(service.finished, timeout=20_000):
            service.run_now()
        client_id = library.get_account(account).client_id
        upcoming = library.create_draft(client_id, LONG)
        when = datetime.now(UTC) + timedelta(days=2)
        library.schedule(upcoming.id, account, when)

        panel = PublicationsWorkspace(context, service)
        qtbot.addWidget(panel)
        panel.resize(1366, 768)
        panel.show()
        assert panel.filter.currentText() == "Upcoming and failed"
        qtbot.waitUntil(lambda: len(panel.items) == 2, timeout=10_000)
        assert next(item.id for item in panel.items) == too_long  # failed first
        assert panel.items[1].draft_id == upcoming.id
        shown_time = panel.table.item(1, 0).text()
        assert shown_time.startswith(locale_format.moment(when, locale_format.DATE_TIME, local_zone()))  # the locale's words
        post = panel.table.item(1, 2).text()
        assert post == excerpt(LONG) and post.endswith("…")
        assert post[:-1].split()[-1] in LONG.split()  # the last word is whole
        assert not panel.empty.isVisible()
        screenshot(panel, f"publishing-queue-{'dark' if dark else 'light'}.png")

        QTest.mouseClick(panel.tabs.tabBar(), Qt.MouseButton.LeftButton, pos=panel.tabs.tabBar().tabRect(1).center())
        accounts = panel.accounts
        qtbot.waitUntil(lambda: len(accounts.accounts) == 2, timeout=10_000)
        qtbot.waitUntil(lambda: bool(accounts.avatars), timeout=10_000)  # the server's avatar, fetched
        texts = [[accounts.table.item(r, c).text() for c in range(accounts.table.columnCount())]
                 for r in range(accounts.table.rowCount())]
        assert texts[0][1:5] == ["Toko Kopi Senja", "Mastodon", "None (Add to queue needs one)", "Not known"]
        assert texts[1][2] == "Folder" and texts[1][4] == "No token"
        screenshot(panel, f"publishing-accounts-{'dark' if dark else 'light'}.png")
    finally:
        theme.apply_theme(app, "light")


def test_accounts_tab_tests_edits_slots_and_removes(
    context: AppContext, qtbot: QtBot, mastodon: FakeMastodon, tmp_path: Path
) -> None:
    library = context.library
    account = add_account(library, "mastodon", mastodon.url, "senja", mastodon.token)
    missing = tmp_path / "not there yet"
    folder = add_account(library, "folder", str(missing), "By hand", "")
    panel = PublicationsWorkspace(context)
    qtbot.addWidget(panel)
    panel.resize(1366, 768)
    panel.show()
    panel.tabs.setCurrentIndex(1)
    accounts = panel.accounts
    qtbot.waitUntil(lambda: len(accounts.accounts) == 2, timeout=10_000)
    assert panel.empty.text() == EMPTY  # no posts at all: "Nothing here"

    accounts.select(account)
    QTest.mouseClick(accounts.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Works: connected as" in accounts.table.item(0, 5).text(), timeout=10_000)

    accounts.select(folder)
    assert not accounts.reconnect_button.isEnabled()
    QTest.mouseClick(accounts.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "does not exist" in accounts.table.item(1, 5).text(), timeout=10_000)
    assert not missing.exists()  # Test does not create it unasked

    accounts.select(account)
    _answer_next_dialog(qtbot, lambda dialog: (dialog.setTextValue("mon 09:30, thu 17:00"), dialog.accept()))
    QTest.mouseClick(accounts.slots_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(library.get_account(account).slots) == 2, timeout=10_000)
    qtbot.waitUntil(lambda: accounts.table.item(0, 3).text() == "Mon 09:30, Thu 17:00", timeout=10_000)

    with qtbot.waitSignal(panel.reconnect_requested) as reconnect:
        QTest.mouseClick(accounts.reconnect_button, Qt.MouseButton.LeftButton)
    assert reconnect.args == [account]

    accounts.select(folder)
    _answer_next_dialog(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    QTest.mouseClick(accounts.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(accounts.accounts) == 1, timeout=10_000)
    assert [a.id for a in library.list_accounts()] == [account]


def test_an_empty_view_says_where_the_posts_are(context: AppContext, qtbot: QtBot, mastodon: FakeMastodon) -> None:
    library = context.library
    account = add_account(library, "mastodon", mastodon.url, "senja", mastodon.token)
    due_post(library, account, "Out already")
    service = PublishingService(context, interval_ms=3_600_000)
    with qtbot.waitSignal(service.finished, timeout=20_000):
        service.run_now()
    panel = PublicationsWorkspace(context, service)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.empty.isVisible() and "in “All”" in panel.empty.text(), timeout=10_000)
    assert panel.empty.text() == "No posts in “Upcoming and failed”. 1 in “All”."
    panel.filter.setCurrentIndex(panel.filter.findText("All"))
    qtbot.waitUntil(lambda: len(panel.items) == 1, timeout=10_000)
    assert not panel.empty.isVisible()
