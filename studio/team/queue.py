"""Publishing across machines: the team's due posts live in ``studio.queue`` in PostgreSQL.

Any machine whose keyring holds an account's secret may publish for it. A runner claims due posts
with ``SELECT ... FOR UPDATE SKIP LOCKED`` (two runners never wait for, nor take, the same row), a
lease (a runner that dies gives the post back when the lease expires) and a fencing number that
grows at each claim: the outcome is recorded only ``WHERE fence = <the number of our claim>``, so a
runner that lost its lease (it stalled, another took over) cannot overwrite the newer attempt.
The publishing states, the idempotency key stored before the first attempt (a repeat after a crash
finds the post already out), the retries with back-off and "uncertain" are those of
:mod:`studio.publishing.queue`; the publishers are :mod:`studio.publishing`'s own.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from psycopg.rows import dict_row
from psycopg.types.json import Jsonb
from psycopg_pool import ConnectionPool

from studio.errors import in_words
from studio.publishing.base import (
    Credentials,
    Outcome,
    Part,
    Permanent,
    Post,
    Published,
    Publisher,
    RetryLater,
    Uncertain,
)
from studio.publishing.queue import MAX_ATTEMPTS, backoff

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TeamJob:
    """One claimed post: ``fence`` is this claim's number, ``account`` "network:handle"."""

    id: int
    fence: int
    account: str
    network: str
    parts: tuple[str, ...]
    title: str
    due_at: datetime
    idempotency_key: str
    attempts: int
    schedule_uid: str = ""  # a schedule handed over by a library (studio.team.handoff): render it there


def account_key(network: str, handle: str) -> str:
    """How the team names an account: the same on every machine that holds its secret."""
    return f"{network}:{handle}"


class TeamQueue:
    """The team's queue as one runner sees it. ``owner`` names the runner (machine and process)."""

    def __init__(self, pool: ConnectionPool[Any], owner: str, lease_seconds: float = 120.0,
                 max_attempts: int = MAX_ATTEMPTS) -> None:
        self.pool = pool
        self.owner = owner
        self.lease_seconds = lease_seconds
        self.max_attempts = max_attempts

    def enqueue(self, client_uid: str, account: str, parts: list[str], due_at: datetime,
                draft_uid: str | None = None, title: str = "") -> str:
        """Add a post; returns its idempotency key (made now, before any attempt)."""
        key = str(uuid.uuid4())
        network = account.split(":", 1)[0]
        with self.pool.connection() as conn:
            conn.execute(
                "INSERT INTO studio.queue (client_uid, draft_uid, account, network, body, due_at, idempotency_key) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s)",
                (client_uid, draft_uid, account, network, Jsonb({"parts": parts, "title": title}), due_at, key),
            )
        return key

    def claim(self, accounts: list[str], limit: int = 1) -> list[TeamJob]:
        """Take up to ``limit`` due posts of ``accounts`` under a fresh lease and fencing number."""
        with self.pool.connection() as conn, conn.cursor(row_factory=dict_row) as cursor:
            rows = cursor.execute(
                "UPDATE studio.queue q SET state = 'sending', lease_owner = %(owner)s, "
                " lease_expires_at = now() + make_interval(secs => %(lease)s), fence = q.fence + 1, "
                " attempts = q.attempts + 1, updated_at = now() "
                "FROM (SELECT id FROM studio.queue WHERE account = ANY(%(accounts)s) AND ("
                "   (state IN ('scheduled', 'failed-retry') AND coalesce(next_attempt_at, due_at) <= now())"
                "   OR (state = 'sending' AND lease_expires_at < now()))"
                " ORDER BY due_at, id LIMIT %(limit)s FOR UPDATE SKIP LOCKED) due "
                "WHERE q.id = due.id RETURNING q.*",
                {"owner": self.owner, "lease": self.lease_seconds, "accounts": accounts, "limit": limit},
            ).fetchall()
        return [
            TeamJob(row["id"], row["fence"], row["account"], row["network"], tuple(row["body"].get("parts", [])),
                    str(row["body"].get("title", "")), row["due_at"], row["idempotency_key"], row["attempts"],
                    str(row["body"].get("schedule") or ""))
            for row in rows
        ]

    def finish(self, job: TeamJob, outcome: Outcome) -> str:
        """Record the outcome of ``job``'s attempt; returns the new state, or "" when the lease was
        lost (the fencing number moved on: another runner owns the post now)."""
        fields: dict[str, Any] = {"remote_id": None, "remote_url": None, "next_attempt_at": None, "last_error": None}
        if isinstance(outcome, Published):
            state = "published"
            fields.update(remote_id=outcome.remote_id, remote_url=outcome.remote_url)
        elif isinstance(outcome, RetryLater):
            if job.attempts >= self.max_attempts and not outcome.offline:
                state = "failed-permanent"
                fields["last_error"] = f"Gave up after {job.attempts} attempts. Last error: {outcome.message}"
            else:
                state = "failed-retry"
                delay = outcome.retry_after if outcome.retry_after is not None else backoff(job.attempts)
                fields.update(last_error=outcome.message, next_attempt_at=datetime.now(job.due_at.tzinfo)
                              + timedelta(seconds=delay))
        elif isinstance(outcome, Permanent):
            state, fields["last_error"] = "failed-permanent", outcome.message
        elif isinstance(outcome, Uncertain):
            state, fields["last_error"] = "uncertain", outcome.message
        else:  # pragma: no cover - the Outcome union is closed
            raise TypeError(f"not an outcome: {outcome!r}")
        with self.pool.connection() as conn:
            cursor = conn.execute(
                "UPDATE studio.queue SET state = %(state)s, remote_id = %(remote_id)s, remote_url = %(remote_url)s, "
                " next_attempt_at = %(next_attempt_at)s, last_error = %(last_error)s, lease_owner = NULL, "
                " lease_expires_at = NULL, updated_at = now() "
                "WHERE id = %(id)s AND fence = %(fence)s AND lease_owner = %(owner)s AND state = 'sending'",
                {**fields, "state": state, "id": job.id, "fence": job.fence, "owner": self.owner},
            )
            if cursor.rowcount != 1:
                log.warning("Team post %s was taken over (fence %s); its outcome is not recorded here",
                            job.id, job.fence)
                return ""
        return state

    def counts(self) -> dict[str, int]:
        with self.pool.connection() as conn:
            return {str(s): int(n) for s, n in conn.execute("SELECT state, count(*) FROM studio.queue GROUP BY state")}


class TeamRunner:
    """Publishes the team's due posts for the accounts this machine holds secrets for."""

    def __init__(self, queue: TeamQueue, accounts: dict[str, Credentials],
                 publisher_for: Callable[[Credentials], Publisher],
                 render: Callable[[TeamJob], tuple[Part, ...] | Outcome] | None = None) -> None:
        """``render`` turns a handed-over schedule's job into its parts from this machine's own
        synced library (:func:`studio.team.handoff.renderer`); a job that carries its text needs none."""
        self.queue = queue
        self.accounts = accounts
        self._publisher_for = publisher_for
        self._render = render
        self._publishers: dict[str, Publisher] = {}

    def run_due(self, stop: Callable[[], bool] | None = None) -> dict[str, int]:
        """Claim and send until nothing is due (or ``stop()``); returns how many ended in each state."""
        done: dict[str, int] = {}
        while not (stop is not None and stop()):
            jobs = self.queue.claim(list(self.accounts))
            if not jobs:
                break
            for job in jobs:
                state = self.queue.finish(job, self._attempt(job)) or "taken over"
                done[state] = done.get(state, 0) + 1
        return done

    def _attempt(self, job: TeamJob) -> Outcome:
        account = self.accounts[job.account]
        publisher = self._publishers.get(job.account)
        if publisher is None:
            publisher = self._publishers[job.account] = self._publisher_for(account)
        parts = tuple(Part(text) for text in job.parts)
        if job.schedule_uid:
            if self._render is None:
                return RetryLater("This runner cannot prepare posts scheduled in a library.", offline=True)
            try:
                rendered = self._render(job)
            except Exception as error:  # a missing draft or image: say which, never crash the run
                log.warning("Cannot render team post %s: %s", job.id, error)
                return Permanent(f"The post could not be prepared: {in_words(error)}")
            if not isinstance(rendered, tuple):
                return rendered  # held back (not approved, not synced here yet): said why
            parts = rendered
        post = Post(parts=parts, idempotency_key=job.idempotency_key, scheduled_at=job.due_at, title=job.title)
        try:
            return publisher.publish(post, lambda index, sent: None)
        except Exception as error:  # a publisher's bug: never a success, never a silent repeat
            log.exception("Publisher %s failed on team post %s", job.network, job.id)
            if publisher.idempotent:
                return RetryLater(f"Unexpected error while sending ({type(error).__name__}).")
            return Uncertain(f"Unexpected error while sending ({type(error).__name__}); check the account.")


def local_accounts(library: Any, secret_for: Callable[[str], str]) -> dict[str, Credentials]:
    """This machine's accounts whose secret its keyring holds (a folder account needs none)."""
    from studio import secrets

    found: dict[str, Credentials] = {}
    for row in library.list_accounts():
        try:
            secret = secret_for(row.secret_ref) if row.secret_ref else ""
        except secrets.SecretError:
            continue
        if not secret and row.network != "folder":
            continue
        found[account_key(row.network, row.handle)] = Credentials(
            network=row.network, server_url=row.server_url, handle=row.handle, secret=secret,
            settings=json.loads(json.dumps(dict(row.settings))), secret_ref=row.secret_ref,
        )
    return found
