"""A Studio killed with SIGKILL in the middle of syncing, 20 times at random moments: after restart
its outbox finishes and both sides hold the same drafts, with nobody's edit lost."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studio.library import Library
from studio.team import local

from .conftest import PgServer
from .helpers import init_team, invite, join, sync

DRAFTS = 200

# The member's Studio: edit 30 drafts (a new last line each), sync, again, until killed.
CHILD = """
import random, sys
from pathlib import Path
from studio.library import Library
from studio.team.engine import SyncEngine

library = Library.open(Path(sys.argv[1]))
engine = SyncEngine(library)
ids = [row.id for row in library.list_drafts(limit=1000)]
rounds = 0
while True:
    rounds += 1
    for draft_id in random.sample(ids, 30):
        text = library.get_draft(draft_id).text
        library.save_text(draft_id, text + f"\\nm{sys.argv[2]}-{rounds}.")
    print("synced", engine.sync_once().pushed, flush=True)
"""


def _by_uid(folder: Path) -> dict[str, dict[str, object]]:
    with Library.open(folder) as library, library.transaction() as conn:
        assert local.waiting(conn) == 0
        docs = {}
        for draft_id, uid in conn.execute("SELECT local_id, uid FROM team_rows WHERE kind = 'draft'"):
            doc = local.draft_doc(conn, draft_id)
            assert doc is not None
            doc.pop("created_at")
            docs[uid] = doc
        assert len(docs) == conn.execute("SELECT count(*) FROM drafts").fetchone()[0]
        return docs


def test_sigkill_during_sync_twenty_times(
    pg_server: PgServer, team_db: str, suffix: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    head, member = tmp_path / "head", tmp_path / "member"
    with Library.open(head) as library:
        acme = library.add_client("Acme")
        for n in range(DRAFTS):
            library.create_draft(acme.id, f"Draf nomor {n}.")
    init_team(capsys, monkeypatch, head, pg_server.url(dbname=team_db), pg_server.password)
    join(capsys, monkeypatch, member, invite(capsys, monkeypatch, head, f"kill_{suffix}", "writer", "Acme"))

    rng = random.Random(12)
    head_marks: dict[int, list[str]] = {}
    for kill in range(20):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(member), str(kill)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(rng.uniform(0.4, 2.5))
        child.send_signal(signal.SIGKILL)
        _, err = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL, err
        # Meanwhile the team edits too (a new first line), so the killed Studio also pulls.
        with Library.open(head) as library:
            for row in rng.sample(library.list_drafts(limit=1000), 5):
                mark = f"h{kill}."
                library.save_text(row.id, f"{mark}\n{library.get_draft(row.id).text}")
                head_marks.setdefault(row.id, []).append(mark)
        sync(head)

    for folder in (member, head, member):
        sync(folder)
    ours, theirs = _by_uid(member), _by_uid(head)
    assert ours == theirs and len(ours) == DRAFTS
    with Library.open(head) as library:
        for draft_id, marks in head_marks.items():
            text = library.get_draft(draft_id).text
            assert all(mark in text.split("\n") for mark in marks), text
        member_lines = sum(text.count("\nm") for text in (str(d["text"]) for d in theirs.values()))
    assert member_lines > 0
    with Library.open(member) as library:
        conflicts = library.query("SELECT count(*) FROM team_conflicts")[0][0]
        final = {row.id: library.get_draft(row.id).text.split("\n") for row in library.list_drafts(limit=1000)}
        for draft_id, lines in final.items():  # every line the member ever saved is still there
            saved = {line for r in library.revisions(draft_id, limit=100_000) for line in r.text.split("\n")}
            assert {line for line in saved if line.startswith("m")} <= set(lines)
    print(json.dumps({"kills": 20, "member_lines": member_lines, "conflict_copies": conflicts}))
