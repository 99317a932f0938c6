"""``studio scheduler``: a long-running process that publishes as posts fall due, stopped by SIGTERM."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from servers.library import add_account, due_post, open_library
from servers.mastodon import FakeMastodon

ROOT = Path(__file__).resolve().parents[3]


def test_scheduler_publishes_as_posts_fall_due_and_stops_on_sigterm(tmp_path: Path, mastodon_server: FakeMastodon) -> None:
    folder = tmp_path / "library"
    library = open_library(folder)
    try:
        account = add_account(library, "mastodon", mastodon_server.url, "studio", mastodon_server.token)
        due_post(library, account, "already due")
        due_post(library, account, "due in a moment", minutes_ago=0)
    finally:
        library.close()
    process = subprocess.Popen(
        [sys.executable, "-m", "studio.cli", "scheduler", "--interval", "1", "--library", str(folder)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(mastodon_server.posted_texts()) < 2:
            time.sleep(0.1)
        assert sorted(mastodon_server.posted_texts()) == ["already due", "due in a moment"]
    finally:
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "publishing from" in out and out.count("published") == 2
