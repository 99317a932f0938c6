"""The runner killed with SIGKILL at random moments: afterwards every post exists exactly once.

A real ``studio publish --due`` subprocess sends to the fake Mastodon server (whose answers are
slowed down so kills land between "the server made the post" and "the runner recorded it") and to
the real Bluesky PDS, and is killed at a random moment, at least 50 times. The next run takes over
the dead runner's lease and repeats the send with the stored idempotency key (Mastodon's
``Idempotency-Key``, Bluesky's TID record key), which must return the same post, never a second.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from servers.library import add_account, due_post, open_library
from servers.mastodon import FakeMastodon
from servers.pds import PDS

ROOT = Path(__file__).resolve().parents[3]
RUNS = 50
MASTODON_POSTS = 150
BLUESKY_POSTS = 100


@pytest.mark.slow
@pytest.mark.integration
def test_sigkill_at_random_moments_loses_nothing_and_duplicates_nothing(
    tmp_path: Path, mastodon_server: FakeMastodon, pds: PDS
) -> None:
    rng = random.Random(int(os.environ.get("STUDIO_CRASH_SEED", "20261126")))
    mastodon_server.latency = 0.03
    folder = tmp_path / "library"
    command = [sys.executable, "-m", "studio.cli", "publish", "--due", "--json", "--library", str(folder)]
    library = open_library(folder)
    library.close()
    # How long a run takes to start and find nothing to do, on this machine today: kills are aimed
    # after that, at random moments while posts are being sent.
    startup = 0.0
    for _ in range(2):
        began = time.monotonic()
        subprocess.run(command, cwd=ROOT, capture_output=True, timeout=120, check=True)
        startup = max(startup, time.monotonic() - began)
    library = open_library(folder)
    handle, password, did = pds.create_account("crash")
    try:
        mastodon = add_account(library, "mastodon", mastodon_server.url, "studio", mastodon_server.token)
        bluesky = add_account(library, "bluesky", pds.url, handle, password)
        expected_mastodon: list[str] = []
        expected_bluesky: list[str] = []
        # Enough work that every one of the runs is killed in the middle of it.
        for i in range(MASTODON_POSTS):
            if i % 5 == 0:
                parts = [f"m{i} thread {n}" for n in range(3)]
                due_post(library, mastodon, f"m{i}", thread=parts)
                expected_mastodon += parts
            else:
                due_post(library, mastodon, f"m{i} single")
                expected_mastodon.append(f"m{i} single")
        for i in range(BLUESKY_POSTS):
            if i % 5 == 0:
                parts = [f"b{i} thread {n}" for n in range(3)]
                due_post(library, bluesky, f"b{i}", thread=parts)
                expected_bluesky += parts
            else:
                due_post(library, bluesky, f"b{i} single")
                expected_bluesky.append(f"b{i} single")
    finally:
        library.close()

    killed = 0
    for _ in range(RUNS):
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(startup * rng.uniform(0.6, 1.0) + rng.uniform(0.0, 0.6))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            killed += 1
        process.wait(timeout=30)
    assert killed >= RUNS * 0.8, f"only {killed} of {RUNS} runs were killed: the test proves little"

    # Then runs that are left alone finish the rest (bounded).
    for _ in range(5):
        finished = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
        assert finished.returncode == 0, finished.stderr
        if json.loads(finished.stdout)["results"] == []:
            break

    library = open_library(folder)
    try:
        states = Counter(row[0] for row in library.query("SELECT state FROM publications"))
        interrupted = library.query("SELECT count(*) FROM publications WHERE attempts > 1")[0][0]
    finally:
        library.close()
    assert states == Counter({"published": MASTODON_POSTS + BLUESKY_POSTS}), states
    # Kills that hit a send in flight are what this test is about: make sure there were some.
    assert interrupted >= 5, f"only {interrupted} sends were interrupted"
    print(f"{killed} runs killed, {interrupted} sends interrupted and repeated")
    assert Counter(mastodon_server.posted_texts()) == Counter(expected_mastodon)
    assert sorted(mastodon_server.posted_texts()) == sorted(set(expected_mastodon))
    texts = [str(record["value"]["text"]) for record in pds.list_posts(did)]  # type: ignore[index]
    assert sorted(texts) == sorted(expected_bluesky)
