"""The Write page as a person sees it at 1366x768: a post with a network variant, a thread and previews."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studio.library import Library
from studio.ui.context import AppContext
from studio.ui.theme import apply_theme
from studio.ui.write.page import WriteWorkspace

TEXT = ("Our new trail shoes are here! Light, grippy and made for long days in the mountains. "
        "Come and try them at the shop this weekend. " * 3).strip()


def test_the_write_page_at_1366x768(qtbot: QtBot, context: AppContext, library: Library,
                                    screenshot: Callable[[Any, str], Path]) -> None:
    context.tasks.inline = True
    page = WriteWorkspace(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    client = library.add_client("Acme Shoes", "#e0663d")
    draft = library.create_draft(client.id, text=TEXT, networks=["x", "bluesky", "mastodon"])
    page.open_draft(draft.id)
    qtbot.wait(200)  # the counters' and the panel's debounce
    screenshot(page, "write-base.png")
    page.variant_bar.select("bluesky")
    page.split(numbered=True)
    page.side.setCurrentWidget(page.previews)
    qtbot.wait(400)
    screenshot(page, "write-thread-preview.png")
    assert page.stack.currentWidget() is page.thread_editor
    assert page.counters.buttons["bluesky"].text().startswith("Bluesky 291/300")  # the longest part
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        apply_theme(app, "dark")
        qtbot.wait(50)
        screenshot(page, "write-thread-preview-dark.png")
    finally:
        apply_theme(app, "light")
