"""Channels, not network types: the client's accounts as chips toggled with one click, the other
network versions in a "+" menu that stays open while ticking, remembered per client for new posts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from studio.drafting import default_channels, start_draft
from studio.library import Library
from studio.ui.context import AppContext
from studio.ui.write.page import WriteWorkspace


def _page(page: WriteWorkspace, client_id: int) -> WriteWorkspace:
    """The Write page showing a new post of ``client_id``."""
    page.set_client(client_id)
    page.new_draft()
    return page


def _client(library: Library) -> int:
    client = library.add_client("Kopi Nusantara", "#7a4b2a")
    library.add_account(client.id, "mastodon", "@kopi@mastodon.social", server_url="https://mastodon.social")
    library.add_account(client.id, "folder", "Instagram (by hand)", server_url="/tmp/kopi",
                        settings={"variant": "instagram"})
    return client.id


def test_a_new_post_starts_with_the_clients_accounts_as_chips(workspace: WriteWorkspace,
                                                               library: Library) -> None:
    client_id = _client(library)
    page = _page(workspace, client_id)
    chips = page.header.channels.chips
    assert [chip.text() for chip in chips.values()] == ["@kopi@mastodon.social", "Instagram (by hand)"]
    assert all(chip.isChecked() for chip in chips.values())
    assert page.draft.targets == ["mastodon", "instagram"]
    assert list(page.counters.buttons) == ["mastodon", "instagram"]


def test_one_click_on_a_chip_toggles_the_channel_and_is_remembered_for_the_client(
        qtbot: QtBot, context: AppContext, workspace: WriteWorkspace, library: Library) -> None:
    client_id = _client(library)
    page = _page(workspace, client_id)
    assert page.opened is not None
    first = page.opened.draft.id
    mastodon = next(chip for chip in page.header.channels.chips.values() if chip.text().startswith("@kopi"))
    qtbot.mouseClick(mastodon, Qt.MouseButton.LeftButton)
    assert not mastodon.isChecked()
    assert page.draft.targets == ["instagram"]
    page.save_now()
    context.tasks.writes.waitForDone(-1)
    assert library.get_draft(first).networks == ("instagram",)
    assert default_channels(library, client_id) == ["instagram"]
    assert start_draft(library, client_id).networks == ("instagram",)  # the one New-draft rule
    qtbot.mouseClick(mastodon, Qt.MouseButton.LeftButton)
    assert page.draft.targets == ["instagram", "mastodon"]


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")  # a popup menu, offscreen
def test_the_plus_menu_stays_open_while_ticking_networks_without_an_account(
        qtbot: QtBot, context: AppContext, workspace: WriteWorkspace, library: Library) -> None:
    client_id = _client(library)
    page = _page(workspace, client_id)
    row = page.header.channels
    menu = row.menu
    menu.popup(row.more_button.mapToGlobal(QPoint(0, row.more_button.height())))
    qtbot.waitUntil(menu.isVisible)
    for network_id in ("x", "linkedin"):
        rect = menu.actionGeometry(row.network_actions[network_id])
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=rect.center())
        assert menu.isVisible(), "the menu closed after one tick"
    menu.setActiveAction(row.network_actions["bluesky"])
    QTest.keyClick(menu, Qt.Key.Key_Space)
    assert menu.isVisible()
    menu.close()
    assert page.draft.targets == ["mastodon", "instagram", "x", "linkedin", "bluesky"]
    # Chosen networks without an account show as chips in the same row: one click leaves one out.
    assert set(row.extra_chips) == {"x", "linkedin", "bluesky"}
    qtbot.mouseClick(row.extra_chips["x"], Qt.MouseButton.LeftButton)
    assert page.draft.targets == ["mastodon", "instagram", "linkedin", "bluesky"]
    qtbot.waitUntil(lambda: "x" not in row.extra_chips)
    assert not row.network_actions["x"].isChecked()


def test_an_account_without_a_text_network_is_shown_but_cannot_be_chosen(
        qtbot: QtBot, context: AppContext, workspace: WriteWorkspace, library: Library) -> None:
    client = library.add_client("Toko Batik")
    library.add_account(client.id, "folder", "Packages", server_url="/tmp/batik")
    page = _page(workspace, client.id)
    chip = next(iter(page.header.channels.chips.values()))
    assert isinstance(chip, QToolButton) and not chip.isEnabled()
    assert "Publishing" in chip.toolTip()
    assert page.draft.targets == []
