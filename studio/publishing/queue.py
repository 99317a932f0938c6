"""The publications' state machine and the leases that make two runners never send the same post.

States: ``scheduled`` -> ``sending`` -> ``published``; or ``failed-retry`` (with ``next_attempt_at``),
``failed-permanent``, ``uncertain``; or ``cancelled`` by the user.

A runner :meth:`Queue.claim`s one due publication at a time in a ``BEGIN IMMEDIATE`` transaction:
the row becomes ``sending`` with the runner's name and a lease expiry, so another runner (the app's
timer and a cron job at the same moment) skips it. A lease ends when the runner records the outcome,
when it expires, or at once when its owner is a process on this machine that no longer exists (a
runner killed with SIGKILL). A ``sending`` row whose lease ended is taken over: on a network with
idempotency the send is simply repeated with the same key (it returns the same post); on one
without (Telegram, webhooks) the row becomes ``uncertain`` and waits for the user.

Every write of an outcome is guarded by the lease owner, so a runner that lost its lease cannot
overwrite what the next one did.
"""

from __future__ import annotations

import json
import logging
import os
import random
import secrets
import socket
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from studio.errors import StudioError
from studio.library.times import parse_iso
from studio.publishing.base import Outcome, Permanent, Published, RetryLater, Sent, Uncertain
from studio.publishing.record_keys import key_fits, new_key

if TYPE_CHECKING:
    from studio.library import Library

log = logging.getLogger(__name__)

NOT_IDEMPOTENT = frozenset({"telegram", "webhook", "facebook", "linkedin"})
# What the user may do in each state (the queue enforces it; the panel enables its buttons by it).
RETRYABLE = ("failed-retry", "failed-permanent", "uncertain", "cancelled", "scheduled")  # scheduled: send now
CANCELLABLE = ("scheduled", "failed-retry", "failed-permanent", "uncertain")
MARKABLE = ("uncertain", "failed-retry", "failed-permanent")
LEASE_SECONDS = 300.0
MAX_ATTEMPTS = 8
# Networks whose server publishes at the scheduled time itself: their posts are sent as soon as
# they are scheduled (with that time), not when it comes.
HANDED_AHEAD = frozenset({"postiz"})
BACKOFF_BASE = 30.0  # seconds before the second attempt; doubles each time
BACKOFF_CAP = 3600.0
OFFLINE_CAP = 300.0  # when offline, look again at least this often


class QueueError(StudioError):
    """A user action that the publication's state does not allow."""


def iso(moment: datetime) -> str:
    """UTC text with milliseconds: sorts as text and compares with the library's ``YYYY-MM-DDTHH:MM:SSZ``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def lease_owner() -> str:
    """The name a process holds its leases under: host, process id and a random part (a pid can be
    reused)."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"


def _owner_gone(owner: str | None) -> bool:
    """True when ``owner`` is a runner on this machine whose process no longer exists."""
    if not owner:
        return True
    host, _, rest = owner.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return _is_zombie(pid)


def _is_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return False


def backoff(attempts: int, rng: random.Random | None = None) -> float:
    """Seconds before the next attempt after ``attempts`` failed ones: exponential, capped, with
    jitter (between 75% and 125%) so runners that failed together do not return together."""
    delay = min(BACKOFF_CAP, BACKOFF_BASE * (2 ** max(0, attempts - 1)))
    return delay * (rng or random).uniform(0.75, 1.25)


@dataclass(frozen=True)
class Job:
    """A claimed publication: what the runner needs to send it."""

    publication_id: int
    schedule_id: int
    draft_id: int
    account_id: int
    network: str
    scheduled_at: str
    attempts: int  # including this one
    idempotency_key: str
    sent: tuple[Sent, ...]
    owner: str


@dataclass(frozen=True)
class Publication:
    """A row of the publications panel: one post on one account."""

    id: int
    schedule_id: int
    draft_id: int
    account_id: int | None
    network: str
    handle: str
    scheduled_at: str
    state: str
    attempts: int
    next_attempt_at: str | None
    last_error: str | None
    remote_id: str | None
    remote_url: str | None
    excerpt: str
    updated_at: str

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


class Queue:
    """The publications of one library, seen by one runner (``owner``)."""

    def __init__(
        self,
        library: Library,
        owner: str | None = None,
        *,
        lease_seconds: float = LEASE_SECONDS,
        max_attempts: int = MAX_ATTEMPTS,
        clock: Callable[[], datetime] | None = None,
        key_for: Callable[[str], str] | None = None,
    ) -> None:
        self.library = library
        self.owner = owner or lease_owner()
        self.lease_seconds = lease_seconds
        self.max_attempts = max_attempts
        self._clock = clock or (lambda: datetime.now(UTC))
        self._key_for = key_for or new_key

    def now(self) -> datetime:
        return self._clock()

    # ---- claiming ------------------------------------------------------------------------------

    def claim(self, exclude: frozenset[int] = frozenset()) -> Job | None:
        """Take the next due publication under a lease, or ``None`` when nothing is due."""
        now = self.now()
        now_text = iso(now)
        with self.library.transaction() as conn:
            rows = conn.execute(
                "SELECT p.*, s.draft_id, s.account_id, s.scheduled_at, a.network, a.archived "
                "FROM publications p JOIN schedules s ON s.id = p.schedule_id "
                "JOIN accounts a ON a.id = s.account_id "
                "WHERE (p.state IN ('scheduled', 'failed-retry') AND p.next_attempt_at <= ?) "
                "   OR (p.state = 'sending') "
                f"   OR (p.state = 'scheduled' AND a.network IN ({', '.join('?' * len(HANDED_AHEAD))})) "
                "ORDER BY p.next_attempt_at, p.id LIMIT 200",
                (now_text, *sorted(HANDED_AHEAD)),
            ).fetchall()
            for row in rows:
                if row["id"] in exclude:
                    continue
                if row["state"] == "scheduled" and not row["attempts"] and held_by_team(conn, int(row["schedule_id"])):
                    continue
                if row["state"] == "sending":
                    expired = row["lease_expires_at"] is None or row["lease_expires_at"] <= now_text
                    if row["lease_owner"] == self.owner or not (expired or _owner_gone(row["lease_owner"])):
                        continue
                    if row["network"] in NOT_IDEMPOTENT:
                        self._set_uncertain_after_crash(conn, row, now_text)
                        continue
                    log.info("Taking over publication %s from runner %s", row["id"], row["lease_owner"])
                return self._lease(conn, row, now)
        return None

    def _lease(self, conn: sqlite3.Connection, row: sqlite3.Row, now: datetime) -> Job:
        key = row["idempotency_key"]
        sent = tuple(Sent.from_json(item) for item in json.loads(row["parts"] or "[]"))
        if row["attempts"] == 0 and not sent:
            # The key each network wants (a TID for Bluesky), stored before the first call.
            key = self._key_for(row["network"]) if not key_fits(row["network"], key) else key
        elif not key:
            key = self._key_for(row["network"])
        attempts = int(row["attempts"]) + 1
        conn.execute(
            "UPDATE publications SET state = 'sending', lease_owner = ?, lease_expires_at = ?, attempts = ?, "
            "idempotency_key = ?, last_attempt_at = ?, updated_at = ? WHERE id = ?",
            (self.owner, iso(now + timedelta(seconds=self.lease_seconds)), attempts, key, iso(now), iso(now), row["id"]),
        )
        self.library.changed("publication", row["id"])
        return Job(
            publication_id=int(row["id"]),
            schedule_id=int(row["schedule_id"]),
            draft_id=int(row["draft_id"]),
            account_id=int(row["account_id"]),
            network=str(row["network"]),
            scheduled_at=str(row["scheduled_at"]),
            attempts=attempts,
            idempotency_key=str(key),
            sent=sent,
            owner=self.owner,
        )

    def _set_uncertain_after_crash(self, conn: sqlite3.Connection, row: sqlite3.Row, now_text: str) -> None:
        conn.execute(
            "UPDATE publications SET state = 'uncertain', lease_owner = NULL, lease_expires_at = NULL, "
            "last_error = ?, updated_at = ? WHERE id = ?",
            (
                "Studio stopped while this post was being sent, and this network cannot tell whether it "
                "arrived. Check the account, then mark the post as published or retry it.",
                now_text,
                row["id"],
            ),
        )
        self.library.changed("publication", row["id"])

    # ---- while sending ---------------------------------------------------------------------------

    def record_part(self, job: Job, index: int, sent: Sent) -> None:
        """Remember a part that went out (and renew the lease), before the next part is sent. A part
        recorded again replaces what was known of it (Telegram records a long text before its
        images, then the whole part)."""
        now = self.now()
        with self.library.transaction() as conn:
            row = conn.execute(
                "SELECT parts FROM publications WHERE id = ? AND lease_owner = ?", (job.publication_id, self.owner)
            ).fetchone()
            if row is None:
                log.warning("Lost the lease on publication %s while sending", job.publication_id)
                return
            parts = json.loads(row["parts"] or "[]")
            if index < len(parts):
                if parts[index] == sent.to_json():
                    return
                parts[index] = sent.to_json()
            elif index == len(parts):
                parts.append(sent.to_json())
            else:
                log.error("Publication %s: part %s recorded before part %s", job.publication_id, index, len(parts))
                return
            conn.execute(
                "UPDATE publications SET parts = ?, lease_expires_at = ?, updated_at = ? WHERE id = ?",
                (json.dumps(parts), iso(now + timedelta(seconds=self.lease_seconds)), iso(now), job.publication_id),
            )

    def finish(self, job: Job, outcome: Outcome) -> str:
        """Record the outcome of an attempt; returns the new state ('' if the lease was lost)."""
        now = self.now()
        now_text = iso(now)
        with self.library.transaction() as conn:
            current = conn.execute(
                "SELECT state FROM publications WHERE id = ? AND lease_owner = ? AND state = 'sending'",
                (job.publication_id, self.owner),
            ).fetchone()
            if current is None:
                log.warning("Publication %s was taken over; its outcome is not recorded here", job.publication_id)
                return ""
            clear = "lease_owner = NULL, lease_expires_at = NULL, updated_at = ?"
            if isinstance(outcome, Published):
                parts = json.dumps([part.to_json() for part in outcome.parts])
                conn.execute(
                    f"UPDATE publications SET state = 'published', remote_id = ?, remote_url = ?, parts = ?, "
                    f"last_error = NULL, next_attempt_at = NULL, {clear} WHERE id = ?",
                    (outcome.remote_id, outcome.remote_url, parts, now_text, job.publication_id),
                )
                state = "published"
            elif isinstance(outcome, RetryLater):
                state, attempts, when = self._retry_plan(job, outcome, now)
                message = outcome.message
                if state == "failed-permanent":
                    message = f"Gave up after {job.attempts} attempts. Last error: {outcome.message} Retry when it is fixed."
                conn.execute(
                    f"UPDATE publications SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ?, {clear} "
                    "WHERE id = ?",
                    (state, attempts, when, message, now_text, job.publication_id),
                )
            elif isinstance(outcome, Permanent):
                state = "failed-permanent"
                conn.execute(
                    f"UPDATE publications SET state = ?, last_error = ?, next_attempt_at = NULL, {clear} WHERE id = ?",
                    (state, outcome.message, now_text, job.publication_id),
                )
                if outcome.reconnect:
                    _flag_account(conn, job.account_id, True)
            elif isinstance(outcome, Uncertain):
                state = "uncertain"
                conn.execute(
                    f"UPDATE publications SET state = ?, last_error = ?, next_attempt_at = NULL, {clear} WHERE id = ?",
                    (state, outcome.message, now_text, job.publication_id),
                )
            else:  # pragma: no cover - the Outcome union is closed
                raise TypeError(f"not an outcome: {outcome!r}")
            if isinstance(outcome, Published):
                _flag_account(conn, job.account_id, False)
            _update_draft_status(conn, job.draft_id, now_text)
            self.library.changed("publication", job.publication_id)
            self.library.changed("draft", job.draft_id)
        return state

    def _retry_plan(self, job: Job, outcome: RetryLater, now: datetime) -> tuple[str, int, str | None]:
        if outcome.offline:
            # Not the server's fault nor the post's: wait for the network without using attempts.
            attempts = max(0, job.attempts - 1)
            delay = min(OFFLINE_CAP, backoff(job.attempts))
            return "failed-retry", attempts, iso(now + timedelta(seconds=delay))
        if outcome.quota:
            # The network's quota, not a failure: wait for its window as often as it takes.
            return "failed-retry", max(0, job.attempts - 1), iso(now + timedelta(seconds=outcome.retry_after or 3600.0))
        if job.attempts >= self.max_attempts:
            return "failed-permanent", job.attempts, None
        delay = outcome.retry_after if outcome.retry_after is not None else backoff(job.attempts)
        if outcome.retry_after is not None:
            delay += random.uniform(0, min(5.0, delay * 0.1 + 1.0))
        return "failed-retry", job.attempts, iso(now + timedelta(seconds=delay))

    # ---- the user's actions ----------------------------------------------------------------------

    def _act(self, publication_id: int, allowed: tuple[str, ...], sql: str, params: tuple[Any, ...], what: str) -> None:
        now_text = iso(self.now())
        with self.library.transaction() as conn:
            row = conn.execute(
                "SELECT p.state, s.draft_id FROM publications p JOIN schedules s ON s.id = p.schedule_id WHERE p.id = ?",
                (publication_id,),
            ).fetchone()
            if row is None:
                raise QueueError(f"There is no publication {publication_id}.", "It may have been unscheduled.")
            if row["state"] not in allowed:
                raise QueueError(f"A post that is {row['state'].replace('-', ' ')} cannot be {what}.")
            conn.execute(sql, (*params, now_text, publication_id))
            _update_draft_status(conn, int(row["draft_id"]), now_text)
            self.library.changed("publication", publication_id)
            self.library.changed("draft", int(row["draft_id"]))

    def retry(self, publication_id: int) -> None:
        """Send again now (a failed post, a cancelled one, or an uncertain one the user checked)."""
        self._act(
            publication_id,
            RETRYABLE,
            "UPDATE publications SET state = 'scheduled', attempts = 0, next_attempt_at = ?, last_error = NULL, "
            "updated_at = ? WHERE id = ?",
            (iso(self.now()),),
            "retried",
        )

    def cancel(self, publication_id: int) -> None:
        self._act(
            publication_id,
            CANCELLABLE,
            "UPDATE publications SET state = 'cancelled', next_attempt_at = NULL, updated_at = ? WHERE id = ?",
            (),
            "cancelled",
        )

    def mark_published(self, publication_id: int, remote_url: str = "") -> None:
        """The user checked: the post is there (an uncertain send that did arrive)."""
        self._act(
            publication_id,
            MARKABLE,
            "UPDATE publications SET state = 'published', remote_url = coalesce(nullif(?, ''), remote_url), "
            "last_error = NULL, next_attempt_at = NULL, updated_at = ? WHERE id = ?",
            (remote_url,),
            "marked as published",
        )

    # ---- reading -------------------------------------------------------------------------------

    def list(self, states: tuple[str, ...] = (), draft_id: int | None = None, limit: int = 1000) -> list[Publication]:
        clauses: list[str] = []
        params: list[Any] = []
        if states:
            clauses.append(f"p.state IN ({', '.join('?' * len(states))})")
            params.extend(states)
        if draft_id is not None:
            clauses.append("s.draft_id = ?")
            params.append(draft_id)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self.library.query(
            "SELECT p.*, s.draft_id, s.account_id, s.scheduled_at, coalesce(a.network, s.network) AS network, "
            "coalesce(a.handle, '') AS handle, substr(d.text, 1, 200) AS excerpt "
            "FROM publications p JOIN schedules s ON s.id = p.schedule_id JOIN drafts d ON d.id = s.draft_id "
            f"LEFT JOIN accounts a ON a.id = s.account_id {where} ORDER BY s.scheduled_at, p.id LIMIT ?",
            (*params, limit),
        )
        return [
            Publication(
                int(r["id"]), int(r["schedule_id"]), int(r["draft_id"]), r["account_id"], str(r["network"]),
                str(r["handle"]), str(r["scheduled_at"]), str(r["state"]), int(r["attempts"]), r["next_attempt_at"],
                r["last_error"], r["remote_id"], r["remote_url"], excerpt(str(r["excerpt"])), str(r["updated_at"]),
            )
            for r in rows
        ]

    def get(self, publication_id: int) -> Publication:
        found = self.library.query("SELECT s.draft_id FROM publications p JOIN schedules s ON s.id = p.schedule_id "
                                   "WHERE p.id = ?", (publication_id,))
        if not found:
            raise QueueError(f"There is no publication {publication_id}.")
        return next(p for p in self.list(draft_id=int(found[0]["draft_id"])) if p.id == publication_id)

    def count_due(self) -> int:
        """Posts due now that have not gone out (the status bar's "N posts waiting")."""
        rows = self.library.query(
            "SELECT count(*) FROM publications WHERE state IN ('scheduled', 'failed-retry', 'sending') "
            "AND next_attempt_at <= ?",
            (iso(self.now()),),
        )
        return int(rows[0][0])

    def next_due_at(self) -> datetime | None:
        rows = self.library.query(
            "SELECT min(next_attempt_at) FROM publications WHERE state IN ('scheduled', 'failed-retry')"
        )
        return parse_iso(rows[0][0]) if rows and rows[0][0] else None


def excerpt(text: str, limit: int = 90) -> str:
    """The start of a post on one line, cut at a word boundary (with "…"), never inside a word."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit + 1].rsplit(" ", 1)[0] if " " in flat[: limit + 1] else flat[:limit]
    return cut.rstrip(" ,.;:-") + "…"


def stays_here(network: str, settings: dict[str, Any]) -> bool:
    """A post the network's server schedules itself (Postiz, Mastodon's server schedules) stays with
    the machine that scheduled it: the team queue never sends it (there would be two senders)."""
    from studio.publishing.native import server_schedules

    return network in HANDED_AHEAD or (network == "mastodon" and bool(server_schedules(settings)))


def held_by_team(conn: sqlite3.Connection, schedule_id: int) -> bool:
    """Whether a not-yet-tried publication of ``schedule_id`` is the team queue's to send
    (studio.team.handoff), not this library's runner's: the team holds its schedule (a rescheduled
    one too, due here again until the next round hands it over). Always false in an unlinked
    library (``team_rows`` is empty). Decided here, by the library's own tables, so the local queue
    needs no team module."""
    row = conn.execute("SELECT a.network, a.settings FROM team_rows r JOIN schedules s ON s.id = r.local_id "
                       "JOIN accounts a ON a.id = s.account_id WHERE r.kind = 'schedule' AND r.local_id = ? "
                       "AND r.version > 0", (schedule_id,)).fetchone()
    return row is not None and not stays_here(row[0], json.loads(row[1] or "{}"))


def _flag_account(conn: sqlite3.Connection, account_id: int, needs_reconnect: bool) -> None:
    row = conn.execute("SELECT settings FROM accounts WHERE id = ?", (account_id,)).fetchone()
    if row is None:
        return
    settings = json.loads(row["settings"] or "{}")
    if bool(settings.get("needs_reconnect")) == needs_reconnect:
        return
    settings["needs_reconnect"] = needs_reconnect
    conn.execute("UPDATE accounts SET settings = ? WHERE id = ?", (json.dumps(settings), account_id))


def _update_draft_status(conn: sqlite3.Connection, draft_id: int, now_text: str) -> None:
    """A draft is Published when all its posts are out, Failed when one needs the user."""
    states = [row[0] for row in conn.execute(
        "SELECT p.state FROM publications p JOIN schedules s ON s.id = p.schedule_id WHERE s.draft_id = ?",
        (draft_id,),
    )]
    live = [state for state in states if state != "cancelled"]
    if not live:
        return
    if any(state in ("failed-permanent", "uncertain") for state in live):
        status = "failed"
    elif all(state == "published" for state in live):
        status = "published"
    else:
        status = "scheduled"
    conn.execute(
        "UPDATE drafts SET status = ?, updated_at = ? WHERE id = ? AND status IN ('scheduled', 'published', 'failed') "
        "AND status != ?",
        (status, now_text, draft_id, status),
    )
