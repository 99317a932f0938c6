"""The Images workspace over a real library: open, crops that survive a restart, alt text, bad
files, drag and drop, and the export dialog with progress and cancel on real threads."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studio.imaging import geometry
from studio.imaging.presets import get_preset
from studio.ui.context import AppContext
from studio.ui.images import ImagesWorkspace
from studio.ui.images.export_dialog import ExportDialog

PRESETS = ["instagram.feed-square", "instagram.story", "x.post", "youtube.banner"]


@pytest.fixture
def photo_path(tmp_path: Path) -> Path:
    image = Image.new("RGB", (3000, 2000), (90, 140, 210))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 1400, 3000, 2000), fill=(60, 120, 50))
    draw.ellipse((2000, 500, 2400, 900), fill=(230, 60, 40))
    exif = Image.Exif()
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (48.0, 51.0, 29.0)
    path = tmp_path / "launch.jpg"
    image.save(path, "JPEG", quality=90, exif=exif.tobytes())
    return path


def make(qtbot: QtBot, context: AppContext) -> ImagesWorkspace:
    workspace = ImagesWorkspace(context, [get_preset(preset_id) for preset_id in PRESETS])
    qtbot.addWidget(workspace)
    workspace.resize(1200, 800)
    workspace.show()
    qtbot.waitExposed(workspace)
    return workspace


def test_open_shows_a_reduced_decode_and_guesses_the_subject(qtbot: QtBot, context: AppContext,
                                                             photo_path: Path) -> None:
    workspace = make(qtbot, context)
    workspace.open_file(photo_path)
    qtbot.waitUntil(lambda: workspace.photo is not None, timeout=10_000)
    assert workspace.photo is not None
    assert workspace.photo.full_size == (3000, 2000)
    assert max(workspace.photo.image.width(), workspace.photo.image.height()) < 3000
    assert workspace.photo.guessed
    x, y = workspace.editor.focal
    assert x == pytest.approx(0.73, abs=0.1) and y == pytest.approx(0.35, abs=0.12)
    assert workspace.pages.currentWidget() is workspace.editor
    assert context.library.get_asset(workspace.photo.sha).original_name == "launch.jpg"


def test_crops_are_saved_and_survive_a_restart(qtbot: QtBot, context: AppContext, photo_path: Path) -> None:
    context.tasks.inline = True
    workspace = make(qtbot, context)
    workspace.open_file(photo_path)
    assert workspace.photo is not None
    sha = workspace.photo.sha
    editor = workspace.editor
    editor.select_preset("x.post")
    editor.view.setFocus()
    QTest.keyClick(editor.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert editor.manual == {"x.post"}
    editor.set_focal(0.2, 0.6)
    placed = editor.crops["x.post"]
    workspace.save_now()
    saved = context.library.get_crops(sha)
    assert saved["x.post"] == placed
    asset = context.library.get_asset(sha)
    assert (asset.focal_x, asset.focal_y) == pytest.approx((0.2, 0.6))

    again = make(qtbot, context)  # as after a restart: a new workspace over the same library
    again.open_asset(sha)
    assert again.editor.crops["x.post"] == placed
    assert again.editor.manual == {"x.post"}  # the others still follow the focal point
    assert again.editor.focal == pytest.approx((0.2, 0.6))


def test_rotation_is_stored_per_preset(qtbot: QtBot, context: AppContext, photo_path: Path) -> None:
    context.tasks.inline = True
    workspace = make(qtbot, context)
    workspace.open_file(photo_path)
    workspace.editor.rotate_90()
    workspace.save_now()
    assert workspace.photo is not None
    crops = context.library.get_crops(workspace.photo.sha)
    assert set(crops) == set(PRESETS) and all(crop.rotation == 90.0 for crop in crops.values())
    again = make(qtbot, context)
    again.open_asset(workspace.photo.sha)
    assert again.editor.rotation == 90.0 and again.editor.view.canvas()[0] < again.editor.view.canvas()[1]


def test_alt_text_is_kept_on_the_post(qtbot: QtBot, context: AppContext, photo_path: Path) -> None:
    context.tasks.inline = True
    library = context.library
    client = library.add_client("Bakery")
    draft = library.create_draft(client.id, "Fresh bread at 7")
    workspace = make(qtbot, context)
    workspace.set_client(client.id)
    workspace.open_file(photo_path)
    index = workspace.post_box.findData(draft.id)
    assert index > 0
    workspace.post_box.setCurrentIndex(index)
    workspace.post_box.activated.emit(index)
    workspace.alt_text.setPlainText("A red sun over a green field.")
    workspace.save_now()
    assert workspace.photo is not None
    (attached,) = library.get_draft(draft.id).assets
    assert attached.sha == workspace.photo.sha and attached.alt_text == "A red sun over a green field."
    assert "29 / 1000" in workspace.alt_count.text()


def test_a_bad_file_is_refused_and_the_open_photo_stays(qtbot: QtBot, context: AppContext, photo_path: Path,
                                                        tmp_path: Path) -> None:
    context.tasks.inline = True
    said: list[tuple[str, str]] = []
    context.messages.connect_view(lambda level, text: said.append((level, text)))
    workspace = make(qtbot, context)
    workspace.open_file(photo_path)
    shown = workspace.photo
    fake = tmp_path / "notes.jpg"
    fake.write_text("not a photo")
    workspace.open_file(fake)
    assert workspace.photo is shown
    assert said and said[-1][0] == "error" and "notes.jpg is not an image" in said[-1][1]
    assert len(context.library.query("SELECT sha FROM assets")) == 1, "nothing bad was copied in"


def test_dropping_a_file_opens_it(qtbot: QtBot, context: AppContext, photo_path: Path) -> None:
    context.tasks.inline = True
    workspace = make(qtbot, context)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(photo_path))])
    # Qt delivers a drop only inside a real drag; the handlers are called as Qt would call them.
    enter = QDragEnterEvent(QPoint(100, 100), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    workspace.dragEnterEvent(enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(100, 100), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    workspace.dropEvent(event)
    assert workspace.photo is not None and workspace.photo.name == "launch.jpg"


def test_export_dialog_writes_every_preset_with_progress(qtbot: QtBot, context: AppContext, photo_path: Path,
                                                         tmp_path: Path) -> None:
    context.tasks.inline = True
    workspace = make(qtbot, context)
    workspace.open_file(photo_path)
    context.tasks.inline = False  # the export runs on a real worker thread
    workspace.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is workspace)
    workspace.editor.view.setFocus()
    QTest.keyClick(workspace.editor.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = workspace.dialog
    assert isinstance(dialog, ExportDialog)
    out = tmp_path / "out"
    dialog.folder.setText(str(out))
    steps: list[int] = []
    dialog.relay.advanced.connect(lambda done, _total, _label: steps.append(done))
    with qtbot.wait_signal(dialog.exported, timeout=60_000) as caught:
        dialog.export_button.click()
    renditions = caught.args[0]
    assert [item.preset for item in renditions] == PRESETS
    assert steps[-1] == len(PRESETS) and dialog.progress.value() == len(PRESETS)
    for item in renditions:
        assert item.path.parent == out and item.path.name.startswith("launch-")
        with Image.open(item.path) as image:
            assert not image.getexif().get_ifd(0x8825)
    assert f"Exported 4 presets as 4 files to {out}." in dialog.status.text()


def test_export_dialog_writes_a_picture_once_and_opens_the_folder(qtbot: QtBot, context: AppContext,
                                                                   photo_path: Path, tmp_path: Path) -> None:
    """Instagram's story and reel cover are the same picture (size, crop, budget): one file serves
    both, the dialog says so, and Open folder shows the folder in the file manager."""
    from PySide6.QtCore import QObject, QUrl, Slot
    from PySide6.QtGui import QDesktopServices

    context.tasks.inline = True
    workspace = ImagesWorkspace(context, [get_preset(preset_id) for preset_id in
                                          ("instagram.story", "instagram.reel-cover", "x.post")])
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.open_file(photo_path)
    workspace.export()
    dialog = workspace.dialog
    assert dialog is not None
    assert not dialog.open_folder_button.isEnabled()  # nothing to show before the export
    out = tmp_path / "out"
    dialog.folder.setText(str(out))
    with qtbot.wait_signal(dialog.exported, timeout=60_000) as caught:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    story, cover, post = caught.args[0]
    assert story.path == cover.path and post.path != story.path
    assert sorted(path.name for path in out.iterdir()) == sorted({story.path.name, post.path.name})
    text = dialog.status.text()
    assert f"Exported 3 presets as 2 files to {out}." in text
    assert f"The same picture for Instagram story, Instagram reel cover: one file, {story.path.name}." in text

    class FileManager(QObject):
        """Stands in for the desktop's file manager (Qt's own hook for a URL scheme)."""

        def __init__(self) -> None:
            super().__init__()
            self.opened: list[QUrl] = []

        @Slot(QUrl)
        def show(self, url: QUrl) -> None:
            self.opened.append(url)

    manager = FileManager()
    QDesktopServices.setUrlHandler("file", manager, "show")
    try:
        assert dialog.open_folder_button.isEnabled()
        qtbot.mouseClick(dialog.open_folder_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [url.toLocalFile() for url in manager.opened] == [str(out)]


def test_export_dialog_cancel(qtbot: QtBot, context: AppContext, photo_path: Path, tmp_path: Path) -> None:
    context.tasks.inline = True
    workspace = make(qtbot, context)
    workspace.open_file(photo_path)
    context.tasks.inline = False
    workspace.export()
    dialog = workspace.dialog
    assert dialog is not None
    dialog.folder.setText(str(tmp_path / "cancelled"))
    # Keep every worker busy so the export waits in the queue: Cancel is pressed before it starts,
    # whatever the speed of the machine.
    release = threading.Event()
    for _ in range(context.tasks.general.maxThreadCount()):
        context.tasks.run(release.wait)
    dialog.export_button.click()
    assert dialog.running and not dialog.export_button.isEnabled()
    dialog.cancel_button.click()  # while running, Cancel stops the export and the dialog stays
    assert dialog.cancel_event.is_set()
    release.set()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert dialog.isVisible()
    assert dialog.status.text().startswith("Cancelled. 0 complete file(s)")
    assert not list((tmp_path / "cancelled").glob("*.jpg"))
    dialog.cancel_button.click()  # now it closes
    assert not dialog.isVisible()


def test_screenshot_with_safe_zones(qtbot: QtBot, context: AppContext, photo_path: Path, tmp_path: Path) -> None:
    context.tasks.inline = True
    workspace = make(qtbot, context)
    workspace.open_file(photo_path)
    editor = workspace.editor
    editor.select_preset("instagram.story")
    qtbot.wait(60)  # the strip's coalescing timer
    assert workspace.grab().save(str(tmp_path / "images-workspace.png"))
    view = editor.view
    frame = view.frame_rect()
    band = view.mapFromScene(QPointF(frame.center().x() + frame.width() * 0.3, frame.top() + frame.height() * 0.04))
    middle = view.mapFromScene(QPointF(frame.center().x() + frame.width() * 0.3, frame.center().y()))
    with_zones = view.viewport().grab().toImage()
    editor.zones_button.setChecked(False)
    without = view.viewport().grab().toImage()
    assert with_zones.pixelColor(band) != without.pixelColor(band)  # the covered band is tinted
    assert with_zones.pixelColor(middle) == without.pixelColor(middle)  # the safe middle is not


def test_a_custom_preset_is_checked_saved_and_cropped(qtbot: QtBot, context: AppContext,
                                                      photo_path: Path) -> None:
    from studio.ui.images.preset_dialog import PresetDialog

    dialog = PresetDialog()
    qtbot.addWidget(dialog)
    dialog.network.setText("Corner Shop")
    dialog.placement.setText("")
    dialog.accept()
    assert dialog.result_preset is None and "not valid" in dialog.error.text()
    dialog.placement.setText("Window banner")
    dialog.width_box.setValue(1500)
    dialog.height_box.setValue(500)
    dialog.accept()
    assert dialog.result_preset is not None and dialog.result_preset.id == "corner-shop.window-banner"

    context.tasks.inline = True
    workspace = make(qtbot, context)
    workspace.open_file(photo_path)
    workspace.save_custom_preset(dialog.data())
    assert context.library.list_custom_presets()[0]["id"] == "corner-shop.window-banner"
    assert workspace.editor.current == "corner-shop.window-banner"
    crop = workspace.editor.crops["corner-shop.window-banner"]
    width, height = geometry.crop_pixels(crop, (3000, 2000))
    assert width / height == pytest.approx(3.0)
    assert "corner-shop.window-banner" in workspace.editor.strip.thumbs


def test_choosing_presets_changes_the_strip_and_the_export(qtbot: QtBot, context: AppContext,
                                                           photo_path: Path) -> None:
    context.tasks.inline = True
    workspace = make(qtbot, context)
    workspace.open_file(photo_path)
    workspace._fill_choose_menu()
    actions = [action for action in workspace.choose_menu.actions() if action.isCheckable()]
    assert len(actions) == len(PRESETS) and all(action.isChecked() for action in actions)
    actions[1].setChecked(False)  # Instagram story
    assert "instagram.story" not in workspace.editor.strip.thumbs
    assert [p.id for p in workspace.editor.presets] == ["instagram.feed-square", "x.post", "youtube.banner"]
    workspace.export()
    assert workspace.dialog is not None
    assert [p.id for p in workspace.dialog.chosen()] == ["instagram.feed-square", "x.post", "youtube.banner"]
    workspace.dialog.reject()
    for preset_id in ("instagram.feed-square", "x.post", "youtube.banner"):
        workspace.show_preset(preset_id, False)
    assert len(workspace.editor.presets) == 1, "one preset always stays"


def test_a_glimpse_is_on_screen_before_the_photo_is_ready(qtbot: QtBot, context: AppContext,
                                                          photo_path: Path) -> None:
    """Opening shows a small first decode at once (the whole picture, no frame to drag), then the
    photo for cropping replaces it; a glimpse of a photo no longer asked for is dropped."""
    from studio.ui.images.photo import glimpse

    workspace = make(qtbot, context)
    image = glimpse(photo_path, (600, 400))
    assert 600 <= max(image.width(), image.height()) < 1500  # a 1/4 decode of the 3000 x 2000 JPEG
    workspace._request = 1
    workspace._glimpsed(1, image)
    view = workspace.editor.view
    assert view.glimpse and not view.has_image() and workspace.pages.currentWidget() is workspace.editor
    assert not workspace.export_button.isEnabled() and not workspace.editor.rotate_button.isEnabled()
    workspace.open_file(photo_path)  # real threads: the glimpse and the photo race, the photo wins
    qtbot.waitUntil(lambda: workspace.photo is not None, timeout=10_000)
    assert view.has_image() and not view.glimpse and workspace.export_button.isEnabled()
    workspace._glimpsed(1, image)  # a late glimpse of an older request changes nothing
    assert view.has_image() and workspace.photo is not None
