"""The schedule dialog shows the post it schedules (issue 11, point 3): a preview card per ticked
account, which follows the ticks, with the account's name and the rendition its network version gets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from studio.editors.post.previews.parts import ImageTile
from studio.publishing.renditions import rendition
from studio.ui.context import AppContext
from studio.ui.publishing.schedule_dialog import ScheduleDialog


def test_a_preview_per_ticked_account(qtbot: QtBot, context: AppContext, tmp_path: Path,
                                      screenshot: Callable[[Any, str], Path]) -> None:
    library = context.library
    client = library.add_client("Toko Kopi Senja", "#7a4a1e")
    bluesky = library.add_account(client.id, "bluesky", "senja.bsky.social", display_name="Kopi Senja").id
    folder = library.add_account(client.id, "folder", "Instagram (by hand)", server_url=str(tmp_path / "out"),
                                 settings={"variant": "instagram"}).id
    library.add_account(client.id, "webhook", "Zapier", server_url="https://hooks.example.com/senja")
    photo = tmp_path / "beans.jpg"
    Image.new("RGB", (3000, 2000), (120, 70, 30)).save(photo, "JPEG")
    draft = library.create_draft(client.id, "Biji kopi baru dari Gayo https://kopisenja.com/gayo #kopi",
                                 networks=["bluesky", "instagram"])
    sha = library.add_asset(photo).sha
    library.attach_asset(draft.id, sha, "")
    dialog = ScheduleDialog(library, context.tasks, draft.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert sorted(dialog.chosen()) == sorted([bluesky, folder])  # ticked: the channels the post is for

    def shown() -> list[tuple[str, str]]:
        return [(card.look.channel or card.look.network, card.look.network) for card in dialog.previews.cards]

    qtbot.waitUntil(lambda: all(card.tiles for card in dialog.previews.cards), timeout=30_000)
    assert shown() == [("bluesky", "bluesky"), ("folder", "instagram")]
    sky = dialog.previews.cards[0]
    # The link as it will leave: with the UTM parameters the runner adds (issue 15), in the preview too.
    assert "utm_source=bluesky" in sky.look.parts[0] and "utm_medium=social" in sky.look.parts[0]
    assert "Kopi Senja" in sky.findChild(type(sky.text_labels[0]), "previewWho").text()
    for card in dialog.previews.cards:
        (tile,) = card.findChildren(ImageTile)
        assert tile.rendered.path == rendition(library, sha, card.look.network)
        assert "No alt text" in tile.badge.text()  # the warning where alt text is missing
    screenshot(dialog, "schedule-dialog-previews.png")
    # Ticking the webhook adds its preview (the base text's files), unticking Bluesky removes its own.
    webhook_row = next(r for r in range(dialog.accounts.count()) if "Zapier" in dialog.accounts.item(r).text())
    dialog.accounts.item(webhook_row).setCheckState(Qt.CheckState.Checked)
    dialog.accounts.item(0).setCheckState(Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: shown() == [("folder", "instagram"), ("webhook", "webhook")], timeout=10_000)
    assert dialog.width() <= 1366 and dialog.height() <= 768
