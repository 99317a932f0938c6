"""The "Connect account" dialog, the publications panel, the in-app runner and the tray, offscreen,
against the fake Mastodon server and a real library."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from servers.library import add_account, due_post
from servers.mastodon import FakeMastodon
from servers.telegram import FakeTelegram

from studio import secrets
from studio.publishing.queue import Queue
from studio.publishing.slots import parse_slots
from studio.ui.context import AppContext
from studio.ui.publishing.connect_dialog import ConnectAccountDialog
from studio.ui.publishing.panel import PublicationsWorkspace
from studio.ui.publishing.service import PublishingService, status_text
from studio.ui.publishing.tray import PublishingTray


@pytest.fixture
def mastodon() -> Iterator[FakeMastodon]:
    with FakeMastodon() as server:
        yield server  # type: ignore[misc]


def test_test_connection_shows_name_avatar_and_limits_then_connects(
    context: AppContext, qtbot: QtBot, mastodon: FakeMastodon, screenshot: Callable[[Any, str], Path]
) -> None:
    client = context.library.add_client("Acme")
    dialog = ConnectAccountDialog(context.library, context.tasks, client.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.server.setText(mastodon.url)
    dialog.secret.setText(mastodon.token)
    dialog.slots.setText("mon 09:30, thu 17:00")
    assert not dialog.chat_id.isVisible() and dialog.secret.isVisible()
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.info is not None, timeout=10_000)
    assert "Connected as Studio Test (studio)" in dialog.status.text()
    assert "500 characters" in dialog.status.text()
    assert dialog.avatar.isVisible() and not dialog.avatar.pixmap().isNull()
    screenshot(dialog, "connect-dialog-tested.png")
    with qtbot.waitSignal(dialog.connected, timeout=10_000) as signal:
        dialog.connect_button.click()
    account = context.library.get_account(signal.args[0])
    assert account.handle == "studio" and account.display_name == "Studio Test"
    assert account.settings["max_characters"] == 500 and len(account.slots) == 2
    assert secrets.load(account.secret_ref) == mastodon.token
    assert mastodon.token not in str(account)


def test_wrong_token_and_missing_fields_are_explained(context: AppContext, qtbot: QtBot, mastodon: FakeMastodon,
                                                      screenshot: Callable[[Any, str], Path]) -> None:
    context.library.add_client("Acme")
    dialog = ConnectAccountDialog(context.library, context.tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.server.setText(mastodon.url)
    dialog.secret.setText("wrong")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "refused" in dialog.status.text(), timeout=10_000)
    assert "Create a new token" in dialog.status.text()
    screenshot(dialog, "connect-dialog-refused.png")
    dialog.server.setText("")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "needs its server's address" in dialog.status.text(), timeout=10_000)
    assert context.library.list_accounts() == []


def test_fields_follow_the_network(context: AppContext, qtbot: QtBot) -> None:
    dialog = ConnectAccountDialog(context.library, context.tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.network.setCurrentIndex(dialog.network.findData("telegram"))
    assert dialog.chat_id.isVisible() and not dialog.handle.isVisible()
    dialog.network.setCurrentIndex(dialog.network.findData("folder"))
    assert dialog.browse.isVisible() and not dialog.secret.isVisible() and dialog.variant.isVisible()
    dialog.network.setCurrentIndex(dialog.network.findData("bluesky"))
    assert dialog.handle.isVisible() and dialog.form.labelForField(dialog.secret).text() == "App password"
    assert parse_slots("Mon 09:30; sun 23:59") == [{"weekday": 0, "time": "09:30"}, {"weekday": 6, "time": "23:59"}]
    with pytest.raises(Exception, match="not a posting slot"):
        parse_slots("someday 25:00")


def test_panel_shows_states_and_its_buttons_act(
    context: AppContext, qtbot: QtBot, mastodon: FakeMastodon, screenshot: Callable[[Any, str], Path]
) -> None:
    library = context.library
    telegram = FakeTelegram().start()
    try:
        m = add_account(library, "mastodon", mastodon.url, "studio", mastodon.token)
        t = add_account(library, "telegram", telegram.url, "@studio_channel", telegram.token,
                        {"chat_id": telegram.chat_id})
        long_one = due_post(library, m, "x" * 520)
        maybe = due_post(library, t, "Did this reach the channel?")
        fine = due_post(library, m, "A good post")
        telegram.inject("sendMessage", "drop-after")
        service = PublishingService(context, interval_ms=3_600_000)
        panel = PublicationsWorkspace(context, service)
        qtbot.addWidget(panel)
        panel.resize(1100, 420)
        panel.show()
        waiting: list[str] = []
        panel.state_changed.connect(waiting.append)
        with qtbot.waitSignal(service.finished, timeout=20_000):
            service.run_now()
        panel.filter.setCurrentIndex(panel.filter.findText("All"))
        qtbot.waitUntil(lambda: len(panel.items) == 3 and all(i.state not in ("scheduled", "sending") for i in panel.items),
                        timeout=10_000)  # a list loaded while the run was still sending is replaced
        states = {item.id: item.state for item in panel.items}
        assert states == {long_one: "failed-permanent", maybe: "uncertain", fine: "published"}
        row = next(i for i, item in enumerate(panel.items) if item.id == long_one)
        assert "Shorten it by 20 characters" in panel.table.item(row, 6).text()
        screenshot(panel, "publications-panel.png")

        panel.select(maybe)
        assert panel.mark_button.isEnabled() and panel.retry_button.text() == "Not posted: send again"
        panel.mark_button.click()
        qtbot.waitUntil(lambda: Queue(library).get(maybe).state == "published", timeout=10_000)
        qtbot.waitUntil(lambda: any(i.id == maybe and i.state == "published" for i in panel.items), timeout=10_000)

        panel.select(long_one)
        assert panel.cancel_button.isEnabled() and panel.retry_button.isEnabled()
        with qtbot.waitSignal(panel.reconnect_requested) as reconnect:
            panel.reconnect_button.click()
        assert reconnect.args == [m]
        panel.cancel_button.click()
        qtbot.waitUntil(lambda: Queue(library).get(long_one).state == "cancelled", timeout=10_000)
        qtbot.waitUntil(lambda: any(i.id == long_one and i.state == "cancelled" for i in panel.items), timeout=10_000)
        panel.select(long_one)
        assert panel.retry_button.isEnabled() and not panel.cancel_button.isEnabled()
        assert telegram.texts() == ["Did this reach the channel?"]
        assert waiting and waiting[-1] == ""
    finally:
        telegram.stop()


def test_service_and_tray_notify_each_outcome(context: AppContext, qtbot: QtBot, mastodon: FakeMastodon) -> None:
    from PySide6.QtGui import QIcon

    library = context.library
    account = add_account(library, "mastodon", mastodon.url, "studio", mastodon.token)
    due_post(library, account, "tray news")
    due_post(library, account, "y" * 600)
    service = PublishingService(context, interval_ms=3_600_000)
    tray = PublishingTray(service, QIcon(), lambda account_id: library.get_account(account_id).handle)
    notes: list[tuple[str, str]] = []
    tray.notified.connect(lambda title, text: notes.append((title, text)))
    with qtbot.waitSignal(service.finished, timeout=20_000):
        service.run_now()
    titles = sorted(title for title, _ in notes)
    assert titles == ["Not published on Mastodon (studio)", "Published on Mastodon (studio)"]
    assert status_text(3) == "3 posts waiting to be sent"
    assert status_text(1, offline=True) == "1 post waiting for the network"
    assert status_text(0) == ""


def test_reconnect_replaces_the_secret_and_clears_the_flag(
    context: AppContext, qtbot: QtBot, mastodon: FakeMastodon
) -> None:
    from dataclasses import replace

    library = context.library
    account_id = add_account(library, "mastodon", mastodon.url, "studio", "old-revoked-token")
    current = library.get_account(account_id)
    library.update_account(replace(current, settings={"needs_reconnect": True}))
    dialog = ConnectAccountDialog(library, context.tasks, account_id=account_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.server.isEnabled() and dialog.server.text() == mastodon.url
    dialog.secret.setText(mastodon.token)
    with qtbot.waitSignal(dialog.connected, timeout=10_000):
        dialog.connect_button.click()
    updated = library.get_account(account_id)
    assert updated.settings["needs_reconnect"] is False and updated.settings["max_characters"] == 500
    assert secrets.load(updated.secret_ref) == mastodon.token


def test_schedule_dialog_checks_first_then_schedules_in_the_users_zone(
    context: AppContext, qtbot: QtBot, screenshot: Callable[[Any, str], Path]
) -> None:
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from PySide6.QtCore import QDateTime, Qt

    from studio.ui.publishing.schedule_dialog import ScheduleDialog

    library = context.library
    berlin = ZoneInfo("Europe/Berlin")
    mastodon = add_account(library, "mastodon", "https://mastodon.example", "studio", "token")
    bluesky = add_account(library, "bluesky", "", "acme.bsky.social", "app-password")
    draft = library.create_draft(library.get_account(mastodon).client_id, "ü" * 310, networks=["mastodon", "bluesky"])
    dialog = ScheduleDialog(library, context.tasks, draft.id, zone=berlin, now=datetime(2026, 3, 27, 10, tzinfo=UTC))
    qtbot.addWidget(dialog)
    dialog.show()
    assert sorted(dialog.chosen()) == sorted([mastodon, bluesky])
    # Sunday 29 March 2026 09:00 in Berlin, the morning after clocks went forward: 07:00 UTC.
    dialog.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(datetime(2026, 3, 29, 7, tzinfo=UTC).timestamp()),
                                                         dialog.when.timeZone()))
    assert dialog.when.text().endswith("09:00")
    dialog.schedule_button.click()
    qtbot.waitUntil(lambda: dialog.schedule_button.text() == "Schedule anyway", timeout=10_000)
    assert "Shorten it by 10 characters" in dialog.problems.text() and "acme.bsky.social" in dialog.problems.text()
    assert library.schedules_of(draft.id) == []
    screenshot(dialog, "schedule-dialog-preflight.png")
    dialog.accounts.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.schedule_button.text() == "Schedule"
    with qtbot.waitSignal(dialog.scheduled, timeout=10_000):
        dialog.schedule_button.click()
    made = library.schedules_of(draft.id)
    assert [(s.account_id, s.scheduled_at) for s in made] == [(mastodon, "2026-03-29T07:00:00Z")]
