"""Export one photo to many presets in one go.

The pipeline: read the header, place every preset's crop, work out the largest scale any output
needs, decode once at that scale (JPEG DCT scaling or ``Image.reduce``), then per preset (in
parallel threads: Pillow releases the GIL while it resamples and encodes) cut and resample with
Lanczos, encode within the preset's byte budget (the highest JPEG/WebP quality that fits, progressive
JPEG), and write the file atomically. Private metadata (EXIF, GPS, maker notes, XMP) is never copied:
only the sRGB profile, and on request the EXIF Artist and Copyright fields.
"""

from __future__ import annotations

import io
import math
import os
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

from studio.files import write_atomically
from studio.imaging import geometry
from studio.imaging.errors import ExportCancelled, ImageError, PresetError
from studio.imaging.geometry import Crop
from studio.imaging.loading import Loaded, Source, flatten, load, probe, srgb_icc_bytes
from studio.imaging.presets import Preset

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool] | threading.Event

EXTENSIONS = {"jpeg": "jpg", "png": "png", "webp": "webp"}
FORMAT_CHOICES = ("auto", "jpeg", "png", "webp")
START_QUALITY = 90
LOWEST_QUALITY = 20


@dataclass(frozen=True)
class Rendition:
    """One exported file."""

    preset: str
    path: Path
    width: int
    height: int
    bytes: int
    format: str
    quality: int | None = None
    upscaled: bool = False
    notices: tuple[str, ...] = field(default=(), compare=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "preset": self.preset,
            "path": str(self.path),
            "width": self.width,
            "height": self.height,
            "bytes": self.bytes,
            "format": self.format,
            "quality": self.quality,
            "upscaled": self.upscaled,
            "notices": list(self.notices),
        }


def safe_stem(stem: str) -> str:
    """``stem`` made safe for a file name on every system."""
    cleaned = re.sub(r"[^\w.-]+", "-", stem, flags=re.UNICODE).strip("-.")
    return cleaned[:80] or "image"


def file_name(stem: str, preset: Preset, fmt: str) -> str:
    """``<stem>-<network>-<placement>-<w>x<h>.<ext>``."""
    return f"{safe_stem(stem)}-{preset.network}-{preset.placement}-{preset.width}x{preset.height}.{EXTENSIONS[fmt]}"


def crop_for(preset: Preset, size: tuple[int, int], crops: Mapping[str, Crop | Mapping[str, Any]] | None,
             focal: tuple[float, float] | None) -> Crop:
    """The user's crop for ``preset`` (reshaped if its ratio drifted), or the default from ``focal``."""
    chosen = (crops or {}).get(preset.id)
    if chosen is None:
        return geometry.default_crop(size, preset.ratio, focal or (0.5, 0.5))
    crop = chosen if isinstance(chosen, Crop) else geometry.crop_from_json(chosen)
    if not (0 < crop.w <= 1.0001 and 0 < crop.h <= 1.0001):
        raise ImageError(f"The crop for {preset.id} is empty or larger than the photo.")
    width, height = geometry.crop_pixels(crop, size)
    if abs(width / height - preset.ratio) > preset.ratio * 0.002:
        crop = geometry.with_ratio(crop, size, preset.ratio)
    return geometry.clamp(crop, size)


def formats_to_try(preset: Preset, fmt: str, has_alpha: bool) -> tuple[list[str], str]:
    """Formats to try for ``preset`` in order, and a notice when the one asked for is not accepted."""
    if fmt not in FORMAT_CHOICES:
        raise ImageError(f"Unknown format {fmt!r}.", f"Choose one of {', '.join(FORMAT_CHOICES)}.")
    accepted = list(preset.formats)
    if fmt != "auto":
        if fmt in accepted:
            return [fmt] + [other for other in accepted if other != fmt], ""
        return accepted, f"{preset.label} does not accept {fmt.upper()}: exported as {accepted[0].upper()}."
    if has_alpha:
        order = [f for f in ("png", "webp") if f in accepted] + [f for f in accepted if f not in ("png", "webp")]
    else:
        order = [f for f in ("jpeg", "webp") if f in accepted] + [f for f in accepted if f not in ("jpeg", "webp")]
    return order, ""


def _encode_once(image: Image.Image, fmt: str, quality: int, extra: dict[str, Any]) -> bytes:
    buffer = io.BytesIO()
    if fmt == "jpeg":
        image.save(buffer, "JPEG", quality=quality, progressive=True, optimize=True, **extra)
    elif fmt == "webp":
        image.save(buffer, "WEBP", quality=quality, method=4, **extra)
    else:
        image.save(buffer, "PNG", compress_level=quality, **extra)  # quality: zlib level
    return buffer.getvalue()


def encode_within(image: Image.Image, fmt: str, max_bytes: int, extra: dict[str, Any]) -> tuple[bytes, int | None]:
    """``image`` encoded as ``fmt`` in at most ``max_bytes``: the highest quality that fits (JPEG,
    WebP) or the tightest lossless compression (PNG); ``ValueError`` if nothing fits."""
    if fmt == "png":
        for level in (6, 9):  # the usual compression first, then the tightest
            data = _encode_once(image, fmt, level, extra)
            if len(data) <= max_bytes:
                return data, None
        raise ValueError(f"PNG needs {len(data)} bytes")
    data = _encode_once(image, fmt, START_QUALITY, extra)
    if len(data) <= max_bytes:
        return data, START_QUALITY
    low, high, best = LOWEST_QUALITY, START_QUALITY - 1, None
    while low <= high:  # file size grows with quality: binary search for the highest that fits
        middle = (low + high) // 2
        attempt = _encode_once(image, fmt, middle, extra)
        if len(attempt) <= max_bytes:
            best, low = (attempt, middle), middle + 1
        else:
            high = middle - 1
    if best is None:
        raise ValueError(f"{fmt.upper()} needs more even at quality {LOWEST_QUALITY}")
    return best


def _metadata(loaded: Loaded, keep_copyright: bool) -> dict[str, Any]:
    extra: dict[str, Any] = {"icc_profile": srgb_icc_bytes()}
    if keep_copyright and loaded.copyright:
        exif = Image.Exif()
        for tag, value in loaded.copyright.items():
            exif[tag] = value
        extra["exif"] = exif.tobytes()
    return extra


def _cancelled(cancel: Cancel | None) -> bool:
    if cancel is None:
        return False
    if isinstance(cancel, threading.Event):
        return cancel.is_set()
    return bool(cancel())


def decode_side(presets: Iterable[Preset], size: tuple[int, int], crops: Mapping[str, Crop]) -> int:
    """The long side the decode needs so that no output is made from fewer pixels than it has."""
    needed = 0.0
    for preset in presets:
        factor = geometry.upscale_factor(crops[preset.id], size, (preset.width, preset.height))
        needed = max(needed, min(1.0, factor))
    return max(1, math.ceil(max(size) * needed) + 1)


def export(
    source: Source | Loaded,
    presets: Iterable[Preset],
    out_dir: str | Path,
    *,
    crops: Mapping[str, Crop | Mapping[str, Any]] | None = None,
    focal: tuple[float, float] | None = None,
    fmt: str = "auto",
    keep_copyright: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    stem: str = "image",
    background: tuple[int, int, int] = (255, 255, 255),
    workers: int | None = None,
    one_file_per_picture: bool = False,
) -> list[Rendition]:
    """Render ``source`` for every preset into ``out_dir``; the renditions, in the presets' order.

    ``crops`` maps preset ids to the user's crops; other presets get the default crop around
    ``focal`` (fractions of the photo, default the centre). ``progress(done, total, label)`` is called
    on the caller's thread; ``cancel`` (a callable or an Event) stops the export between files and
    raises :class:`ExportCancelled` with the files already written. Bad input raises
    :class:`ImageError` or :class:`PresetError` with a one-line reason. With
    ``one_file_per_picture``, presets whose files would be byte for byte the same (one size, one
    crop, one budget: Instagram portrait and Threads, say) share one file: their renditions carry
    the same path (see :func:`shared_files`).
    """
    chosen = list(dict.fromkeys(presets))
    if not chosen:
        raise PresetError("No preset was chosen.", "Name at least one preset, or 'all'.")
    if fmt not in FORMAT_CHOICES:
        raise ImageError(f"Unknown format {fmt!r}.", f"Choose one of {', '.join(FORMAT_CHOICES)}.")
    if focal is not None and not all(0.0 <= value <= 1.0 for value in focal):
        raise ImageError(f"The focal point {focal[0]},{focal[1]} is outside the photo.",
                         "Give fractions between 0 and 1, for example 0.5,0.4.")
    folder = Path(out_dir)
    if folder.exists() and not folder.is_dir():
        raise ImageError(f"{folder} is a file, not a folder.")
    folder.mkdir(parents=True, exist_ok=True)
    total = len(chosen)
    if progress:
        progress(0, total, "Reading the photo")
    size = source.full_size if isinstance(source, Loaded) else _shown_size(source)
    placed = {preset.id: crop_for(preset, size, crops, focal) for preset in chosen}
    loaded = source if isinstance(source, Loaded) else load(source, max_side=decode_side(chosen, size, placed))
    if _cancelled(cancel):
        raise ExportCancelled([])
    extra = _metadata(loaded, keep_copyright)
    flat: list[Image.Image] = []  # the RGB version of an RGBA photo, made once, when a JPEG needs it
    flat_lock = threading.Lock()

    def opaque() -> Image.Image:
        with flat_lock:
            if not flat:
                flat.append(flatten(loaded.image, background))
            return flat[0]

    # Presets that share a size and a crop (Instagram portrait, Threads and Facebook posts, say) are
    # rendered once: same pixels, and the same file bytes where the budget allows.
    groups: dict[tuple[Any, ...], list[Preset]] = {}
    for preset in chosen:
        crop = placed[preset.id]
        key = (crop.x, crop.y, crop.w, crop.h, crop.rotation, crop.flip_h, crop.flip_v, preset.width, preset.height)
        groups.setdefault(key, []).append(preset)

    def one(group: list[Preset]) -> list[Rendition]:
        if _cancelled(cancel):
            return []
        return _render_group(loaded, group, placed[group[0].id], folder, stem, fmt, extra, opaque,
                             one_file_per_picture)

    results: dict[str, Rendition] = {}
    count = max(1, min(workers or os.cpu_count() or 1, len(groups)))
    largest_first = sorted(groups.values(), key=lambda group: -group[0].width * group[0].height)
    with ThreadPoolExecutor(max_workers=count, thread_name_prefix="export") as pool:
        pending: set[Future[list[Rendition]]] = {pool.submit(one, group) for group in largest_first}
        try:
            while pending:
                finished, pending = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
                for future in finished:
                    for rendition in future.result():
                        results[rendition.preset] = rendition
                        if progress:
                            progress(len(results), total, rendition.path.name)
                if _cancelled(cancel):
                    for future in pending:
                        future.cancel()
                    for future in wait(pending).done:
                        if not future.cancelled() and future.exception() is None:
                            results.update((item.preset, item) for item in future.result())
                    raise ExportCancelled([results[p.id] for p in chosen if p.id in results])
        except BaseException:
            for future in pending:
                future.cancel()
            raise
    return [results[preset.id] for preset in chosen]


def _shown_size(source: Source) -> tuple[int, int]:
    info = probe(source)
    return (info.width, info.height)


def shared_files(renditions: Iterable[Rendition]) -> dict[Path, list[Rendition]]:
    """The files that serve more than one preset (``one_file_per_picture``), with their renditions."""
    by_path: dict[Path, list[Rendition]] = {}
    for rendition in renditions:
        by_path.setdefault(rendition.path, []).append(rendition)
    return {path: items for path, items in by_path.items() if len(items) > 1}


def _render_group(loaded: Loaded, group: list[Preset], crop: Crop, folder: Path, stem: str, fmt: str,
                  extra: dict[str, Any], opaque: Callable[[], Image.Image],
                  one_file_per_picture: bool = False) -> list[Rendition]:
    """Render the crop once for presets of one size, and encode and write it for each of them."""
    rendered: dict[bool, Image.Image] = {}
    encoded: dict[str, tuple[bytes, int | None]] = {}  # format -> bytes at the best quality tried
    written: dict[bytes, Path] | None = {} if one_file_per_picture else None  # the bytes -> their file
    return [_write_one(loaded, preset, crop, folder, stem, fmt, extra, opaque, rendered, encoded, written)
            for preset in group]


def _write_one(loaded: Loaded, preset: Preset, crop: Crop, folder: Path, stem: str, fmt: str,
               extra: dict[str, Any], opaque: Callable[[], Image.Image], rendered: dict[bool, Image.Image],
               encoded: dict[str, tuple[bytes, int | None]], written: dict[bytes, Path] | None = None) -> Rendition:
    target = (preset.width, preset.height)
    notices: list[str] = []
    upscaled = geometry.upscale_factor(crop, loaded.full_size, target) > 1.0001
    if upscaled:
        notices.append(f"{preset.label}: the crop is smaller than {target[0]} x {target[1]}, so it is enlarged.")
    order, notice = formats_to_try(preset, fmt, loaded.has_alpha)
    if notice:
        notices.append(notice)
    failures: list[str] = []
    for candidate in order:
        keeps_alpha = candidate in ("png", "webp") and loaded.has_alpha
        if keeps_alpha not in rendered:
            base = loaded.image if keeps_alpha or not loaded.has_alpha else opaque()
            rendered[keeps_alpha] = geometry.render(base, crop, target)
        known = encoded.get(candidate)
        if known is not None and len(known[0]) <= preset.max_bytes and known[1] in (START_QUALITY, None):
            data, quality = known  # the best this format gives, and it fits this budget too
        else:
            try:
                data, quality = encode_within(rendered[keeps_alpha], candidate, preset.max_bytes, extra)
            except ValueError as error:
                failures.append(str(error))
                continue
            encoded[candidate] = (data, quality)
        path = written.get(data) if written is not None else None
        if path is None:
            path = folder / file_name(stem, preset, candidate)
            write_atomically(path, data)
            if written is not None:
                written[data] = path
        return Rendition(preset.id, path, target[0], target[1], len(data), candidate, quality, upscaled,
                         tuple(notices))
    raise ImageError(
        f"{preset.label}: no accepted format fits in {preset.max_bytes:,} bytes ({'; '.join(failures)}).",
        "Raise the preset's byte limit or choose a simpler image.",
    )
