"""Files Pillow refuses are refused in one line, with no traceback and no warning text.

The odd files are made here, byte by byte, in the shapes of the ones in Pillow's own test images that
ended in "unexpected error" with a traceback (a DDS whose DXGI format Pillow has not implemented, a
PSD whose layer records run past the end, a TIFF without its width) or printed Pillow's warnings
(a TIFF with malformed metadata), and then a few hundred seeded mutations of small valid files of
every format Pillow reads. Each must load or be refused with :class:`ImageError`, in this process
and through ``studio export-image`` in a real one.
"""

from __future__ import annotations

import io
import os
import random
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from studio.imaging.errors import ImageError
from studio.imaging.loading import load, probe

# In this process pytest shows every warning; the real processes below show what a user sees.
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning", "ignore::DeprecationWarning")


def dds_with_an_unimplemented_format(dxgi_format: int = 999) -> bytes:
    """A DDS with a DX10 header whose DXGI format Pillow does not decode (NotImplementedError)."""
    header = struct.pack("<4sIIIIIII", b"DDS ", 124, 0x1007, 4, 4, 0, 0, 0) + b"\0" * 44
    pixel_format = struct.pack("<II4sIIIII", 32, 0x4, b"DX10", 0, 0, 0, 0, 0)
    caps = struct.pack("<IIIII", 0x1000, 0, 0, 0, 0)
    dx10 = struct.pack("<IIIII", dxgi_format, 3, 0, 1, 0)
    return header + pixel_format + caps + dx10 + b"\0" * 64


def dds_with_unknown_pixel_flags() -> bytes:
    header = struct.pack("<4sIIIIIII", b"DDS ", 124, 0x1007, 4, 4, 0, 0, 0) + b"\0" * 44
    pixel_format = struct.pack("<II4sIIIII", 32, 0x80000, b"\0\0\0\0", 0, 0, 0, 0, 0)
    return header + pixel_format + struct.pack("<IIIII", 0x1000, 0, 0, 0, 0) + b"\0" * 64


def psd_with_broken_layers() -> bytes:
    """A PSD whose layer section promises three layers and then ends."""
    header = b"8BPS" + struct.pack(">H6xHIIHH", 1, 3, 4, 4, 8, 3)  # RGB, 8 bits, 4 x 4
    layer_records = struct.pack(">h", 3) + struct.pack(">iiiiH", 0, 0, 4, 4, 3) + b"\xff" * 10
    layer_info = struct.pack(">I", len(layer_records) + 400) + layer_records
    layers_and_masks = struct.pack(">I", len(layer_info)) + layer_info
    image_data = struct.pack(">H", 0) + b"\0" * 48
    return header + struct.pack(">I", 0) + struct.pack(">I", 0) + layers_and_masks + image_data


def _tiff(entries: dict[int, tuple[int, int, bytes]], pixels: bytes = b"\0" * 48) -> bytes:
    """A little-endian TIFF with the given IFD entries: tag -> (type, count, value bytes)."""
    count = len(entries) + 1
    ifd_at = 8
    data_at = ifd_at + 2 + count * 12 + 4
    extra = b""
    body = b""
    items = dict(entries)
    items[273] = (4, 1, b"")  # StripOffsets, filled in below
    for tag in sorted(items):
        kind, n, value = items[tag]
        if tag == 273:
            value = struct.pack("<I", 0)  # placeholder
        if value == b"beyond":  # data said to lie past the end of the file
            body += struct.pack("<HHII", tag, kind, n, 1 << 20)
        elif len(value) <= 4:
            body += struct.pack("<HHI", tag, kind, n) + value.ljust(4, b"\0")
        else:
            body += struct.pack("<HHII", tag, kind, n, data_at + len(extra))
            extra += value
    pixels_at = data_at + len(extra)
    body = body.replace(struct.pack("<HHI", 273, 4, 1) + struct.pack("<I", 0),
                        struct.pack("<HHI", 273, 4, 1) + struct.pack("<I", pixels_at))
    return b"II*\0" + struct.pack("<I", ifd_at) + struct.pack("<H", count) + body + b"\0\0\0\0" + extra + pixels


def _short(value: int) -> bytes:
    return struct.pack("<H", value)


def _long(value: int) -> bytes:
    return struct.pack("<I", value)


def tiff_without_a_width() -> bytes:
    return _tiff({257: (3, 1, _short(4)), 258: (3, 1, _short(8)), 262: (3, 1, _short(1)),
                  277: (3, 1, _short(1)), 279: (4, 1, _long(16))})


def tiff_without_dimensions() -> bytes:
    return _tiff({258: (3, 1, _short(8)), 262: (3, 1, _short(1)), 279: (4, 1, _long(16))})


def tiff_with_odd_metadata() -> bytes:
    """A readable 4 x 4 grey TIFF whose Software tag points past the end of the file: Pillow skips the
    tag and warns ("Truncated File Read")."""
    return _tiff({256: (3, 1, _short(4)), 257: (3, 1, _short(4)), 258: (3, 1, _short(8)),
                  262: (3, 1, _short(1)), 277: (3, 1, _short(1)), 278: (3, 1, _short(4)),
                  279: (4, 1, _long(16)), 305: (2, 64, b"beyond")})


ODD_FILES = {
    "unimplemented.dds": dds_with_an_unimplemented_format(),
    "unknown-flags.dds": dds_with_unknown_pixel_flags(),
    "broken-layers.psd": psd_with_broken_layers(),
    "no-width.tif": tiff_without_a_width(),
    "no-dimensions.tif": tiff_without_dimensions(),
}


def _valid_samples() -> dict[str, bytes]:
    """Small valid files of the formats Pillow writes (the seeds of the mutations)."""
    picture = Image.new("RGB", (24, 16), (200, 40, 40))
    picture.paste((20, 90, 200), (6, 4, 18, 12))
    samples = {}
    for suffix, fmt, image in [
        (".png", "PNG", picture), (".jpg", "JPEG", picture), (".gif", "GIF", picture.convert("P")),
        (".bmp", "BMP", picture), (".tif", "TIFF", picture), (".webp", "WEBP", picture),
        (".dds", "DDS", picture.convert("RGBA")), (".ico", "ICO", picture), (".tga", "TGA", picture),
        (".pcx", "PCX", picture), (".ppm", "PPM", picture), (".im", "IM", picture),
        (".sgi", "SGI", picture), (".j2k", "JPEG2000", picture), (".psd", "PNG", picture),
    ]:
        buffer = io.BytesIO()
        try:
            image.save(buffer, fmt)
        except (OSError, KeyError):  # a codec this Pillow was built without
            continue
        samples[suffix] = buffer.getvalue()
    samples[".psd"] = psd_with_broken_layers()
    return samples


def mutations(count: int = 240, seed: int = 20261130) -> dict[str, bytes]:
    """Seeded damage to valid files: bytes flipped in the header, runs zeroed, ends cut."""
    rng = random.Random(seed)
    samples = _valid_samples()
    found: dict[str, bytes] = {}
    for number in range(count):
        suffix, data = rng.choice(sorted(samples.items()))
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 6)):
            where = rng.randrange(min(len(damaged), 128 if rng.random() < 0.7 else len(damaged)))
            damaged[where] = rng.randrange(256)
        if rng.random() < 0.3:
            start = rng.randrange(len(damaged))
            damaged[start:start + rng.randint(1, 32)] = bytes(min(32, len(damaged) - start))
        if rng.random() < 0.3:
            del damaged[rng.randrange(8, len(damaged)):]
        found[f"mutant-{number:03d}{suffix}"] = bytes(damaged)
    return found


@pytest.mark.parametrize("name", sorted(ODD_FILES))
def test_odd_files_are_refused_in_one_line(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(ODD_FILES[name])
    for read in (load, probe):
        with pytest.raises(ImageError) as caught:
            read(path)
        message = caught.value.for_humans()
        assert message.startswith(name) and "\n" not in message


def test_odd_metadata_is_read_past(tmp_path: Path) -> None:
    """Pillow warns about it (the real process below shows that no warning reaches stderr)."""
    path = tmp_path / "odd-metadata.tif"
    path.write_bytes(tiff_with_odd_metadata())
    with pytest.warns(UserWarning):  # "Truncated File Read" as it skips the tag
        Image.open(path).load()
    assert load(path).image.size == (4, 4)


def test_damaged_files_of_every_format_load_or_are_refused(tmp_path: Path) -> None:
    refused = loaded = 0
    for name, data in mutations().items():
        path = tmp_path / name
        path.write_bytes(data)
        for read in (load, probe):
            try:
                read(path)
            except ImageError as error:
                assert "\n" not in error.for_humans(), name
                refused += 1
            else:
                loaded += 1
    assert refused > 100 and loaded > 10  # the mutations reach both ends


def _studio(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONWARNINGS="default")  # warnings shown as a user's Python would show them
    return subprocess.run([sys.executable, "-m", "studio", *args], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=120)


def test_export_image_refuses_each_in_one_line_on_stderr(tmp_path: Path) -> None:
    """Through the real command, in a new process: stdout empty, one line on stderr, no traceback,
    no warning text, exit 2; and a file with odd metadata exports with no warning on stderr."""
    files = {**ODD_FILES, **mutations(count=60, seed=7)}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "odd-metadata.tif").write_bytes(tiff_with_odd_metadata())
    script = "\n".join([
        "import sys, contextlib, io",
        "from studio.cli import main",
        "for name in sys.argv[1:]:",
        "    out, err = io.StringIO(), io.StringIO()",
        "    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):",
        "        code = main(['export-image', name, '--preset', 'x.post', '--out', 'out', '--library', 'lib'])",
        "    print(repr((name, code, out.getvalue(), err.getvalue())))",
    ])
    names = [*sorted(files), "odd-metadata.tif"]
    env = dict(os.environ, PYTHONWARNINGS="default")
    done = subprocess.run([sys.executable, "-c", script, *names], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=300)
    assert done.returncode == 0 and done.stderr == "", done.stderr[-2000:]
    import ast

    results = [ast.literal_eval(line) for line in done.stdout.splitlines()]
    assert len(results) == len(names)
    for name, code, out, err in results:
        if code == 0:  # the odd metadata, or a mutation that still decodes: notices at most
            assert out and all(line.startswith("studio: ") for line in err.splitlines()), (name, err)
            assert "Warning" not in err and "Corrupt" not in err, (name, err)
            continue
        assert code == 2 and out == "", (name, code, out, err)
        assert err.startswith(f"studio: {name} ") and err.count("\n") == 1, (name, err)
        assert "Traceback" not in err and "Warning" not in err and "unexpected" not in err, (name, err)
    refused = [name for name, code, _out, _err in results if code == 2]
    assert set(ODD_FILES) <= set(refused) and "odd-metadata.tif" not in refused
    one = _studio("export-image", "unimplemented.dds", "--preset", "x.post", "--out", "out", "--library", "lib",
                  cwd=tmp_path)
    assert one.returncode == 2 and one.stdout == ""
    assert one.stderr.startswith("studio: unimplemented.dds is damaged or in a form Studio cannot read")
    assert one.stderr.count("\n") == 1
