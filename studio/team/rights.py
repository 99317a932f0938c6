"""What a member may do in the team, as this library last heard it, and the changes the team refused.

The team database is the judge (the triggers of :mod:`studio.team.server` refuse a field or a
status move the member's roles do not cover); this module lets Studio say so *before* trying, from
the roles the sync engine cached at its last pull (``team_state`` key ``roles``), and keeps the
refusals: a refused change stays in this library, marked, until the team's version of the row moves
on (pulled or pushed), so the engine never sends it in a loop and the member loses nothing.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from studio.team import ROLES, Refused

KEPT = "your change is kept on this computer"
_DETAIL = re.compile(r"studio-refused role=(\w+) field=(\w+)")


@dataclass(frozen=True)
class Refusal:
    """A change of this library the team refused: which row, the sentence, and the team's version
    of the row it was refused against."""

    kind: str
    local_id: int
    version: int
    sentence: str
    role: str = ""  # the role that may make the change ("workflow": nobody may), when the team said
    field: str = ""


def _state(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM team_state WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def roles(conn: sqlite3.Connection) -> set[str] | None:
    """The member's roles as last synced (the team's owner holds them all), ``None`` when the library
    is not linked, or an empty set before the first sync."""
    if _state(conn, "url") is None:
        return None
    found = set(json.loads(_state(conn, "roles") or "[]"))
    return set(ROLES) if "owner" in found else found


def role_for(detail: str | None) -> tuple[str, str] | None:
    """``(role, field)`` from a refusal's detail (the code the team database sends), else ``None``."""
    match = _DETAIL.search(detail or "")
    return (match.group(1), match.group(2)) if match else None


def said(message: str, detail: str | None) -> str:
    """What the team database answered, as the engine keeps it: the message, and on a second line
    the refusal's code (its detail) when it has one."""
    return f"{message}\n{detail}" if role_for(detail) else message


def sentence(message: str) -> str:
    """The team's refusal as the member reads it: "Only an approver can approve posts for Acme; your
    change is kept on this computer.\""""
    return f"{message.strip().rstrip('.')}; {KEPT}."


def client_name(conn: sqlite3.Connection, draft_id: int) -> str:
    row = conn.execute("SELECT c.name FROM drafts d JOIN clients c ON c.id = d.client_id WHERE d.id = ?",
                       (draft_id,)).fetchone()
    return str(row[0]) if row else "this client"


def check_approver(conn: sqlite3.Connection, draft_ids: list[int]) -> None:
    """:class:`Refused` in a sentence when the library is linked and its member is not an approver
    (as last synced): the approve actions ask this before trying."""
    held = roles(conn)
    if held is None or not held or "approver" in held:
        return  # unlinked, or roles not known yet: the team database decides
    names = sorted({client_name(conn, draft_id) for draft_id in draft_ids}) or ["this client"]
    member = _state(conn, "member") or "you"
    raise Refused(f"Only an approver can approve posts for {', '.join(names)}; {member} is "
                  f"{' and '.join(sorted(held)) or 'without a role'}.",
                  "Ask an approver of your team, or a manager to give you the approver role.")


# --- refused changes, kept here -----------------------------------------------------------------


def _marks(conn: sqlite3.Connection) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = json.loads(_state(conn, "refused") or "{}")
    return found


def keep_refused(conn: sqlite3.Connection, kind: str, local_id: int, version: int, message: str) -> str:
    """Mark the row's change as refused by the team (inside the engine's transaction); returns the
    sentence for the member."""
    first, _, detail = message.partition("\n")
    role, field = role_for(detail) or ("", "")
    marks = {f"{r.kind}:{r.local_id}": {"version": r.version, "sentence": r.sentence, "role": r.role,
                                        "field": r.field} for r in refused(conn)}
    marks[f"{kind}:{local_id}"] = {"version": version, "sentence": sentence(first), "role": role, "field": field}
    conn.execute("INSERT INTO team_state(key, value) VALUES ('refused', ?) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (json.dumps(marks, ensure_ascii=False),))
    return sentence(first)


def refused(conn: sqlite3.Connection, kind: str | None = None) -> list[Refusal]:
    """The refused changes still kept here: a mark holds while the team's version of its row is the
    one it was refused against (a pull or a later accepted push moves it on)."""
    found = []
    for key, mark in _marks(conn).items():
        row_kind, local_id = key.split(":")
        if kind is not None and row_kind != kind:
            continue
        row = conn.execute("SELECT version FROM team_rows WHERE kind = ? AND local_id = ?",
                           (row_kind, int(local_id))).fetchone()
        if row is not None and int(row[0]) == int(mark["version"]):
            found.append(Refusal(row_kind, int(local_id), int(mark["version"]), str(mark["sentence"]),
                                 str(mark.get("role", "")), str(mark.get("field", ""))))
    return found


def _forget(conn: sqlite3.Connection, kind: str, local_id: int) -> None:
    marks = _marks(conn)
    if marks.pop(f"{kind}:{local_id}", None) is not None:
        conn.execute("UPDATE team_state SET value = ? WHERE key = 'refused'", (json.dumps(marks, ensure_ascii=False),))


def take_team_version(library: Any, draft_id: int) -> None:
    """Give up a refused change: the draft becomes the team's version again (the refused one stays
    in the draft's revisions) and nothing of it waits to be sent."""
    from studio.library import revisions
    from studio.team import TeamError, local

    with library.transaction() as conn, local.applying(conn):
        row = conn.execute("SELECT base FROM team_rows WHERE kind = 'draft' AND local_id = ?", (draft_id,)).fetchone()
        if row is None or row[0] is None:
            raise TeamError("This draft has no team version yet.", "It was never accepted by the team; delete it instead.")
        doc = json.loads(row[0])
        client_id = local.local_of(conn, "client", doc.get("client") or "")
        if client_id is None:
            raise TeamError("This draft's client is not in this library.", "Run `studio sync` first.")
        revisions.record(conn, draft_id, "refused")
        local.apply_draft(conn, draft_id, doc, client_id)
        conn.execute("DELETE FROM team_outbox WHERE kind = 'draft' AND local_id = ?", (draft_id,))
        _forget(conn, "draft", draft_id)
        library.changed("draft", draft_id)
