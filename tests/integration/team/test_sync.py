"""Two Studios, one team database: offline edits merge, overlaps keep both texts, NOTIFY wakes the
other Studio, an unreachable server keeps changes waiting, and a dump of the database holds no secret."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studio import secrets
from studio.library import Library
from studio.team import members
from studio.team.engine import SyncEngine
from studio.ui.library.model import DraftsModel

from .conftest import PG_BIN, PgServer
from .helpers import init_team, invite, join, run, sync

TEXT = "Paragraf pertama ada di sini.\n\nParagraf kedua ada di sini.\n\nParagraf ketiga."


def _team(pg_server: PgServer, team_db: str, suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
          monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    head, one, two = tmp_path / "head", tmp_path / "one", tmp_path / "two"
    with Library.open(head) as library:
        acme = library.add_client("Acme")
        library.create_draft(acme.id, TEXT, tags=["promo"])
    init_team(capsys, monkeypatch, head, pg_server.url(dbname=team_db), pg_server.password)
    join(capsys, monkeypatch, one, invite(capsys, monkeypatch, head, f"one_{suffix}", "writer", "Acme"))
    join(capsys, monkeypatch, two, invite(capsys, monkeypatch, head, f"two_{suffix}", "writer", "Acme"))
    return head, one, two


def _edit(folder: Path, change: Callable[[str], str], tags: list[str] | None = None) -> None:
    with Library.open(folder) as library:
        draft = library.list_drafts()[0]
        library.save_text(draft.id, change(library.get_draft(draft.id).text))
        if tags is not None:
            library.update_draft(draft.id, tags=tags)


def _draft(folder: Path) -> tuple[str, tuple[str, ...], list[str]]:
    with Library.open(folder) as library:
        draft = library.get_draft(library.list_drafts()[0].id)
        conflicts = [r.text for r in library.revisions(draft.id) if r.reason == "conflict"]
        return draft.text, draft.tags, conflicts


def test_offline_edits_merge_and_overlaps_keep_both_texts(
    pg_server: PgServer, team_db: str, suffix: str, tmp_path: Path, qtbot: QtBot,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    head, one, two = _team(pg_server, team_db, suffix, tmp_path, capsys, monkeypatch)

    # Different paragraphs, edited offline on both: both edits stay, on every Studio.
    _edit(one, lambda t: t.replace("Paragraf pertama ada", "Paragraf PERTAMA sudah ada"), tags=["promo", "juni"])
    _edit(two, lambda t: t.replace("Paragraf ketiga.", "Paragraf ketiga, diubah."), tags=["promo", "diskon"])
    for folder in (one, two, one, head):
        sync(folder)
    merged = TEXT.replace("Paragraf pertama ada", "Paragraf PERTAMA sudah ada").replace(
        "Paragraf ketiga.", "Paragraf ketiga, diubah.")
    for folder in (head, one, two):
        text, tags, conflicts = _draft(folder)
        assert text == merged
        assert set(tags) == {"promo", "juni", "diskon"}
        assert conflicts == []

    # The same sentence: the team's (first pushed) text stays, the other is kept as a conflict copy.
    _edit(one, lambda t: t.replace("Paragraf kedua ada di sini.", "Paragraf kedua versi Satu."))
    _edit(two, lambda t: t.replace("Paragraf kedua ada di sini.", "Paragraf kedua versi Dua."))
    for folder in (one, two, one, head):
        sync(folder)
    team_text = merged.replace("Paragraf kedua ada di sini.", "Paragraf kedua versi Satu.")
    for folder in (head, one, two):
        assert _draft(folder)[0] == team_text
    text, _, conflicts = _draft(two)
    assert conflicts == [merged.replace("Paragraf kedua ada di sini.", "Paragraf kedua versi Dua.")]
    with Library.open(two) as library:
        assert members.status(library)["conflicts"] == 1
        model = DraftsModel(library)  # the notice in the Library's list
        model.reload_now()
        assert model.data(model.index(0, 6)).endswith(f"· one_{suffix} (conflict copy in revisions)")


def test_notify_wakes_the_other_studio_and_offline_changes_wait(
    pg_server: PgServer, team_db: str, suffix: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, one, two = _team(pg_server, team_db, suffix, tmp_path, capsys, monkeypatch)
    lib_one, lib_two = Library.open(one), Library.open(two)
    # Long polls: only NOTIFY (or the local change) can make these rounds happen quickly.
    engine_one, engine_two = SyncEngine(lib_one, poll_seconds=600), SyncEngine(lib_two, poll_seconds=600)
    try:
        engine_one.start()
        engine_two.start()
        draft_id_one = lib_one.list_drafts()[0].id
        draft_id_two = lib_two.list_drafts()[0].id
        lib_one.save_text(draft_id_one, "Disunting di Studio satu.")
        deadline = time.monotonic() + 15
        while lib_two.get_draft(draft_id_two).text != "Disunting di Studio satu." and time.monotonic() < deadline:
            time.sleep(0.05)
        assert lib_two.get_draft(draft_id_two).text == "Disunting di Studio satu."
        assert members.status(lib_two)["waiting"] == 0
        with lib_two.transaction() as conn:
            who = conn.execute("SELECT changed_by FROM team_rows WHERE kind = 'draft'").fetchone()[0]
        assert who == f"one_{suffix}"
    finally:
        engine_one.close()
        engine_two.close()

    # The server out of reach: the round says so, the change waits, and goes once it is back.
    offline = SyncEngine(lib_one)
    real_port = offline.parts["port"]
    offline.parts["port"] = str(int(real_port) + 1 if int(real_port) < 65535 else 1)
    lib_one.save_text(draft_id_one, "Ditulis tanpa jaringan.")
    with pytest.raises(Exception, match="cannot be reached"):
        offline.sync_once()
    assert offline.status.state == "offline" and offline.status.waiting == 1
    offline.close()
    sync(one)
    sync(two)
    assert lib_two.get_draft(draft_id_two).text == "Ditulis tanpa jaringan."
    lib_one.close()
    lib_two.close()


def test_a_dump_of_the_team_database_holds_no_secret(
    pg_server: PgServer, team_db: str, suffix: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    head = tmp_path / "head"
    token = "tok-" + suffix + "-SANGAT-RAHASIA"
    with Library.open(head) as library:
        acme = library.add_client("Acme")
        ref = secrets.new_ref("mastodon")
        secrets.store(ref, token)
        library.add_account(acme.id, "mastodon", "@acme@example.social", server_url="https://example.social",
                            secret_ref=ref)
        library.create_draft(acme.id, "Halo semua.")
    init_team(capsys, monkeypatch, head, pg_server.url(dbname=team_db), pg_server.password)
    invitation = invite(capsys, monkeypatch, head, f"dewi_{suffix}", "writer", "Acme")
    join(capsys, monkeypatch, tmp_path / "dewi", invitation)
    assert run(capsys, monkeypatch, "sync", "--library", str(head))[0] == 0

    dump = subprocess.run(
        [str(PG_BIN / "pg_dump"), "-h", pg_server.host, "-p", str(pg_server.port), "-U", "postgres", team_db],
        env=pg_server.env(), capture_output=True, text=True, check=True, timeout=120,
    ).stdout
    roles = subprocess.run(
        [str(PG_BIN / "pg_dumpall"), "--roles-only", "-h", pg_server.host, "-p", str(pg_server.port), "-U",
         "postgres"], env=pg_server.env(), capture_output=True, text=True, check=True, timeout=120,
    ).stdout
    assert "Halo semua." in dump  # the dump is of the right database
    for secret in (token, str(invitation["password"]), pg_server.password):
        assert secret not in dump
        assert secret not in roles  # roles hold SCRAM verifiers, never a password
    assert "SCRAM-SHA-256$" in roles
