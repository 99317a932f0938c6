"""Migrations: a library made by the first schema opens upgraded in place, data intact."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from studio.library import Library, LibraryCorrupt, LibraryError, schema


def _first_schema_library(folder: Path) -> None:
    conn = sqlite3.connect(folder / "library.sqlite3", isolation_level=None)
    schema.migrate(conn, schema.MIGRATIONS[:1])
    conn.execute("INSERT INTO clients(name, created_at) VALUES ('Acme', '2025-01-01T00:00:00.000Z')")
    conn.execute(
        "INSERT INTO drafts(client_id, text, tags, status, created_at, updated_at) "
        "VALUES (1, 'Spring launch of the kettle', '[\"launch\"]', 'approved', "
        "'2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z')"
    )
    conn.execute("INSERT INTO draft_tags(draft_id, tag) VALUES (1, 'launch')")
    conn.execute("INSERT INTO variants(draft_id, network, text) VALUES (1, 'bluesky', 'Kettle time on Bluesky')")
    conn.close()


def test_a_first_schema_library_is_upgraded_in_place(library_dir: Path) -> None:
    _first_schema_library(library_dir)
    with Library.open(library_dir) as library:
        assert schema.version(library.connection) == len(schema.MIGRATIONS)
        draft = library.get_draft(1)
        assert draft.text == "Spring launch of the kettle"
        assert draft.status == "approved"
        assert draft.variants["bluesky"].text == "Kettle time on Bluesky"
        assert library.get_client(1).snippets == ()
        # the search index was built from the rows already there, variants and client included
        assert library.search("kettle")[0] == 1
        assert library.search("bluesky")[0] == 1
        assert library.search("acme")[0] == 1
        # and the upgraded library works as a new one does
        assert library.save_text(1, "Spring launch of the new kettle")
        assert [r.text for r in library.revisions(1)] == ["Spring launch of the new kettle"]


def test_every_intermediate_version_upgrades(library_dir: Path) -> None:
    for stop in range(len(schema.MIGRATIONS) + 1):
        folder = library_dir / f"v{stop}"
        folder.mkdir()
        conn = sqlite3.connect(folder / "library.sqlite3", isolation_level=None)
        schema.migrate(conn, schema.MIGRATIONS[:stop])
        conn.close()
        with Library.open(folder) as library:
            assert schema.version(library.connection) == len(schema.MIGRATIONS)
            client = library.add_client("Acme")
            draft = library.create_draft(client.id, "hello")
            assert library.search("hello")[0] == 1
            assert library.get_draft(draft.id).text == "hello"


def test_a_failed_migration_leaves_the_library_as_it_was(library_dir: Path) -> None:
    conn = sqlite3.connect(library_dir / "library.sqlite3", isolation_level=None)
    schema.migrate(conn, schema.MIGRATIONS[:1])
    with pytest.raises(sqlite3.Error):
        schema.migrate(conn, [*schema.MIGRATIONS[:1], "CREATE TABLE broken (x); THIS IS NOT SQL;"])
    assert schema.version(conn) == 1
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'broken'").fetchone()[0] == 0
    conn.close()


def test_a_library_from_a_newer_studio_is_refused(library_dir: Path) -> None:
    conn = sqlite3.connect(library_dir / "library.sqlite3")
    conn.execute(f"PRAGMA user_version = {len(schema.MIGRATIONS) + 5}")
    conn.close()
    with pytest.raises(LibraryError, match="newer version"):
        Library.open(library_dir)


def test_a_file_that_is_not_a_database_is_reported_with_backups(library_dir: Path) -> None:
    with Library.open(library_dir) as library:
        library.add_client("Acme")
        backup = library.backup_now()
    for side in library_dir.glob("library.sqlite3-*"):
        side.unlink()
    (library_dir / "library.sqlite3").write_bytes(b"this is not sqlite at all, " * 400)
    with pytest.raises(LibraryCorrupt) as caught:
        Library.open(library_dir)
    assert caught.value.backups == [backup]
    assert "damaged" in caught.value.message
    assert caught.value.hint


def test_pragmas(library: Library) -> None:
    conn = library.connection
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert (library.folder / "assets").is_dir()


def test_accounts_take_the_reach_networks_and_keep_their_rows_and_links(library_dir: Path) -> None:
    """The accounts table is rebuilt for its wider CHECK: rows, indexes and the schedules that
    point at them survive, and foreign keys are on again afterwards."""
    rebuild = schema.MIGRATIONS.index(schema._reach_networks)
    conn = sqlite3.connect(library_dir / "library.sqlite3", isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    schema.migrate(conn, schema.MIGRATIONS[:rebuild])
    conn.execute("INSERT INTO clients(name, created_at) VALUES ('Acme', '2025-01-01T00:00:00.000Z')")
    conn.execute("INSERT INTO accounts(client_id, network, handle, created_at) VALUES (1, 'mastodon', 'a', 'x')")
    conn.execute("INSERT INTO drafts(client_id, created_at, updated_at) VALUES (1, 'x', 'x')")
    conn.execute("INSERT INTO schedules(draft_id, account_id, scheduled_at, created_at) VALUES (1, 1, 'x', 'x')")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO accounts(client_id, network, handle, created_at) VALUES (1, 'instagram', 'b', 'x')")
    schema.migrate(conn)
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    for network in schema.REACH_NETWORKS:
        conn.execute("INSERT INTO accounts(client_id, network, handle, created_at) VALUES (1, ?, 'b', 'x')", (network,))
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO accounts(client_id, network, handle, created_at) VALUES (1, 'myspace', 'b', 'x')")
    assert conn.execute("SELECT handle FROM accounts WHERE id = 1").fetchone()[0] == "a"
    assert conn.execute("SELECT account_id FROM schedules").fetchone()[0] == 1
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'accounts_client'").fetchone()
    with pytest.raises(sqlite3.IntegrityError):  # the link from schedules still holds
        conn.execute("DELETE FROM accounts WHERE id = 1")
    conn.close()
