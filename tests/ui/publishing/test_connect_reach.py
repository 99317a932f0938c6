"""The Connect-account dialog for the new networks (guide, media host, "let the server publish",
Postiz channel), and the Publishing page's warning for a token that is about to expire."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from servers.library import add_account
from servers.meta import FakeInstagram
from servers.postiz import FakePostiz
from servers.s3 import ACCESS_KEY, SECRET_KEY, S3Server

from studio import secrets
from studio.publishing import mediahost, tokens
from studio.ui.context import AppContext
from studio.ui.publishing.connect_dialog import ConnectAccountDialog
from studio.ui.publishing.panel import PublicationsWorkspace
from studio.ui.publishing.service import PublishingService


@pytest.fixture(scope="module")
def s3() -> Iterator[S3Server]:
    server = S3Server()
    yield server
    server.stop()


def _dialog(context: AppContext, qtbot: QtBot, network: str) -> ConnectAccountDialog:
    client = context.library.add_client("Acme")
    dialog = ConnectAccountDialog(context.library, context.tasks, client.id)
    qtbot.addWidget(dialog)
    dialog.resize(620, 700)
    dialog.show()
    dialog.network.setFocus()
    dialog.network.setCurrentIndex(dialog.network.findData(network))
    return dialog


def test_instagram_with_a_media_host_is_tested_and_connected(
    context: AppContext, qtbot: QtBot, s3: S3Server, screenshot: Callable[[Any, str], Path]
) -> None:
    bucket = s3.new_bucket()
    with FakeInstagram() as instagram:
        dialog = _dialog(context, qtbot, "instagram")
        assert dialog.extra.media.isVisible() and "Instagram tester" in dialog.extra.guide.text()
        assert not dialog.extra.server_schedules.isVisible()
        qtbot.keyClicks(dialog.server, f"{instagram.url}/v23.0")
        qtbot.keyClicks(dialog.secret, instagram.token)
        qtbot.keyClicks(dialog.extra.endpoint, s3.url)
        qtbot.keyClicks(dialog.extra.bucket, bucket)
        qtbot.keyClicks(dialog.extra.key_id, ACCESS_KEY)
        qtbot.keyClicks(dialog.extra.secret_key, "wrong-is-fine-for-moto")
        dialog.extra.secret_key.clear()
        qtbot.keyClicks(dialog.extra.secret_key, SECRET_KEY)
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.info is not None, timeout=20_000)
        assert "Connected as Studio Test (studio.ig)" in dialog.status.text()
        screenshot(dialog, "connect-instagram-tested.png")
        with qtbot.waitSignal(dialog.connected, timeout=20_000) as signal:
            qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        account = context.library.get_account(signal.args[0])
        assert account.settings["media_host"]["bucket"] == bucket
        assert mediahost.load_keys(account.secret_ref) == (ACCESS_KEY, SECRET_KEY)
        assert secrets.load(account.secret_ref) == instagram.token
        assert SECRET_KEY not in str(account.settings)
        assert s3.objects(bucket) == []  # the test upload was deleted again


def test_a_missing_media_host_key_is_said_before_anything_is_stored(context: AppContext, qtbot: QtBot) -> None:
    dialog = _dialog(context, qtbot, "threads")
    qtbot.keyClicks(dialog.secret, "token")
    qtbot.keyClicks(dialog.extra.bucket, "studio-media")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "access key id" in dialog.status.text(), timeout=10_000)
    assert context.library.list_accounts() == []


def test_mastodon_let_the_server_publish_and_the_postiz_channel(context: AppContext, qtbot: QtBot) -> None:
    dialog = _dialog(context, qtbot, "mastodon")
    assert dialog.extra.server_schedules.isVisible() and not dialog.extra.media.isVisible()
    qtbot.mouseClick(dialog.extra.server_schedules, Qt.MouseButton.LeftButton)
    assert dialog.account().settings["server_schedules"] is True
    with FakePostiz() as server:
        dialog.network.setCurrentIndex(dialog.network.findData("postiz"))
        assert dialog.extra.integration.isVisible() and not dialog.extra.server_schedules.isVisible()
        qtbot.keyClicks(dialog.server, server.base)
        qtbot.keyClicks(dialog.secret, server.api_key)
        qtbot.keyClicks(dialog.extra.integration, "Kettles YouTube")
        with qtbot.waitSignal(dialog.connected, timeout=20_000) as signal:
            qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        account = context.library.get_account(signal.args[0])
        assert account.settings["integration_id"] == "int-yt-1" and account.settings["provider"] == "youtube"


def test_the_publishing_page_and_status_bar_warn_of_an_expiring_token(
    context: AppContext, qtbot: QtBot, screenshot: Callable[[Any, str], Path]
) -> None:
    library = context.library
    add_account(library, "linkedin", "", "Sari", "t", {"token_expires_at": tokens.stamp(datetime.now(UTC) + timedelta(days=2))})
    service = PublishingService(context, interval_ms=3_600_000)
    panel = PublicationsWorkspace(context, service)
    qtbot.addWidget(panel)
    panel.resize(1366, 768)
    panel.show()
    said: list[str] = []
    service.state_changed.connect(said.append)
    with qtbot.waitSignal(service.finished, timeout=20_000):
        service.run_now()
    assert panel.tokens.isVisible() and "expires in 2 days" in panel.tokens.text()
    assert "1 account token expiring" in said[-1]
    screenshot(panel, "publishing-token-warning.png")
