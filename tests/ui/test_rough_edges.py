"""Rough edges seen by a new user (issue 11, point 8), each driven as a person would and looked at."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from studio.settings import Settings
from studio.ui.settings_dialog import SettingsDialog
from studio.ui.theme import apply_theme


def _overlapping(page: QWidget) -> list[tuple[str, str]]:
    """Pairs of visible labels and fields on ``page`` whose rectangles overlap."""
    children = [child for child in page.findChildren(QWidget) if child.isVisible() and child.parent() is page]
    found = []
    for index, first in enumerate(children):
        for second in children[index + 1:]:
            if first.geometry().intersects(second.geometry()):
                found.append((first.objectName() or type(first).__name__, second.objectName() or type(second).__name__))
    return found


def test_settings_grammar_page_makes_room_for_the_public_warning(qtbot: QtBot, tmp_path: Path,
                                                                 screenshot: Callable[[Any, str], Path]) -> None:
    dialog = SettingsDialog(Settings(tmp_path / "settings.json"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.tabs.setCurrentIndex(next(i for i in range(dialog.tabs.count()) if dialog.tabs.tabText(i) == "Grammar"))
    mode = dialog.fields["grammar.mode"]
    mode.setFocus()
    while mode.currentData() != "public":  # the arrow keys, as a person chooses in the box
        qtbot.keyClick(mode, Qt.Key.Key_Down)
    qtbot.wait(20)
    page = dialog.tabs.currentWidget()
    assert dialog.public_warning.isVisible() and dialog.fields["grammar.public_consent"].isVisible()
    screenshot(dialog, "settings-grammar-public.png")
    assert _overlapping(page) == []
    warning = dialog.public_warning
    needed = warning.heightForWidth(warning.width())
    assert warning.height() >= needed, "the warning is squeezed into less height than its lines need"


def test_a_switch_to_dark_reaches_the_side_bar(qtbot: QtBot) -> None:
    from PySide6.QtGui import QIcon

    from studio.ui.sidebar import Sidebar

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, "light")
    window = QWidget()  # inside a window, as in the app (a child's style sheet palette is its own)
    qtbot.addWidget(window)
    bar = Sidebar(window)
    bar.add(QIcon(), "Write", "Write posts")
    window.resize(300, 300)
    bar.resize(96, 300)
    window.show()
    qtbot.waitExposed(window)
    light = bar.grab().toImage().pixelColor(48, 280)
    try:
        apply_theme(app, "dark")
        qtbot.waitUntil(lambda: bar.grab().toImage().pixelColor(48, 280) != light)
        assert bar.grab().toImage().pixelColor(48, 280).lightness() < 80
    finally:
        apply_theme(app, "light")


def test_the_library_names_networks_and_shows_whole_client_names(qtbot: QtBot, context: Any) -> None:
    from studio.ui.library import LibraryWorkspace

    library = context.library
    client = library.add_client("Kopi Kenangan Nusantara Raya")
    library.create_draft(client.id, text="Ngopi dulu", networks=["x", "bluesky", "mastodon", "linkedin"])
    page = LibraryWorkspace(context)
    qtbot.addWidget(page)
    page.resize(1366 - 96, 700)
    page.show()
    page.activated()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.filters.client.count() == 2, timeout=5000)
    qtbot.wait(20)
    row = page.model.index(0, 3)
    networks = page.model.data(row)
    assert networks == "X, Bluesky, Mastodon, LinkedIn"
    name = "Kopi Kenangan Nusantara Raya"
    metrics = page.table.fontMetrics()
    assert page.table.columnWidth(0) >= metrics.horizontalAdvance(name) + 24
    page.filters.set_client(client.id)
    combo = page.filters.client
    assert combo.width() >= combo.fontMetrics().horizontalAdvance(name) + 24


def test_the_emoji_picker_draws_emoji_in_colour(qtbot: QtBot, screenshot: Callable[[Any, str], Path]) -> None:
    """With fonts-noto-color-emoji (scripts/system-deps.sh) made Qt's emoji font, the picker's
    grid shows coloured pictures, not empty boxes drawn in the text colour."""
    from PySide6.QtGui import QColor

    from studio.editors.post.emoji_picker import EMOJI_FONT, EmojiPicker
    from studio.ui.fonts import use_emoji_font

    assert use_emoji_font() == EMOJI_FONT
    picker = EmojiPicker()
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    qtbot.keyClicks(picker.search, "rocket")
    assert picker.visible_emoji() == ["🚀"]
    screenshot(picker, "emoji-picker.png")
    item = next(picker.grid.item(row) for row in range(picker.grid.count()) if not picker.grid.item(row).isHidden())
    picker.grid.clearSelection()  # the selection's flat colour is not the picture's
    picker.grid.setCurrentItem(None)
    area = picker.grid.visualItemRect(item)
    image = picker.grid.viewport().grab(area).toImage()
    colours = {QColor(image.pixel(x, y)).name() for x in range(image.width()) for y in range(image.height())
               if QColor(image.pixel(x, y)).hsvSaturation() > 80}
    assert len(colours) > 20, "the rocket is drawn without colour: is the emoji font installed?"
