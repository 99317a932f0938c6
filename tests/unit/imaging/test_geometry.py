"""Crop geometry: default crops from a focal point, clamping, rotation, flips and rendering."""

from __future__ import annotations

import pytest
from PIL import Image, ImageChops

from studio.imaging import geometry
from studio.imaging.geometry import Crop


def marked(size: tuple[int, int]) -> Image.Image:
    """Red top-left quarter, blue elsewhere: a pixel tells which way the image is turned."""
    image = Image.new("RGB", size, (20, 40, 200))
    image.paste((220, 20, 20), (0, 0, size[0] // 2, size[1] // 2))
    return image


def pixels(crop: Crop, size: tuple[int, int]) -> tuple[float, float]:
    return geometry.crop_pixels(crop, size)


@pytest.mark.parametrize("ratio", [1.0, 0.8, 1.91, 16 / 9, 9 / 16, 4.0])
def test_default_crop_is_the_largest_frame_of_the_ratio(ratio: float) -> None:
    size = (6000, 4000)
    crop = geometry.default_crop(size, ratio)
    width, height = pixels(crop, size)
    assert width / height == pytest.approx(ratio)
    assert width == pytest.approx(6000) or height == pytest.approx(4000)
    assert geometry.is_inside(crop, size)


def test_focal_point_centres_the_frame_as_far_as_edges_allow() -> None:
    size = (6000, 4000)
    square = geometry.default_crop(size, 1.0, focal=(0.4, 0.5))
    assert geometry.crop_center(square)[0] == pytest.approx(0.4)
    edge = geometry.default_crop(size, 1.0, focal=(0.02, 0.5))
    assert edge.x == 0.0
    far = geometry.default_crop(size, 1.0, focal=(0.99, 0.1))
    assert far.x + far.w == pytest.approx(1.0)


def test_clamp_keeps_the_frame_on_the_photo() -> None:
    size = (1000, 500)
    crop = geometry.clamp(Crop(0.8, -0.2, 0.4, 0.5), size)
    assert (crop.x, crop.y, crop.w, crop.h) == pytest.approx((0.6, 0.0, 0.4, 0.5))


def test_quarter_turn_swaps_the_canvas_and_maps_the_focal_point() -> None:
    size = (4000, 3000)
    assert geometry.canvas_size(size, 90) == (3000, 4000)
    crop = geometry.default_crop(size, 1.0, focal=(0.25, 0.5), rotation=90)
    # Turned clockwise, the left of the photo becomes its top.
    assert geometry.crop_center(crop)[1] == pytest.approx(0.25, abs=0.2)
    assert pixels(crop, size) == pytest.approx((3000, 3000))


def test_points_round_trip_through_every_transform() -> None:
    size = (640, 480)
    for rotation in (0, 90, 180, 270, 7.5, -12):
        for flip_h in (False, True):
            point = (100.0, 50.0)
            canvas = geometry.source_to_canvas(point, size, rotation, flip_h, True)
            assert geometry.canvas_to_source(canvas, size, rotation, flip_h, True) == pytest.approx(point)


@pytest.mark.parametrize("turns", [0, 1, 2, 3])
@pytest.mark.parametrize("flip_h", [False, True])
def test_render_of_quarter_turns_matches_pillow(turns: int, flip_h: bool) -> None:
    image = marked((80, 60))
    whole = Crop(0.0, 0.0, 1.0, 1.0, rotation=90.0 * turns, flip_h=flip_h)
    expected = image.transpose(Image.Transpose.FLIP_LEFT_RIGHT) if flip_h else image
    expected = expected.rotate(-90 * turns, expand=True)
    out = geometry.render(image, whole, expected.size, Image.Resampling.NEAREST)
    assert ImageChops.difference(out, expected).getbbox() is None


def test_render_gives_exact_sizes_and_the_right_region() -> None:
    image = marked((400, 300))
    top_left = Crop(0.0, 0.0, 0.5, 0.5)
    out = geometry.render(image, top_left, (123, 77))
    assert out.size == (123, 77)
    assert out.getpixel((60, 38))[0] > 200  # all red


def test_straightened_crop_stays_on_the_photo_and_renders() -> None:
    size = (1200, 800)
    crop = geometry.default_crop(size, 1.5, rotation=8.0)
    assert geometry.is_inside(crop, size)
    assert not geometry.is_inside(Crop(0, 0, 1, 1, rotation=8.0), size)
    image = Image.new("RGB", size, (0, 128, 255))
    out = geometry.render(image, crop, (300, 200))
    assert out.size == (300, 200)
    # No empty (white fill) corner: the frame lies wholly on the photo.
    for corner in ((0, 0), (299, 0), (0, 199), (299, 199)):
        assert out.getpixel(corner)[0] < 40


def test_clamp_of_a_straightened_frame_slides_then_shrinks() -> None:
    size = (1200, 800)
    moved = geometry.clamp(Crop(0.0, 0.0, 0.3, 0.3, rotation=10.0), size)
    assert geometry.is_inside(moved, size)
    assert moved.w == pytest.approx(0.3)
    shrunk = geometry.clamp(Crop(0.0, 0.0, 1.0, 1.0, rotation=10.0), size)
    assert geometry.is_inside(shrunk, size) and shrunk.w < 1.0


def test_with_ratio_and_upscale_factor() -> None:
    size = (1000, 1000)
    reshaped = geometry.with_ratio(Crop(0.25, 0.25, 0.5, 0.5), size, 2.0)
    width, height = pixels(reshaped, size)
    assert width / height == pytest.approx(2.0)
    assert geometry.upscale_factor(Crop(0, 0, 0.1, 0.1), size, (1080, 1080)) == pytest.approx(10.8)


def test_crop_json_round_trip() -> None:
    crop = Crop(0.1, 0.2, 0.3, 0.4, 90.0, True, False)
    assert geometry.crop_from_json(geometry.crop_to_json(crop)) == crop
