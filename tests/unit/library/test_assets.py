"""The content-addressed asset store, focal points, crops and custom presets."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from studio.library import Library, LibraryError
from studio.model import Crop

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 60


def test_assets_are_stored_once_by_content(library: Library, tmp_path: Path) -> None:
    source = tmp_path / "photo.JPG"
    source.write_bytes(JPEG)
    asset = library.add_asset(source)
    again = library.add_asset(JPEG, "other-name.png")
    sha = hashlib.sha256(JPEG).hexdigest()
    assert asset.sha == again.sha == sha and asset.ext == "jpg" and asset.original_name == "photo.JPG"
    assert library.asset_path(sha) == library.folder / "assets" / sha[:2] / f"{sha}.jpg"
    assert library.asset_path(sha).read_bytes() == JPEG
    assert len(list((library.folder / "assets").rglob("*.jpg"))) == 1


def test_attach_alt_text_focal_and_crops(library: Library) -> None:
    draft = library.create_draft(library.add_client("Acme").id, "x")
    first, second = library.add_asset(JPEG), library.add_asset(JPEG + b"2")
    library.attach_asset(draft.id, first.sha, "first")
    library.attach_asset(draft.id, second.sha)
    library.set_alt_text(draft.id, second.sha, "second")
    assert [(a.sha, a.position, a.alt_text) for a in library.get_draft(draft.id).assets] == [
        (first.sha, 0, "first"), (second.sha, 1, "second")]
    library.set_focal_point(first.sha, 0.2, 0.8)
    assert (library.get_asset(first.sha).focal_x, library.get_asset(first.sha).focal_y) == (0.2, 0.8)
    crop = Crop(0.1, 0.2, 0.5, 0.5, rotation=-3.5, flip_v=True)
    library.set_crop(first.sha, "bluesky-landscape", crop)
    assert library.get_crops(first.sha) == {"bluesky-landscape": crop}
    library.set_crop(first.sha, "bluesky-landscape", None)
    assert library.get_crops(first.sha) == {}
    with pytest.raises(LibraryError, match="inside the image"):
        library.set_crop(first.sha, "p", Crop(0.6, 0.0, 0.6, 0.5))
    with pytest.raises(LibraryError, match="between 0 and 1"):
        library.set_focal_point(first.sha, 1.5, 0.5)
    library.detach_asset(draft.id, first.sha)
    assert [a.sha for a in library.get_draft(draft.id).assets] == [second.sha]


def test_custom_presets(library: Library) -> None:
    library.save_custom_preset({"id": "banner", "width": 1500, "height": 500})
    library.save_custom_preset({"id": "banner", "width": 1600, "height": 500})
    assert library.list_custom_presets() == [{"id": "banner", "width": 1600, "height": 500}]
    library.delete_custom_preset("banner")
    assert library.list_custom_presets() == []
    with pytest.raises(LibraryError, match="needs an id"):
        library.save_custom_preset({"width": 1})


def test_empty_or_unreadable_sources(library: Library, tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="empty"):
        library.add_asset(b"")
    with pytest.raises(LibraryError, match="cannot read"):
        library.add_asset(tmp_path / "missing.png")
