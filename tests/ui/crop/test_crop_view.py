"""The crop frame under the mouse and the keyboard: drag, resize with the ratio locked, nudge,
focal point placing every preset, turning and flipping."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from studio.editors.crop.editor import CropEditor
from studio.editors.crop.pixels import to_qimage
from studio.imaging import geometry
from studio.imaging.geometry import Crop
from studio.imaging.presets import get_preset

PRESETS = ["instagram.feed-square", "instagram.story", "x.post", "youtube.banner", "pinterest.pin"]


def photo(size: tuple[int, int] = (1200, 800)) -> QImage:
    image = Image.new("RGB", size, (90, 140, 210))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, size[1] * 2 // 3, size[0], size[1]), fill=(60, 120, 50))
    draw.ellipse((size[0] * 0.6, size[1] * 0.3, size[0] * 0.75, size[1] * 0.5), fill=(230, 60, 40))
    return to_qimage(image)


@pytest.fixture
def editor(qtbot: QtBot) -> CropEditor:
    widget = CropEditor([get_preset(preset_id) for preset_id in PRESETS])
    qtbot.addWidget(widget)
    widget.resize(1000, 760)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_photo(photo(), (6000, 4000), (0.5, 0.5))
    return widget


def viewport_point(editor: CropEditor, scene: QPointF) -> QPoint:
    return editor.view.mapFromScene(scene)


def ratio_of(crop: Crop, size: tuple[int, int]) -> float:
    width, height = geometry.crop_pixels(crop, size)
    return width / height


def test_drag_moves_the_frame(qtbot: QtBot, editor: CropEditor) -> None:
    editor.select_preset("instagram.feed-square")
    before = editor.crops["instagram.feed-square"]
    rect = editor.view.frame_rect()
    start = viewport_point(editor, rect.center() + QPointF(0, rect.height() * 0.3))  # not on the focal point
    end = start + QPoint(-60, 0)
    viewport = editor.view.viewport()
    with qtbot.wait_signal(editor.crops_edited):
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        QTest.mouseMove(viewport, start + QPoint(-30, 0))
        QTest.mouseMove(viewport, end)
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    after = editor.crops["instagram.feed-square"]
    assert after.x < before.x
    assert (after.w, after.h, after.y) == pytest.approx((before.w, before.h, before.y))
    assert "instagram.feed-square" in editor.manual


def test_drag_stops_at_the_edge(qtbot: QtBot, editor: CropEditor) -> None:
    editor.select_preset("instagram.feed-square")
    rect = editor.view.frame_rect()
    start = viewport_point(editor, rect.center() + QPointF(0, rect.height() * 0.3))
    viewport = editor.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, start + QPoint(-2000, -500))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(-2000, -500))
    crop = editor.crops["instagram.feed-square"]
    assert crop.x == pytest.approx(0.0) and crop.y == pytest.approx(0.0)


def test_corner_drag_resizes_with_the_ratio_locked(qtbot: QtBot, editor: CropEditor) -> None:
    editor.select_preset("instagram.story")
    rect = editor.view.frame_rect()
    corner = viewport_point(editor, rect.bottomRight())
    viewport = editor.view.viewport()
    target = corner + QPoint(-40, -150)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner)
    QTest.mouseMove(viewport, target)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    crop = editor.crops["instagram.story"]
    assert ratio_of(crop, (6000, 4000)) == pytest.approx(1080 / 1920, rel=1e-6)
    assert crop.h < 1.0
    assert crop.x == pytest.approx(rect.x() / editor.view.canvas()[0], abs=1e-6)  # the top left stayed


def test_keyboard_nudges_one_step_and_ten_with_shift(qtbot: QtBot, editor: CropEditor) -> None:
    editor.select_preset("instagram.feed-square")
    view = editor.view
    view.setFocus()
    start = view.frame_rect().x()
    step = 1.0 / view.scale_factor()
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert view.frame_rect().x() == pytest.approx(start + step)
    QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.frame_rect().x() == pytest.approx(start + 11 * step)
    QTest.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(view, Qt.Key.Key_Left)
    assert view.frame_rect().x() == pytest.approx(start)
    square = editor.crops["instagram.feed-square"]
    y = view.frame_rect().y()
    QTest.keyClick(view, Qt.Key.Key_Down)  # the square fills the height: it cannot go down
    assert view.frame_rect().y() == pytest.approx(y)
    assert ratio_of(square, (6000, 4000)) == pytest.approx(1.0)


def test_focal_point_moves_every_preset(qtbot: QtBot, editor: CropEditor) -> None:
    before = dict(editor.crops)
    with qtbot.wait_signal(editor.focal_edited):
        editor.set_focal(0.15, 0.5)
    for preset_id in PRESETS:
        crop = editor.crops[preset_id]
        expected = geometry.default_crop((6000, 4000), get_preset(preset_id).ratio, (0.15, 0.5))
        assert crop == expected
    moved = [preset_id for preset_id in PRESETS if editor.crops[preset_id] != before[preset_id]]
    assert set(moved) >= {"instagram.feed-square", "instagram.story", "pinterest.pin"}
    assert editor.crops["instagram.story"].x == pytest.approx(0.0)  # as far left as it goes


def test_dragging_the_focal_marker_moves_the_frames(qtbot: QtBot, editor: CropEditor) -> None:
    view = editor.view
    marker = viewport_point(editor, view.focal_point())
    target = viewport_point(editor, QPointF(view.canvas()[0] * 0.7, view.canvas()[1] * 0.5))
    with qtbot.wait_signal(editor.focal_edited) as caught:
        QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, marker)
        QTest.mouseMove(view.viewport(), target)
        QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    assert caught.args[0] == pytest.approx(0.7, abs=0.01)
    story = editor.crops["instagram.story"]
    assert geometry.crop_center(story)[0] == pytest.approx(caught.args[0])
    banner = editor.crops["pinterest.pin"]
    assert geometry.crop_center(banner)[0] == pytest.approx(caught.args[0])


def test_a_hand_placed_frame_stays_when_the_focal_point_moves(qtbot: QtBot, editor: CropEditor) -> None:
    editor.select_preset("x.post")
    editor.view.setFocus()
    QTest.keyClick(editor.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    placed = editor.crops["x.post"]
    editor.set_focal(0.9, 0.9)
    assert editor.crops["x.post"] == placed
    editor.reset_current()
    assert editor.crops["x.post"] == geometry.default_crop((6000, 4000), 16 / 9, (0.9, 0.9))


def test_rotate_and_flip_keys_turn_every_preset(qtbot: QtBot, editor: CropEditor) -> None:
    editor.view.setFocus()
    QTest.keyClick(editor.view, Qt.Key.Key_R)
    assert all(crop.rotation == 90.0 for crop in editor.crops.values())
    assert editor.view.canvas() == (800, 1200)
    story = editor.crops["instagram.story"]
    assert geometry.crop_pixels(story, (6000, 4000))[1] == pytest.approx(6000)  # full height now
    QTest.keyClick(editor.view, Qt.Key.Key_H)
    assert all(crop.flip_h for crop in editor.crops.values())


def test_straighten_keeps_every_frame_on_the_photo(qtbot: QtBot, editor: CropEditor) -> None:
    editor.straighten.setValue(55)  # 5.5 degrees
    for crop in editor.crops.values():
        assert crop.rotation == pytest.approx(5.5)
        assert geometry.is_inside(crop, (6000, 4000))


def test_upscaling_warning(qtbot: QtBot, editor: CropEditor) -> None:
    editor.set_photo(photo((300, 200)), (300, 200), (0.5, 0.5))
    editor.select_preset("youtube.banner")
    assert editor.warning.isVisibleTo(editor)
    assert "enlarged" in editor.warning.text()
    qtbot.waitUntil(lambda: editor.strip.thumbs["youtube.banner"].upscaled)


def test_zoom_keys(qtbot: QtBot, editor: CropEditor) -> None:
    view = editor.view
    view.setFocus()
    scale = view.scale_factor()
    QTest.keyClick(view, Qt.Key.Key_Plus)
    assert view.scale_factor() == pytest.approx(scale * 1.25)
    QTest.keyClick(view, Qt.Key.Key_Minus)
    assert view.scale_factor() == pytest.approx(scale)
