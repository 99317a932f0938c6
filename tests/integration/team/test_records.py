"""What hangs off a draft syncs too: an image with its crop and focal point (its bytes fetched by
hash), a schedule with its publication's state, an account's settings without its secret, review
comments, and approvals, which only an approver records (through Studio or ``psql``)."""

from __future__ import annotations

import hashlib
import io
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from studio import secrets
from studio.library import Library
from studio.model import Crop
from studio.review import approval, comments
from studio.team import Refused
from studio.team.engine import SyncEngine

from .conftest import PG_BIN, PgServer
from .helpers import init_team, invite, join, sync


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 80, 30)).save(out, "PNG")
    return out.getvalue()


def test_images_schedules_comments_and_approvals_sync_across_members(
    pg_server: PgServer, team_db: str, suffix: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    head, designer_dir, approver_dir = tmp_path / "head", tmp_path / "rina", tmp_path / "ani"
    token = f"tok-{suffix}-SANGAT-RAHASIA"
    with Library.open(head) as library:
        acme = library.add_client("Acme")
        ref = secrets.new_ref("mastodon")
        secrets.store(ref, token)
        library.add_account(acme.id, "mastodon", "@acme@example.social", server_url="https://example.social",
                            secret_ref=ref, settings={"access_token": token, "visibility": "public"})
        library.create_draft(acme.id, "Peluncuran produk baru minggu depan.")
        planned = library.create_draft(acme.id, "Sudah direncanakan sebelum tim ada.")
        library.plan(planned.id, "mastodon", datetime.now(UTC) + timedelta(days=3))
    init_team(capsys, monkeypatch, head, pg_server.url(dbname=team_db), pg_server.password)
    designer, approver = f"rina_{suffix}", f"ani_{suffix}"
    designer_invite = invite(capsys, monkeypatch, head, designer, "writer,designer", "Acme")
    join(capsys, monkeypatch, designer_dir, designer_invite)
    join(capsys, monkeypatch, approver_dir, invite(capsys, monkeypatch, head, approver, "writer,approver", "Acme"))

    # A schedule made before the team existed arrives with its draft, in the same first sync.
    with Library.open(designer_dir) as library:
        (early,) = [row.id for row in library.list_drafts() if row.text.startswith("Sudah")]
        assert [s.network for s in library.schedules_of(early)] == ["mastodon"]

    # Studio A (the designer): an image, its alt text, a focal point and a crop.
    png = _png()
    sha = hashlib.sha256(png).hexdigest()
    with Library.open(designer_dir) as library:
        draft_id = next(row.id for row in library.list_drafts() if row.text.startswith("Peluncuran"))
        library.add_asset(png, "produk.png")
        library.attach_asset(draft_id, sha, alt_text="Kotak produk oranye")
        library.set_focal_point(sha, 0.3, 0.6)
        library.set_crop(sha, "instagram-square", Crop(0.1, 0.0, 0.75, 1.0))
    sync(designer_dir)

    # Studio B: the same image, its bytes fetched by hash into the asset store.
    sync(approver_dir)
    with Library.open(approver_dir) as library:
        draft_id_b = next(row.id for row in library.list_drafts() if row.text.startswith("Peluncuran"))
        draft = library.get_draft(draft_id_b)
        assert [(a.sha, a.alt_text) for a in draft.assets] == [(sha, "Kotak produk oranye")]
        assert library.asset_path(sha).read_bytes() == png
        asset = library.get_asset(sha)
        assert (asset.focal_x, asset.focal_y) == (0.3, 0.6)
        assert library.get_crops(sha)["instagram-square"] == Crop(0.1, 0.0, 0.75, 1.0)

    # B is no designer: B's alt text is refused in words and goes back to the team's.
    with Library.open(approver_dir) as library:
        library.set_alt_text(draft_id_b, sha, "Teks alternatif dari penulis")
    report = sync(approver_dir)
    assert report.refused == ["Only a designer can change a post's images, crops or alt text; "
                              "yours went back to the team's."]
    with Library.open(approver_dir) as library:
        assert [a.alt_text for a in library.get_draft(draft_id_b).assets] == ["Kotak produk oranye"]

    # The manager schedules it; the schedule and its account reach B, not due on B's machine.
    when = datetime.now(UTC).replace(microsecond=0) + timedelta(days=2)
    with Library.open(head) as library:
        head_draft = next(row.id for row in library.list_drafts() if row.text.startswith("Peluncuran"))
        account = library.list_accounts()[0]
        library.schedule(head_draft, account.id, when)
    sync(head)
    sync(approver_dir)
    with Library.open(approver_dir) as library:
        accounts = library.list_accounts()
        assert [(a.handle, a.secret_ref) for a in accounts] == [("@acme@example.social", "")]
        assert accounts[0].settings == {"visibility": "public"}  # the token-like setting stayed home
        schedules = library.schedules_of(draft_id_b)
        assert [(s.account_id, s.state) for s in schedules] == [(accounts[0].id, "scheduled")]
        assert library.query("SELECT next_attempt_at FROM publications")[0][0] is None

    # A's saved edit reaches B with its place in the history: one entry, A's reason and time.
    with Library.open(designer_dir) as library:
        library.save_text(draft_id, "Peluncuran produk baru minggu depan, Jumat pukul 10.")
        edited = next(r for r in library.revisions(draft_id) if r.reason == "edit")
    sync(designer_dir)
    sync(approver_dir)
    with Library.open(approver_dir) as library:
        history = library.revisions(draft_id_b)
        newest = history[0]
        assert (newest.text, newest.reason, newest.created_at) == (edited.text, "edit", edited.created_at)
        assert [r.text for r in history].count(edited.text) == 1

    # B comments and A replies and resolves: the thread is the same on both.
    with Library.open(approver_dir) as library:
        comments.add(library, draft_id_b, "Ganti 'minggu depan' dengan tanggalnya?", approver, start=23, end=35)
    sync(approver_dir)
    sync(designer_dir)
    with Library.open(designer_dir) as library:
        (thread,) = comments.threads(library, draft_id)
        assert thread.body == "Ganti 'minggu depan' dengan tanggalnya?" and thread.author == approver
        comments.reply(library, thread.id, "Sudah, terima kasih.", designer)
        comments.set_resolved(library, thread.id, True)
    sync(designer_dir)
    sync(approver_dir)
    with Library.open(approver_dir) as library:
        (thread,) = comments.threads(library, draft_id_b)
        assert thread.resolved and [r.body for r in thread.replies] == ["Sudah, terima kasih."]

    # The designer is no approver: psql refuses the row, and Studio's approval is refused and undone.
    password = str(designer_invite["password"])
    forged = pg_server.psql(
        "INSERT INTO studio.approvals (uid, client_uid, data) SELECT gen_random_uuid(), client_uid, "
        "jsonb_build_object('hash', 'x') FROM studio.drafts LIMIT 1",
        user=designer, password=password, dbname=team_db)
    assert forged.returncode != 0 and "Only an approver can approve a draft" in forged.stderr
    with Library.open(designer_dir) as library:
        with pytest.raises(Refused, match="approver"):  # said before trying: the roles are cached
            approval.approve(library, draft_id, designer)
        # Were the roles not cached yet, the team database refuses it, and the engine undoes it.
        monkeypatch.setattr("studio.team.rights.check_approver", lambda *_args, **_kwargs: None)
        approval.approve(library, draft_id, designer)
        engine = SyncEngine(library)
        try:
            report = engine.sync_once()
        finally:
            engine.close()
        assert any("Only an approver can approve a draft" in line for line in report.refused)
        assert approval.latest_approval(library, draft_id) is None

    # The approver's approval reaches A with who, when and the content hash.
    with Library.open(approver_dir) as library:
        given = approval.approve(library, draft_id_b, approver)
    sync(approver_dir)
    sync(designer_dir)
    with Library.open(designer_dir) as library:
        seen = approval.latest_approval(library, draft_id)
        assert seen is not None
        assert (seen.author, seen.approved_at, seen.hash) == (approver, given.approved_at, given.hash)
        assert approval.state(library, draft_id).fresh
        assert library.get_draft(draft_id).status in ("approved", "scheduled")

    dump = subprocess.run(
        [str(PG_BIN / "pg_dump"), "-h", pg_server.host, "-p", str(pg_server.port), "-U", "postgres", team_db],
        env=pg_server.env(), capture_output=True, text=True, check=True, timeout=120,
    ).stdout
    assert "@acme@example.social" in dump and sha in dump and "Ganti 'minggu depan'" in dump
    assert token not in dump and ref not in dump
