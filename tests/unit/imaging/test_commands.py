"""``studio presets`` and ``studio export-image`` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studio.cli import main
from studio.library import Library


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_presets_json_lists_every_preset(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _err = run(capsys, "presets", "--json", "--library", str(tmp_path / "none"))
    assert code == 0
    listed = json.loads(out)
    portrait = next(item for item in listed if item["id"] == "instagram.feed-portrait")
    assert portrait["network"] == "instagram"
    assert (portrait["width"], portrait["height"]) == (1080, 1350)
    assert portrait["max_bytes"] > 0 and portrait["formats"] == ["jpeg"]
    assert not (tmp_path / "none").exists(), "listing never creates a library"


def test_presets_include_the_librarys_custom_ones(capsys: pytest.CaptureFixture[str], library_dir: Path) -> None:
    with Library.open(library_dir) as library:
        library.save_custom_preset({"id": "shop.banner", "width": 1200, "height": 400, "max_bytes": 500_000,
                                    "formats": ["jpeg"], "label": "Shop banner"})
    code, out, _err = run(capsys, "presets", "--library", str(library_dir))
    assert code == 0 and "shop.banner" in out and "Shop banner (custom)" in out
    code, out, _err = run(capsys, "presets", "--json", "--library", str(library_dir))
    assert any(item["id"] == "shop.banner" and item["custom"] for item in json.loads(out))
    with Library.open(library_dir) as library:
        library.save_custom_preset({"id": "broken.one", "width": -5})
    code, out, err = run(capsys, "presets", "--library", str(library_dir))
    assert code == 0 and "shop.banner" in out and "broken.one" not in out
    assert "skipping a custom preset" in err


def test_export_image_prints_the_renditions(capsys: pytest.CaptureFixture[str], corpus: dict[str, Path],
                                            tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    code, out, err = run(capsys, "export-image", str(corpus["gps.jpg"]), "--preset",
                         "instagram.story,x.post", "--out", str(out_dir), "--focal", "0.5,0.4", "--json")
    assert code == 0, err
    items = json.loads(out)
    assert [item["preset"] for item in items] == ["instagram.story", "x.post"]
    first = items[0]
    assert set(first) == {"preset", "path", "width", "height", "bytes", "format"}
    assert Path(first["path"]).name == "gps-instagram-story-1080x1920.jpg"
    assert Path(first["path"]).stat().st_size == first["bytes"]


def test_export_image_all_with_auto_focus(capsys: pytest.CaptureFixture[str], corpus: dict[str, Path],
                                          tmp_path: Path) -> None:
    code, out, err = run(capsys, "export-image", str(corpus["orientation-3"]), "--preset", "all",
                         "--out", str(tmp_path), "--focal", "auto", "--format", "png")
    assert code == 0, err
    assert len(out.splitlines()) == len(list(tmp_path.iterdir()))
    assert "does not accept PNG" in err  # Instagram takes JPEG only: said once per such preset


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--preset", "x.pots"], "Did you mean x.post"),
        (["--preset", "all", "--focal", "1,2"], "outside the image"),
        (["--preset", "all", "--focal", "middle"], "is not a point"),
        (["--preset", "all", "--background", "blue"], "is not a colour"),
    ],
)
def test_bad_arguments_exit_non_zero_with_one_line(capsys: pytest.CaptureFixture[str], corpus: dict[str, Path],
                                                   tmp_path: Path, args: list[str], words: str) -> None:
    code, _out, err = run(capsys, "export-image", str(corpus["gps.jpg"]), "--out", str(tmp_path), *args)
    assert code == 2
    assert words in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


@pytest.mark.parametrize("name", ["text.jpg", "truncated.jpg", "empty.jpg", "bomb.png"])
def test_bad_images_exit_non_zero_with_one_line(capsys: pytest.CaptureFixture[str], corpus: dict[str, Path],
                                                tmp_path: Path, name: str) -> None:
    code, out, err = run(capsys, "export-image", str(corpus[name]), "--preset", "all", "--out", str(tmp_path))
    assert code == 2 and out == ""
    assert err.startswith("studio: ") and len(err.strip().splitlines()) == 1


def test_a_png_named_jpg_is_exported_with_a_notice(capsys: pytest.CaptureFixture[str], corpus: dict[str, Path],
                                                   tmp_path: Path) -> None:
    code, out, err = run(capsys, "export-image", str(corpus["png-named.jpg"]), "--preset", "x.post",
                         "--out", str(tmp_path))
    assert code == 0, err
    assert "png-named-x-post-" in out
    assert "studio: png-named.jpg is really a PNG image, not a JPEG" in err and "Traceback" not in err


def test_export_image_to_a_custom_preset_of_the_library(capsys: pytest.CaptureFixture[str],
                                                        corpus: dict[str, Path], library_dir: Path,
                                                        tmp_path: Path) -> None:
    with Library.open(library_dir) as library:
        library.save_custom_preset({"id": "shop.banner", "width": 1200, "height": 400, "max_bytes": 200_000,
                                    "formats": ["jpeg"], "label": "Shop banner"})
    code, out, err = run(capsys, "export-image", str(corpus["gps.jpg"]), "--preset", "shop.banner",
                         "--library", str(library_dir), "--out", str(tmp_path), "--json", "--stem", "spring")
    assert code == 0, err
    (item,) = json.loads(out)
    assert Path(item["path"]).name == "spring-shop-banner-1200x400.jpg"
    assert (item["width"], item["height"]) == (1200, 400) and item["bytes"] <= 200_000


def test_background_colour_behind_transparency(capsys: pytest.CaptureFixture[str], corpus: dict[str, Path],
                                               tmp_path: Path) -> None:
    from PIL import Image

    code, out, err = run(capsys, "export-image", str(corpus["alpha.png"]), "--preset", "instagram.feed-square",
                         "--out", str(tmp_path), "--background", "#000", "--json")
    assert code == 0, err
    with Image.open(json.loads(out)[0]["path"]) as image:
        assert max(image.getpixel((3, 3))) < 10  # black where the PNG was transparent
