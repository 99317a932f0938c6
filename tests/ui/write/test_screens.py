"""The Write page as a person sees it, at 1366 x 768 and 1920 x 1080, light and dark: channel
chips, the publishing buttons, the comments tab and the published bar. Screenshots go to the test's
folder (or ``$STUDIO_SCREENSHOTS``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studio.publishing.runner import Runner
from studio.review import comments
from studio.ui.app import Studio
from studio.ui.theme import apply_theme


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_write_page_at_two_sizes_light_and_dark(studio: Studio, qtbot: QtBot, tmp_path: Path, theme: str,
                                                    size: tuple[int, int],
                                                    screenshot: Callable[[Any, str], Path]) -> None:
    library = studio.context.library
    client = library.add_client("Kopi Kenangan Nusantara Raya", colour="#7a4b2a", language="id-ID")
    library.add_account(client.id, "mastodon", "@kopi@mastodon.social", server_url="https://mastodon.social")
    library.add_account(client.id, "bluesky", "kopi.bsky.social")
    (tmp_path / "out").mkdir()
    folder = library.add_account(client.id, "folder", "Instagram (by hand)", server_url=str(tmp_path / "out"),
                                 settings={"variant": "instagram"})
    draft = library.create_draft(client.id, text="Ngopi dulu sebelum kerja! Promo hari ini: beli dua gratis satu. "
                                 "#NgopiDulu", networks=["mastodon", "instagram", "x"])
    comments.add(library, draft.id, "Huruf kecil?", "Rina", start=0, end=10)
    published = library.create_draft(client.id, text="Sudah terbit kemarin.", networks=["instagram"])
    library.schedule(published.id, folder.id, datetime.now(UTC))
    Runner(library).run_due()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, theme)
    studio.window.reload_clients(select=client.id)
    studio.start(welcome=False, background=False)
    studio.window.resize(*size)
    qtbot.waitExposed(studio.window)
    write = studio.write
    qtbot.waitUntil(lambda: write.ready, timeout=10_000)
    name = f"{size[0]}x{size[1]}-{theme}"
    write.open_draft(draft.id)
    qtbot.waitUntil(lambda: write.opened is not None and write.opened.draft.id == draft.id, timeout=10_000)
    write.side.setCurrentWidget(write.comments)
    qtbot.waitUntil(lambda: write.side.tabText(write.side.indexOf(write.comments)) == "Comments (1)", timeout=5000)
    qtbot.wait(100)
    assert len(write.header.channels.chips) == 3 and set(write.header.channels.extra_chips) == {"x"}
    for button in [*write.header.channels.chips.values(), *write.header.publish_buttons]:
        assert button.isVisible() and button.width() >= button.sizeHint().width(), button.text()
    screenshot(studio.window, f"write-{name}.png")
    write.open_draft(published.id)
    qtbot.waitUntil(write.published_bar.isVisible, timeout=10_000)
    qtbot.wait(100)
    label = write.published_bar.label
    assert label.height() >= label.heightForWidth(label.width())
    screenshot(studio.window, f"write-published-{name}.png")
    apply_theme(app, "light")
