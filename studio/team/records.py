"""The rows that hang off a draft or a client, as documents the sync engine pushes and pulls.

Clients and drafts are :mod:`studio.team.local`'s; each kind here is one more row the engine
carries the same way (outbox, version, three-way merge of its document, position): an account's
settings (never its secret: ``secret_ref`` stays on each machine, tokens in its keyring), an image
attached to a draft (the asset's metadata, its focal point, its crops per preset and the alt text:
the bytes travel apart, once per hash, through ``studio.blobs``), a schedule with its
publication's state, a review comment, and an approval.

Every document names its client's uid (``client``): the server's row-level security is by client.
Rows refer to each other by uid, never by a local id. A schedule pulled from the team gets a
publication that is not due on this machine (``next_attempt_at`` NULL): the machine that scheduled
it, or the team queue (:mod:`studio.team.queue`), publishes it; the others show its state.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from studio.library import revisions
from studio.library.schedules import due_text
from studio.library.store import utc_now

Doc = dict[str, Any]
_SECRET = re.compile(r"(^|_)(token|secret|password|passphrase|key)s?$", re.IGNORECASE)


@dataclass(frozen=True)
class Record:
    """One kind of row: the server table, how to read it as a document and write one back."""

    kind: str
    table: str
    doc: Callable[[sqlite3.Connection, int], Doc | None]
    apply: Callable[[sqlite3.Connection, int | None, Doc], int | None]
    delete: Callable[[sqlite3.Connection, int], None]
    event: str  # the library change it announces ("draft", "account", ...)
    refusal: str  # what a member whose role may not write it is told


def _uid(conn: sqlite3.Connection, kind: str, local_id: int | None) -> str | None:
    if local_id is None:
        return None
    row = conn.execute("SELECT uid FROM team_rows WHERE kind = ? AND local_id = ?", (kind, local_id)).fetchone()
    return str(row[0]) if row else None


def _local(conn: sqlite3.Connection, kind: str, uid: str | None) -> int | None:
    if not uid:
        return None
    row = conn.execute("SELECT local_id FROM team_rows WHERE kind = ? AND uid = ?", (kind, uid)).fetchone()
    return int(row[0]) if row else None


def _draft_client(conn: sqlite3.Connection, draft_id: int) -> str | None:
    row = conn.execute("SELECT client_id FROM drafts WHERE id = ?", (draft_id,)).fetchone()
    return _uid(conn, "client", int(row[0])) if row else None


def without_secrets(settings: dict[str, Any]) -> dict[str, Any]:
    """An account's settings as the team sees them: no key that names a secret, at any depth."""
    return {key: without_secrets(value) if isinstance(value, dict) else value
            for key, value in settings.items() if not _SECRET.search(key)}


# --- accounts' settings ---------------------------------------------------------------------


def account_doc(conn: sqlite3.Connection, account_id: int) -> Doc | None:
    row = conn.execute("SELECT * FROM accounts WHERE id = ?", (account_id,)).fetchone()
    if row is None:
        return None
    client = _uid(conn, "client", int(row["client_id"]))
    if client is None:
        return None
    return {"client": client, "network": row["network"], "handle": row["handle"],
            "display_name": row["display_name"], "server_url": row["server_url"], "slots": json.loads(row["slots"]),
            "settings": without_secrets(json.loads(row["settings"])), "archived": bool(row["archived"])}


def apply_account(conn: sqlite3.Connection, account_id: int | None, doc: Doc) -> int | None:
    client_id = _local(conn, "client", doc["client"])
    if client_id is None:
        return None
    if account_id is None:
        row = conn.execute("SELECT id FROM accounts WHERE client_id = ? AND network = ? AND handle = ?",
                           (client_id, doc["network"], doc["handle"])).fetchone()
        if row is None:
            row = (conn.execute("INSERT INTO accounts(client_id, network, handle, created_at) VALUES (?, ?, ?, ?)",
                                (client_id, doc["network"], doc["handle"], utc_now())).lastrowid,)
        account_id = int(row[0])
    mine = conn.execute("SELECT settings FROM accounts WHERE id = ?", (account_id,)).fetchone()
    kept = json.loads(mine[0]) if mine else {}
    # This machine's own secret-bearing settings stay; the team's others replace the rest.
    settings = {**{k: v for k, v in kept.items() if k not in without_secrets(kept)}, **doc.get("settings", {})}
    conn.execute("UPDATE accounts SET client_id = ?, network = ?, handle = ?, display_name = ?, server_url = ?, "
                 "slots = ?, settings = ?, archived = ? WHERE id = ?",
                 (client_id, doc["network"], doc["handle"], doc.get("display_name", ""), doc.get("server_url", ""),
                  json.dumps(doc.get("slots", [])), json.dumps(settings), int(bool(doc.get("archived"))), account_id))
    return account_id


def _delete_account(conn: sqlite3.Connection, account_id: int) -> None:
    conn.execute("UPDATE accounts SET archived = 1 WHERE id = ?", (account_id,))


# --- images: an asset attached to a draft, with its focal point, crops and alt text ------------


def asset_doc(conn: sqlite3.Connection, link_id: int) -> Doc | None:
    row = conn.execute(
        "SELECT l.draft_id, l.position, l.alt_text, a.* FROM draft_assets l JOIN assets a ON a.sha = l.sha "
        "WHERE l.rowid = ?", (link_id,)).fetchone()
    if row is None:
        return None
    draft, client = _uid(conn, "draft", int(row["draft_id"])), _draft_client(conn, int(row["draft_id"]))
    if draft is None or client is None:
        return None
    crops = {str(c["preset_id"]): [c["x"], c["y"], c["w"], c["h"], c["rotation"], bool(c["flip_h"]), bool(c["flip_v"])]
             for c in conn.execute("SELECT * FROM crops WHERE sha = ? ORDER BY preset_id", (row["sha"],))}
    return {"client": client, "draft": draft, "sha": row["sha"], "ext": row["ext"], "size": row["size"],
            "name": row["original_name"], "position": row["position"], "alt_text": row["alt_text"],
            "focal": [row["focal_x"], row["focal_y"]], "crops": crops}


def apply_asset(conn: sqlite3.Connection, link_id: int | None, doc: Doc) -> int | None:
    """The asset's row, crops and the draft's link; the file itself arrives through
    :func:`studio.team.blobs.fetch_missing`."""
    draft_id = _local(conn, "draft", doc["draft"])
    if draft_id is None:
        return None
    sha, focal = doc["sha"], doc.get("focal") or [0.5, 0.5]
    conn.execute("INSERT OR IGNORE INTO assets(sha, ext, size, original_name, created_at) VALUES (?, ?, ?, ?, ?)",
                 (sha, doc["ext"], int(doc["size"]), doc.get("name", ""), utc_now()))
    conn.execute("UPDATE assets SET focal_x = ?, focal_y = ? WHERE sha = ?", (focal[0], focal[1], sha))
    conn.execute("DELETE FROM crops WHERE sha = ?", (sha,))
    conn.executemany("INSERT INTO crops(sha, preset_id, x, y, w, h, rotation, flip_h, flip_v) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     [(sha, preset, *values[:5], int(values[5]), int(values[6]))
                      for preset, values in (doc.get("crops") or {}).items()])
    if link_id is not None:
        conn.execute("UPDATE draft_assets SET draft_id = ?, sha = ?, position = ?, alt_text = ? WHERE rowid = ?",
                     (draft_id, sha, int(doc.get("position", 0)), doc.get("alt_text", ""), link_id))
        return link_id
    conn.execute("INSERT INTO draft_assets(draft_id, sha, position, alt_text) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT(draft_id, sha) DO UPDATE SET position = excluded.position, alt_text = excluded.alt_text",
                 (draft_id, sha, int(doc.get("position", 0)), doc.get("alt_text", "")))
    row = conn.execute("SELECT rowid FROM draft_assets WHERE draft_id = ? AND sha = ?", (draft_id, sha)).fetchone()
    return int(row[0])


def _delete_asset(conn: sqlite3.Connection, link_id: int) -> None:
    conn.execute("DELETE FROM draft_assets WHERE rowid = ?", (link_id,))


# --- schedules and their publications' states ---------------------------------------------------

_PUBLICATION = ("state", "attempts", "remote_id", "remote_url", "last_error")


def schedule_doc(conn: sqlite3.Connection, schedule_id: int) -> Doc | None:
    row = conn.execute("SELECT s.*, p.state, p.attempts, p.remote_id, p.remote_url, p.last_error, p.idempotency_key "
                       "FROM schedules s "
                       "LEFT JOIN publications p ON p.schedule_id = s.id WHERE s.id = ?", (schedule_id,)).fetchone()
    if row is None:
        return None
    draft, client = _uid(conn, "draft", int(row["draft_id"])), _draft_client(conn, int(row["draft_id"]))
    if draft is None or client is None:
        return None
    doc: Doc = {"client": client, "draft": draft, "account": _uid(conn, "account", row["account_id"]),
                "network": row["network"], "scheduled_at": row["scheduled_at"]}
    if row["state"] is not None:
        # The key travels: every member hands the post to the team queue under the same one.
        doc["publication"] = {**{key: row[key] for key in _PUBLICATION}, "key": row["idempotency_key"]}
    return doc


def apply_schedule(conn: sqlite3.Connection, schedule_id: int | None, doc: Doc) -> int | None:
    draft_id = _local(conn, "draft", doc["draft"])
    if draft_id is None:
        return None
    account_id = _local(conn, "account", doc.get("account"))
    now = utc_now()
    if schedule_id is None:
        schedule_id = int(conn.execute(
            "INSERT INTO schedules(draft_id, account_id, network, scheduled_at, created_at) VALUES (?, ?, ?, ?, ?)",
            (draft_id, account_id, doc.get("network", ""), doc["scheduled_at"], now)).lastrowid or 0)
    else:
        conn.execute("UPDATE schedules SET draft_id = ?, account_id = ?, network = ?, scheduled_at = ? WHERE id = ?",
                     (draft_id, account_id, doc.get("network", ""), doc["scheduled_at"], schedule_id))
    publication = doc.get("publication")
    if publication is None or account_id is None:
        return schedule_id
    found = conn.execute("SELECT next_attempt_at, state FROM publications WHERE schedule_id = ?",
                         (schedule_id,)).fetchone()
    values = [publication.get(key) for key in _PUBLICATION]
    if found is None:  # not due here: the machine that scheduled it (or the team queue) sends it
        conn.execute("INSERT INTO publications(schedule_id, state, attempts, remote_id, remote_url, last_error, "
                     "next_attempt_at, idempotency_key, updated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)",
                     (schedule_id, *values, publication.get("key") or os.urandom(16).hex(), now))
    elif found["state"] != "sending":  # this machine's own attempt in flight wins
        due = due_text(doc["scheduled_at"]) if found["next_attempt_at"] and publication["state"] == "scheduled" \
            else found["next_attempt_at"]
        conn.execute("UPDATE publications SET state = ?, attempts = ?, remote_id = ?, remote_url = ?, last_error = ?, "
                     "next_attempt_at = ?, idempotency_key = coalesce(?, idempotency_key), updated_at = ? "
                     "WHERE schedule_id = ?", (*values, due, publication.get("key"), now, schedule_id))
    return schedule_id


def _delete_schedule(conn: sqlite3.Connection, schedule_id: int) -> None:
    conn.execute("DELETE FROM schedules WHERE id = ?", (schedule_id,))


# --- review: comments and approvals ------------------------------------------------------------

_COMMENT = ("part", "start", "end", "quote", "prefix", "suffix", "author", "body", "created_at", "resolved_at",
            "outdated")


def comment_doc(conn: sqlite3.Connection, comment_id: int) -> Doc | None:
    row = conn.execute("SELECT * FROM review_comments WHERE id = ?", (comment_id,)).fetchone()
    if row is None:
        return None
    draft, client = _uid(conn, "draft", int(row["draft_id"])), _draft_client(conn, int(row["draft_id"]))
    if draft is None or client is None:
        return None
    return {"client": client, "draft": draft, "parent": _uid(conn, "comment", row["parent_id"]),
            **{key: row[key] for key in _COMMENT}}


def apply_comment(conn: sqlite3.Connection, comment_id: int | None, doc: Doc) -> int | None:
    draft_id = _local(conn, "draft", doc["draft"])
    if draft_id is None:
        return None
    parent = _local(conn, "comment", doc.get("parent"))
    values = (draft_id, parent, *(doc.get(key) for key in _COMMENT))
    if comment_id is None:
        return int(conn.execute(
            f"INSERT INTO review_comments(draft_id, parent_id, {', '.join(_COMMENT)}) "
            f"VALUES ({', '.join('?' * (len(_COMMENT) + 2))})", values).lastrowid or 0)
    conn.execute(f"UPDATE review_comments SET draft_id = ?, parent_id = ?, {', '.join(f'{k} = ?' for k in _COMMENT)} "
                 "WHERE id = ?", (*values, comment_id))
    return comment_id


def _delete_comment(conn: sqlite3.Connection, comment_id: int) -> None:
    conn.execute("DELETE FROM review_comments WHERE id = ?", (comment_id,))


_APPROVAL = ("author", "approved_at", "hash", "content", "source")


def approval_doc(conn: sqlite3.Connection, approval_id: int) -> Doc | None:
    row = conn.execute("SELECT * FROM review_approvals WHERE id = ?", (approval_id,)).fetchone()
    if row is None:
        return None
    draft, client = _uid(conn, "draft", int(row["draft_id"])), _draft_client(conn, int(row["draft_id"]))
    if draft is None or client is None:
        return None
    return {"client": client, "draft": draft, **{key: row[key] for key in _APPROVAL}}


def apply_approval(conn: sqlite3.Connection, approval_id: int | None, doc: Doc) -> int | None:
    """An approval is recorded once and never edited: a newer one makes the older ones stale here too."""
    draft_id = _local(conn, "draft", doc["draft"])
    if draft_id is None:
        return None
    if approval_id is not None:
        return approval_id
    conn.execute("UPDATE review_approvals SET stale_at = ? WHERE draft_id = ? AND stale_at IS NULL "
                 "AND approved_at < ?", (utc_now(), draft_id, doc["approved_at"]))
    return int(conn.execute(
        f"INSERT INTO review_approvals(draft_id, {', '.join(_APPROVAL)}) VALUES (?, ?, ?, ?, ?, ?)",
        (draft_id, *(doc.get(key) for key in _APPROVAL))).lastrowid or 0)


# --- revisions: a member's saved states (edits and restores; each library records its own "sync"
# revisions when the team's text arrives, and keeps its conflict copies to itself) ---------------


def revision_doc(conn: sqlite3.Connection, revision_id: int) -> Doc | None:
    row = conn.execute("SELECT r.draft_id, r.hash, r.reason, r.created_at, b.data FROM revisions r "
                       "JOIN revision_blobs b ON b.draft_id = r.draft_id AND b.hash = r.hash WHERE r.id = ?",
                       (revision_id,)).fetchone()
    if row is None:
        return None
    draft, client = _uid(conn, "draft", int(row[0])), _draft_client(conn, int(row[0]))
    if draft is None or client is None:
        return None
    return {"client": client, "draft": draft, "hash": row[1], "reason": row[2], "created_at": row[3],
            "state": json.loads(revisions.unpack(row[4]).decode("utf-8"))}


def apply_revision(conn: sqlite3.Connection, revision_id: int | None, doc: Doc) -> int | None:
    """A teammate's revision: the "sync" revision this library recorded when the same state
    arrived becomes it (one entry, with the teammate's reason and time), else a new one."""
    draft_id = _local(conn, "draft", doc["draft"])
    if draft_id is None:
        return None
    if revision_id is not None:
        return revision_id
    data, digest = revisions.encode(doc["state"])
    conn.execute("INSERT OR IGNORE INTO revision_blobs(draft_id, hash, data) VALUES (?, ?, ?)",
                 (draft_id, digest, revisions.pack(data)))
    same = conn.execute("SELECT id FROM revisions WHERE draft_id = ? AND hash = ? AND reason = 'sync' "
                        "ORDER BY id DESC LIMIT 1", (draft_id, digest)).fetchone()
    if same is not None:
        conn.execute("UPDATE revisions SET reason = ?, created_at = ? WHERE id = ?",
                     (doc["reason"], doc["created_at"], same[0]))
        return int(same[0])
    return int(conn.execute("INSERT INTO revisions(draft_id, hash, reason, created_at) VALUES (?, ?, ?, ?)",
                            (draft_id, digest, doc["reason"], doc["created_at"])).lastrowid or 0)


def _keep(conn: sqlite3.Connection, local_id: int) -> None:
    """Approvals and revisions are never deleted by a pull (the history stays)."""


RECORDS: dict[str, Record] = {record.kind: record for record in (
    Record("account", "studio.accounts", account_doc, apply_account, _delete_account, "account",
           "Only a manager can change an account's settings; yours went back to the team's."),
    Record("asset", "studio.assets", asset_doc, apply_asset, _delete_asset, "asset",
           "Only a designer can change a post's images, crops or alt text; yours went back to the team's."),
    Record("schedule", "studio.schedules", schedule_doc, apply_schedule, _delete_schedule, "schedule",
           "Only a manager can schedule for the team; your schedule went back to the team's."),
    Record("comment", "studio.comments", comment_doc, apply_comment, _delete_comment, "draft",
           "The team did not take your comment: its client is not assigned to you."),
    Record("approval", "studio.approvals", approval_doc, apply_approval, _keep, "draft",
           "Only an approver can approve a draft."),
    Record("revision", "studio.revisions", revision_doc, apply_revision, _keep, "draft",
           "The team did not take your revision: its client is not assigned to you."),
)}
"""In the order a push sends them: what a row refers to goes before it."""
