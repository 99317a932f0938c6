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

import os
import sys

from studio.errors import StudioError

ROLES: tuple[str, ...] = ("writer", "designer", "manager", "approver")


class TeamError(StudioError):
    """Something about the team database the user can act on (offline, refused, outdated)."""


class Refused(TeamError):
    """The team database refused a change: the member's role does not allow it."""


def lean_driver() -> str:
    """Import psycopg with the system's libpq (its "python" implementation) when there is one, for
    a process that keeps an idle engine (the app): the binary wheel carries its own copies of
    libpq, OpenSSL and Kerberos, 3 MB more resident than the system's libpq, whose OpenSSL Python's
    ``ssl`` (imported by psycopg's asyncio) has loaded already. Bulk work in a command (the first
    sync of ``studio team join``) keeps the binary one, faster at turning rows into Python values.
    Returns the implementation in use; the environment is left as it was (for child processes)."""
    import ctypes.util

    loaded = sys.modules.get("psycopg")
    if loaded is None and "PSYCOPG_IMPL" not in os.environ and ctypes.util.find_library("pq"):
        os.environ["PSYCOPG_IMPL"] = "python"
        try:
            import psycopg  # chosen now, for every later import in this process
        except ImportError:  # a libpq too old for psycopg: the binary one it is
            for name in [name for name in sys.modules if name.startswith("psycopg")]:
                del sys.modules[name]
        finally:
            del os.environ["PSYCOPG_IMPL"]
    import psycopg

    return str(psycopg.pq.__impl__)
