"""Setting a team up: init (schema and roles), invite, join, status and the list of members.

One function each, shared by ``studio team ...`` and File -> Team. The member's password goes to
the OS keyring (:mod:`studio.secrets`); the library keeps the address without it, and the database
keeps only libpq's SCRAM verifier.
"""

from __future__ import annotations

import json
import secrets as random
from dataclasses import dataclass
from typing import Any

import psycopg

from studio import secrets
from studio.library import Library
from studio.team import Refused, TeamError, local, rights, server
from studio.team.engine import SyncEngine, connect, describe, link_parts, secret_ref


@dataclass(frozen=True)
class Invitation:
    """What a new member needs: the address to join and their password (shown once)."""

    member: str
    roles: tuple[str, ...]
    clients: tuple[str, ...]
    url: str
    password: str


@dataclass(frozen=True)
class Member:
    name: str
    roles: tuple[str, ...]
    clients: tuple[str, ...]


def _link(library: Library, parts: dict[str, str], password: str | None, *, bring_everything: bool) -> None:
    ref = secret_ref(parts)
    if password:
        secrets.store(ref, password)
    with library.transaction() as conn:
        conn.execute("DELETE FROM team_state")
        conn.execute("DELETE FROM team_rows")
        conn.execute("DELETE FROM team_outbox")
        local.set_state(conn, "url", json.dumps(parts, sort_keys=True))
        local.set_state(conn, "member", parts["user"])
        local.set_state(conn, "secret_ref", ref)
        local.set_state(conn, "position", 0)
        if bring_everything:
            local.queue_everything(conn)


def init_team(library: Library, url: str, password: str | None) -> int:
    """Create or upgrade the team schema and roles as the database's owner, link ``library`` as
    that owner and bring its clients and drafts; returns the schema version."""
    parts = link_parts(url)
    with connect(parts, password) as conn:
        try:
            version = server.migrate(conn)
        except psycopg.errors.InsufficientPrivilege as error:
            raise TeamError(f"{parts['user']} may not set the team database up ({error.diag.message_primary}).",
                            "Use the database owner's address, with the CREATEROLE right.") from error
    _link(library, parts, password, bring_everything=True)
    return version


def join(library: Library, url: str, password: str | None) -> None:
    """Link ``library`` to the team as the member the address names, then fetch the team's work."""
    parts = link_parts(url)
    with connect(parts, password) as conn:
        server.check_version(conn)
    _link(library, parts, password, bring_everything=False)


def leave(library: Library) -> None:
    """Unlink ``library`` (its drafts stay; the keyring entry goes)."""
    with library.transaction() as conn:
        ref = local.state(conn).get("secret_ref")
        conn.execute("DELETE FROM team_state")
        conn.execute("DELETE FROM team_rows")
        conn.execute("DELETE FROM team_outbox")
    if ref:
        secrets.delete(ref)


def invite(engine: SyncEngine, name: str, roles: list[str], clients: list[str]) -> Invitation:
    """Create (or reset) the member ``name`` with ``roles`` on ``clients``; a manager's right."""
    member = server.check_member_name(name)
    wanted = server.check_roles(roles)
    if clients:  # the team must know the clients first: send what waits
        engine.sync_once()
    password = random.token_urlsafe(18)
    with connect(engine.parts, engine.password) as conn:
        verifier = conn.pgconn.encrypt_password(password.encode(), member.encode(), b"scram-sha-256").decode()
        try:
            conn.execute("SELECT studio.invite(%s, %s, %s, %s)", (member, verifier, wanted, clients))
        except (psycopg.errors.InsufficientPrivilege, psycopg.errors.NoDataFound) as error:
            raise Refused(error.diag.message_primary or str(error), "") from error
        conn.commit()
    parts = {**engine.parts, "user": member}
    url = f"postgresql://{member}@{parts.get('host', 'localhost')}:{parts.get('port', '5432')}/{parts.get('dbname', '')}"
    if parts.get("sslmode"):
        url += f"?sslmode={parts['sslmode']}"
    return Invitation(member, tuple(wanted), tuple(clients), url, password)


def members(engine: SyncEngine) -> list[Member]:
    """The team's members with their roles and clients (a member sees their own clients only;
    a manager sees everyone's)."""
    with engine.pool().connection() as conn:
        rows = conn.execute(
            "SELECT m.name, m.roles, coalesce(array_agg(c.name ORDER BY c.name) FILTER (WHERE c.name IS NOT NULL), '{}') "
            "FROM studio.members m LEFT JOIN studio.member_clients mc ON mc.member = m.name "
            "LEFT JOIN studio.clients c ON c.uid = mc.client_uid GROUP BY m.name, m.roles ORDER BY m.name"
        ).fetchall()
    return [Member(str(name), tuple(roles), tuple(clients)) for name, roles, clients in rows]


def status(library: Library) -> dict[str, Any]:
    """The link as the library knows it, without asking the server: works offline."""
    conn = library.connection
    st = local.state(conn)
    if "url" not in st:
        return {"linked": False}
    parts = json.loads(st["url"])
    return {
        "linked": True,
        "team": describe(parts),
        "member": st.get("member", ""),
        "roles": json.loads(st.get("roles", "[]")),
        "waiting": local.waiting(conn),
        "position": int(st.get("position", "0")),
        "conflicts": int(conn.execute("SELECT count(*) FROM team_conflicts WHERE seen = 0").fetchone()[0]),
        "synced_rows": int(conn.execute("SELECT count(*) FROM team_rows WHERE version > 0").fetchone()[0]),
        "refused": [{"kind": r.kind, "id": r.local_id, "role": r.role, "field": r.field, "sentence": r.sentence}
                    for r in rights.refused(conn)],
    }


def audit(engine: SyncEngine, draft_id: int) -> list[tuple[str, str, str, str]]:
    """The status changes of a draft: (when, who, from, to), oldest first."""
    uid = local.uid_of(engine.library.connection, "draft", draft_id)
    if uid is None:
        return []
    with engine.pool().connection() as conn:
        rows = conn.execute("SELECT at, member, coalesce(from_status, ''), to_status FROM studio.status_changes "
                            "WHERE draft_uid = %s ORDER BY id", (uid,)).fetchall()
    return [(at.isoformat(), member, old, new) for at, member, old, new in rows]
