"""The library's side of a team: the link, the outbox, and rows as documents both sides merge.

A draft travels as one JSON document (text, language, notes, tags, networks, variants and threads,
status, ignored rules, its client's uid); a client as another (name, colour, language, brand rules,
dictionary, snippets, ignored rules, archived). The rows that hang off them (accounts' settings,
images, schedules, comments, approvals) are :mod:`studio.team.records`'. Secrets never do.

Functions take the library's SQLite connection inside the caller's transaction. While the engine
writes the team's changes (:func:`applying`), the outbox triggers stay silent, so a pulled change
is never pushed back.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from studio.library import revisions, search
from studio.library.drafts import _write_sets
from studio.library.store import utc_now
from studio.team.records import RECORDS

_CLIENT_JSON = ("brand_rules", "dictionary", "snippets", "ignored_rules")


def state(conn: sqlite3.Connection) -> dict[str, str]:
    return {row[0]: row[1] for row in conn.execute("SELECT key, value FROM team_state")}


def set_state(conn: sqlite3.Connection, key: str, value: object) -> None:
    conn.execute(
        "INSERT INTO team_state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, str(value)),
    )


@contextmanager
def applying(conn: sqlite3.Connection) -> Iterator[None]:
    """Writes inside are the team's: the outbox triggers do not record them."""
    set_state(conn, "applying", 1)
    try:
        yield
    finally:
        conn.execute("DELETE FROM team_state WHERE key = 'applying'")


def waiting(conn: sqlite3.Connection) -> int:
    """How many rows have changes not yet sent (a saved edit's revision travels with its draft and
    is not counted apart: one edit, one change waiting)."""
    return int(conn.execute("SELECT count(*) FROM (SELECT DISTINCT kind, local_id FROM team_outbox "
                            "WHERE kind != 'revision')").fetchone()[0])


def queue_everything(conn: sqlite3.Connection) -> None:
    """Put every client and draft in the outbox (the library that starts a team brings its work)."""
    conn.execute("INSERT INTO team_outbox(kind, local_id) SELECT 'client', id FROM clients")
    conn.execute("INSERT INTO team_outbox(kind, local_id) SELECT 'draft', id FROM drafts")
    for kind, table in (("account", "accounts"), ("asset", "draft_assets"), ("schedule", "schedules"),
                        ("comment", "review_comments"), ("approval", "review_approvals")):
        conn.execute(f"INSERT INTO team_outbox(kind, local_id) SELECT '{kind}', rowid FROM {table}")
    conn.execute("INSERT INTO team_outbox(kind, local_id) SELECT 'revision', id FROM revisions "
                 "WHERE reason IN ('edit', 'restore')")


def doc_of(conn: sqlite3.Connection, kind: str, local_id: int) -> dict[str, Any] | None:
    """The row ``local_id`` of ``kind`` as the document the team holds (``None``: gone here)."""
    if kind == "client":
        return client_doc(conn, local_id)
    if kind == "draft":
        return draft_doc(conn, local_id)
    return RECORDS[kind].doc(conn, local_id)


# --- rows <-> documents -----------------------------------------------------------------------


def uid_of(conn: sqlite3.Connection, kind: str, local_id: int) -> str | None:
    row = conn.execute("SELECT uid FROM team_rows WHERE kind = ? AND local_id = ?", (kind, local_id)).fetchone()
    return str(row[0]) if row else None


def local_of(conn: sqlite3.Connection, kind: str, uid: str) -> int | None:
    row = conn.execute("SELECT local_id FROM team_rows WHERE kind = ? AND uid = ?", (kind, uid)).fetchone()
    return int(row[0]) if row else None


def client_doc(conn: sqlite3.Connection, client_id: int) -> dict[str, Any] | None:
    row = conn.execute("SELECT * FROM clients WHERE id = ?", (client_id,)).fetchone()
    if row is None:
        return None
    doc: dict[str, Any] = {"name": row["name"], "colour": row["colour"], "language": row["language"],
                           "archived": bool(row["archived"])}
    for key in _CLIENT_JSON:
        doc[key] = json.loads(row[key])
    return doc


def draft_doc(conn: sqlite3.Connection, draft_id: int) -> dict[str, Any] | None:
    row = conn.execute("SELECT * FROM drafts WHERE id = ?", (draft_id,)).fetchone()
    if row is None:
        return None
    variants = revisions.snapshot(conn, draft_id)["variants"]  # type: ignore[index]
    return {
        "client": uid_of(conn, "client", row["client_id"]),
        "text": row["text"],
        "language": row["language"],
        "notes": row["notes"],
        "tags": json.loads(row["tags"]),
        "networks": json.loads(row["networks"]),
        "status": row["status"],
        "ignored_rules": json.loads(row["ignored_rules"]),
        "variants": variants,
        "created_at": row["created_at"],
    }


def apply_client(conn: sqlite3.Connection, client_id: int | None, doc: dict[str, Any]) -> int:
    """Write the team's ``doc`` into the client ``client_id`` (a new one, or the local client of the
    same name, when ``None``); returns its id."""
    if client_id is None:
        row = conn.execute("SELECT id FROM clients WHERE name = ? COLLATE NOCASE", (doc["name"],)).fetchone()
        if row is None:
            cursor = conn.execute("INSERT INTO clients(name, created_at) VALUES (?, ?)", (doc["name"], utc_now()))
            row = (cursor.lastrowid,)
        client_id = int(row[0])
    conn.execute(
        "UPDATE clients SET name = ?, colour = ?, language = ?, brand_rules = ?, dictionary = ?, snippets = ?, "
        "ignored_rules = ?, archived = ? WHERE id = ?",
        (doc["name"], doc.get("colour", "#4f7cff"), doc.get("language", "en-US"),
         *(json.dumps(doc.get(key, {} if key == "brand_rules" else []), ensure_ascii=False) for key in _CLIENT_JSON),
         int(bool(doc.get("archived"))), client_id),
    )
    conn.execute("UPDATE drafts_fts SET client = ? WHERE rowid IN (SELECT id FROM drafts WHERE client_id = ?)",
                 (doc["name"], client_id))
    return client_id


def apply_draft(conn: sqlite3.Connection, draft_id: int | None, doc: dict[str, Any], client_id: int) -> int:
    """Write the team's ``doc`` into the draft ``draft_id`` (a new one when ``None``); the text it
    replaces stays in the draft's revisions. Returns its id."""
    now = utc_now()
    values = (client_id, doc.get("text", ""), doc.get("language"), doc.get("notes", ""),
              json.dumps(doc.get("tags", []), ensure_ascii=False), json.dumps(doc.get("networks", [])),
              doc.get("status", "draft"), json.dumps(doc.get("ignored_rules", [])))
    if draft_id is None:
        cursor = conn.execute(
            "INSERT INTO drafts(client_id, text, language, notes, tags, networks, status, ignored_rules, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*values, doc.get("created_at") or now, now),
        )
        draft_id = int(cursor.lastrowid or 0)
    else:
        conn.execute(
            "UPDATE drafts SET client_id = ?, text = ?, language = ?, notes = ?, tags = ?, networks = ?, "
            "status = ?, ignored_rules = ?, updated_at = ? WHERE id = ?",
            (*values, now, draft_id),
        )
        conn.execute("DELETE FROM draft_tags WHERE draft_id = ?", (draft_id,))
        conn.execute("DELETE FROM draft_networks WHERE draft_id = ?", (draft_id,))
        conn.execute("DELETE FROM variants WHERE draft_id = ?", (draft_id,))
    _write_sets(conn, draft_id, doc.get("networks", []), doc.get("tags", []))
    conn.executemany(
        "INSERT INTO variants(draft_id, network, text, parts) VALUES (?, ?, ?, ?)",
        [(draft_id, network, v.get("text"), json.dumps(v["parts"], ensure_ascii=False) if v.get("parts") else None)
         for network, v in (doc.get("variants") or {}).items()],
    )
    search.reindex(conn, draft_id)
    revisions.record(conn, draft_id, "sync")
    return draft_id


def insert_drafts(conn: sqlite3.Connection, items: list[tuple[dict[str, Any], int]]) -> list[int]:
    """Add the team's new drafts (``(doc, local client id)`` each) in bulk, as an import does:
    the first sync of a large team library. Returns their ids, in order."""
    start = int(conn.execute("SELECT coalesce(max(id), 0) FROM drafts").fetchone()[0]) + 1
    now = utc_now()
    ids = list(range(start, start + len(items)))
    names = {row[0]: row[1] for row in conn.execute("SELECT id, name FROM clients")}
    drafts: list[tuple[Any, ...]] = []
    tags: list[tuple[int, str]] = []
    networks: list[tuple[int, str]] = []
    variants: list[tuple[int, str, str | None, str | None]] = []
    fts: list[tuple[int, str, str, str, str, str]] = []
    first: list[tuple[int, bool]] = []
    for draft_id, (doc, client_id) in zip(ids, items, strict=True):
        doc_tags, doc_networks = doc.get("tags", []), doc.get("networks", [])
        drafts.append((draft_id, client_id, doc.get("text", ""), doc.get("language"), doc.get("notes", ""),
                       json.dumps(doc_tags, ensure_ascii=False), json.dumps(doc_networks), doc.get("status", "draft"),
                       json.dumps(doc.get("ignored_rules", [])), doc.get("created_at") or now, now))
        tags.extend((draft_id, tag) for tag in doc_tags)
        networks.extend((draft_id, network) for network in doc_networks)
        pieces: list[str] = []
        for network, variant in sorted((doc.get("variants") or {}).items()):
            parts = variant.get("parts")
            variants.append((draft_id, network, variant.get("text"),
                             json.dumps(parts, ensure_ascii=False) if parts else None))
            pieces.extend([variant["text"]] if variant.get("text") else [])
            pieces.extend(parts or [])
        fts.append((draft_id, doc.get("text", ""), "\n".join(pieces), " ".join(doc_tags), doc.get("notes", ""),
                    names.get(client_id, "")))
        first.append((draft_id, bool(doc.get("variants"))))
    conn.executemany(
        "INSERT INTO drafts(id, client_id, text, language, notes, tags, networks, status, ignored_rules, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", drafts)
    conn.executemany("INSERT OR IGNORE INTO draft_tags(draft_id, tag) VALUES (?, ?)", tags)
    conn.executemany("INSERT OR IGNORE INTO draft_networks(draft_id, network) VALUES (?, ?)", networks)
    conn.executemany("INSERT INTO variants(draft_id, network, text, parts) VALUES (?, ?, ?, ?)", variants)
    conn.executemany("INSERT INTO drafts_fts(rowid, text, variants, tags, notes, client) VALUES (?, ?, ?, ?, ?, ?)",
                     fts)
    revisions.record_many(conn, [(draft_id, row[2]) for (draft_id, with_variants), row in zip(first, drafts, strict=True)
                                 if not with_variants], "sync")
    for draft_id, with_variants in first:
        if with_variants:
            revisions.record(conn, draft_id, "sync")
    return ids


def remember_many(conn: sqlite3.Connection, kind: str,
                  rows: list[tuple[int, str, int, dict[str, Any], str, str]]) -> None:
    """:func:`remember` for many rows: ``(local id, uid, version, base, changed_by, changed_at)``."""
    conn.executemany(
        "INSERT INTO team_rows(kind, local_id, uid, version, base, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(kind, local_id) DO UPDATE SET uid = excluded.uid, version = excluded.version, "
        "base = excluded.base, changed_by = excluded.changed_by, changed_at = excluded.changed_at",
        [(kind, local_id, uid, version, json.dumps(base, ensure_ascii=False), by, at)
         for local_id, uid, version, base, by, at in rows],
    )


def keep_conflict_copy(conn: sqlite3.Connection, draft_id: int) -> None:
    """Record the member's version of ``draft_id`` (as it is now) as a conflict revision, and list
    it for the notice."""
    revision = revisions.record(conn, draft_id, "conflict", always=True)
    conn.execute("INSERT INTO team_conflicts(draft_id, revision_id, created_at) VALUES (?, ?, ?)",
                 (draft_id, revision, utc_now()))


def remember(conn: sqlite3.Connection, kind: str, local_id: int, uid: str, version: int,
             base: dict[str, Any] | None, changed_by: str = "", changed_at: str = "") -> None:
    conn.execute(
        "INSERT INTO team_rows(kind, local_id, uid, version, base, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(kind, local_id) DO UPDATE SET uid = excluded.uid, version = excluded.version, "
        "base = excluded.base, changed_by = excluded.changed_by, changed_at = excluded.changed_at",
        (kind, local_id, uid, version, json.dumps(base, ensure_ascii=False) if base is not None else None,
         changed_by, changed_at),
    )


def last_changed(conn: sqlite3.Connection, draft_ids: list[int]) -> dict[int, str]:
    """Who last changed each of ``draft_ids`` in the team, with "(conflict copy in revisions)"
    where an overlapping edit of this member's was kept aside (for the Library's list)."""
    if not draft_ids:
        return {}
    marks = ",".join("?" * len(draft_ids))
    conflicted = {int(row[0]) for row in conn.execute(
        f"SELECT DISTINCT draft_id FROM team_conflicts WHERE draft_id IN ({marks})", draft_ids)}
    return {
        int(row[0]): str(row[1]) + (" (conflict copy in revisions)" if int(row[0]) in conflicted else "")
        for row in conn.execute(
            f"SELECT local_id, changed_by FROM team_rows WHERE kind = 'draft' AND local_id IN ({marks})",
            draft_ids,
        )
        if row[1]
    }


@dataclass(frozen=True)
class Conflict:
    """A draft's overlapping edit not dismissed yet: the member's text is kept as the draft's
    revision ``number`` (counted from its first revision, 1-based), ``revision_id`` in the library."""

    draft_id: int
    revision_id: int
    number: int
    created_at: str


def open_conflicts(conn: sqlite3.Connection, draft_ids: list[int] | None = None) -> dict[int, Conflict]:
    """The latest conflict not yet dismissed of each draft (of ``draft_ids``, or of all)."""
    where, params = "seen = 0", []
    if draft_ids is not None:
        if not draft_ids:
            return {}
        where += f" AND draft_id IN ({','.join('?' * len(draft_ids))})"
        params = list(draft_ids)
    found: dict[int, Conflict] = {}
    for draft_id, revision_id, created_at in conn.execute(
        f"SELECT draft_id, revision_id, created_at FROM team_conflicts WHERE {where} ORDER BY id", params
    ):
        number = int(conn.execute("SELECT count(*) FROM revisions WHERE draft_id = ? AND id <= ?",
                                  (draft_id, revision_id or 0)).fetchone()[0])
        found[int(draft_id)] = Conflict(int(draft_id), int(revision_id or 0), number, str(created_at))
    return found


def dismiss_conflicts(conn: sqlite3.Connection, draft_id: int) -> None:
    """The member has seen the draft's conflicts: the notice and the Library's mark go."""
    conn.execute("UPDATE team_conflicts SET seen = 1 WHERE draft_id = ?", (draft_id,))
