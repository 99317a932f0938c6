"""Reading a photo for the Images page, on a worker: a reduced decode for the screen, the copy into
the library, the saved focal point and crops (or a first guess of the focal point); and the small
library jobs the page runs off the UI thread. Plain data in and out (a QImage is plain data)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage

from studio.editors.crop.pixels import to_qimage
from studio.imaging.geometry import Crop

# The decode shown on screen has at least this long a side, and less than twice it (a 24-megapixel
# photo is shown from a 1500 x 1000 decode; the export always reads the file again at full quality).
PREVIEW_SIDE = 1200


@dataclass
class Prepared:
    """A photo read for the editor (made on a worker: plain data and a QImage)."""

    name: str
    path: Path
    image: QImage
    full_size: tuple[int, int]
    format: str
    notices: tuple[str, ...] = ()
    sha: str = ""
    focal: tuple[float, float] = (0.5, 0.5)
    crops: dict[str, Crop] = field(default_factory=dict)
    guessed: bool = False


def glimpse(path: Path, canvas: tuple[int, int]) -> QImage:
    """A first look at the photo in ``path``, decoded no larger than a ``canvas`` (width, height in
    device pixels) needs to show it whole: a JPEG decodes at 1/4 or 1/8 of its size, several times
    faster than the sharper decode :func:`prepare` makes for zooming in. Refusals are left to it."""
    import math

    from studio.imaging.loading import load, probe

    info = probe(path)
    fit = min(canvas[0] / info.width, canvas[1] / info.height, 1.0)
    side = max(64, math.ceil(max(info.width, info.height) * fit))
    return to_qimage(load(path, max_side=side).image)


def prepare(library: Any, path: Path | None, sha: str | None) -> Prepared:
    """Read a file (``path``) or a library asset (``sha``) for the editor. A bad file raises
    :class:`~studio.imaging.errors.ImageError` before anything is copied into the library."""
    from studio.imaging.loading import load
    from studio.imaging.saliency import guess_focal

    if sha is not None:
        path = Path(library.asset_path(sha))
    assert path is not None
    loaded = load(path, max_side=PREVIEW_SIDE)
    name = loaded.name
    focal, crops = (0.5, 0.5), {}
    if library is not None:
        if sha is None:
            asset = library.add_asset(path)
            sha = asset.sha
            path = Path(library.asset_path(sha))  # export from the library's copy: the original may move
        else:
            asset = library.get_asset(sha)
            name = asset.original_name or name
        focal = (asset.focal_x, asset.focal_y)
        crops = dict(library.get_crops(sha))
    guessed = False
    if not crops and focal == (0.5, 0.5):
        focal, guessed = guess_focal(loaded.image), True
    return Prepared(name, path, to_qimage(loaded.image), loaded.full_size, loaded.format, loaded.notices,
                    sha or "", focal, crops, guessed)


def save_edits(library: Any, sha: str, focal: tuple[float, float], crops: dict[str, Crop]) -> None:
    """The writer thread's job: the focal point and every preset's crop."""
    library.set_focal_point(sha, *focal)
    for preset_id, crop in crops.items():
        library.set_crop(sha, preset_id, crop)


def list_posts(library: Any, client_id: int | None) -> list[tuple[int, str]]:
    from studio.library import DraftFilter

    rows = library.list_drafts(DraftFilter(client_id=client_id), limit=100)
    return [(row.id, (row.text.strip().splitlines() or [QCoreApplication.translate("ImagesWorkspace", "(empty post)")])[0][:60]) for row in rows]


def alt_text_of(library: Any, draft_id: int, sha: str) -> str:
    draft = library.get_draft(draft_id)
    return next((asset.alt_text for asset in draft.assets if asset.sha == sha), "")
