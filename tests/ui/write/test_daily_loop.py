"""The daily loop end to end (issue 11, "What it must show"): from an empty library, create a client,
connect a folder account, write a post, attach a photo, crop it, schedule it from the Write page,
and find it published in the folder with the crop. The real window and services, driven through
keys and clicks only: the dialogs are driven by their own widgets, the publisher's due timer sends
the post while the app is open."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QFileDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from studio.ui.app import Studio
from studio.ui.publishing.connect_dialog import ConnectAccountDialog
from studio.ui.welcome_dialog import WelcomeDialog

RED_WIDTH = 1400  # the photo's left 1400 of 4000 pixels are red, the rest blue
PRESET = "instagram.feed-portrait"  # what the folder's Instagram version gets (1080 x 1350)
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def gps_photo(path: Path) -> Path:
    """A 4000 x 3000 JPEG with a GPS position in its EXIF: red on the left, blue on the right."""
    image = Image.new("RGB", (4000, 3000), (20, 40, 220))
    image.paste((230, 20, 20), (0, 0, RED_WIDTH, 3000))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "S", (6.0, 10.0, 30.0)
    gps[3], gps[4] = "E", (106.0, 49.0, 0.0)
    image.save(path, "JPEG", exif=exif.tobytes(), quality=90)
    with Image.open(path) as check:
        assert 0x8825 in check.getexif()
    return path


FAILED: list[BaseException] = []


def when_modal(kind: type[QWidget], fill: Callable[[QWidget], None]) -> None:
    """Run ``fill`` on the modal dialog of ``kind`` once it is open (it blocks in its own loop); a
    failure closes the dialog and is raised by :func:`no_failure`."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            try:
                fill(dialog)
            except BaseException as error:
                FAILED.append(error)
                if isinstance(dialog, QDialog):
                    dialog.reject()
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(20, look)


def no_failure() -> None:
    if FAILED:
        raise FAILED.pop()


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")  # popups, offscreen
def test_from_an_empty_library_to_a_cropped_photo_published_in_a_folder(
        studio: Studio, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started = time.monotonic()
    library = studio.context.library
    window = studio.window
    out = tmp_path / "ready to post"
    out.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    photo = gps_photo(home / "pasar.jpg")

    # 1. The first-run welcome creates the client.
    def welcome(dialog: QWidget) -> None:
        assert isinstance(dialog, WelcomeDialog)
        QTest.keyClicks(dialog.name, "Kopi Nusantara")
        click(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))

    when_modal(WelcomeDialog, welcome)
    studio.start(welcome=True, background=True)
    qtbot.waitUntil(lambda: bool(FAILED) or [c.name for c in library.list_clients()] == ["Kopi Nusantara"],
                    timeout=10_000)
    no_failure()
    client = library.list_clients()[0]
    qtbot.waitUntil(lambda: window.current_client_id() == client.id, timeout=5000)

    # 2. Publishing → Accounts → Connect account…: a folder that gets Instagram's version.
    def connect(dialog: QWidget) -> None:
        assert isinstance(dialog, ConnectAccountDialog)
        dialog.network.setFocus()
        QTest.keyClicks(dialog.network, "Fo")
        assert dialog.network_key() == "folder"
        QTest.keyClicks(dialog.server, str(out))
        QTest.keyClicks(dialog.handle, "Instagram (by hand)")
        dialog.variant.setFocus()
        for _ in range(dialog.variant.findData("instagram") - dialog.variant.currentIndex()):
            QTest.keyClick(dialog.variant, Qt.Key.Key_Down)
        assert dialog.variant.currentData() == "instagram"
        click(dialog.connect_button)

    window.show_workspace("publishing")
    panel = studio.publications
    tabs = panel.tabs
    QTest.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(1).center())
    when_modal(ConnectAccountDialog, connect)
    click(panel.accounts.connect_button)
    no_failure()
    qtbot.waitUntil(lambda: len(library.list_accounts(client.id)) == 1, timeout=10_000)

    # 3. Ctrl+N: a new post, for the client's channel (the folder's Instagram version); type it.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    write = studio.write
    qtbot.waitUntil(lambda: write.opened is not None and not write.editor.isReadOnly(), timeout=20_000)
    assert write.opened is not None
    draft_id = write.opened.draft.id
    chips = write.header.channels.chips
    assert [chip.text() for chip in chips.values()] == ["Instagram (by hand)"]
    assert all(chip.isChecked() for chip in chips.values())
    write.editor.setFocus()
    QTest.keyClicks(write.editor, "Pagi di pasar. Ngopi dulu! #KopiNusantara")

    # 4. Images (Ctrl+2), Ctrl+O: the photo, through the file dialog's own widgets.
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    images = studio.images
    assert window.current_workspace() is images

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        name.setFocus()
        QTest.keyClicks(name, photo.name)  # the dialog opens in the home folder, where the photo is
        buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
        assert buttons is not None
        click(buttons.button(QDialogButtonBox.StandardButton.Open))

    when_modal(QFileDialog, choose)
    images.open_button.setFocus()
    QTest.keyClick(images.open_button, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    no_failure()
    qtbot.waitUntil(lambda: images.photo is not None and images.post_box.count() > 1, timeout=20_000)

    # ... attached to the post (the Post box: the keyboard picks it) ...
    images.post_box.setFocus()
    QTest.keyClick(images.post_box, Qt.Key.Key_Down)
    assert images.post_box.currentData() == draft_id
    qtbot.waitUntil(lambda: len(library.get_draft(draft_id).assets) == 1, timeout=10_000)
    sha = library.get_draft(draft_id).assets[0].sha

    # ... and cropped for Instagram: its thumbnail, the frame's corner dragged to half, then the
    # frame dragged to the photo's left edge (onto the red).
    editor = images.editor
    click(editor.strip.thumbs[PRESET])
    assert editor.current == PRESET
    view = editor.view
    frame = view.frame_rect()
    corner = view.mapFromScene(frame.bottomRight())
    half = view.mapFromScene(frame.topLeft() + (frame.bottomRight() - frame.topLeft()) / 2)
    viewport = view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=corner)
    QTest.mouseMove(viewport, half)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=half)
    inside = view.mapFromScene(view.frame_rect().center())
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=inside)
    QTest.mouseMove(viewport, inside - QPoint(viewport.width(), 0))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=inside - QPoint(viewport.width(), 0))
    crop = editor.crops[PRESET]
    assert crop.x == 0 and crop.w * 4000 < RED_WIDTH, crop
    qtbot.waitUntil(lambda: library.get_crops(sha).get(PRESET) == crop, timeout=10_000)

    # 5. Back to Write (Ctrl+1, by way of the Library, Ctrl+3, whose toolbar has the same three
    # actions and shortcuts: one must not shadow the other); Schedule… (Ctrl+Shift+D), "Send now".
    window.activateWindow()  # as the window manager does when a dialog closes
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_workspace() is studio.library_view
    QTest.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_workspace() is write
    write.editor.setFocus()
    QTest.keyClick(write.editor, Qt.Key.Key_D, CTRL_SHIFT)
    dialog = write.publish.dialog
    assert isinstance(dialog, QDialog)
    qtbot.waitExposed(dialog)
    assert dialog.chosen() == [library.list_accounts(client.id)[0].id]
    QTest.mouseClick(dialog.now_button, Qt.MouseButton.LeftButton, pos=QPoint(8, dialog.now_button.height() // 2))
    assert dialog.now_button.isChecked()
    click(dialog.schedule_button)

    # 6. The publisher's due timer sends it; the folder holds the post with the crop, no GPS.
    def package() -> list[Path]:
        return sorted(p for p in out.glob("*/*") if p.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp"))

    qtbot.waitUntil(lambda: bool(package()), timeout=20_000)
    qtbot.waitUntil(lambda: library.get_draft(draft_id).status == "published", timeout=10_000)
    texts = list(out.glob("*/post.txt"))
    assert texts and "Pagi di pasar. Ngopi dulu!" in texts[0].read_text(encoding="utf-8")
    with Image.open(package()[0]) as sent:
        assert sent.size == (1080, 1350)
        assert 0x8825 not in sent.getexif() and 0x010F not in sent.getexif()
        red, _green, blue = sent.convert("RGB").resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))  # type: ignore[misc]
        assert red > 180 and blue < 80, "the folder's image is not the red crop"
    # The Write page says it went out, and does not let it be edited without a word.
    qtbot.waitUntil(write.published_bar.isVisible, timeout=5000)
    assert write.editor.isReadOnly()
    assert time.monotonic() - started < 60
