"""The team library: many Studios, each with its own SQLite library, synced through one PostgreSQL.

Studio talks to PostgreSQL directly (psycopg 3 and its pool); there is no application server of
ours. The database enforces who may do what: members are PostgreSQL roles, group roles say what
they may do (writer, designer, manager, approver), row-level security limits each member to the
clients they are assigned to, and a trigger refuses an approval from anyone without the approver
role. Each library keeps working offline: triggers queue local changes in an outbox
(:mod:`studio.library.schema`), and :class:`studio.team.engine.SyncEngine` pushes them, pulls the
team's changes since the last position it saw, and merges text three-way (:mod:`studio.team.merge`).

Modules: :mod:`~studio.team.server` (the PostgreSQL schema, its versioned migrations, the roles),
:mod:`~studio.team.local` (the library's side: link, outbox, documents), :mod:`~studio.team.merge`,
:mod:`~studio.team.engine`, :mod:`~studio.team.queue` (due posts claimed across machines) and
:mod:`~studio.team.commands` (``studio team ...``, ``studio sync``).
"""

from __future__ import annotations

from studio.errors import StudioError

ROLES: tuple[str, ...] = ("writer", "designer", "manager", "approver")


class TeamError(StudioError):
    """Something about the team database the user can act on (offline, refused, outdated)."""


class Refused(TeamError):
    """The team database refused a change: the member's role does not allow it."""
