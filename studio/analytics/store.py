"""Snapshots of published posts' counters and accounts' followers, kept in the library.

Each published post is measured at four ages (:data:`STAGES`). A stage is due from its age until the
next stage's age (the last one for :data:`LAST_WINDOW`); a fetch that fails is retried with the
publishing backoff inside that window, and a window that closes without an answer stays a gap: no
row, never a zero. Followers are counted once a UTC day per account.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from studio.analytics.formulas import COUNTERS, Counts
from studio.library.times import parse_iso
from studio.publishing.queue import backoff, iso

if TYPE_CHECKING:
    from studio.library import Library

STAGES: tuple[tuple[str, timedelta], ...] = (
    ("1h", timedelta(hours=1)),
    ("24h", timedelta(hours=24)),
    ("7d", timedelta(days=7)),
    ("30d", timedelta(days=30)),
)
LAST_WINDOW = timedelta(days=5)  # how long after its age the 30-day stage may still be measured
STAGE_NAMES = {"1h": "1 hour", "24h": "24 hours", "7d": "7 days", "30d": "30 days"}


@dataclass(frozen=True)
class DuePost:
    """A published post whose stage is due now."""

    publication_id: int
    draft_id: int
    account_id: int
    network: str
    remote_id: str
    published_at: datetime
    stage: str


@dataclass(frozen=True)
class Snapshot:
    publication_id: int | None
    draft_id: int
    network: str
    stage: str
    source: str
    taken_at: str
    counts: Counts


def stage_window(published_at: datetime, stage: str) -> tuple[datetime, datetime]:
    """When ``stage`` of a post published at ``published_at`` may be measured: [start, end)."""
    names = [name for name, _ in STAGES]
    index = names.index(stage)
    start = published_at + STAGES[index][1]
    end = published_at + STAGES[index + 1][1] if index + 1 < len(STAGES) else start + LAST_WINDOW
    return start, end


def current_stage(published_at: datetime, now: datetime) -> str | None:
    """The stage whose window ``now`` falls in, if any."""
    for name, _ in STAGES:
        start, end = stage_window(published_at, name)
        if start <= now < end:
            return name
    return None


def due_posts(library: Library, now: datetime, networks: Iterable[str] | None = None) -> list[DuePost]:
    """Published posts with a stage due now that has no snapshot and no pending retry in the future."""
    oldest = iso(now - STAGES[-1][1] - LAST_WINDOW)
    rows = library.query(
        "SELECT p.id, s.draft_id, s.account_id, a.network, p.remote_id, "
        "coalesce(p.last_attempt_at, p.updated_at) AS published_at "
        "FROM publications p JOIN schedules s ON s.id = p.schedule_id JOIN accounts a ON a.id = s.account_id "
        "WHERE p.state = 'published' AND p.remote_id IS NOT NULL AND p.remote_id != '' "
        "AND coalesce(p.last_attempt_at, p.updated_at) >= ? ORDER BY p.id",
        (oldest,),
    )
    wanted = set(networks) if networks is not None else None
    due: list[DuePost] = []
    for row in rows:
        if wanted is not None and row["network"] not in wanted:
            continue
        published = parse_iso(row["published_at"])
        if published is None:
            continue
        stage = current_stage(published, now)
        if stage is None:
            continue
        done = library.query(
            "SELECT 1 FROM metric_snapshots WHERE publication_id = ? AND stage = ? AND source = 'api'",
            (row["id"], stage),
        )
        waiting = library.query(
            "SELECT 1 FROM metric_attempts WHERE publication_id = ? AND stage = ? AND next_attempt_at > ?",
            (row["id"], stage, iso(now)),
        )
        if not done and not waiting:
            due.append(DuePost(int(row["id"]), int(row["draft_id"]), int(row["account_id"]), str(row["network"]),
                               str(row["remote_id"]), published, stage))
    return due


def record_snapshot(library: Library, *, draft_id: int, network: str, stage: str, source: str, counts: Counts,
                    taken_at: datetime, publication_id: int | None = None) -> None:
    """Store one snapshot (an API stage replaces nothing: its first answer stands)."""
    values = counts.to_json()
    columns = ", ".join(COUNTERS)
    marks = ", ".join("?" * len(COUNTERS))
    with library.transaction() as conn:
        verb = "INSERT OR IGNORE" if source == "api" else "INSERT"
        conn.execute(
            f"{verb} INTO metric_snapshots (publication_id, draft_id, network, stage, source, taken_at, {columns}) "
            f"VALUES (?, ?, ?, ?, ?, ?, {marks})",
            (publication_id, draft_id, network, stage, source, iso(taken_at), *(values[name] for name in COUNTERS)),
        )
        if publication_id is not None:
            conn.execute("DELETE FROM metric_attempts WHERE publication_id = ? AND stage = ?", (publication_id, stage))
        library.changed("metrics", draft_id)


def record_failure(library: Library, post: DuePost, error: str, now: datetime,
                   retry_after: float | None = None) -> datetime:
    """Remember a failed fetch of ``post``'s stage; returns when it will be tried again (with the
    publishing backoff, or the server's own ``Retry-After``)."""
    with library.transaction() as conn:
        row = conn.execute("SELECT attempts FROM metric_attempts WHERE publication_id = ? AND stage = ?",
                           (post.publication_id, post.stage)).fetchone()
        attempts = (int(row[0]) if row else 0) + 1
        wait = retry_after if retry_after is not None else backoff(attempts)
        later = now + timedelta(seconds=wait)
        conn.execute(
            "INSERT INTO metric_attempts (publication_id, stage, attempts, next_attempt_at, last_error) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (publication_id, stage) DO UPDATE SET attempts = excluded.attempts, "
            "next_attempt_at = excluded.next_attempt_at, last_error = excluded.last_error",
            (post.publication_id, post.stage, attempts, iso(later), error),
        )
    return later


def record_followers(library: Library, account_id: int, followers: int, now: datetime) -> None:
    with library.transaction() as conn:
        conn.execute(
            "INSERT INTO follower_counts (account_id, day, followers, taken_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (account_id, day) DO UPDATE SET followers = excluded.followers, taken_at = excluded.taken_at",
            (account_id, now.astimezone(UTC).date().isoformat(), followers, iso(now)),
        )
        library.changed("metrics", None)


def accounts_due_for_followers(library: Library, now: datetime, networks: Iterable[str]) -> list[sqlite3.Row]:
    """Accounts of ``networks`` not counted yet on ``now``'s UTC day."""
    names = tuple(networks)
    marks = ", ".join("?" * len(names))
    return library.query(
        f"SELECT a.* FROM accounts a WHERE a.archived = 0 AND a.network IN ({marks}) AND NOT EXISTS "
        "(SELECT 1 FROM follower_counts f WHERE f.account_id = a.id AND f.day = ?) ORDER BY a.id",
        (*names, now.astimezone(UTC).date().isoformat()),
    )


def followers_at(library: Library, account_id: int, moment: datetime) -> int | None:
    """The account's follower count on ``moment``'s day, else the closest day before it, else the
    first one after it; ``None`` when it was never counted."""
    day = moment.astimezone(UTC).date().isoformat()
    before = library.query("SELECT followers FROM follower_counts WHERE account_id = ? AND day <= ? "
                           "ORDER BY day DESC LIMIT 1", (account_id, day))
    if before:
        return int(before[0][0])
    after = library.query("SELECT followers FROM follower_counts WHERE account_id = ? AND day > ? "
                          "ORDER BY day LIMIT 1", (account_id, day))
    return int(after[0][0]) if after else None


def snapshots(library: Library, draft_id: int) -> list[Snapshot]:
    rows = library.query("SELECT * FROM metric_snapshots WHERE draft_id = ? ORDER BY taken_at, id", (draft_id,))
    return [_snapshot(row) for row in rows]


def latest(library: Library, publication_id: int) -> Snapshot | None:
    """The newest snapshot of one publication, whatever its source."""
    rows = library.query("SELECT * FROM metric_snapshots WHERE publication_id = ? ORDER BY taken_at DESC, id DESC "
                         "LIMIT 1", (publication_id,))
    return _snapshot(rows[0]) if rows else None


def _snapshot(row: Any) -> Snapshot:
    counts = Counts(**{name: row[name] for name in COUNTERS})
    return Snapshot(row["publication_id"], int(row["draft_id"]), str(row["network"]), str(row["stage"]),
                    str(row["source"]), str(row["taken_at"]), counts)
