"""The SQLite file of a library: connections, transactions, change listeners and typed errors.

One connection per thread (the GUI reads on its own thread and on the ``general`` pool and writes
on the single-thread ``writes`` pool), WAL so readers never wait for a writer, foreign keys on,
and every write inside :meth:`Store.transaction` (``BEGIN IMMEDIATE`` ... ``COMMIT``). Listeners
hear of each change after its transaction committed, on the thread that committed it.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple, NoReturn

from studio.errors import StudioError
from studio.library import schema
from studio.library.backup_files import list_backups

log = logging.getLogger(__name__)

DATABASE_NAME = "library.sqlite3"


class LibraryError(StudioError):
    """Something about the library the user can act on."""


class LibraryCorrupt(LibraryError):
    """The library file cannot be read. ``backups`` lists the copies it can be restored from
    (newest first)."""

    def __init__(self, message: str, hint: str = "", backups: list[Path] | None = None) -> None:
        super().__init__(message, hint)
        self.backups: list[Path] = list(backups or [])


class NotFound(LibraryError):
    """A client, draft, account, asset or schedule that is not (or no longer) in the library."""


class StatusError(LibraryError):
    """A status change that makes no sense; the message says why."""


class Change(NamedTuple):
    """What changed: ``kind`` is "draft", "client", "account", "schedule", "asset", "preset" or
    "library" (anything may have changed: an import, a restore), ``id`` the row's id or ``None``."""

    kind: str
    id: int | str | None


Listener = Callable[[Change], None]


def utc_now() -> str:
    """Now, as the library writes it: ISO 8601 UTC with milliseconds (sorts as text)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def is_corruption(error: sqlite3.DatabaseError) -> bool:
    text = str(error).lower()
    return "malformed" in text or "not a database" in text or "file is encrypted" in text


class Store:
    """The connection side of :class:`studio.library.Library` (the repositories are mixed in)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / DATABASE_NAME
        self.assets_dir = folder / "assets"
        self.backups_dir = folder / "backups"
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        self._listeners: list[Listener] = []
        self._closed = False

    # --- connections ------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA busy_timeout = 30000")
        with self._lock:
            self._connections.append(conn)
        return conn

    @property
    def connection(self) -> sqlite3.Connection:
        """This thread's connection (made on first use)."""
        if self._closed:
            raise LibraryError("The library is closed.")
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
        return conn

    def query(self, sql: str, params: Any = ()) -> list[sqlite3.Row]:
        """Rows of a read on this thread's connection; a damaged file raises :class:`LibraryCorrupt`."""
        try:
            return self.connection.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as error:
            self._raise(error)

    def close(self) -> None:
        """Close every connection (on quit). Methods called afterwards raise :class:`LibraryError`."""
        with self._lock:
            self._closed = True
            connections, self._connections = self._connections, []
        for conn in connections:
            try:
                conn.close()
            except sqlite3.Error:  # closing a connection another thread still uses: nothing to save
                log.debug("Could not close a library connection", exc_info=True)

    # --- transactions and changes -----------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` ... ``COMMIT`` (``ROLLBACK`` on any exception) on this thread's
        connection. A nested use is a savepoint inside the outer transaction (its failure undoes
        its own writes only, and is raised on). Listeners hear of the changes marked with
        :meth:`changed` after the outermost commit."""
        conn = self.connection
        depth = getattr(self._local, "depth", 0)
        if depth:  # nested: a savepoint, so a failure inside undoes only its own part
            savepoint = f"nested_{depth}"
            conn.execute(f"SAVEPOINT {savepoint}")
            self._local.depth = depth + 1
            try:
                yield conn
            except BaseException:
                conn.execute(f"ROLLBACK TO {savepoint}")
                conn.execute(f"RELEASE {savepoint}")
                raise
            else:
                conn.execute(f"RELEASE {savepoint}")
            finally:
                self._local.depth = depth
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as error:
            self._raise(error)
        self._local.depth = 1
        self._local.changes = []
        try:
            yield conn
        except BaseException as error:
            self._local.depth = 0
            self._local.changes = []
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                log.debug("Rollback failed", exc_info=True)
            if isinstance(error, sqlite3.DatabaseError):
                self._raise(error)
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            self._local.depth = 0
            self._local.changes = []
            if conn.in_transaction:  # a failed COMMIT leaves the transaction open: end it
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:
                    log.debug("Rollback after a failed commit failed", exc_info=True)
            self._raise(error)
        self._local.depth = 0
        changes: list[Change] = self._local.changes
        self._local.changes = []
        self._notify(changes)

    def changed(self, kind: str, id: int | str | None = None) -> None:
        """Mark a change; heard by listeners after the current transaction commits."""
        change = Change(kind, id)
        if getattr(self._local, "depth", 0):
            if change not in self._local.changes:
                self._local.changes.append(change)
        else:
            self._notify([change])

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(change)`` after each committed change; returns the unsubscribe function."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def _notify(self, changes: list[Change]) -> None:
        for change in changes:
            for listener in list(self._listeners):
                try:
                    listener(change)
                except Exception:  # a listener's bug must not undo or hide a committed write
                    log.exception("Library listener failed on %s", change)

    def _raise(self, error: sqlite3.DatabaseError) -> NoReturn:
        """Raise ``error`` as the library error the user can act on, or as it is."""
        translated = self._translate(error)
        if translated is None:
            raise error
        raise translated from error

    def _translate(self, error: sqlite3.DatabaseError) -> LibraryError | None:
        if is_corruption(error):
            return LibraryCorrupt(
                f"The library file {self.path} is damaged and cannot be read.",
                "Restore it from a backup: Backups… in the Library workspace.",
                backups=list_backups(self.folder),
            )
        if isinstance(error, sqlite3.OperationalError) and "locked" in str(error).lower():
            return LibraryError(
                "The library is busy in another program.", "Close the other Studio window and try again."
            )
        if isinstance(error, sqlite3.OperationalError) and (
            "disk" in str(error).lower() or "readonly" in str(error).lower()
        ):
            return LibraryError(f"Studio cannot write to the library: {error}.", "Check the disk space and permissions.")
        return None

    # --- opening ----------------------------------------------------------------------------

    def _open_file(self) -> None:
        """Check the file, switch it to WAL and bring its schema up to date."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.assets_dir.mkdir(exist_ok=True)
        except OSError as error:
            raise LibraryError(
                f"Studio cannot create the library folder {self.folder}: {error.strerror}.",
                "Choose another folder with --library or $STUDIO_LIBRARY.",
            ) from error
        try:
            conn = self.connection
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            current = schema.version(conn)
            if current > len(schema.MIGRATIONS):
                raise LibraryError(
                    f"The library {self.path} was written by a newer version of Studio.",
                    "Update Studio to open it.",
                )
            schema.migrate(conn)
        except sqlite3.DatabaseError as error:
            self.close()
            if isinstance(error, sqlite3.OperationalError) and not is_corruption(error):
                raise LibraryError(
                    f"Studio cannot open the library {self.path}: {error}.",
                    "Check that the folder is readable and writable.",
                ) from error
            raise LibraryCorrupt(
                f"The library file {self.path} is damaged or is not a Studio library ({error}).",
                "Restore it from a backup; the damaged file is kept beside it.",
                backups=list_backups(self.folder),
            ) from error
        except BaseException:
            self.close()
            raise
