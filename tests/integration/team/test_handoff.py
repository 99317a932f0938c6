"""Scheduling in a team library feeds the team queue: Studio A schedules a post with an image through
the core scheduling function the app uses, syncs and goes away; machine C's ``studio scheduler``
(a real process) publishes it once, rendered from C's own synced library; A, after syncing, shows it
published. A repeat sync never enqueues it twice, and A's own runner never sends it. A post moved,
cancelled or retried follows in the team queue; one held back (edited after approval) shows failed
with its reason everywhere."""

from __future__ import annotations

import hashlib
import io
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from studio.library import Library
from studio.publishing import scheduling
from studio.publishing.queue import Queue
from studio.publishing.runner import Runner
from studio.review import approval
from studio.team.engine import SyncEngine, publish_due
from studio.ui.publishing.service import _run

from .conftest import PgServer
from .helpers import init_team, invite, join, sync


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (80, 60), (30, 120, 200)).save(out, "PNG")
    return out.getvalue()


def _queue_rows(folder: Path) -> list[tuple[str, str, str | None]]:
    with Library.open(folder) as library:
        engine = SyncEngine(library)
        try:
            with engine.pool().connection() as pg:
                rows = pg.execute("SELECT idempotency_key, state, remote_url FROM studio.queue ORDER BY id").fetchall()
        finally:
            engine.close()
    return [(str(k), str(s), u) for k, s, u in rows]


def _team(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, url: str,
          password: str, member: str, roles: str, text: str) -> tuple[Path, Path, Path, int, int]:
    """Studio A (the team's owner) with Acme, its folder account and a draft, and machine C joined as
    ``member``; returns (A, C, the folder the account publishes to, the account id, the draft id)."""
    studio_a, machine_c, out_dir = tmp_path / "laptop", tmp_path / "always-on", tmp_path / "published"
    with Library.open(studio_a) as library:
        acme = library.add_client("Acme")
        account = library.add_account(acme.id, "folder", "acme-manual", server_url=str(out_dir))
        draft = library.create_draft(acme.id, text)
    init_team(capsys, monkeypatch, studio_a, url, password)
    join(capsys, monkeypatch, machine_c, invite(capsys, monkeypatch, studio_a, member, roles, "Acme"))
    return studio_a, machine_c, out_dir, account.id, draft.id


def test_a_post_scheduled_on_a_sleeping_laptop_goes_out_once_from_the_team_scheduler(
    pg_server: PgServer, team_db: str, suffix: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    studio_a, machine_c, out_dir = tmp_path / "laptop", tmp_path / "always-on", tmp_path / "published"
    png = _png()
    sha = hashlib.sha256(png).hexdigest()
    with Library.open(studio_a) as library:
        acme = library.add_client("Acme")
        account = library.add_account(acme.id, "folder", "acme-manual", server_url=str(out_dir))
        draft = library.create_draft(acme.id, "Promo akhir pekan: diskon 20% untuk semua kopi.")
        library.add_asset(png, "kopi.png")
        library.attach_asset(draft.id, sha, alt_text="Secangkir kopi di meja kayu")
    init_team(capsys, monkeypatch, studio_a, pg_server.url(dbname=team_db), pg_server.password)
    join(capsys, monkeypatch, machine_c, invite(capsys, monkeypatch, studio_a, f"c_{suffix}", "manager", "Acme"))

    # A schedules through the function the app's publish actions and the Calendar call, then syncs.
    when = datetime.now(UTC) + timedelta(seconds=2)
    with Library.open(studio_a) as library:
        (schedule,) = scheduling.schedule(library, draft.id, [account.id], when)
    sync(studio_a)
    sync(studio_a)  # a repeat push and the next round: still one row in the team queue
    rows = _queue_rows(studio_a)
    with Library.open(studio_a) as library:
        key, due = library.query("SELECT idempotency_key, next_attempt_at FROM publications")[0]
    assert rows == [(key, "scheduled", None)]
    assert due is None  # handed to the team: not due for A's own runner

    time.sleep(2.5)
    with Library.open(studio_a) as library:  # A's runner, had it woken, finds nothing of its own to send
        assert Runner(library).run_due().results == []
    assert not out_dir.exists()

    # C (the always-on machine) pulls the schedule, the draft and the image, and publishes it.
    process = subprocess.Popen([sys.executable, "-m", "studio", "scheduler", "--library", str(machine_c),
                                "--interval", "1"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and _queue_rows(machine_c)[0][1] != "published":
            time.sleep(0.5)
        time.sleep(2)  # a few more rounds: nothing goes twice
    finally:
        process.send_signal(signal.SIGTERM)
        output = process.communicate(timeout=30)[0]
    assert process.returncode == 0, output
    assert "team posts published: 1" in output, output

    packages = [path for path in out_dir.iterdir() if not path.name.startswith(".")]
    assert len(packages) == 1, output
    (package,) = packages
    assert "diskon 20%" in (package / "post.txt").read_text(encoding="utf-8")
    images = [path for path in package.iterdir() if path.suffix in (".png", ".jpg", ".jpeg", ".webp")]
    assert len(images) == 1
    assert "Secangkir kopi di meja kayu" in (package / "alt-text.txt").read_text(encoding="utf-8")
    assert key in (package / "reminder.ics").read_text(encoding="utf-8")

    # A wakes and syncs: the post shows published, with its address, on the draft too.
    sync(studio_a)
    with Library.open(studio_a) as library:
        (publication,) = library.schedules_of(draft.id)
        assert publication.id == schedule.id and publication.state == "published"
        assert library.query("SELECT remote_url FROM publications")[0][0] == package.as_uri()
        assert library.get_draft(draft.id).status == "published"
    sync(studio_a)
    sync(machine_c)
    with Library.open(machine_c) as library:
        assert [s.state for s in library.schedules_of(library.list_drafts()[0].id)] == ["published"]
    rows = _queue_rows(studio_a)
    assert [(k, s) for k, s, _ in rows] == [(key, "published")]
    assert len([path for path in out_dir.iterdir() if not path.name.startswith(".")]) == 1


def test_a_team_post_edited_after_approval_is_held_back_and_every_member_sees_why(
    pg_server: PgServer, team_db: str, suffix: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    approver = f"c_{suffix}"
    studio_a, machine_c, out_dir, account_id, draft_id = _team(
        tmp_path, capsys, monkeypatch, pg_server.url(dbname=team_db), pg_server.password, approver,
        "manager,approver", "Jam buka baru: Senin sampai Jumat, 08.00-17.00.")

    with Library.open(machine_c) as library:  # C approves the text as it is
        approval.approve(library, library.list_drafts()[0].id, approver)
    sync(machine_c)
    sync(studio_a)
    with Library.open(studio_a) as library:  # A changes it afterwards, and schedules it
        library.save_text(draft_id, "Jam buka baru: Senin sampai Sabtu, 08.00-17.00.")
        scheduling.schedule(library, draft_id, [account_id], datetime.now(UTC) - timedelta(seconds=1))
    sync(studio_a)
    sync(machine_c)

    with Library.open(machine_c) as library:
        assert publish_due(library) == {"failed-permanent": 1}
    assert not out_dir.exists()  # nothing left for the network
    sync(machine_c)
    sync(studio_a)
    with Library.open(studio_a) as library:
        (publication,) = Queue(library).list(draft_id=draft_id)
        assert publication.state == "failed-permanent"
        assert publication.last_error is not None and "changed after" in publication.last_error
        assert library.get_draft(draft_id).status == "failed"
    assert [state for _, state, _ in _queue_rows(studio_a)] == ["failed-permanent"]


def test_a_team_post_moved_cancelled_and_retried_follows_in_the_team_queue_and_stays_out_of_the_local_one(
    pg_server: PgServer, team_db: str, suffix: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    studio_a, machine_c, out_dir, account_id, draft_id = _team(
        tmp_path, capsys, monkeypatch, pg_server.url(dbname=team_db), pg_server.password, f"c_{suffix}",
        "manager", "Pengumuman: toko tutup lebih awal hari ini.")
    with Library.open(studio_a) as library:
        (schedule,) = scheduling.schedule(library, draft_id, [account_id], datetime.now(UTC) + timedelta(days=1))
    sync(studio_a)

    # Moved to now, on A, before any sync: due again here, yet A's runner leaves it to the team.
    with Library.open(studio_a) as library:
        library.reschedule(schedule.id, datetime.now(UTC) - timedelta(seconds=1))
        assert Runner(library).run_due().results == []
    sync(studio_a)
    rows = _queue_rows(studio_a)
    assert len(rows) == 1 and rows[0][1] == "scheduled"

    # Cancelled on A: withdrawn from the team queue, C sends nothing; retried: back in it, once.
    with Library.open(studio_a) as library:
        (publication,) = Queue(library).list(draft_id=draft_id)
        Queue(library).cancel(publication.id)
    sync(studio_a)
    assert [state for _, state, _ in _queue_rows(studio_a)] == ["cancelled"]
    sync(machine_c)
    with Library.open(machine_c) as library:
        assert publish_due(library) == {}
        assert [s.state for s in library.schedules_of(library.list_drafts()[0].id)] == ["cancelled"]
    with Library.open(studio_a) as library:
        Queue(library).retry(publication.id)
        assert Runner(library).run_due().results == []
    sync(studio_a)
    assert [state for _, state, _ in _queue_rows(studio_a)] == ["scheduled"]
    sync(machine_c)
    with Library.open(machine_c) as library:  # C's app: its publisher's pass sends the team's post too
        assert _run(Runner, library).results == []  # nothing of C's own
        assert [state for _, state, _ in _queue_rows(machine_c)] == ["published"]
        assert publish_due(library) == {}
    sync(machine_c)
    sync(studio_a)
    with Library.open(studio_a) as library:
        assert [s.state for s in library.schedules_of(draft_id)] == ["published"]
    assert len([path for path in out_dir.iterdir() if not path.name.startswith(".")]) == 1


def test_a_bluesky_post_reaches_the_team_queue_under_a_tid(
    pg_server: PgServer, team_db: str, suffix: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    from studio.publishing.record_keys import parse_tid

    studio_a, _machine_c, _out_dir, _account_id, draft_id = _team(
        tmp_path, capsys, monkeypatch, pg_server.url(dbname=team_db), pg_server.password, f"c_{suffix}",
        "manager", "Halo dari Bluesky.")
    with Library.open(studio_a) as library:
        bluesky = library.add_account(library.find_client("Acme").id, "bluesky", "acme.test",  # type: ignore[union-attr]
                                      server_url="https://pds.example")
        library.schedule(draft_id, bluesky.id, datetime.now(UTC) + timedelta(days=1))
    sync(studio_a)  # the schedule reaches the team; its key becomes a TID here
    sync(studio_a)  # the TID reaches the team, then the queue
    ((key, state, _),) = _queue_rows(studio_a)
    parse_tid(key)
    assert state == "scheduled"
    with Library.open(studio_a) as library:
        assert library.query("SELECT idempotency_key, next_attempt_at FROM publications")[0][:] == (key, None)
