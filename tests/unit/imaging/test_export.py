"""The export pipeline: exact sizes, byte budgets, formats, metadata stripping, atomic names, cancel."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PIL import Image

from studio.imaging import export as pipeline
from studio.imaging.errors import ExportCancelled, ImageError, PresetError
from studio.imaging.geometry import Crop
from studio.imaging.loading import load
from studio.imaging.presets import all_presets, get_preset, preset_from_dict

GPS_IFD = 0x8825


def custom(preset_id: str, width: int, height: int, max_bytes: int, formats: list[str]) -> object:
    return preset_from_dict({"id": preset_id, "width": width, "height": height, "max_bytes": max_bytes,
                             "formats": formats}, custom=True)


def test_every_preset_from_one_photo_has_its_exact_size_and_budget(corpus: dict[str, Path],
                                                                    tmp_path: Path) -> None:
    presets = all_presets()
    done = pipeline.export(corpus["big.jpg"], presets, tmp_path, stem="launch")
    assert [item.preset for item in done] == [preset.id for preset in presets]
    for preset, item in zip(presets, done, strict=True):
        assert item.path.name == f"launch-{preset.network}-{preset.placement}-{preset.width}x{preset.height}.jpg"
        with Image.open(item.path) as image:
            assert image.size == (preset.width, preset.height)
            assert image.format == "JPEG"
            assert image.info.get("progressive") or image.info.get("progression")
        assert item.bytes == item.path.stat().st_size <= preset.max_bytes
        assert item.format in preset.formats
        assert not item.upscaled
    assert not list(tmp_path.glob(".*.part")), "no temporary file is left behind"


def test_byte_budget_lowers_the_quality_until_it_fits(corpus: dict[str, Path], tmp_path: Path) -> None:
    tight = custom("test.tight", 1500, 1000, 150_000, ["jpeg"])
    (item,) = pipeline.export(corpus["big.jpg"], [tight], tmp_path)
    assert item.bytes <= 150_000
    assert item.quality is not None and item.quality < pipeline.START_QUALITY
    webp = custom("test.webp", 1500, 1000, 250_000, ["webp"])
    (item,) = pipeline.export(corpus["big.jpg"], [webp], tmp_path)
    assert item.format == "webp" and item.bytes <= 250_000
    with Image.open(item.path) as image:
        assert image.format == "WEBP" and image.size == (1500, 1000)


def test_impossible_budget_is_a_clear_error(corpus: dict[str, Path], tmp_path: Path) -> None:
    impossible = custom("test.tiny", 3000, 2000, 2048, ["jpeg"])
    with pytest.raises(ImageError, match="no accepted format fits"):
        pipeline.export(corpus["big.jpg"], [impossible], tmp_path)


def test_gps_and_exif_are_removed_and_srgb_kept(corpus: dict[str, Path], tmp_path: Path) -> None:
    with Image.open(corpus["gps.jpg"]) as original:
        assert original.getexif().get_ifd(GPS_IFD), "the corpus photo has GPS to remove"
    (item,) = pipeline.export(corpus["gps.jpg"], [get_preset("instagram.feed-square")], tmp_path)
    with Image.open(item.path) as image:
        exif = image.getexif()
        assert not exif.get_ifd(GPS_IFD)
        assert len(exif) == 0
        assert "exif" not in image.info
        assert image.info.get("icc_profile")
    assert b"PhoneMaker" not in item.path.read_bytes()


@pytest.mark.parametrize("fmt", ["jpeg", "png", "webp"])
def test_gps_in_xmp_is_removed_in_every_format(corpus: dict[str, Path], tmp_path: Path, fmt: str) -> None:
    assert b"GPSLatitude" in corpus["xmp-gps.jpg"].read_bytes()
    (item,) = pipeline.export(corpus["xmp-gps.jpg"], [get_preset("x.post")], tmp_path, fmt=fmt)
    assert item.format == fmt
    data = item.path.read_bytes()
    assert b"GPSLatitude" not in data and b"xmpmeta" not in data
    assert load(item.path).image.info == {}


def test_keep_copyright_keeps_only_the_copyright_fields(corpus: dict[str, Path], tmp_path: Path) -> None:
    (item,) = pipeline.export(corpus["gps.jpg"], [get_preset("x.post")], tmp_path, keep_copyright=True)
    with Image.open(item.path) as image:
        exif = image.getexif()
        assert exif.get(0x8298) == "(c) 2026 Ada"
        assert exif.get(0x013B) == "Ada Photographer"
        assert not exif.get_ifd(GPS_IFD)
        assert 0x010F not in exif  # the camera maker is not kept


def test_alpha_goes_to_png_or_is_composited_on_white_for_jpeg(corpus: dict[str, Path], tmp_path: Path) -> None:
    png_ok = get_preset("x.post")
    jpeg_only = get_preset("instagram.feed-square")
    with_png, with_jpeg = pipeline.export(corpus["alpha.png"], [png_ok, jpeg_only], tmp_path)
    assert with_png.format == "png"
    with Image.open(with_png.path) as image:
        assert image.mode == "RGBA" and image.getpixel((0, 0))[3] == 0
    assert with_jpeg.format == "jpeg"
    with Image.open(with_jpeg.path) as image:
        assert min(image.getpixel((2, 2))) > 245  # white where it was transparent


def test_format_choice_is_used_where_accepted(corpus: dict[str, Path], tmp_path: Path) -> None:
    x_post, story = get_preset("x.post"), get_preset("instagram.story")
    webp, jpeg = pipeline.export(corpus["gps.jpg"], [x_post, story], tmp_path, fmt="webp")
    assert webp.format == "webp" and webp.path.suffix == ".webp"
    assert jpeg.format == "jpeg" and any("does not accept WEBP" in n for n in jpeg.notices)
    with pytest.raises(ImageError, match="Unknown format"):
        pipeline.export(corpus["gps.jpg"], [x_post], tmp_path, fmt="bmp")


def test_one_pixel_and_panorama_are_upscaled_to_exact_sizes(corpus: dict[str, Path], tmp_path: Path) -> None:
    presets = [get_preset("instagram.story"), get_preset("linkedin.banner"), get_preset("youtube.banner")]
    for name in ("one-pixel.png", "panorama.jpg"):
        done = pipeline.export(corpus[name], presets, tmp_path / name)
        for preset, item in zip(presets, done, strict=True):
            with Image.open(item.path) as image:
                assert image.size == (preset.width, preset.height)
            assert item.upscaled
            assert any("enlarged" in notice for notice in item.notices)


def test_focal_point_and_user_crops_choose_the_region(corpus: dict[str, Path], tmp_path: Path) -> None:
    square = get_preset("instagram.feed-square")
    (left,) = pipeline.export(corpus["orientation-6"], [square], tmp_path / "a", focal=(0.0, 0.5))
    with Image.open(left.path) as image:
        assert image.getpixel((100, 100))[0] > 180  # red corner at the top left, as shown
    crop = Crop(0.5, 0.5, 0.375, 0.5)  # 150 x 150 px of the blue bottom right
    (user,) = pipeline.export(corpus["orientation-6"], [square], tmp_path / "b", crops={square.id: crop})
    with Image.open(user.path) as image:
        assert image.getpixel((540, 540))[2] > 150 and image.getpixel((540, 540))[0] < 60
        assert image.size == (1080, 1080)


def test_decode_is_reduced_to_what_the_largest_output_needs(corpus: dict[str, Path]) -> None:
    presets = [get_preset("instagram.feed-square"), get_preset("x.post")]
    crops = {p.id: pipeline.crop_for(p, (6000, 4000), None, None) for p in presets}
    side = pipeline.decode_side(presets, (6000, 4000), crops)
    # The square crop is 4000 px wide and becomes 1080: the photo is needed at 27 %, 1620 px of 6000.
    assert side == 1621
    loaded = load(corpus["big.jpg"], max_side=side)
    assert max(loaded.image.size) < 6000


def test_bad_arguments(corpus: dict[str, Path], tmp_path: Path) -> None:
    with pytest.raises(PresetError):
        pipeline.export(corpus["gps.jpg"], [], tmp_path)
    with pytest.raises(ImageError, match="outside the photo"):
        pipeline.export(corpus["gps.jpg"], [get_preset("x.post")], tmp_path, focal=(1.5, 0.5))
    afile = tmp_path / "file"
    afile.write_text("x")
    with pytest.raises(ImageError, match="is a file"):
        pipeline.export(corpus["gps.jpg"], [get_preset("x.post")], afile)
    with pytest.raises(ImageError, match="truncated"):
        pipeline.export(corpus["truncated.jpg"], [get_preset("x.post")], tmp_path / "out")
    assert not list((tmp_path / "out").iterdir())


def test_progress_is_reported_and_cancel_stops(corpus: dict[str, Path], tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    presets = all_presets()[:4]
    pipeline.export(corpus["gps.jpg"], presets, tmp_path / "a",
                    progress=lambda done, total, _label: seen.append((done, total)))
    assert seen[0] == (0, 4) and seen[-1] == (4, 4)
    stop = threading.Event()

    def cancel_after_first(done: int, _total: int, _label: str) -> None:
        if done >= 1:
            stop.set()

    with pytest.raises(ExportCancelled) as caught:
        pipeline.export(corpus["gps.jpg"], all_presets(), tmp_path / "b", progress=cancel_after_first,
                        cancel=stop, workers=1)
    written = list((tmp_path / "b").glob("*.jpg"))
    assert 1 <= len(caught.value.done) == len(written) < len(all_presets())
    stop.set()
    with pytest.raises(ExportCancelled):
        pipeline.export(corpus["gps.jpg"], presets, tmp_path / "c", cancel=stop)
    assert not list((tmp_path / "c").glob("*.jpg"))


def test_existing_file_is_replaced_whole(corpus: dict[str, Path], tmp_path: Path) -> None:
    preset = get_preset("x.post")
    target = tmp_path / pipeline.file_name("photo", preset, "jpeg")
    target.write_bytes(b"old")
    (item,) = pipeline.export(corpus["gps.jpg"], [preset], tmp_path, stem="photo")
    assert item.path == target and target.stat().st_size == item.bytes > 3


def test_stem_is_made_safe() -> None:
    assert pipeline.safe_stem("../../etc/passwd") == "etc-passwd"
    assert pipeline.safe_stem("Été 2026: launch!") == "Été-2026-launch"
    assert pipeline.safe_stem("///") == "image"
