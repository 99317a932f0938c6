"""Metrics of published Mastodon posts, read from the fake Mastodon server whose counters grow."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from servers.library import add_account, due_post, open_library
from servers.mastodon import FakeMastodon

from studio.analytics import store
from studio.analytics.fetch import fetch_due
from studio.analytics.formulas import Counts
from studio.publishing.runner import Runner


def _published(tmp_path: Path, server: FakeMastodon, posts: int = 1) -> tuple[object, list[int], datetime]:
    library = open_library(tmp_path / "library")
    account = add_account(library, "mastodon", server.url, "studio", server.token)
    ids = [due_post(library, account, f"Post number {n}") for n in range(posts)]
    Runner(library).run_due()
    published_at = datetime.now(UTC)
    return library, ids, published_at


def test_counts_follow_the_server_through_the_stages(tmp_path: Path, mastodon_server: FakeMastodon) -> None:
    library, ids, published = _published(tmp_path, mastodon_server, posts=3)
    statuses = sorted(mastodon_server.statuses)
    mastodon_server.favourite(statuses[0], 5)
    mastodon_server.reblog(statuses[0], 2)
    mastodon_server.reply(statuses[1], 1)
    mastodon_server.followers = 40

    report = fetch_due(library, published + timedelta(hours=1, minutes=1))  # type: ignore[arg-type]
    assert report.snapshots == 3 and report.followers == 1 and not report.problems
    assert report.requests == 2  # one request for three statuses, one for the followers
    first = store.latest(library, ids[0])  # type: ignore[arg-type]
    assert first is not None and first.stage == "1h"
    assert (first.counts.likes, first.counts.reposts, first.counts.replies) == (5, 2, 0)

    # A second round in the same window asks nothing again.
    again = fetch_due(library, published + timedelta(hours=2))  # type: ignore[arg-type]
    assert again.snapshots == 0 and again.requests == 0

    mastodon_server.favourite(statuses[0], -1)  # someone takes a like back
    fetch_due(library, published + timedelta(hours=25))  # type: ignore[arg-type]
    day = store.latest(library, ids[0])  # type: ignore[arg-type]
    assert day is not None and day.stage == "24h" and day.counts.likes == 4
    stages = [snap.stage for snap in store.snapshots(library, library.query(  # type: ignore[attr-defined]
        "SELECT draft_id FROM schedules s JOIN publications p ON p.schedule_id = s.id WHERE p.id = ?", (ids[0],))[0][0])]
    assert stages == ["1h", "24h"]


def test_a_server_error_leaves_a_gap_and_the_earlier_snapshot(tmp_path: Path, mastodon_server: FakeMastodon) -> None:
    library, ids, published = _published(tmp_path, mastodon_server)
    mastodon_server.favourite(sorted(mastodon_server.statuses)[0], 3)
    fetch_due(library, published + timedelta(hours=1, minutes=1))  # type: ignore[arg-type]
    mastodon_server.inject(r"^/api/v1/statuses$", "status:503")
    report = fetch_due(library, published + timedelta(hours=25))  # type: ignore[arg-type]
    assert report.snapshots == 0 and report.gaps == 1
    assert "later" in next(iter(report.problems.values()))
    kept = store.latest(library, ids[0])  # type: ignore[arg-type]
    assert kept is not None and kept.stage == "1h" and kept.counts.likes == 3  # no zero, no loss
    # After the backoff, the same stage is measured.
    report = fetch_due(library, published + timedelta(hours=30))  # type: ignore[arg-type]
    assert report.snapshots == 1
    assert store.latest(library, ids[0]).stage == "24h"  # type: ignore[arg-type,union-attr]


def test_a_revoked_token_says_reconnect(tmp_path: Path, mastodon_server: FakeMastodon) -> None:
    library, ids, published = _published(tmp_path, mastodon_server)
    mastodon_server.revoked = True
    report = fetch_due(library, published + timedelta(hours=1, minutes=1))  # type: ignore[arg-type]
    assert report.snapshots == 0 and report.reconnect
    assert "Reconnect the account" in next(iter(report.problems.values()))
    assert store.latest(library, ids[0]) is None  # type: ignore[arg-type]


def test_counts_are_none_not_zero_when_unknown() -> None:
    counts = Counts(likes=2)
    assert counts.reach is None and counts.engagements() == 2
