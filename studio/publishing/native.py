"""Posts that go out with the laptop closed: Mastodon's own scheduled statuses.

For an account with ``server_schedules`` on ("let the server publish"), :func:`sync` hands each
single post scheduled at least :data:`MIN_AHEAD` ahead to the server (``scheduled_at``), and keeps
the server's list in step with the library on every run: a post rescheduled in Studio is moved
there (``PUT``), an edited one is replaced, a cancelled or unscheduled one is deleted.

It is a reconciliation, not a log of actions, so a lost answer or a killed run cannot make a
second scheduled status: every server entry carries an ``Idempotency-Key`` of the form
``studio-<publication key>-<text fingerprint>`` (the server keeps it in ``params.idempotency``),
and the server's list is read before anything is created. The publication records the scheduled
status as its part (``server_scheduled``) and becomes due a minute after the server's time, when
the runner finds the status the server made (:meth:`MastodonPublisher._check_server_scheduled`).

Threads (several parts) stay with Studio's runner: a reply needs the id of a status the server has
not made yet. A post edited less than five minutes before its time keeps the server's text.

Source: https://docs.joinmastodon.org/methods/scheduled_statuses/
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from studio.library.times import parse_iso
from studio.publishing.base import Post, Published, Sent

log = logging.getLogger(__name__)

MIN_AHEAD = timedelta(minutes=6)  # Mastodon takes scheduled_at at least 5 minutes ahead
PREFIX = "studio-"
SERVER_SCHEDULED = "server_scheduled"
LIVE = ("scheduled", "failed-retry", "sending")


@dataclass
class SyncReport:
    created: int = 0
    moved: int = 0
    replaced: int = 0
    deleted: int = 0
    problems: list[str] = field(default_factory=list)


def server_schedules(settings: Any) -> bool:
    return bool(settings.get("server_schedules"))


def sync(library: Any, runner: Any, now: datetime | None = None) -> SyncReport:
    """Bring every "let the server publish" account's scheduled statuses in line with the library.
    ``runner`` renders posts and makes publishers (:class:`studio.publishing.runner.Runner`)."""
    report = SyncReport()
    moment = now or datetime.now(UTC)
    for account in library.list_accounts():
        if account.archived or account.network != "mastodon" or not server_schedules(account.settings):
            continue
        try:
            _sync_account(library, runner, account, moment, report)
        except Exception as error:  # one account's trouble never stops the run
            log.warning("Could not sync scheduled statuses of %s: %s", account.handle, error)
            report.problems.append(f"{account.handle}: {getattr(error, 'message', error)}")
    return report


def _fingerprint(post: Post) -> str:
    part = post.parts[0]
    digest = hashlib.sha256(part.text.encode())
    for media in part.media:
        digest.update(media.path.name.encode() + b"\0" + media.alt.encode())
    return digest.hexdigest()[:10]


def _sync_account(library: Any, runner: Any, account: Any, now: datetime, report: SyncReport) -> None:
    publisher = runner.publisher_for_row(account)
    server = publisher.scheduled_statuses()
    ours = {str((item.get("params") or {}).get("idempotency") or ""): item for item in server}
    ours = {key: item for key, item in ours.items() if key.startswith(PREFIX)}
    rows = library.query(
        "SELECT p.id, p.state, p.idempotency_key, p.parts, s.draft_id, s.scheduled_at FROM publications p "
        "JOIN schedules s ON s.id = p.schedule_id WHERE s.account_id = ? AND p.state IN ('scheduled', "
        "'failed-retry', 'sending')", (account.id,))
    live_keys: set[str] = set()
    for row in rows:
        key = row["idempotency_key"] or _give_key(library, int(row["id"]))
        live_keys.add(key)
        if row["state"] == "sending":
            continue
        when = parse_iso(row["scheduled_at"])
        mine = {k: item for k, item in ours.items() if k.startswith(f"{PREFIX}{key}-")}
        if when < now + MIN_AHEAD:
            # Too late to hand over or move: a server entry at another time than the post's is
            # replaced by Studio's own send.
            for item in mine.values():
                if abs(parse_iso(str(item["scheduled_at"])) - when) > timedelta(minutes=1):
                    _delete(publisher, library, item, key, report)
            continue
        parts = runner.render(int(row["draft_id"]), account)
        if len(parts) != 1:
            continue
        post = Post(parts, key, when)
        wanted = f"{PREFIX}{key}-{_fingerprint(post)}"
        for other_key, item in mine.items():
            if other_key != wanted:  # the text or images changed since it was handed over
                _delete(publisher, library, item, key, report, clear=False)
                report.replaced += 1
        existing = mine.get(wanted)
        if existing is not None:
            if abs(parse_iso(str(existing["scheduled_at"])) - when) > timedelta(seconds=1):
                problem = publisher.move_scheduled(str(existing["id"]), when)
                if problem is not None:
                    report.problems.append(getattr(problem, "message", str(problem)))
                    continue
                report.moved += 1
            _note(library, int(row["id"]), Sent(str(existing["id"]), "", {SERVER_SCHEDULED: _iso(when), "key": wanted}),
                  when)
            continue
        outcome = publisher.schedule_ahead(post, wanted, when)
        if isinstance(outcome, Published):
            _note(library, int(row["id"]), outcome.parts[0], when)
            report.created += 1
        else:
            report.problems.append(getattr(outcome, "message", str(outcome)))
    for key, item in ours.items():
        publication_key = key[len(PREFIX):].rsplit("-", 1)[0]
        if publication_key not in live_keys:  # cancelled or unscheduled in Studio
            _delete(publisher, library, item, publication_key, report)


def _delete(publisher: Any, library: Any, item: dict[str, Any], key: str, report: SyncReport, clear: bool = True) -> None:
    problem = publisher.delete_scheduled(str(item["id"]))
    if problem is not None:
        report.problems.append(getattr(problem, "message", str(problem)))
        return
    report.deleted += 1
    if clear:  # the publication no longer waits for the server
        with library.transaction() as conn:
            conn.execute("UPDATE publications SET parts = '[]' WHERE idempotency_key = ? AND state NOT IN "
                         "('sending', 'published')", (key,))


def _give_key(library: Any, publication_id: int) -> str:
    key = secrets.token_hex(16)
    with library.transaction() as conn:
        conn.execute("UPDATE publications SET idempotency_key = coalesce(idempotency_key, ?) WHERE id = ?",
                     (key, publication_id))
        return str(conn.execute("SELECT idempotency_key FROM publications WHERE id = ?", (publication_id,)).fetchone()[0])


def _note(library: Any, publication_id: int, sent: Sent, when: datetime) -> None:
    """Record the server's scheduled status on the publication; it is due a minute after the
    server's time, when the runner looks for the status the server made."""
    check = _iso(when + timedelta(minutes=1))
    with library.transaction() as conn:
        conn.execute(
            "UPDATE publications SET parts = ?, state = 'scheduled', next_attempt_at = ? WHERE id = ? "
            "AND state IN ('scheduled', 'failed-retry')",
            (json.dumps([sent.to_json()]), check, publication_id),
        )
    library.changed("publication", publication_id)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
