"""The client's link tagging, set from the Analytics page's "Links…" button by clicks and typing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from studio.analytics.links import LinkSettings, link_settings
from studio.ui.analytics.dialogs import LinksDialog
from studio.ui.analytics.page import AnalyticsWorkspace
from studio.ui.context import AppContext


def test_links_dialog_turns_utm_off_and_names_a_campaign(context: AppContext, qtbot: QtBot,
                                                         screenshot: Callable[[Any, str], Path]) -> None:
    client = context.library.add_client("Kopi Nusantara")
    page = AnalyticsWorkspace(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.set_client(client.id)
    qtbot.mouseClick(page.links_button, Qt.MouseButton.LeftButton)
    dialog = page.links_dialog
    assert isinstance(dialog, LinksDialog)
    qtbot.waitUntil(dialog.utm.isChecked, timeout=5_000)  # on by default
    assert "utm_campaign=tag&utm_content=draft-42" in dialog.example.text()
    qtbot.keyClicks(dialog.campaign, "Ramadan 2027")
    assert "utm_campaign=Ramadan+2027" in dialog.example.text()
    screenshot(dialog, "analytics-links-dialog.png")
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    with qtbot.waitSignal(dialog.accepted, timeout=5_000):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert link_settings(context.library, client.id) == LinkSettings(True, "Ramadan 2027")

    again = LinksDialog(context, client.id)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.campaign.text() == "Ramadan 2027", timeout=5_000)
    qtbot.keyClick(again.utm, Qt.Key.Key_Space)
    assert not again.campaign.isEnabled() and "as you wrote them" in again.example.text()
    again.save()
    qtbot.waitUntil(lambda: not link_settings(context.library, client.id).utm, timeout=5_000)
