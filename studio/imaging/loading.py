"""Open an image safely and hand back 8-bit sRGB pixels the right way up.

What a photo from the wild needs before it can be cropped: the EXIF orientation applied; the colour
profile converted to sRGB; CMYK, 16-bit, palette, grey and alpha images brought to RGB or RGBA (16-bit
scaled to 8-bit, not clipped); the first frame of an animation; and refusals, in one line, for empty,
truncated, non-image files, decompression bombs and anything else Pillow refuses. A file is opened by
what it holds, not by its name: a PNG named ``.jpg`` opens as the PNG it is, with a notice saying so. A caller that needs fewer pixels
says so with ``max_side`` and the file is decoded smaller (JPEG DCT scaling, ``Image.reduce``), so a
huge photo never sits in memory at full size when it does not have to.
"""

from __future__ import annotations

import io
import logging
import math
import re
import struct
import warnings
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import IO, cast

from PIL import Image, ImageCms, UnidentifiedImageError

from studio.imaging.errors import ImageError

log = logging.getLogger(__name__)

Source = str | Path | bytes

# Pillow's own limit for an error (twice its warning limit): a 179-megapixel image is larger than any
# camera makes and a 4-byte-per-pixel decode of it already takes 700 MB.
MAX_PIXELS = 2 * 89_478_485
# We check the pixel count ourselves (with a readable message), so Pillow's warning is noise.
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)
# Pillow warns (on stderr, through the warnings module) about odd metadata it reads past: "Corrupt
# EXIF data", "Metadata Warning, tag 282 had too many entries", truncated ICC chunks. The image is
# either read, or refused with a one-line ImageError; the user gets no warning text either way. A
# process-wide filter, not catch_warnings(): images load on worker threads, and catch_warnings swaps
# the process's filters without a lock.
warnings.filterwarnings("ignore", module=r"PIL(\.|$)")

EXIF_ORIENTATION = 0x0112
EXIF_ARTIST = 0x013B
EXIF_COPYRIGHT = 0x8298

_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}

# What a file's extension promises, by the Pillow format names that keep the promise.
_EXTENSIONS: dict[str, tuple[str, ...]] = {
    ".jpg": ("JPEG", "MPO"),
    ".jpeg": ("JPEG", "MPO"),
    ".jpe": ("JPEG", "MPO"),
    ".png": ("PNG",),
    ".apng": ("PNG",),
    ".gif": ("GIF",),
    ".webp": ("WEBP",),
    ".tif": ("TIFF",),
    ".tiff": ("TIFF",),
    ".bmp": ("BMP", "DIB"),
    ".avif": ("AVIF", "HEIF"),
    ".heic": ("HEIF",),
    ".heif": ("HEIF",),
}
_SUFFIX_FOR = {"JPEG": ".jpg", "MPO": ".jpg", "PNG": ".png", "GIF": ".gif", "WEBP": ".webp",
               "TIFF": ".tif", "BMP": ".bmp", "AVIF": ".avif", "HEIF": ".heic"}
# Errors Pillow raises for damaged data, besides OSError ("image file is truncated").
_DAMAGE = (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error, zlib.error)
# And for files it reads only in part, or whose structure it does not expect: Pillow's own test
# images raise these for DDS formats it has not implemented (NotImplementedError), PSD files with
# broken layers and TIFFs without dimensions (TypeError, KeyError, AttributeError). Any of them is a
# refusal of the file, said in one line, never "unexpected error" with a traceback.
_REFUSED = (*_DAMAGE, RuntimeError, TypeError, LookupError, AttributeError, ArithmeticError, AssertionError)


@dataclass(frozen=True)
class Probe:
    """What an image file is, read from its header without decoding the pixels."""

    name: str
    format: str
    width: int  # as shown, after the EXIF orientation
    height: int
    orientation: int
    frames: int
    mode: str
    notices: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class Loaded:
    """A decoded image: ``image`` is RGB or RGBA, 8-bit, sRGB and the right way up.

    ``full_size`` is the size of the whole image as shown (after orientation); ``image`` may be a
    reduced decode of it (see :attr:`scale`). ``copyright`` holds the EXIF Artist and Copyright
    fields (by tag) for exports that keep them; ``notices`` are things the user should know.
    """

    image: Image.Image
    name: str
    format: str
    full_size: tuple[int, int]
    notices: tuple[str, ...] = ()
    copyright: Mapping[int, str] = field(default_factory=dict)

    @property
    def scale(self) -> float:
        """Decoded width over full width (1.0 for a full-size decode)."""
        return self.image.width / self.full_size[0]

    @property
    def has_alpha(self) -> bool:
        return self.image.mode == "RGBA"


@cache
def _register_plugins() -> tuple[str, ...]:
    """Register HEIF (and AVIF through libheif, if Pillow lacks it) when pillow-heif is installed."""
    try:
        import pillow_heif
    except ImportError:
        return ()
    pillow_heif.register_heif_opener()
    return ("HEIF",)


@cache
def srgb_profile() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


@cache
def srgb_icc_bytes() -> bytes:
    """The sRGB profile embedded in exports, so colour-managed viewers need not guess."""
    return bytes(srgb_profile().tobytes())


def _describe(source: Source) -> str:
    return "The image" if isinstance(source, bytes) else Path(source).name


def _open(source: Source, notices: list[str]) -> tuple[Image.Image, str]:
    """Open ``source`` and check what can be checked before decoding; what the user should know
    (a file whose name says another format) goes to ``notices``."""
    _register_plugins()
    name = _describe(source)
    if isinstance(source, bytes):
        if not source:
            raise ImageError("The image is empty (0 bytes).")
        target: IO[bytes] | Path = io.BytesIO(source)
    else:
        path = Path(source)
        try:
            size = path.stat().st_size
        except FileNotFoundError as error:
            raise ImageError(f"{name} does not exist.", f"Looked for {path}.") from error
        except OSError as error:
            raise ImageError(f"{name} cannot be read: {error.strerror or error}.") from error
        if path.is_dir():
            raise ImageError(f"{name} is a folder, not an image.")
        if size == 0:
            raise ImageError(f"{name} is empty (0 bytes).")
        target = path
    try:
        image = Image.open(target)
    except Image.DecompressionBombError as error:
        raise _bomb(name, error) from error
    except UnidentifiedImageError as error:
        raise ImageError(
            f"{name} is not an image Studio can read.",
            "Studio opens JPEG, PNG, WebP, GIF, TIFF, BMP, AVIF and HEIC files.",
        ) from error
    except PermissionError as error:
        raise ImageError(f"{name} cannot be read: permission denied.") from error
    except _DAMAGE as error:
        raise ImageError(f"{name} is damaged: {_reason(error)}.") from error
    except MemoryError as error:
        raise ImageError(f"{name} is too large for the memory available.") from error
    except _REFUSED as error:
        raise _refused(name, error) from error
    fmt = image.format or "unknown"
    if not isinstance(source, bytes):
        expected = _EXTENSIONS.get(Path(source).suffix.lower())
        if expected is not None and fmt not in expected:
            # Every image program opens it by what it holds, and so does Studio; the name is wrong,
            # not the file, and only the user can rename it.
            right = _SUFFIX_FOR.get(fmt, "")
            notices.append(f"{name} is really a {fmt} image, not {_kind(Path(source).suffix)}: Studio opened it as "
                           f"{fmt}" + (f" (its right name would be {Path(source).stem}{right})." if right else "."))
    try:
        width, height = image.size
    except _REFUSED as error:
        image.close()
        raise _refused(name, error) from error
    if width < 1 or height < 1:
        image.close()
        raise ImageError(f"{name} has no pixels ({width} x {height}).")
    if width * height > MAX_PIXELS:
        image.close()
        raise ImageError(
            f"{name} is {width} x {height} pixels ({width * height / 1e6:.0f} megapixels), "
            f"more than the {MAX_PIXELS / 1e6:.0f} megapixels Studio opens safely.",
            "It may be a decompression bomb; if it is a real photo, scale it down first.",
        )
    return image, name


def _kind(suffix: str) -> str:
    """What a file's extension promises, in words: ".jpg" -> "a JPEG"."""
    formats = _EXTENSIONS.get(suffix.lower(), ())
    return f"a {formats[0]}" if formats else f"a {suffix} file"


def _refused(name: str, error: BaseException) -> ImageError:
    """Pillow could not make sense of the file: one line that says so, with Pillow's reason."""
    return ImageError(f"{name} is damaged or in a form Studio cannot read ({_reason(error)}).",
                      "Open it in an image editor and save it again as JPEG or PNG.")


def _bomb(name: str, error: Image.DecompressionBombError) -> ImageError:
    found = re.search(r"\((\d+) pixels\)", str(error))
    size = f" ({int(found.group(1)) / 1e6:.0f} megapixels)" if found else ""
    return ImageError(
        f"{name} is too large to open safely{size}: Studio opens up to {MAX_PIXELS / 1e6:.0f} megapixels.",
        "It may be a decompression bomb; if it is a real photo, scale it down first.",
    )


def _reason(error: BaseException) -> str:
    text = str(error).strip().rstrip(".") or type(error).__name__
    return text.splitlines()[0]


def _orientation(image: Image.Image) -> int:
    try:
        value = image.getexif().get(EXIF_ORIENTATION, 1)
    except _DAMAGE:
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def probe(source: Source) -> Probe:
    """Format, shown size, orientation and frame count of ``source``, without decoding its pixels."""
    notices: list[str] = []
    image, name = _open(source, notices)
    with image:
        try:
            orientation = _orientation(image)
            width, height = image.size
            frames = int(getattr(image, "n_frames", 1) or 1)
        except _REFUSED as error:
            raise _refused(name, error) from error
        if orientation >= 5:
            width, height = height, width
        return Probe(name, image.format or "unknown", width, height, orientation, frames, image.mode,
                     tuple(notices))


def load(source: Source, *, max_side: int | None = None) -> Loaded:
    """Decode ``source`` (a path or the file's bytes) to 8-bit sRGB RGB/RGBA, the right way up.

    With ``max_side`` the caller needs no more than that many pixels on the long side: the image is
    decoded at the smallest cheap reduction whose long side is still at least ``max_side`` (so
    between ``max_side`` and twice that, or the full size if it is smaller), never resampled twice.
    Raises :class:`ImageError` with a one-line reason for anything that is not a usable image.
    """
    notices: list[str] = []
    image, name = _open(source, notices)
    with image:
        try:
            orientation = _orientation(image)
            copyright_fields = _copyright(image)
            frames = int(getattr(image, "n_frames", 1) or 1)
        except _REFUSED as error:
            raise _refused(name, error) from error
        # A camera's MPO holds the photo plus a preview or depth map, not an animation.
        if frames > 1 and image.format != "MPO":
            notices.append(f"{name} is animated ({frames} frames): Studio uses its first frame.")
        fmt = image.format or "unknown"
        full = image.size
        try:
            if max_side and fmt in ("JPEG", "MPO") and max(full) > max_side:
                factor = max_side / max(full)
                image.draft(image.mode, (max(1, math.ceil(full[0] * factor)), max(1, math.ceil(full[1] * factor))))
            image.load()
            pixels = image
            icc = image.info.get("icc_profile")
            if max_side:
                pixels = _reduce_raw(pixels, max_side)
            pixels = _to_srgb(pixels, icc, name, notices)
            if max_side:
                pixels = _reduce(pixels, max_side)
        except Image.DecompressionBombError as error:
            raise _bomb(name, error) from error
        except MemoryError as error:
            raise ImageError(f"{name} is too large for the memory available.") from error
        except _DAMAGE as error:
            raise ImageError(f"{name} is truncated or damaged: {_reason(error)}.") from error
        except _REFUSED as error:
            raise _refused(name, error) from error
    transpose = _TRANSPOSE.get(orientation)
    if transpose is not None:
        pixels = pixels.transpose(transpose)
    if orientation >= 5:
        full = (full[1], full[0])
    if pixels is image:  # never hand out the file-backed object
        pixels = pixels.copy()
    # The file's metadata (EXIF, XMP with GPS, the old colour profile) stays behind: Pillow would
    # otherwise write some of it into every file saved from these pixels.
    pixels.info = {}
    return Loaded(pixels, name, fmt, full, tuple(notices), copyright_fields)


def _copyright(image: Image.Image) -> dict[int, str]:
    try:
        exif = image.getexif()
    except _DAMAGE:
        return {}
    found: dict[int, str] = {}
    for tag in (EXIF_ARTIST, EXIF_COPYRIGHT):
        value = exif.get(tag)
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        if isinstance(value, str) and value.strip("\x00 "):
            found[tag] = value.strip("\x00 ")
    return found


_REDUCIBLE = {"L", "LA", "RGB", "RGBA", "RGBX", "CMYK"}


def _reduction(image: Image.Image, max_side: int) -> int:
    return max(1, max(image.size) // max_side)


def _reduce_raw(image: Image.Image, max_side: int) -> Image.Image:
    """Reduce before the colour conversion when the mode allows it (less work for the profile)."""
    factor = _reduction(image, max_side)
    if factor >= 2 and image.mode in _REDUCIBLE:
        return image.reduce(factor)
    return image


def _reduce(image: Image.Image, max_side: int) -> Image.Image:
    factor = _reduction(image, max_side)
    return image.reduce(factor) if factor >= 2 else image


def _to_srgb(image: Image.Image, icc: bytes | None, name: str, notices: list[str]) -> Image.Image:
    """Bring any Pillow mode to 8-bit RGB or RGBA in sRGB."""
    mode = image.mode
    if mode.startswith("I;16") or mode == "I":
        image = _sixteen_to_eight(image)
    elif mode == "F":
        _low, high = band_extrema(image)
        top = 1.0 if high <= 1.0 else 255.0
        image = image.point(lambda value: value * (255.0 / top)).convert("L")
    elif mode == "1":
        image = image.convert("L")
    elif mode == "P":
        has_alpha = "transparency" in image.info or (image.palette is not None and image.palette.mode == "RGBA")
        image = image.convert("RGBA" if has_alpha else "RGB")
    elif mode in ("PA", "La"):
        image = image.convert("RGBA")
    elif mode in ("RGBa", "RGBX"):
        image = image.convert("RGBA" if mode == "RGBa" else "RGB")
    elif mode in ("YCbCr", "HSV", "LAB"):
        image = image.convert("RGB")
    if icc:
        image = _apply_profile(image, icc, name, notices)
    if image.mode == "L":
        image = image.convert("RGB")
    elif image.mode == "LA":
        image = image.convert("RGBA")
    elif image.mode == "CMYK":
        # Without a profile the best we have is Pillow's plain conversion.
        notices.append(f"{name} is CMYK without a colour profile: colours are approximate.")
        image = image.convert("RGB")
    elif image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGB")
    if image.mode == "RGBA" and image.getchannel("A").getextrema() == (255, 255):
        image = image.convert("RGB")  # an alpha channel that hides nothing
    return image


def band_extrema(image: Image.Image) -> tuple[float, float]:
    """Lowest and highest value of a one-band image."""
    low, high = cast(tuple[float, float], image.getextrema())
    return float(low), float(high)


def _sixteen_to_eight(image: Image.Image) -> Image.Image:
    """16-bit grey to 8-bit by scaling (65535 becomes 255), not by clipping at 255."""
    wide = image.convert("I") if image.mode != "I" else image
    low, high = band_extrema(wide)
    if high <= 255 and low >= 0:
        return wide.convert("L")
    divisor = 256.0 if high <= 65535 else (high + 1) / 256.0
    return wide.point(lambda value: value * (1.0 / divisor)).convert("L")


def _apply_profile(image: Image.Image, icc: bytes, name: str, notices: list[str]) -> Image.Image:
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        description = (ImageCms.getProfileDescription(profile) or "").strip()
    except (OSError, ImageCms.PyCMSError, ValueError, TypeError):
        notices.append(f"{name} has a damaged colour profile: colours are shown as sRGB.")
        return image
    if description.lower().startswith("srgb") and image.mode in ("RGB", "RGBA", "L", "LA"):
        return image
    alpha = None
    work = image
    if image.mode in ("LA", "RGBA"):
        alpha = image.getchannel("A")
        work = image.convert("L" if image.mode == "LA" else "RGB")
    try:
        converted = ImageCms.profileToProfile(
            work, profile, srgb_profile(), outputMode="RGB",
            renderingIntent=ImageCms.Intent.PERCEPTUAL,
        )
    except (ImageCms.PyCMSError, ValueError, OSError) as error:
        log.info("Colour profile of %s not applied: %s", name, error)
        notices.append(f"{name}: its colour profile ({description or 'unnamed'}) could not be applied.")
        return image
    assert converted is not None
    if alpha is not None:
        converted.putalpha(alpha)
    return converted


def flatten(image: Image.Image, background: tuple[int, int, int] = (255, 255, 255)) -> Image.Image:
    """``image`` without alpha: composited onto ``background`` (for formats without transparency)."""
    if image.mode != "RGBA":
        return image if image.mode == "RGB" else image.convert("RGB")
    base = Image.new("RGB", image.size, background)
    base.paste(image, mask=image.getchannel("A"))
    return base
