"""Backups of the library file: copies made with SQLite's online backup API (consistent while
the app runs), one a day, the last N kept, and restoring from one.

Backups live in ``<library>/backups/library-YYYYMMDD-HHMMSS[-reason].sqlite3``. Restoring never
destroys anything: the state being replaced is backed up (or, for a damaged file, moved aside)
first.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from studio.library import schema
from studio.library.backup_files import backup_name, backup_time, list_backups
from studio.library.store import DATABASE_NAME, LibraryCorrupt, LibraryError, Store


def check_backup(path: Path) -> None:
    """Raise :class:`LibraryError` unless ``path`` is a readable Studio library."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
            version = schema.version(conn)
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise LibraryError(f"The backup {path.name} cannot be read ({error}).", "Choose another backup.") from error
    if result != "ok" or "drafts" not in tables:
        raise LibraryError(f"The backup {path.name} is damaged or is not a Studio library.", "Choose another backup.")
    if version > len(schema.MIGRATIONS):
        raise LibraryError(f"The backup {path.name} was made by a newer Studio.", "Update Studio to restore it.")


def set_aside(folder: Path) -> Path:
    """Rename the library file of ``folder`` and its -wal/-shm beside them as ``.damaged-<time>``
    (never deleted), so the folder has no library file; returns the file's new path."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for suffix in ("", "-wal", "-shm"):
        current = folder / f"{DATABASE_NAME}{suffix}"
        if current.exists():
            current.rename(folder / f"{DATABASE_NAME}.damaged-{stamp}{suffix}")
    return folder / f"{DATABASE_NAME}.damaged-{stamp}"


def restore_file(folder: Path, backup: Path) -> Path:
    """Put ``backup`` in place of a library that cannot be opened (no connection may be open).
    The damaged file is renamed beside it, never deleted; returns its new path."""
    check_backup(backup)
    current = folder / DATABASE_NAME
    kept = set_aside(folder)
    tmp = folder / f".{DATABASE_NAME}.restoring"
    import shutil

    shutil.copyfile(backup, tmp)
    tmp.replace(current)
    return kept


class BackupsMixin(Store):
    def backup_now(self, reason: str = "") -> Path:
        """Copy the library, consistently, into ``backups/``; returns the copy's path."""
        self.backups_dir.mkdir(parents=True, exist_ok=True)
        target = self.backups_dir / backup_name(reason)
        counter = 1
        while target.exists():
            target = target.with_name(f"{target.stem}-{counter}.sqlite3")
            counter += 1
        tmp = target.with_name(f".{target.name}.partial")
        try:
            dest = sqlite3.connect(tmp)
            try:
                self.connection.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
            tmp.replace(target)
        except sqlite3.DatabaseError as error:
            tmp.unlink(missing_ok=True)
            self._raise(error)
        except OSError as error:
            tmp.unlink(missing_ok=True)
            raise LibraryError(f"Studio could not write a backup: {error.strerror}.", "Check the disk space.") from error
        return target

    def daily_backup(self, keep: int = 7) -> Path | None:
        """Back up unless a backup was made today; keep the newest ``keep``. Returns the new copy."""
        today = datetime.now().date()
        existing = list_backups(self.folder)
        made = None
        if not any((when := backup_time(p)) is not None and when.date() == today for p in existing):
            made = self.backup_now()
        self.prune_backups(keep)
        return made

    def prune_backups(self, keep: int) -> None:
        for old in list_backups(self.folder)[max(1, keep) :]:
            old.unlink(missing_ok=True)

    def restore_from_backup(self, backup: Path) -> Path:
        """Replace the library's content with ``backup`` while it is open (online backup API in
        reverse). The current state is backed up first; returns that safety copy's path."""
        check_backup(backup)
        try:
            safety = self.backup_now("before-restore")
        except LibraryCorrupt:
            # The current file is damaged (the very reason to restore): keep its bytes instead.
            import shutil

            self.backups_dir.mkdir(parents=True, exist_ok=True)
            safety = self.backups_dir / f"damaged-{datetime.now().strftime('%Y%m%d-%H%M%S')}.sqlite3"
            shutil.copyfile(self.path, safety)
        source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            with self._lock:
                conn = self.connection
                source.backup(conn)
        except sqlite3.DatabaseError as error:
            self._raise(error)
        finally:
            source.close()
        conn.execute("PRAGMA journal_mode = WAL")
        schema.migrate(conn)
        self.changed("library")
        return safety
