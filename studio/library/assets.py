"""The content-addressed asset store: image files named by their SHA-256 under ``assets/``,
their focal points, crops per preset, and the custom presets saved in the library."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Any

from studio.files import write_atomically
from studio.library.store import LibraryError, NotFound, Store, utc_now
from studio.model import Asset, Crop

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"II*\x00", "tif"),
    (b"MM\x00*", "tif"),
    (b"BM", "bmp"),
)


def sniff_extension(head: bytes, fallback: str = "bin") -> str:
    """The file type from its first bytes (the name may lie); ``fallback`` when unknown."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:12] in {b"ftypavif", b"ftypavis"}:
        return "avif"
    if head[4:12] in {b"ftypheic", b"ftypheix", b"ftypmif1"}:
        return "heic"
    for magic, ext in _MAGIC:
        if head.startswith(magic):
            return ext
    return fallback


def _asset(row: sqlite3.Row) -> Asset:
    return Asset(row["sha"], row["ext"], row["size"], row["original_name"], row["focal_x"], row["focal_y"],
                 row["created_at"])


def _unit(value: float, what: str) -> float:
    if not 0.0 <= value <= 1.0:
        raise LibraryError(f"The {what} must be between 0 and 1, not {value}.")
    return float(value)


class AssetsMixin(Store):
    def add_asset(self, source: Path | bytes, original_name: str = "") -> Asset:
        """Copy an image into the library (once: the same bytes give the same asset)."""
        if isinstance(source, bytes):
            data = source
        else:
            try:
                data = Path(source).read_bytes()
            except OSError as error:
                raise LibraryError(f"Studio cannot read {source}: {error.strerror}.", "Check the file.") from error
            original_name = original_name or Path(source).name
        if not data:
            raise LibraryError(f"{original_name or 'The image'} is empty.", "Choose another file.")
        sha = hashlib.sha256(data).hexdigest()
        fallback = Path(original_name).suffix.lstrip(".").lower() or "bin"
        ext = sniff_extension(data[:16], fallback)
        target = self.assets_dir / sha[:2] / f"{sha}.{ext}"
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, data)
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO assets(sha, ext, size, original_name, created_at) VALUES (?, ?, ?, ?, ?)",
                (sha, ext, len(data), original_name, utc_now()),
            )
            self.changed("asset", sha)
        return self.get_asset(sha)

    def get_asset(self, sha: str) -> Asset:
        rows = self.query("SELECT * FROM assets WHERE sha = ?", (sha,))
        if not rows:
            raise NotFound(f"There is no image {sha[:12]} in this library.")
        return _asset(rows[0])

    def asset_path(self, sha: str) -> Path:
        """Where the asset's file is (it may be missing if someone deleted it by hand)."""
        asset = self.get_asset(sha)
        return self.assets_dir / sha[:2] / f"{sha}.{asset.ext}"

    def attach_asset(self, draft_id: int, sha: str, alt_text: str = "", position: int | None = None) -> None:
        """Attach an asset to a draft (at the end unless ``position`` is given); attaching again
        updates its alt text and position."""
        with self.transaction() as conn:
            self.get_asset(sha)
            if conn.execute("SELECT 1 FROM drafts WHERE id = ?", (draft_id,)).fetchone() is None:
                raise NotFound(f"There is no draft {draft_id} in this library.")
            if position is None:
                position = int(conn.execute(
                    "SELECT coalesce(max(position) + 1, 0) FROM draft_assets WHERE draft_id = ?", (draft_id,)
                ).fetchone()[0])
            conn.execute(
                "INSERT INTO draft_assets(draft_id, sha, position, alt_text) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(draft_id, sha) DO UPDATE SET position = excluded.position, alt_text = excluded.alt_text",
                (draft_id, sha, position, alt_text),
            )
            conn.execute("UPDATE drafts SET updated_at = ? WHERE id = ?", (utc_now(), draft_id))
            self.changed("draft", draft_id)

    def detach_asset(self, draft_id: int, sha: str) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM draft_assets WHERE draft_id = ? AND sha = ?", (draft_id, sha))
            self.changed("draft", draft_id)

    def set_alt_text(self, draft_id: int, sha: str, alt_text: str) -> None:
        with self.transaction() as conn:
            cursor = conn.execute(
                "UPDATE draft_assets SET alt_text = ? WHERE draft_id = ? AND sha = ?", (alt_text, draft_id, sha)
            )
            if cursor.rowcount == 0:
                raise NotFound("That image is not attached to this draft.")
            self.changed("draft", draft_id)

    def set_focal_point(self, sha: str, x: float, y: float) -> None:
        """The point of the image that crops keep in view (normalised: 0..1 from the top left)."""
        with self.transaction() as conn:
            cursor = conn.execute(
                "UPDATE assets SET focal_x = ?, focal_y = ? WHERE sha = ?",
                (_unit(x, "focal point's x"), _unit(y, "focal point's y"), sha),
            )
            if cursor.rowcount == 0:
                raise NotFound(f"There is no image {sha[:12]} in this library.")
            self.changed("asset", sha)

    def set_crop(self, sha: str, preset_id: str, crop: Crop | None) -> None:
        """The user's crop of ``sha`` for ``preset_id``; ``None`` goes back to the automatic crop."""
        with self.transaction() as conn:
            if crop is None:
                conn.execute("DELETE FROM crops WHERE sha = ? AND preset_id = ?", (sha, preset_id))
            else:
                for value, what in ((crop.x, "crop's x"), (crop.y, "crop's y"), (crop.w, "crop's width"),
                                    (crop.h, "crop's height")):
                    _unit(value, what)
                if crop.w <= 0 or crop.h <= 0 or crop.x + crop.w > 1.000001 or crop.y + crop.h > 1.000001:
                    raise LibraryError("The crop must lie inside the image and not be empty.")
                self.get_asset(sha)
                conn.execute(
                    "INSERT OR REPLACE INTO crops(sha, preset_id, x, y, w, h, rotation, flip_h, flip_v) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (sha, preset_id, crop.x, crop.y, crop.w, crop.h, crop.rotation, int(crop.flip_h),
                     int(crop.flip_v)),
                )
            self.changed("asset", sha)

    def get_crops(self, sha: str) -> dict[str, Crop]:
        return {
            row["preset_id"]: Crop(row["x"], row["y"], row["w"], row["h"], row["rotation"], bool(row["flip_h"]),
                                   bool(row["flip_v"]))
            for row in self.query("SELECT * FROM crops WHERE sha = ?", (sha,))
        }

    # --- custom presets -------------------------------------------------------------------

    def save_custom_preset(self, preset: dict[str, Any]) -> None:
        """Store a preset made by the user (a dict with at least a text ``id``), replacing one with
        the same id."""
        preset_id = preset.get("id")
        if not isinstance(preset_id, str) or not preset_id.strip():
            raise LibraryError("A custom preset needs an id.")
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO custom_presets(id, data, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET data = excluded.data",
                (preset_id, json.dumps(preset, ensure_ascii=False), utc_now()),
            )
            self.changed("preset", preset_id)

    def list_custom_presets(self) -> list[dict[str, Any]]:
        return [json.loads(row[0]) for row in self.query("SELECT data FROM custom_presets ORDER BY created_at, id")]

    def delete_custom_preset(self, preset_id: str) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM custom_presets WHERE id = ?", (preset_id,))
            self.changed("preset", preset_id)
