"""A corpus of image files made by code: every mode the loader handles, orientations 1-8, bombs,
truncations, wrong extensions, a 1x1 pixel and a 20000x200 panorama.

Each photo-like image has a known "marker": its top-left quarter is red, the rest blue-ish, so a
test can tell that orientation was applied by looking at one pixel.
"""

from __future__ import annotations

import io
import random
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, features

GPS_IFD = 0x8825
RED = (220, 20, 20)
BLUE = (20, 40, 200)

# displayed = stored.transpose(T[o]); the stored pixels are the displayed ones turned back.
INVERSE = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


def marked(size: tuple[int, int] = (400, 300)) -> Image.Image:
    """A photo as it should be seen: red top-left quarter, blue elsewhere."""
    image = Image.new("RGB", size, BLUE)
    ImageDraw.Draw(image).rectangle((0, 0, size[0] // 2 - 1, size[1] // 2 - 1), fill=RED)
    return image


def busy(size: tuple[int, int], seed: int = 1) -> Image.Image:
    """Detail everywhere (hard to compress): noise plus shapes."""
    rng = random.Random(seed)
    image = Image.effect_noise(size, 90).convert("RGB")
    draw = ImageDraw.Draw(image)
    for _ in range(200):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        draw.ellipse((x, y, x + size[0] // 20, y + size[1] // 20),
                     fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    return image


def with_gps_exif(orientation: int = 1, copyright_text: str | None = None) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x013B] = "Ada Photographer"  # Artist
    if copyright_text:
        exif[0x8298] = copyright_text
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (48.0, 51.0, 29.0)
    gps[3] = "E"
    gps[4] = (2.0, 17.0, 40.0)
    return exif.tobytes()


def png_bomb(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` x ``height`` pixels (CRC correct)."""
    buffer = io.BytesIO()
    Image.new("L", (1, 1)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    ihdr = data.index(b"IHDR")
    data[ihdr + 4:ihdr + 12] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[ihdr:ihdr + 17])) & 0xFFFFFFFF
    data[ihdr + 17:ihdr + 21] = struct.pack(">I", crc)
    return bytes(data)


def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def _xyz_tag(x: float, y: float, z: float) -> bytes:
    return b"XYZ " + b"\0" * 4 + _s15(x) + _s15(y) + _s15(z)


def swapped_primaries_profile() -> bytes:
    """A real ICC v2 RGB display profile made by hand whose red and green primaries are sRGB's green
    and red: a pixel (255, 0, 0) in it is pure sRGB green. Colour management that works turns it
    green; one that ignores the profile leaves it red."""
    srgb_d50 = {"r": (0.4361, 0.2225, 0.0139), "g": (0.3851, 0.7169, 0.0971), "b": (0.1431, 0.0606, 0.7141)}
    description = b"Swapped primaries (test)"
    desc = (b"desc" + b"\0" * 4 + struct.pack(">I", len(description) + 1) + description + b"\0"
            + struct.pack(">II", 0, 0) + struct.pack(">HB", 0, 0) + b"\0" * 67)
    curve = b"curv" + b"\0" * 4 + struct.pack(">IH", 1, round(2.2 * 256)) + b"\0\0"
    tags = [
        (b"desc", desc),
        (b"wtpt", _xyz_tag(0.9642, 1.0, 0.8249)),
        (b"rXYZ", _xyz_tag(*srgb_d50["g"])),
        (b"gXYZ", _xyz_tag(*srgb_d50["r"])),
        (b"bXYZ", _xyz_tag(*srgb_d50["b"])),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
        (b"cprt", b"text" + b"\0" * 4 + b"No copyright, test data\0"),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for signature, body in tags:
        body += b"\0" * (-len(body) % 4)
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body
    size = offset + len(data)
    header = (struct.pack(">I", size) + b"lcms" + struct.pack(">I", 0x02100000) + b"mntrRGB XYZ "
              + struct.pack(">6H", 2026, 1, 1, 0, 0, 0) + b"acsp" + b"\0" * 4 + b"\0" * 4 + b"\0" * 8
              + b"\0" * 8 + struct.pack(">I", 0) + _s15(0.9642) + _s15(1.0) + _s15(0.8249) + b"lcms"
              + b"\0" * 16 + b"\0" * 28)
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + data


def png_rgb16(width: int, height: int, pixel: tuple[int, int, int]) -> bytes:
    """A 48-bit (16 bits per channel) RGB PNG written by hand: Pillow cannot write one."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\0" + struct.pack(">HHH", *pixel) * width
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 16, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(row * height)) + chunk(b"IEND", b""))


def save(image: Image.Image, path: Path, fmt: str, **options: object) -> Path:
    image.save(path, fmt, **options)
    return path


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("corpus")
    files: dict[str, Path] = {}
    visual = marked()
    for orientation, inverse in INVERSE.items():
        stored = visual.transpose(inverse) if inverse is not None else visual
        files[f"orientation-{orientation}"] = save(
            stored, root / f"orientation-{orientation}.jpg", "JPEG", quality=95,
            exif=with_gps_exif(orientation, "(c) 2026 Ada"))
    files["gps.jpg"] = save(busy((1200, 900)), root / "gps.jpg", "JPEG", quality=92,
                            exif=with_gps_exif(1, "(c) 2026 Ada"))
    xmp = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
           b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="48,51.48N" '
           b'exif:GPSLongitude="2,17.67E"/></rdf:RDF></x:xmpmeta>')
    files["xmp-gps.jpg"] = save(busy((900, 600)), root / "xmp-gps.jpg", "JPEG", quality=90, xmp=xmp)
    files["cmyk.jpg"] = save(visual.convert("CMYK"), root / "cmyk.jpg", "JPEG", quality=95)
    grey16 = Image.new("I;16", (64, 32), 32768)
    grey16.paste(Image.new("I;16", (32, 32), 65535), (0, 0))
    files["grey16.png"] = save(grey16, root / "grey16.png", "PNG")
    files["rgb16.png"] = root / "rgb16.png"
    files["rgb16.png"].write_bytes(png_rgb16(8, 4, (32768, 65535, 256)))
    files["palette.png"] = save(visual.convert("P", palette=Image.Palette.ADAPTIVE, colors=8),
                                root / "palette.png", "PNG")
    transparent_gif = Image.new("P", (40, 40), 1)
    transparent_gif.putpalette([255, 255, 255, 0, 200, 0] + [0] * 762)
    ImageDraw.Draw(transparent_gif).rectangle((0, 0, 19, 39), fill=0)
    files["palette-transparent.gif"] = save(transparent_gif, root / "palette-transparent.gif", "GIF",
                                            transparency=0)
    grey_alpha = Image.new("LA", (60, 40), (100, 0))
    ImageDraw.Draw(grey_alpha).rectangle((30, 0, 59, 39), fill=(100, 255))
    files["grey-alpha.png"] = save(grey_alpha, root / "grey-alpha.png", "PNG")
    rgba = Image.new("RGBA", (300, 200), (0, 0, 0, 0))
    ImageDraw.Draw(rgba).ellipse((50, 20, 250, 180), fill=(10, 160, 60, 255))
    files["alpha.png"] = save(rgba, root / "alpha.png", "PNG")
    files["bilevel.png"] = save(visual.convert("1"), root / "bilevel.png", "PNG")
    frames = [Image.new("RGB", (50, 50), colour) for colour in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    frames[0].save(root / "animated.gif", "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    files["animated.gif"] = root / "animated.gif"
    files["webp"] = save(visual, root / "photo.webp", "WEBP", quality=90)
    if features.check("avif"):
        files["avif"] = save(visual, root / "photo.avif", "AVIF", quality=90)
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
        files["heic"] = save(visual, root / "photo.heic", "HEIF", quality=90)
    except ImportError:
        pass
    files["tiff16"] = save(Image.new("I;16", (20, 20), 40000), root / "grey16.tif", "TIFF")
    srgb = visual.copy()
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    files["srgb-profile.jpg"] = save(srgb, root / "srgb-profile.jpg", "JPEG", quality=95, icc_profile=profile)
    files["swapped-profile.png"] = save(Image.new("RGB", (40, 30), (255, 0, 0)), root / "swapped-profile.png",
                                        "PNG", icc_profile=swapped_primaries_profile())
    files["bad-profile.jpg"] = save(srgb, root / "bad-profile.jpg", "JPEG", quality=95,
                                    icc_profile=b"not a colour profile at all" * 4)
    files["one-pixel.png"] = save(Image.new("RGB", (1, 1), (250, 200, 10)), root / "one-pixel.png", "PNG")
    panorama = Image.linear_gradient("L").resize((20000, 200)).convert("RGB")
    files["panorama.jpg"] = save(panorama, root / "panorama.jpg", "JPEG", quality=90)
    big = busy((6000, 4000), seed=3)
    files["big.jpg"] = save(big, root / "big.jpg", "JPEG", quality=90)
    files["bomb.png"] = root / "bomb.png"
    files["bomb.png"].write_bytes(png_bomb(40000, 40000))
    whole = (root / "gps.jpg").read_bytes()
    files["truncated.jpg"] = root / "truncated.jpg"
    files["truncated.jpg"].write_bytes(whole[: len(whole) // 2])
    png_bytes = (root / "alpha.png").read_bytes()
    files["truncated.png"] = root / "truncated.png"
    files["truncated.png"].write_bytes(png_bytes[: len(png_bytes) - 40])
    files["empty.jpg"] = root / "empty.jpg"
    files["empty.jpg"].write_bytes(b"")
    files["text.jpg"] = root / "text.jpg"
    files["text.jpg"].write_text("this is a shopping list, not a photo\n")
    files["png-named.jpg"] = root / "png-named.jpg"
    files["png-named.jpg"].write_bytes(png_bytes)
    return files
