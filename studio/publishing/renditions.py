"""The one way an image leaves Studio: a rendition made for the network it goes to.

Every publisher (Mastodon, Bluesky, Telegram, a webhook, a folder package, and any later one) gets
its images from :func:`media_for`, through the runner; previews call :func:`rendition` for the same
file. A rendition is the asset cut with the user's crop for the target network's preset (or the
default crop around the asset's focal point), resampled to the preset's size, encoded within its
byte budget, with private metadata (EXIF: GPS position, camera, photographer; XMP) stripped by
:mod:`studio.imaging.export`. The original photo never goes out: a network or network version
without a preset of its own gets :data:`DEFAULT_PRESET`.

Renditions are cached on disk under the library's ``renditions`` folder, in a folder named after
the asset, the preset and a fingerprint of the crop and focal point, so a changed crop makes a new
file and an unchanged one is not encoded twice.
"""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from studio.errors import StudioError
from studio.publishing.base import Media

# The placements a post's image uses, in order of preference, for a network with several presets.
POST_PLACEMENTS = ("post", "feed-portrait", "feed-square", "feed-landscape", "photo", "pin", "thumbnail")
# Text network versions that share another network's images.
SAME_IMAGES = {"telegram-caption": "telegram", "youtube-title": "youtube", "youtube-description": "youtube"}
# The base text (a webhook or folder that sends no network's version): a landscape 1920x1080.
DEFAULT_PRESET = "mastodon.post"
# EXIF tags that must never leave: the GPS block, and the camera, owner and maker-note fields.
PRIVATE_TAGS = (0x8825, 0x010F, 0x0110, 0x013B, 0xA430, 0xA431, 0xA435, 0x927C, 0x8769)


class PrivateMetadataLeft(StudioError):
    """A rendition still carries private metadata: it is not sent (a bug guard, never expected)."""


def target_of(network: str, settings: Mapping[str, Any] | None = None) -> str:
    """The network version an account posts: a webhook's or folder's chosen variant, else its network."""
    return str((settings or {}).get("variant") or network)


def preset_for(target: str, crops: Mapping[str, Any] | None = None) -> str:
    """The preset id of the images sent for ``target`` (a network or network version, or "" for the
    base text). Among a network's post placements, one the user cropped by hand comes first."""
    from studio.imaging.presets import builtin_presets

    network = SAME_IMAGES.get(target, target)
    own = {preset.placement: preset.id for preset in builtin_presets() if preset.network == network}
    candidates = [own[placement] for placement in POST_PLACEMENTS if placement in own]
    for preset_id in candidates:
        if crops and preset_id in crops:
            return preset_id
    return candidates[0] if candidates else DEFAULT_PRESET


def rendition(library: Any, sha: str, target: str, cache: Path | None = None) -> Path:
    """The file to send (or preview) for asset ``sha`` on ``target``: made once, then reused."""
    from studio.imaging.export import export
    from studio.imaging.presets import get_preset

    asset = library.get_asset(sha)
    crops = library.get_crops(sha)
    preset_id = preset_for(target, crops)
    crop = crops.get(preset_id)
    fingerprint = hashlib.sha256(repr((crop, asset.focal_x, asset.focal_y)).encode()).hexdigest()[:12]
    root = cache or Path(library.folder) / "renditions"
    folder = root / sha[:2] / f"{sha}-{preset_id}-{fingerprint}"
    existing = sorted(p for p in folder.glob("*.*") if not p.name.startswith(".")) if folder.exists() else []
    if existing:
        return existing[0]
    made = export(library.asset_path(sha), [get_preset(preset_id)], folder,
                  crops={preset_id: crop} if crop else None, focal=(asset.focal_x, asset.focal_y), stem=sha[:12])
    path = made[0].path
    _check_private(path)
    return path


def media_for(library: Any, attached: Any, target: str, cache: Path | None = None) -> Media:
    """An attached asset as a publisher gets it: the rendition for ``target`` and its alt text."""
    path = rendition(library, attached.sha, target, cache)
    return Media(path, attached.alt_text, mimetypes.guess_type(path.name)[0] or "application/octet-stream")


def _check_private(path: Path) -> None:
    """Refuse a file that still holds private EXIF (the export strips it; this guards the promise)."""
    from PIL import Image

    with Image.open(path) as image:
        exif = image.getexif()
        left = [tag for tag in PRIVATE_TAGS if tag in exif]
        xmp = "xmp" in image.info or "XML:com.adobe.xmp" in image.info
    if left or xmp:
        path.unlink(missing_ok=True)
        raise PrivateMetadataLeft(f"The rendition {path.name} still holds private metadata; it was not sent.")
