"""Backups with the online API, daily and pruned, and restoring (online and for a damaged file)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from studio.library import Library, LibraryCorrupt, LibraryError, list_backups, restore_file
from studio.library.backups import backup_time


def test_backup_is_a_consistent_copy(library: Library) -> None:
    client = library.add_client("Acme")
    library.create_draft(client.id, "keep me")
    path = library.backup_now()
    assert path.parent == library.folder / "backups" and backup_time(path) is not None
    other = Library.open(_copy_as_library(path, library.folder.parent / "other"))
    assert [r.text for r in other.list_drafts()] == ["keep me"]
    other.close()


def _copy_as_library(backup: Path, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "library.sqlite3").write_bytes(backup.read_bytes())
    return folder


def test_daily_backup_once_a_day_and_keep_the_last_n(library: Library) -> None:
    library.add_client("Acme")
    first = library.daily_backup(keep=3)
    assert first is not None
    assert library.daily_backup(keep=3) is None  # already one today
    old = []
    for day in range(1, 6):
        path = library.backups_dir / f"library-202001{day:02d}-120000.sqlite3"
        path.write_bytes(first.read_bytes())
        old.append(path)
    library.daily_backup(keep=3)
    kept = list_backups(library.folder)
    assert kept == [first, old[4], old[3]]


def test_restore_from_backup_while_open_is_itself_backed_up(library: Library) -> None:
    client = library.add_client("Acme")
    draft = library.create_draft(client.id, "before")
    backup = library.backup_now("test")
    library.save_text(draft.id, "after")
    library.create_draft(client.id, "also after")
    heard = []
    library.subscribe(heard.append)
    safety = library.restore_from_backup(backup)
    assert [r.text for r in library.list_drafts()] == ["before"]
    assert library.search("after")[0] == 0
    assert heard[-1].kind == "library"
    # undoing the restore is restoring the safety copy
    library.restore_from_backup(safety)
    assert sorted(r.text for r in library.list_drafts()) == ["after", "also after"]


def test_a_damaged_backup_is_refused(library: Library) -> None:
    bad = library.folder / "backups" / "library-20200101-000000.sqlite3"
    bad.parent.mkdir(exist_ok=True)
    bad.write_bytes(b"garbage" * 1000)
    with pytest.raises(LibraryError, match=r"cannot be read|damaged"):
        library.restore_from_backup(bad)


def test_a_damaged_library_is_restored_from_its_backup(library_dir: Path) -> None:
    library = Library.open(library_dir)
    library.create_draft(library.add_client("Acme").id, "precious")
    library.backup_now()
    library.close()
    database = library_dir / "library.sqlite3"
    data = bytearray(database.read_bytes())
    data[0:100] = os.urandom(100)  # the header: SQLite no longer recognises the file
    database.write_bytes(bytes(data))
    with pytest.raises(LibraryCorrupt) as caught:
        Library.open(library_dir)
    kept = restore_file(library_dir, caught.value.backups[0])
    assert kept.exists() and kept.read_bytes() == bytes(data)  # the damaged file is kept, not lost
    with Library.open(library_dir) as restored:
        assert [r.text for r in restored.list_drafts()] == ["precious"]


def test_damage_found_while_reading_is_reported_and_restorable(library_dir: Path) -> None:
    library = Library.open(library_dir)
    library.add_client("Acme")
    with library.transaction() as conn:
        schema_pages = int(conn.execute("PRAGMA page_count").fetchone()[0])  # what comes after is data
        conn.executemany(
            "INSERT INTO drafts(client_id, text, created_at, updated_at) VALUES (1, ?, 'x', 'x')",
            [("hello world " * 20,)] * 2000,
        )
    backup = library.backup_now()
    library.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    library.close()
    database = library_dir / "library.sqlite3"
    data = bytearray(database.read_bytes())
    for page in range(schema_pages + 1, len(data) // 4096, 2):  # table pages, not the schema: it still opens
        data[page * 4096 : page * 4096 + 100] = os.urandom(100)
    database.write_bytes(bytes(data))
    damaged = Library.open(library_dir)
    with pytest.raises(LibraryCorrupt) as caught:
        damaged.list_drafts(limit=5000)
        damaged.export_data()
    assert caught.value.backups == [backup]
    damaged.restore_from_backup(backup)
    assert damaged.count_drafts() == 2000
    damaged.close()
