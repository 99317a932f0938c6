"""The Write page's Preview tab at 1366x768, light and dark: every network's card with the rendition
the publisher will send (issue 11, point 4), opened by a click on the tab as a person would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studio.editors.post.previews.parts import ImageTile
from studio.library import Library
from studio.publishing.renditions import rendition
from studio.text import networks
from studio.ui.context import AppContext
from studio.ui.theme import apply_theme
from studio.ui.write.page import WriteWorkspace

TEXT = ("Sepatu lari trail baru sudah datang! Ringan, mencengkeram, dan siap untuk hari panjang di gunung. "
        "Coba di toko akhir pekan ini #trailrun @acmeshoes https://acmeshoes.com/trail")


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_networks_preview_on_the_write_page(qtbot: QtBot, context: AppContext, library: Library,
                                                  tmp_path: Path, dark: bool,
                                                  screenshot: Callable[[Any, str], Path]) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, "dark" if dark else "light")
    try:
        context.tasks.inline = True
        client = library.add_client("Acme Shoes", "#e0663d")
        library.add_account(client.id, "bluesky", "acme.bsky.social", display_name="Acme Trail Team")
        photo = tmp_path / "shoes.jpg"
        Image.new("RGB", (4000, 3000), (40, 110, 70)).save(photo, "JPEG")
        sha = library.add_asset(photo).sha
        page = WriteWorkspace(context)
        qtbot.addWidget(page)
        page.resize(1366, 768)
        page.show()
        bar = page.side.tabBar()
        QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(page.side.indexOf(page.previews)).center())
        for network_id, _title in networks():  # one network a post, so the page keeps to 1366 wide
            draft = library.create_draft(client.id, text=TEXT, networks=[network_id])
            library.attach_asset(draft.id, sha, "Green trail shoes on a rock")
            page.open_draft(draft.id)
            qtbot.waitUntil(lambda wanted=[network_id]: [card.look.network for card in page.previews.cards] == wanted
                            and bool(page.previews.cards[0].tiles), timeout=30_000)
            (card,) = page.previews.cards
            for tile in card.findChildren(ImageTile):
                assert isinstance(tile, ImageTile)
                assert tile.rendered.path == rendition(library, sha, network_id)
                assert tile.badge.text() == "ALT"
            if network_id == "bluesky":
                assert card.who is not None and card.who.name == "Acme Trail Team"  # the account posts it
            assert page.width() == 1366
            screenshot(page, f"write-preview-{network_id}-{'dark' if dark else 'light'}.png")
    finally:
        apply_theme(app, "light")
