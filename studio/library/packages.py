"""Draft packages: the JSON export with the image files beside it, in a folder or a zip file.

``drafts.json`` is :meth:`Library.export_data`; ``assets/<sha>.<ext>`` are the asset store's files
(the originals, so crops and focal points still fit them). Importing checks the whole package first
(every image the JSON names is there, and its bytes hash to its name), then stores the images and
the drafts in one transaction: a package imports whole or not at all.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from studio.errors import UsageError
from studio.files import write_atomically

DATA = "drafts.json"
ASSETS = "assets"


def is_package(path: Path) -> bool:
    """A folder holding ``drafts.json``, or a zip file."""
    return (path.is_dir() and (path / DATA).is_file()) or (path.is_file() and zipfile.is_zipfile(path))


def export_package(library: Any, path: Path, client_id: int | None = None) -> int:
    """Write the drafts and their image files to ``path``: a zip when it ends in ``.zip``, else a
    folder (created; an existing one must be empty). Returns the number of drafts."""
    data = library.export_data(client_id)
    files = {f"{ASSETS}/{a['sha']}.{a['ext']}": library.asset_path(a["sha"]) for a in data["assets"]}
    text = json.dumps(data, ensure_ascii=False, indent=1)
    missing = [name for name, source in files.items() if not source.is_file()]
    if missing:
        raise UsageError(f"{len(missing)} image file(s) are missing from the library, e.g. {missing[0]}.",
                         "Run 'studio drafts check' to find and repair them.")
    if path.suffix.lower() == ".zip":
        partial = path.with_name(f".{path.name}.partial")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(DATA, text)
            for name, source in files.items():
                archive.write(source, name, compress_type=zipfile.ZIP_STORED)  # images are compressed already
        partial.replace(path)
        return len(data["drafts"])
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise UsageError(f"{path} already exists and is not an empty folder.", "Give a new folder or a .zip name.")
    (path / ASSETS).mkdir(parents=True, exist_ok=True)
    for name, source in files.items():
        write_atomically(path / name, source.read_bytes())
    write_atomically(path / DATA, text)
    return len(data["drafts"])


def import_package(library: Any, path: Path) -> int:
    """Import a package written by :func:`export_package`, whole or not at all."""
    if path.is_dir():
        return _import(library, path.name, lambda name: _from_folder(path, name))
    try:
        with zipfile.ZipFile(path) as archive:
            return _import(library, path.name, archive.read)
    except (OSError, zipfile.BadZipFile) as error:
        raise UsageError(f"{path.name} is not a readable zip file ({error}).", "Nothing was imported.") from error


def _from_folder(folder: Path, name: str) -> bytes:
    target = folder / name
    if not target.is_file():
        raise KeyError(name)
    return target.read_bytes()


def _import(library: Any, label: str, read: Callable[[str], bytes]) -> int:
    try:
        data = json.loads(read(DATA).decode("utf-8-sig"))
    except KeyError:
        raise UsageError(f"{label} has no {DATA}.", "Give a folder or zip written by 'studio drafts export'.") from None
    except ValueError as error:
        raise UsageError(f"{label}: {DATA} is not valid JSON ({error}).", "Nothing was imported.") from error
    images: dict[str, tuple[bytes, str]] = {}
    for asset in data.get("assets", []) if isinstance(data, dict) else []:
        name = f"{ASSETS}/{asset.get('sha')}.{asset.get('ext')}"
        try:
            content = read(name)
        except (KeyError, OSError):
            raise UsageError(f"{label}: the image {name} is missing.", "Nothing was imported.") from None
        if hashlib.sha256(content).hexdigest() != asset.get("sha"):
            raise UsageError(f"{label}: the image {name} is damaged (its content does not match its name).",
                             "Nothing was imported.")
        images[str(asset["sha"])] = (content, str(asset.get("original_name") or ""))

    def store_images(conn: Any) -> None:  # inside the import's transaction
        known = {row[0] for row in conn.execute("SELECT sha FROM assets")}
        for sha, (content, original_name) in images.items():
            if sha not in known:  # the import's own row (focal point, crops) follows; the file goes first
                library.add_asset(content, original_name)
                conn.execute("DELETE FROM assets WHERE sha = ?", (sha,))

    return int(library.import_data(data, label, before=store_images))
