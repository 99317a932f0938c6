"""Where the library's backups live and what they are called: ``<library>/backups/
library-YYYYMMDD-HHMMSS[-reason].sqlite3``.

Its own module so that both the store (which names the backups when the library file is damaged)
and :mod:`studio.library.backups` (which makes and restores them on top of the store) can read it
without importing each other.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

PREFIX = "library-"


def list_backups(folder: Path) -> list[Path]:
    """The backups of the library in ``folder``, newest first."""
    directory = folder / "backups"
    if not directory.is_dir():
        return []
    return sorted(directory.glob(f"{PREFIX}*.sqlite3"), key=lambda p: p.name, reverse=True)


def backup_time(path: Path) -> datetime | None:
    """When a backup was made, from its name (local time)."""
    try:
        return datetime.strptime(path.name[len(PREFIX) : len(PREFIX) + 15], "%Y%m%d-%H%M%S")
    except ValueError:
        return None


def backup_name(reason: str = "") -> str:
    """The file name of a backup made now (``reason`` says why: "before-restore", ...)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return f"{PREFIX}{stamp}{'-' + reason if reason else ''}.sqlite3"
