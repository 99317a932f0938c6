"""``studio presets`` and ``studio export-image``: the image pipeline from a terminal.

Top-level imports stay light (no Pillow): the handlers import what they need.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studio.errors import UsageError

if TYPE_CHECKING:
    from studio.imaging.presets import Preset

FORMATS = ("auto", "jpeg", "png", "webp")


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    listing = subparsers.add_parser(
        "presets",
        parents=[common],
        help="list the image presets (with the library's custom ones)",
        description="List every image preset: network, placement, size, byte limit and formats.",
    )
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(handler=run_presets)

    export = subparsers.add_parser(
        "export-image",
        parents=[common],
        help="export one image to many presets",
        description="Crop and resize IMAGE for each preset, within its byte limit, without private "
        "metadata (EXIF, GPS), into files named <stem>-<network>-<placement>-<w>x<h>.<ext>.",
    )
    export.add_argument("image", type=Path, metavar="IMAGE")
    export.add_argument("--preset", required=True, metavar="ID[,ID...]|all",
                        help="preset ids separated by commas, a network name, or 'all'")
    export.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder for the files")
    export.add_argument("--focal", metavar="X,Y|auto",
                        help="the point to keep in view, as fractions (0.5,0.4), or 'auto' to guess it")
    export.add_argument("--format", choices=FORMATS, default="auto", dest="fmt",
                        help="file format where the preset accepts it (default: auto)")
    export.add_argument("--keep-copyright", action="store_true",
                        help="keep the EXIF Artist and Copyright fields (everything else is removed)")
    export.add_argument("--background", default="#ffffff", metavar="#RRGGBB",
                        help="colour behind transparent areas in formats without transparency (default white)")
    export.add_argument("--stem", help="the start of the file names (default: the image's name)")
    export.add_argument("--json", action="store_true", help="print the renditions as JSON")
    export.set_defaults(handler=run_export)


def custom_presets(args: argparse.Namespace) -> list[Preset]:
    """The library's custom presets (valid ones; the others are named on stderr), if the library
    exists (commands never create one by looking)."""
    from studio.commandline import library_dir, open_library
    from studio.imaging.presets import usable_custom
    from studio.library import DATABASE_NAME

    if not (library_dir(args) / DATABASE_NAME).is_file():
        return []
    with open_library(args) as library:
        usable, refused = usable_custom(library.list_custom_presets())
    for error in refused:
        print(f"studio: skipping a custom preset: {error.for_humans()}", file=sys.stderr)
    return usable


def run_presets(args: argparse.Namespace) -> int:
    from studio.imaging.presets import all_presets

    presets = all_presets(custom_presets(args))
    if args.json:
        json.dump([preset.to_json() for preset in presets], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    rows = [("ID", "SIZE", "MAX", "FORMATS", "LABEL")]
    for preset in presets:
        rows.append((
            preset.id,
            f"{preset.width}x{preset.height}",
            _size(preset.max_bytes),
            ",".join(preset.formats),
            preset.label + (" (custom)" if preset.custom else ""),
        ))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4])
    return 0


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / 1024 / 1024:.1f} MB".replace(".0 MB", " MB")
    return f"{count / 1024:.0f} KB"


def parse_focal(text: str) -> tuple[float, float]:
    """``"0.5,0.4"`` as a point; a clear :class:`UsageError` otherwise."""
    parts = text.replace(" ", "").split(",")
    try:
        x, y = (float(part) for part in parts)
    except ValueError as error:
        raise UsageError(f"--focal {text!r} is not a point.",
                         "Give X,Y as fractions of the image, for example 0.5,0.4, or 'auto'.") from error
    if not (0.0 <= x <= 1.0 and 0.0 <= y <= 1.0):
        raise UsageError(f"--focal {text} is outside the image.", "Both numbers must be between 0 and 1.")
    return (x, y)


def parse_colour(text: str) -> tuple[int, int, int]:
    """``"#1a2b3c"`` (or ``1a2b3c``, ``#abc``) as RGB; a clear :class:`UsageError` otherwise."""
    value = text.strip().lstrip("#")
    if len(value) == 3:
        value = "".join(digit * 2 for digit in value)
    try:
        if len(value) != 6:
            raise ValueError(value)
        return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))
    except ValueError as error:
        raise UsageError(f"--background {text!r} is not a colour.", "Give it as #RRGGBB, for example #ffffff.") from error


def run_export(args: argparse.Namespace) -> int:
    from studio.imaging import export, presets
    from studio.imaging.loading import load, probe

    chosen = presets.resolve(args.preset, custom_presets(args))
    for notice in probe(args.image).notices:  # a .jpg that holds a PNG, say: opened, and said
        print(f"studio: {notice}", file=sys.stderr)
    source: Any = args.image
    focal = None
    if args.focal and args.focal.strip().lower() == "auto":
        from studio.imaging.saliency import guess_focal

        preview = load(args.image, max_side=512)
        focal = guess_focal(preview.image)
    elif args.focal:
        focal = parse_focal(args.focal)
    stem = args.stem or Path(args.image).stem
    background = parse_colour(args.background)
    renditions = export.export(source, chosen, args.out, focal=focal, fmt=args.fmt,
                               keep_copyright=args.keep_copyright, stem=stem, background=background)
    if args.json:
        keys = ("preset", "path", "width", "height", "bytes", "format")
        json.dump([{key: item.to_json()[key] for key in keys} for item in renditions], sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        for item in renditions:
            print(f"{item.path}  {item.width}x{item.height}  {_size(item.bytes)}")
    for item in renditions:
        for notice in item.notices:
            print(f"studio: {notice}", file=sys.stderr)
    return 0
