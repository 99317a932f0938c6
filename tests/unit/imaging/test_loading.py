"""Safe loading over the generated corpus: every mode, orientation, refusal and reduced decode."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from studio.errors import StudioError
from studio.imaging.errors import ImageError
from studio.imaging.loading import flatten, load, probe


def close(colour: tuple[int, ...], expected: tuple[int, ...], slack: int = 30) -> bool:
    return all(abs(a - b) <= slack for a, b in zip(colour, expected, strict=False))


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_is_applied(corpus: dict[str, Path], orientation: int) -> None:
    loaded = load(corpus[f"orientation-{orientation}"])
    assert loaded.image.size == (400, 300) == loaded.full_size
    assert close(loaded.image.getpixel((50, 50)), (220, 20, 20)), "top left must be red"
    assert close(loaded.image.getpixel((350, 250)), (20, 40, 200))
    info = probe(corpus[f"orientation-{orientation}"])
    assert (info.width, info.height, info.orientation) == (400, 300, orientation)


def test_orientation_with_reduced_decode(corpus: dict[str, Path]) -> None:
    loaded = load(corpus["orientation-6"], max_side=100)
    assert loaded.full_size == (400, 300)
    assert loaded.image.width >= 100 and loaded.image.width < 400
    assert loaded.image.width / loaded.image.height == pytest.approx(4 / 3, rel=0.02)
    assert close(loaded.image.getpixel((5, 5)), (220, 20, 20))


def test_huge_jpeg_is_decoded_small_when_asked(corpus: dict[str, Path]) -> None:
    loaded = load(corpus["big.jpg"], max_side=1000)
    assert loaded.full_size == (6000, 4000)
    assert 1000 <= max(loaded.image.size) < 2000
    assert loaded.scale == pytest.approx(loaded.image.width / 6000)


def test_reduce_for_formats_without_dct_scaling(corpus: dict[str, Path]) -> None:
    loaded = load(corpus["panorama.jpg"].read_bytes(), max_side=5000)
    assert 5000 <= loaded.image.width < 10000
    png = load(corpus["alpha.png"], max_side=100)
    assert 100 <= png.image.width < 200 and png.image.mode == "RGBA"


def test_cmyk_becomes_rgb(corpus: dict[str, Path]) -> None:
    loaded = load(corpus["cmyk.jpg"])
    assert loaded.image.mode == "RGB"
    assert close(loaded.image.getpixel((50, 50)), (220, 20, 20), slack=60)


def test_sixteen_bit_grey_is_scaled_not_clipped(corpus: dict[str, Path]) -> None:
    loaded = load(corpus["grey16.png"])
    assert loaded.image.mode == "RGB"
    assert loaded.image.getpixel((5, 5)) == (255, 255, 255)
    assert loaded.image.getpixel((40, 5)) == (128, 128, 128)  # clipping would give 255
    assert load(corpus["rgb16.png"]).image.getpixel((0, 0)) == (128, 255, 1)  # 48-bit colour, scaled
    tiff = load(corpus["tiff16"])
    assert tiff.image.getpixel((0, 0)) == (156, 156, 156)  # 40000 / 256


def test_palette_bilevel_and_alpha_modes(corpus: dict[str, Path]) -> None:
    assert load(corpus["palette.png"]).image.mode == "RGB"
    assert load(corpus["bilevel.png"]).image.mode == "RGB"
    gif = load(corpus["palette-transparent.gif"])
    assert gif.image.mode == "RGBA" and gif.has_alpha
    assert gif.image.getpixel((5, 5))[3] == 0 and gif.image.getpixel((30, 5))[3] == 255
    grey_alpha = load(corpus["grey-alpha.png"])
    assert grey_alpha.image.mode == "RGBA"
    assert grey_alpha.image.getpixel((40, 10)) == (100, 100, 100, 255)
    rgba = load(corpus["alpha.png"])
    assert rgba.has_alpha


def test_alpha_is_composited_onto_the_chosen_background(corpus: dict[str, Path]) -> None:
    rgba = load(corpus["alpha.png"]).image
    assert flatten(rgba).getpixel((2, 2)) == (255, 255, 255)
    assert flatten(rgba, (0, 0, 0)).getpixel((2, 2)) == (0, 0, 0)
    assert flatten(rgba).getpixel((150, 100)) == (10, 160, 60)


def test_animation_gives_the_first_frame_with_a_notice(corpus: dict[str, Path]) -> None:
    loaded = load(corpus["animated.gif"])
    assert close(loaded.image.getpixel((10, 10)), (255, 0, 0), slack=5)
    assert any("animated" in notice and "first frame" in notice for notice in loaded.notices)


def test_a_camera_mpo_is_a_photo_not_an_animation(tmp_path: Path) -> None:
    path = tmp_path / "camera.jpg"
    Image.new("RGB", (64, 48), (250, 0, 0)).save(path, "MPO", save_all=True,
                                                 append_images=[Image.new("RGB", (64, 48), (0, 0, 250))])
    loaded = load(path)
    assert loaded.format == "MPO" and loaded.notices == ()
    assert close(loaded.image.getpixel((5, 5)), (250, 0, 0), slack=5)


@pytest.mark.parametrize("name", ["webp", "avif", "heic"])
def test_modern_formats_where_supported(corpus: dict[str, Path], name: str) -> None:
    if name not in corpus:
        pytest.skip(f"this Pillow cannot write {name}")
    loaded = load(corpus[name])
    assert loaded.image.size == (400, 300)
    assert close(loaded.image.getpixel((50, 50)), (220, 20, 20), slack=40)


def test_a_non_srgb_profile_is_converted_to_srgb(corpus: dict[str, Path]) -> None:
    loaded = load(corpus["swapped-profile.png"])
    red, green, blue = loaded.image.getpixel((10, 10))
    assert green > 200 and red < 60 and blue < 60, "the profile's red is sRGB's green"
    assert loaded.notices == ()


def test_colour_profiles(corpus: dict[str, Path]) -> None:
    assert load(corpus["srgb-profile.jpg"]).notices == ()
    damaged = load(corpus["bad-profile.jpg"])
    assert damaged.image.mode == "RGB"
    assert any("colour profile" in notice for notice in damaged.notices)


def test_copyright_fields_are_read(corpus: dict[str, Path]) -> None:
    loaded = load(corpus["gps.jpg"])
    assert loaded.copyright == {0x013B: "Ada Photographer", 0x8298: "(c) 2026 Ada"}


def test_tiny_and_panorama(corpus: dict[str, Path]) -> None:
    assert load(corpus["one-pixel.png"]).image.size == (1, 1)
    assert load(corpus["panorama.jpg"]).image.size == (20000, 200)


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("bomb.png", "megapixels"),
        ("truncated.jpg", "truncated"),
        ("truncated.png", "truncated or damaged"),
        ("empty.jpg", "empty"),
        ("text.jpg", "not an image"),
    ],
)
def test_bad_files_are_refused_in_one_line(corpus: dict[str, Path], name: str, words: str) -> None:
    with pytest.raises(ImageError) as caught:
        load(corpus[name])
    message = caught.value.for_humans()
    assert words in message
    assert "\n" not in message
    assert isinstance(caught.value, StudioError)


def test_missing_file_and_empty_bytes(tmp_path: Path) -> None:
    with pytest.raises(ImageError, match="does not exist"):
        load(tmp_path / "gone.jpg")
    with pytest.raises(ImageError, match="empty"):
        load(b"")
    with pytest.raises(ImageError, match="folder"):
        load(tmp_path)


def test_a_file_is_opened_by_what_it_holds_not_by_its_name(corpus: dict[str, Path]) -> None:
    loaded = load(corpus["png-named.jpg"])
    assert loaded.format == "PNG" and loaded.image.size
    assert loaded.notices == ("png-named.jpg is really a PNG image, not a JPEG: Studio opened it as PNG "
                              "(its right name would be png-named.png).",)
    assert probe(corpus["png-named.jpg"]).notices == loaded.notices


def test_bytes_are_not_checked_against_a_name(corpus: dict[str, Path]) -> None:
    loaded = load(corpus["png-named.jpg"].read_bytes())
    assert loaded.format == "PNG"


def test_loaded_image_is_detached_from_the_file(corpus: dict[str, Path]) -> None:
    loaded = load(corpus["one-pixel.png"])
    assert isinstance(loaded.image, Image.Image)
    assert loaded.image.getpixel((0, 0)) == (250, 200, 10)
