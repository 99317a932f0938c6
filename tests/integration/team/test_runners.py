"""Three runners on three library folders, one team database, 1,000 due posts, runners SIGKILLed at
random and started again: every post is published exactly once.

The publisher is Studio's real folder publisher writing into one shared folder (the "server"): a
post is out when its package is there, and the package names the post's idempotency key, so a post
sent twice would show as two packages."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from studio.library import Library
from studio.team import local
from studio.team.engine import SyncEngine
from studio.team.queue import TeamQueue

from .conftest import PgServer
from .helpers import init_team, invite, join

POSTS = 1000

RUNNER = """
import sys
from pathlib import Path
from studio.library import Library
from studio.publishing.runner import load_secret, make_publisher
from studio.team.engine import SyncEngine
from studio.team.queue import TeamQueue, TeamRunner, local_accounts

library = Library.open(Path(sys.argv[1]))
engine = SyncEngine(library)
queue = TeamQueue(engine.pool(), owner=sys.argv[2], lease_seconds=2.0)
runner = TeamRunner(queue, local_accounts(library, load_secret), make_publisher)
print(runner.run_due(), flush=True)
engine.close()
"""


def test_three_runners_publish_each_post_exactly_once(
    pg_server: PgServer, team_db: str, suffix: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    out_dir = tmp_path / "published"
    head = tmp_path / "head"
    with Library.open(head) as library:
        library.add_client("Acme")
    init_team(capsys, monkeypatch, head, pg_server.url(dbname=team_db), pg_server.password)
    runners = []
    for n in range(3):
        folder = tmp_path / f"runner{n}"
        join(capsys, monkeypatch, folder, invite(capsys, monkeypatch, head, f"run{n}_{suffix}", "manager", "Acme"))
        with Library.open(folder) as library:
            acme = library.find_client("Acme")
            assert acme is not None
            library.add_account(acme.id, "folder", "acme-manual", server_url=str(out_dir))
        runners.append(folder)

    with Library.open(head) as library:
        engine = SyncEngine(library)
        acme_uid = local.uid_of(library.connection, "client", library.find_client("Acme").id)  # type: ignore[union-attr]
        assert acme_uid is not None
        queue = TeamQueue(engine.pool(), owner="head")
        now = datetime.now(UTC) - timedelta(seconds=1)
        keys = {queue.enqueue(acme_uid, "folder:acme-manual", [f"Pos nomor {n}."], now, title=f"Pos {n}")
                for n in range(POSTS)}

        rng = random.Random(7)
        processes: dict[int, subprocess.Popen[str]] = {}
        kills, deadline = 0, time.monotonic() + 240
        while time.monotonic() < deadline:
            for n, folder in enumerate(runners):
                if n not in processes or processes[n].poll() is not None:
                    processes[n] = subprocess.Popen([sys.executable, "-c", RUNNER, str(folder), f"runner{n}-{kills}"],
                                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            time.sleep(rng.uniform(0.2, 1.2))
            if kills < 12:
                victim = processes[rng.randrange(3)]
                if victim.poll() is None:
                    victim.send_signal(signal.SIGKILL)
                    victim.wait()
                    kills += 1
            counts = queue.counts()
            if counts.get("published", 0) == POSTS:
                break
        for process in processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
            process.wait()
        counts = queue.counts()
        engine.close()

    assert kills >= 6
    assert counts == {"published": POSTS}
    packages = [path for path in out_dir.iterdir() if not path.name.startswith(".")]
    assert len(packages) == POSTS
    uids = {line.split(":", 1)[1].split("@")[0] for path in packages
            for line in (path / "reminder.ics").read_text().splitlines() if line.startswith("UID:")}
    assert uids == keys


def test_a_runner_that_lost_its_lease_cannot_record_an_outcome(
    pg_server: PgServer, team_db: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    from studio.publishing.base import Published

    head = tmp_path / "head"
    with Library.open(head) as library:
        acme = library.add_client("Acme")
    init_team(capsys, monkeypatch, head, pg_server.url(dbname=team_db), pg_server.password)
    with Library.open(head) as library:
        engine = SyncEngine(library)
        try:
            acme_uid = local.uid_of(library.connection, "client", acme.id)
            assert acme_uid is not None
            slow, fast = (TeamQueue(engine.pool(), owner=name, lease_seconds=0.2) for name in ("slow", "fast"))
            slow.enqueue(acme_uid, "folder:acme", ["Halo."], datetime.now(UTC) - timedelta(seconds=1))
            [first] = slow.claim(["folder:acme"])
            assert fast.claim(["folder:acme"]) == []  # leased: nobody else takes it
            time.sleep(0.4)
            [second] = fast.claim(["folder:acme"])
            assert second.fence == first.fence + 1 and second.idempotency_key == first.idempotency_key
            assert slow.finish(first, Published("stale")) == ""
            assert fast.finish(second, Published("r1")) == "published"
            assert slow.counts() == {"published": 1}
        finally:
            engine.close()
