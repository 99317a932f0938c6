"""One round of measuring: the snapshots due now and the followers not counted today.

Called by the app's publishing timer, by ``studio scheduler`` and by ``studio metrics fetch`` (for
cron). Each account is read with its own token in as few requests as the network allows (its
reader's ``batch``). A network that fails leaves the earlier snapshots as they are and this stage a
gap for now (retried with backoff inside its window); a refused token says to reconnect the account.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from studio.analytics import store
from studio.analytics.readers import FETCHED, MetricsReader, reader_for
from studio.publishing.base import Credentials, OutcomeError, Permanent, RetryLater

if TYPE_CHECKING:
    from studio.library import Library

log = logging.getLogger(__name__)
ReaderFactory = Callable[[Credentials], MetricsReader]


@dataclass
class FetchReport:
    """What one round did: snapshots stored, follower counts stored, requests made, and problems in
    the user's words (one per account)."""

    snapshots: int = 0
    followers: int = 0
    requests: int = 0
    gaps: int = 0
    problems: dict[int, str] = field(default_factory=dict)  # account id -> what to do
    reconnect: set[int] = field(default_factory=set)

    def to_json(self) -> dict[str, Any]:
        return {"snapshots": self.snapshots, "followers": self.followers, "requests": self.requests,
                "gaps": self.gaps, "problems": {str(k): v for k, v in self.problems.items()},
                "reconnect": sorted(self.reconnect)}


def fetch_due(library: Library, now: datetime | None = None, *,
              readers: ReaderFactory = reader_for,
              secret_for: Callable[[str], str] | None = None) -> FetchReport:
    """Measure what is due at ``now`` (default: the current time)."""
    moment = now or datetime.now(UTC)
    report = FetchReport()
    due = store.due_posts(library, moment, [name for name in FETCHED if name != "telegram"])
    by_account: dict[int, list[store.DuePost]] = {}
    for post in due:
        by_account.setdefault(post.account_id, []).append(post)
    opened: dict[int, MetricsReader | None] = {}

    def reader(account_id: int) -> MetricsReader | None:
        if account_id not in opened:
            opened[account_id] = _open(library, account_id, readers, secret_for, report)
        return opened[account_id]

    for account_id, posts in by_account.items():
        found = reader(account_id)
        if found is None:
            for post in posts:
                store.record_failure(library, post, report.problems.get(account_id, ""), moment)
            report.gaps += len(posts)
            continue
        _measure(library, found, account_id, posts, moment, report)
    for row in store.accounts_due_for_followers(library, moment, FETCHED):
        account_id = int(row["id"])
        if account_id in report.problems:
            continue
        found = reader(account_id)
        if found is None:
            continue
        try:
            report.requests += 1
            count = found.followers()
        except OutcomeError as stop:
            _problem(report, account_id, stop.outcome)
            continue
        if count is not None:
            store.record_followers(library, account_id, count, moment)
            report.followers += 1
    return report


def _open(library: Library, account_id: int, readers: ReaderFactory,
          secret_for: Callable[[str], str] | None, report: FetchReport) -> MetricsReader | None:
    from studio.secrets import SecretError

    row = library.get_account(account_id)
    try:
        secret = (secret_for or _load_secret)(row.secret_ref) if row.secret_ref else ""
        return readers(Credentials(row.network, row.server_url, row.handle, secret, dict(row.settings), row.secret_ref))
    except SecretError as error:
        report.problems[account_id] = f"{error.message} Reconnect the account."
        report.reconnect.add(account_id)
    except Exception as error:  # e.g. a server address that is no address
        report.problems[account_id] = str(getattr(error, "message", "") or error)
    return None


def _load_secret(secret_ref: str) -> str:
    from studio import secrets

    return secrets.load(secret_ref)


def _measure(library: Library, reader: MetricsReader, account_id: int, posts: list[store.DuePost],
             moment: datetime, report: FetchReport) -> None:
    size = max(1, reader.batch)
    for start in range(0, len(posts), size):
        chunk = posts[start:start + size]
        try:
            report.requests += 1
            counts = reader.counts([post.remote_id for post in chunk])
        except OutcomeError as stop:
            _problem(report, account_id, stop.outcome)
            retry_after = stop.outcome.retry_after if isinstance(stop.outcome, RetryLater) else None
            for post in posts[start:]:  # the rest of this account waits too: same server, same token
                store.record_failure(library, post, report.problems[account_id], moment, retry_after)
            report.gaps += len(posts) - start
            return
        with library.transaction():  # one commit per answer, not per post
            for post in chunk:
                found = counts.get(post.remote_id)
                if found is None:
                    store.record_failure(library, post, "The post is no longer on the network.", moment)
                    report.gaps += 1
                    continue
                store.record_snapshot(library, publication_id=post.publication_id, draft_id=post.draft_id,
                                      network=post.network, stage=post.stage, source="api", counts=found,
                                      taken_at=moment)
                report.snapshots += 1


def _problem(report: FetchReport, account_id: int, outcome: object) -> None:
    if isinstance(outcome, Permanent):
        report.problems[account_id] = outcome.message
        if outcome.reconnect:
            report.reconnect.add(account_id)
    elif isinstance(outcome, RetryLater):
        report.problems[account_id] = f"{outcome.message} The numbers will be fetched later."
    else:
        report.problems[account_id] = str(getattr(outcome, "message", outcome))
    log.info("Metrics of account %s not fetched: %s", account_id, report.problems[account_id])
