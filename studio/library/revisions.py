"""Revisions: every saved state of a draft's text and variants, kept compactly.

A revision is a row (draft, time, reason, hash); the state itself is JSON (zlib-compressed when longer) stored
once per draft and hash, so returning to an earlier text costs one small row. Saving a state equal
to the latest revision records nothing. Restoring records the state being left first, so a
restore is undone by restoring the revision it returns.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib

from studio.library import search
from studio.library.store import NotFound, Store, utc_now
from studio.model import Revision


def pack(data: bytes) -> bytes:
    """A state as stored: zlib when that is smaller, else the JSON itself (which starts with "{",
    never a zlib header), so short texts skip the compressor's cost."""
    if len(data) < 160:
        return data
    packed = zlib.compress(data, 6)
    return packed if len(packed) < len(data) else data


def unpack(blob: bytes) -> bytes:
    return blob if blob[:1] == b"{" else zlib.decompress(blob)


def snapshot(conn: sqlite3.Connection, draft_id: int) -> dict[str, object] | None:
    row = conn.execute("SELECT text FROM drafts WHERE id = ?", (draft_id,)).fetchone()
    if row is None:
        return None
    variants = {
        network: {"text": text, "parts": json.loads(parts) if parts else None}
        for network, text, parts in conn.execute(
            "SELECT network, text, parts FROM variants WHERE draft_id = ? ORDER BY network", (draft_id,)
        )
    }
    return {"text": row[0], "variants": variants}


def encode(state: dict[str, object]) -> tuple[bytes, str]:
    """A state as canonical JSON bytes, and the hash that names it."""
    data = json.dumps(state, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return data, hashlib.blake2b(data, digest_size=16).hexdigest()


def record(conn: sqlite3.Connection, draft_id: int, reason: str = "edit", *, always: bool = False) -> int | None:
    """Record the draft's current state unless it equals the latest revision (``always``: record
    it anyway); returns the id of the revision that holds the current state."""
    state = snapshot(conn, draft_id)
    if state is None:
        return None
    data, digest = encode(state)
    if not always:
        latest = conn.execute(
            "SELECT id, hash FROM revisions WHERE draft_id = ? ORDER BY id DESC LIMIT 1", (draft_id,)
        ).fetchone()
        if latest is not None and latest[1] == digest:
            return int(latest[0])
    conn.execute(
        "INSERT OR IGNORE INTO revision_blobs(draft_id, hash, data) VALUES (?, ?, ?)",
        (draft_id, digest, pack(data)),
    )
    cursor = conn.execute(
        "INSERT INTO revisions(draft_id, hash, reason, created_at) VALUES (?, ?, ?, ?)",
        (draft_id, digest, reason, utc_now()),
    )
    return int(cursor.lastrowid or 0)


def record_many(conn: sqlite3.Connection, drafts: list[tuple[int, str]], reason: str) -> None:
    """First revisions of new drafts without variants, in bulk (imports)."""
    blobs, rows, now = [], [], utc_now()
    for draft_id, text in drafts:
        data, digest = encode({"text": text, "variants": {}})
        blobs.append((draft_id, digest, data))  # imports: raw, compressed on nothing
        rows.append((draft_id, digest, reason, now))
    conn.executemany("INSERT OR IGNORE INTO revision_blobs(draft_id, hash, data) VALUES (?, ?, ?)", blobs)
    conn.executemany("INSERT INTO revisions(draft_id, hash, reason, created_at) VALUES (?, ?, ?, ?)", rows)


def _load(conn: sqlite3.Connection, draft_id: int, digest: str) -> dict[str, object]:
    row = conn.execute(
        "SELECT data FROM revision_blobs WHERE draft_id = ? AND hash = ?", (draft_id, digest)
    ).fetchone()
    loaded: dict[str, object] = json.loads(unpack(row[0]).decode("utf-8"))
    return loaded


class RevisionsMixin(Store):
    def revisions(self, draft_id: int, limit: int = 500) -> list[Revision]:
        """The draft's revisions, newest first."""
        conn = self.connection
        rows = self.query(
            "SELECT id, hash, reason, created_at FROM revisions WHERE draft_id = ? ORDER BY id DESC LIMIT ?",
            (draft_id, limit),
        )
        result = []
        for row in rows:
            state = _load(conn, draft_id, row["hash"])
            variants = state.get("variants")
            result.append(
                Revision(
                    id=row["id"],
                    draft_id=draft_id,
                    created_at=row["created_at"],
                    text=str(state.get("text", "")),
                    variants=dict(variants) if isinstance(variants, dict) else {},
                    reason=row["reason"],
                )
            )
        return result

    def restore_revision(self, draft_id: int, revision_id: int) -> int:
        """Make the draft's text and variants those of ``revision_id``. Returns the id of the
        revision holding the state before the restore: restoring that one undoes this."""
        with self.transaction() as conn:
            row = conn.execute(
                "SELECT hash FROM revisions WHERE id = ? AND draft_id = ?", (revision_id, draft_id)
            ).fetchone()
            if row is None:
                raise NotFound(f"Draft {draft_id} has no revision {revision_id}.", "Reload its history.")
            before = record(conn, draft_id, "edit")
            state = _load(conn, draft_id, row[0])
            conn.execute(
                "UPDATE drafts SET text = ?, updated_at = ? WHERE id = ?",
                (str(state.get("text", "")), utc_now(), draft_id),
            )
            conn.execute("DELETE FROM variants WHERE draft_id = ?", (draft_id,))
            variants = state.get("variants")
            for network, variant in (variants if isinstance(variants, dict) else {}).items():
                parts = variant.get("parts")
                conn.execute(
                    "INSERT INTO variants(draft_id, network, text, parts) VALUES (?, ?, ?, ?)",
                    (draft_id, network, variant.get("text"), json.dumps(parts, ensure_ascii=False) if parts else None),
                )
            search.reindex(conn, draft_id)
            # Always a new row, even when equal to an older one: the history shows the restore.
            record(conn, draft_id, "restore", always=True)
            self.changed("draft", draft_id)
        return int(before or 0)
