"""Roles are the database's: a member reads only their clients' drafts and approves only as an
approver, through Studio or through ``psql`` directly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studio.library import Library
from studio.team import members
from studio.team.engine import SyncEngine

from .conftest import PgServer
from .helpers import init_team, invite, join, run


def test_members_see_their_clients_only_and_only_approvers_approve(
    pg_server: PgServer, team_db: str, suffix: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    head, writer_dir, approver_dir = tmp_path / "head", tmp_path / "dewi", tmp_path / "ani"
    with Library.open(head) as library:
        acme, beta = library.add_client("Acme"), library.add_client("Beta")
        library.create_draft(acme.id, "Promo Acme minggu ini.")
        library.create_draft(beta.id, "Rahasia Beta: peluncuran bulan depan.")
    init_team(capsys, monkeypatch, head, pg_server.url(dbname=team_db), pg_server.password)

    writer, approver = f"dewi_{suffix}", f"ani_{suffix}"
    invited = invite(capsys, monkeypatch, head, writer, "writer", "Acme")
    join(capsys, monkeypatch, writer_dir, invited)
    approver_invite = invite(capsys, monkeypatch, head, approver, "writer,approver", "Acme")
    join(capsys, monkeypatch, approver_dir, approver_invite)

    # Studio: the writer's library holds Acme's draft, nothing of Beta.
    with Library.open(writer_dir) as library:
        texts = [row.text for row in library.list_drafts()]
        assert texts == ["Promo Acme minggu ini."]
        assert [c.name for c in library.list_clients()] == ["Acme"]

    # psql, as the writer: Beta's drafts are invisible, approving and adding clients are refused.
    password = str(invited["password"])
    seen = pg_server.psql("SELECT data->>'text' FROM studio.drafts ORDER BY 1", user=writer, password=password,
                          dbname=team_db)
    assert seen.returncode == 0, seen.stderr
    assert seen.stdout.split("\n")[0] == "Promo Acme minggu ini." and "Beta" not in seen.stdout
    all_beta = pg_server.psql(
        "SELECT count(*) FROM studio.drafts d JOIN studio.clients c ON c.uid = d.client_uid WHERE c.name = 'Beta'",
        user=writer, password=password, dbname=team_db)
    assert all_beta.stdout.strip() == "0"
    approve = pg_server.psql("UPDATE studio.drafts SET status = 'approved'", user=writer, password=password,
                             dbname=team_db)
    assert approve.returncode != 0 and "Only an approver can approve posts for Acme." in approve.stderr
    steal = pg_server.psql("UPDATE studio.drafts SET data = '{}' WHERE data->>'text' LIKE 'Rahasia%' RETURNING 1",
                           user=writer, password=password, dbname=team_db)
    assert steal.returncode == 0 and steal.stdout.strip() == "UPDATE 0"  # RLS: no such row for the writer
    client = pg_server.psql("INSERT INTO studio.clients (uid, name, data) VALUES (gen_random_uuid(), 'X', '{}')",
                            user=writer, password=password, dbname=team_db)
    assert client.returncode != 0 and "permission denied" in client.stderr
    reinvite = pg_server.psql(f"SELECT studio.invite('{writer}x', 'x', ARRAY['approver'], ARRAY[]::text[])",
                              user=writer, password=password, dbname=team_db)
    assert reinvite.returncode != 0 and "permission denied" in reinvite.stderr

    # Studio, as the writer: the approval is refused with a sentence and kept here, marked refused
    # (tests/integration/team/test_rights.py follows it further).
    with Library.open(writer_dir) as library:
        draft_id = library.list_drafts()[0].id
        library.set_status(draft_id, "approved")
    code, out, err = run(capsys, monkeypatch, "sync", "--library", str(writer_dir))
    assert code == 1 and "Only an approver can approve posts for Acme; your change is kept on this computer." in err
    with Library.open(writer_dir) as library:
        assert library.get_draft(draft_id).status == "approved"

    # The approver's approval reaches everyone, with who and when in the audit list.
    with Library.open(approver_dir) as library:
        library.set_status(library.list_drafts()[0].id, "approved")
    assert run(capsys, monkeypatch, "sync", "--library", str(approver_dir))[0] == 0
    for folder in (head, writer_dir):
        assert run(capsys, monkeypatch, "sync", "--library", str(folder))[0] == 0
        with Library.open(folder) as library:
            acme_drafts = [row for row in library.list_drafts() if row.client_name == "Acme"]
            assert [row.status for row in acme_drafts] == ["approved"]
    with Library.open(head) as library:
        engine = SyncEngine(library)
        try:
            acme_id = next(row.id for row in library.list_drafts() if row.client_name == "Acme")
            trail = members.audit(engine, acme_id)
            team = members.members(engine)
        finally:
            engine.close()
    assert [(who, old, new) for _, who, old, new in trail] == [("postgres", "", "draft"),
                                                                (approver, "draft", "approved")]
    assert {m.name: m.roles for m in team}[approver] == ("writer", "approver")

    code, out, _ = run(capsys, monkeypatch, "team", "status", "--json", "--library", str(writer_dir))
    found = json.loads(out)
    assert found["member"] == writer and found["roles"] == ["writer"] and found["waiting"] == 0
