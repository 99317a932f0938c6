"""Rights per role, enforced by the team database: each member tries, through ``psql`` directly,
what their role does not cover, and the CLI says a refusal in a sentence and keeps the change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studio.library import Library
from studio.team import rights

from .conftest import PgServer
from .helpers import init_team, invite, join, run


def test_each_role_changes_only_its_own_fields_through_psql(
    pg_server: PgServer, team_db: str, suffix: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    head = tmp_path / "head"
    with Library.open(head) as library:
        library.create_draft(library.add_client("Acme").id, "Promo Acme minggu ini.")
    init_team(capsys, monkeypatch, head, pg_server.url(dbname=team_db), pg_server.password)
    password = {}
    for role in ("writer", "designer", "manager", "approver"):
        password[role] = str(invite(capsys, monkeypatch, head, f"{role}_{suffix}", role, "Acme")["password"])

    def psql(role: str, sql: str) -> tuple[int, str, str]:
        done = pg_server.psql(sql, user=f"{role}_{suffix}", password=password[role], dbname=team_db)
        return done.returncode, done.stdout.strip(), done.stderr

    code, _, err = psql("writer", "UPDATE studio.drafts SET data = jsonb_set(data, '{assets}', '[\"ab12\"]')")
    assert code != 0 and "Only a designer can change the images of posts for Acme." in err
    assert "studio-refused role=designer field=assets" in err  # the code the app maps
    code, _, err = psql("designer", "UPDATE studio.drafts SET data = jsonb_set(data, '{text}', '\"Diganti.\"')")
    assert code != 0 and "Only a writer can change the text of posts for Acme." in err
    code, _, err = psql("writer", "UPDATE studio.drafts SET status = 'approved'")
    assert code != 0 and "Only an approver can approve posts for Acme." in err
    code, _, err = psql("writer", "UPDATE studio.clients SET data = jsonb_set(data, '{colour}', '\"#000000\"')")
    assert code != 0 and "Only a manager can change the client settings for Acme." in err
    code, _, err = psql("designer", "UPDATE studio.drafts SET status = 'archived'")
    assert code != 0 and "Only a writer can move posts to archived for Acme." in err

    # Each role's own fields go through; an empty field written as [] or left out is no change.
    code, out, err = psql("writer", "UPDATE studio.drafts SET status = 'in_review', data = "
                          "jsonb_set(data, '{text}', '\"Promo Acme pekan ini.\"') || '{\"assets\": []}'")
    assert (code, out) == (0, "UPDATE 1"), err
    code, out, err = psql("designer", "UPDATE studio.drafts SET data = data || "
                          "'{\"assets\": [\"ab12\"], \"alt_texts\": {\"ab12\": \"Secangkir kopi\"}}'")
    assert (code, out) == (0, "UPDATE 1"), err
    code, out, err = psql("manager", "UPDATE studio.drafts SET status = 'scheduled', data = data || "
                          "'{\"schedules\": [{\"account\": \"acme@mastodon\", \"at\": \"2026-12-02T02:00:00Z\"}]}'")
    assert (code, out) == (0, "UPDATE 1"), err
    code, out, err = psql("manager", "UPDATE studio.clients SET data = jsonb_set(data, '{colour}', '\"#000000\"')")
    assert (code, out) == (0, "UPDATE 1"), err
    code, out, err = psql("approver", "UPDATE studio.drafts SET status = 'approved'")
    assert (code, out) == (0, "UPDATE 1"), err
    code, _, err = psql("approver", "UPDATE studio.drafts SET status = 'published'")
    assert code == 0, err
    code, _, err = psql("approver", "UPDATE studio.drafts SET status = 'draft'")
    assert code != 0 and "A published post for Acme can only be archived" in err

    # Every move is in the audit list, with who; any member of the client reads it.
    code, out, err = psql("designer", "SELECT member || ':' || to_status FROM studio.status_changes ORDER BY id")
    assert code == 0, err
    assert out.split("\n") == ["postgres:draft", f"writer_{suffix}:in_review", f"manager_{suffix}:scheduled",
                               f"approver_{suffix}:approved", f"approver_{suffix}:published"]


def test_a_refused_approval_is_kept_here_and_said_in_a_sentence(
    pg_server: PgServer, team_db: str, suffix: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    head, writer_dir = tmp_path / "head", tmp_path / "dewi"
    with Library.open(head) as library:
        draft = library.create_draft(library.add_client("Acme").id, "Promo Acme minggu ini.")
    init_team(capsys, monkeypatch, head, pg_server.url(dbname=team_db), pg_server.password)
    join(capsys, monkeypatch, writer_dir, invite(capsys, monkeypatch, head, f"dewi_{suffix}", "writer", "Acme"))

    with Library.open(writer_dir) as library:
        draft_id = library.list_drafts()[0].id
        # The approve command asks the roles the last sync brought before trying.
        code, _out, err = run(capsys, monkeypatch, "review", "approve", str(draft_id), "--by", "dewi",
                              "--library", str(writer_dir))
        assert code == 1 and "Only an approver can approve posts for Acme" in err
        assert library.get_draft(draft_id).status == "draft"
        library.set_status(draft_id, "approved")  # the Library's status menu does not ask: the server does
    code, _out, err = run(capsys, monkeypatch, "sync", "--library", str(writer_dir))
    assert code == 1
    assert "Only an approver can approve posts for Acme; your change is kept on this computer." in err
    with Library.open(writer_dir) as library:
        assert library.get_draft(draft_id).status == "approved"  # kept, not lost
        assert [r.local_id for r in rights.refused(library.connection)] == [draft_id]
        assert library.query("SELECT count(*) FROM team_outbox")[0][0] == 0
    # No loop: the next round sends nothing and says what is kept.
    code, out, err = run(capsys, monkeypatch, "sync", "--library", str(writer_dir))
    assert code == 0 and "Sent 0" in out
    code, out, _ = run(capsys, monkeypatch, "team", "status", "--library", str(writer_dir))
    assert "Refused by the team, kept here: 1" in out

    # A designer's edit of the text: refused in a sentence, kept in the designer's library.
    designer_dir = tmp_path / "budi"
    join(capsys, monkeypatch, designer_dir, invite(capsys, monkeypatch, head, f"budi_{suffix}", "designer", "Acme"))
    with Library.open(designer_dir) as library:
        designer_draft = library.list_drafts()[0].id
        library.save_text(designer_draft, "Promo Acme, ditulis ulang oleh desainer.")
    code, _out, err = run(capsys, monkeypatch, "sync", "--library", str(designer_dir))
    assert code == 1
    assert "Only a writer can change the text of posts for Acme; your change is kept on this computer." in err
    with Library.open(designer_dir) as library:
        assert library.get_draft(designer_draft).text == "Promo Acme, ditulis ulang oleh desainer."
    code, out, _ = run(capsys, monkeypatch, "team", "status", "--library", str(designer_dir))
    assert f"draft {designer_draft}: Only a writer can change the text" in out
    found = json.loads(run(capsys, monkeypatch, "team", "status", "--json", "--library", str(designer_dir))[1])
    assert [(r["id"], r["role"], r["field"]) for r in found["refused"]] == [(designer_draft, "writer", "text")]
    # Giving it up: the team's version comes back, the designer's stays in the revisions.
    code, out, err = run(capsys, monkeypatch, "team", "revert", str(designer_draft), "--library", str(designer_dir))
    assert code == 0, err
    with Library.open(designer_dir) as library:
        assert library.get_draft(designer_draft).text == "Promo Acme minggu ini."
        assert any(r.text == "Promo Acme, ditulis ulang oleh desainer." for r in library.revisions(designer_draft))
        assert rights.refused(library.connection) == []
    assert run(capsys, monkeypatch, "sync", "--library", str(designer_dir))[0] == 0

    # The team's draft is unchanged; its audit list says who moved it, in the CLI.
    code, out, err = run(capsys, monkeypatch, "team", "audit", str(draft.id), "--library", str(head))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == f"Status changes of draft {draft.id} in the team:" and len(lines) == 2
    assert lines[1].endswith("UTC  postgres  Draft")
