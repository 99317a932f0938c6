"""An image's bytes between a library's asset store and ``studio.blobs``, by SHA-256.

The asset's row travels with the sync like any other (:mod:`studio.team.records`); its bytes go
apart, once per hash for the whole team: a push uploads them when the server lacks them, and a
round fetches the files of the assets this library holds only as rows (pulled from a teammate),
checks that the bytes hash to their name, and writes them into the asset store atomically. A
member who cannot see an asset row cannot read its bytes either (the table's policy).
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from studio.files import write_atomically
from studio.library import Library

log = logging.getLogger(__name__)

FETCH_BATCH = 20


def upload(pg: Any, library: Library, doc: dict[str, Any], base: dict[str, Any] | None) -> bool:
    """Send the bytes of ``doc``'s asset unless the team has them (or had them when ``base``, the
    document it last agreed on, named the same hash); returns whether bytes were sent."""
    sha = str(doc["sha"])
    if base is not None and base.get("sha") == sha:
        return False
    if pg.execute("SELECT 1 FROM studio.blobs WHERE sha = %s", (sha,)).fetchone() is not None:
        return False
    path = library.assets_dir / sha[:2] / f"{sha}.{doc['ext']}"
    try:
        data = path.read_bytes()
    except OSError:
        log.warning("Asset %s has no file here; its bytes stay with whoever has them", sha)
        return False
    pg.execute("INSERT INTO studio.blobs (sha, size, data) VALUES (%s, %s, %s) ON CONFLICT (sha) DO NOTHING",
               (sha, len(data), data))
    return True


def missing(library: Library) -> list[tuple[str, str]]:
    """``(sha, ext)`` of the team's assets this library holds as rows without their file."""
    rows = library.query("SELECT DISTINCT a.sha, a.ext FROM assets a JOIN draft_assets l ON l.sha = a.sha "
                         "JOIN team_rows t ON t.kind = 'asset' AND t.local_id = l.rowid")
    return [(str(sha), str(ext)) for sha, ext in rows
            if not (library.assets_dir / str(sha)[:2] / f"{sha}.{ext}").exists()]


def fetch_missing(pg: Any, library: Library) -> int:
    """Fetch the files :func:`missing` names, a few per query; returns how many arrived. Bytes that
    do not hash to their name are not stored."""
    wanted = dict(missing(library))
    fetched = 0
    names = sorted(wanted)
    for start in range(0, len(names), FETCH_BATCH):
        for sha, data in pg.execute("SELECT sha, data FROM studio.blobs WHERE sha = ANY(%s)",
                                    (names[start:start + FETCH_BATCH],)):
            data = bytes(data)
            if hashlib.sha256(data).hexdigest() != sha:
                log.warning("The team's bytes for asset %s do not match its hash; not stored", sha)
                continue
            target = library.assets_dir / sha[:2] / f"{sha}.{wanted[sha]}"
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, data)
            fetched += 1
        pg.commit()
    if fetched:
        library.changed("asset")
    return fetched
