"""The bridge between a team library's schedules and the team's queue (``studio.queue``).

A schedule made anywhere in a linked library (the app's publish actions, the Calendar, the CLI: all
go through :mod:`studio.publishing.scheduling`) travels as a record (:mod:`studio.team.records`)
carrying its publication's idempotency key. Once the team holds it, each sync round
(:func:`exchange`) hands it over: one ``studio.queue`` row per (schedule, account) is upserted under
that key, then the local publication stops being due here (``next_attempt_at`` NULL); the library's
own runner never claims a schedule the team holds (:func:`studio.publishing.queue.held_by_team`), so nothing is sent twice
in between. A repeat push, a Studio killed between the two steps, or a teammate who moves the post
later (their round upserts the new time under the same key) never makes a second row. Any machine whose keyring holds the account's secret claims it (:class:`TeamRunner`)
and renders it from its own synced library through the same path as the local runner
(:meth:`studio.publishing.runner.Runner.render`: the network's version, the renditions of its images,
fetched by hash, and the approval check), so the queue carries no text nor image bytes and a
post edited after scheduling goes out as the team last saved it. The same round brings outcomes
back: a handed post's state (published with its address, failed, uncertain) is copied from the
queue into the publication, which then syncs to every member as the schedule record's state.

Posts whose server schedules them itself (Postiz, Mastodon with server schedules) stay with the
machine that scheduled them: two senders would be one too many.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg.types.json import Jsonb

from studio.library.store import utc_now
from studio.publishing.base import Outcome, Part, Permanent, RetryLater
from studio.publishing.queue import _update_draft_status, iso, stays_here
from studio.publishing.record_keys import key_fits, new_key
from studio.team import local
from studio.team.queue import TeamJob, account_key

if TYPE_CHECKING:
    from studio.library import Library

log = logging.getLogger(__name__)

_BACK = ("failed-retry", "failed-permanent", "uncertain", "published", "cancelled")
"""Queue states copied back into a publication ("sending" is not: a local runner would take it over)."""


def _to_hand(conn: Any) -> list[dict[str, Any]]:
    """This library's publications due here that the team holds and nobody has tried yet, with what
    a queue row needs. Only those whose schedule the team holds as it is here (not waiting in the
    outbox, the same key): a member who moves a teammate's post upserts the same row."""
    import json

    rows = conn.execute(
        "SELECT p.id, p.idempotency_key, p.next_attempt_at, s.id AS schedule_id, s.scheduled_at, r.uid, r.base, "
        "a.network, a.handle, a.settings, a.archived, s.draft_id, d.client_id, d.text FROM publications p "
        "JOIN schedules s ON s.id = p.schedule_id JOIN accounts a ON a.id = s.account_id "
        "JOIN drafts d ON d.id = s.draft_id "
        "JOIN team_rows r ON r.kind = 'schedule' AND r.local_id = s.id AND r.version > 0 "
        "WHERE p.state = 'scheduled' AND p.attempts = 0 AND p.next_attempt_at IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM team_outbox o WHERE o.kind = 'schedule' AND o.local_id = s.id)").fetchall()
    found = []
    for row in rows:
        base = json.loads(row["base"] or "{}")
        if (base.get("publication") or {}).get("key") != row["idempotency_key"] or row["archived"]:
            continue
        if stays_here(row["network"], json.loads(row["settings"] or "{}")):
            continue
        if not key_fits(row["network"], row["idempotency_key"]):  # a Bluesky post's key is a TID: the team
            conn.execute("UPDATE publications SET idempotency_key = ? WHERE id = ?",  # gets it at the next push
                         (new_key(row["network"]), row["id"]))
            continue
        client = local.uid_of(conn, "client", row["client_id"])
        draft = local.uid_of(conn, "draft", row["draft_id"])
        if client is None or draft is None:
            continue
        found.append({**dict(row), "client": client, "draft": draft})
    return found


def hand_over(pg: psycopg.Connection[Any], library: Library) -> int:
    """Give the team the schedules it holds that are due on this machine (made or moved here);
    returns how many. The queue row first, then the publication stops being due here: a kill in
    between leaves it due, and the next round upserts the same row again (the library's runner
    leaves it alone meanwhile: :func:`studio.publishing.queue.held_by_team`)."""
    with library.transaction() as conn:
        items = _to_hand(conn)
    if not items:
        return 0
    with pg.transaction(), pg.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO studio.queue (client_uid, draft_uid, account, network, body, due_at, idempotency_key) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (idempotency_key) DO UPDATE SET due_at = EXCLUDED.due_at, "
            # Due here again only by a member's act (moved, retried, scheduled again after a cancel):
            # the team's row follows it; one being sent or already out never does.
            "state = 'scheduled', attempts = 0, next_attempt_at = NULL, last_error = NULL, updated_at = now() "
            "WHERE studio.queue.state IN ('scheduled', 'failed-retry', 'failed-permanent', 'uncertain', 'cancelled') "
            "AND (studio.queue.state <> 'scheduled' OR studio.queue.due_at <> EXCLUDED.due_at)",
            [(item["client"], item["draft"], account_key(item["network"], item["handle"]), item["network"],
              Jsonb({"schedule": item["uid"], "title": (str(item["text"]).strip().splitlines() or [""])[0][:60]}),
              item["scheduled_at"], item["idempotency_key"]) for item in items])
    with library.transaction() as conn, local.applying(conn):  # not due here: the team queue sends it
        conn.executemany("UPDATE publications SET next_attempt_at = NULL, updated_at = ? WHERE id = ? "
                         "AND state = 'scheduled' AND attempts = 0 AND next_attempt_at = ?",  # moved meanwhile: next round
                         [(utc_now(), item["id"], item["next_attempt_at"]) for item in items])
    library.changed("publication")
    return len(items)


def bring_back(pg: psycopg.Connection[Any], library: Library) -> int:
    """Copy the outcomes of handed-over posts from the team queue into this library's publications
    (not due here, not final yet); returns how many changed. The change syncs as the schedule's state."""
    rows = library.query(
        "SELECT p.id, p.idempotency_key, p.state, p.attempts, p.remote_url, p.last_error, s.draft_id FROM publications p "
        "JOIN schedules s ON s.id = p.schedule_id "
        "JOIN team_rows r ON r.kind = 'schedule' AND r.local_id = s.id "
        "WHERE p.next_attempt_at IS NULL AND p.state IN ('scheduled', 'sending', 'failed-retry')")
    if not rows:
        return 0
    mine = {str(row["idempotency_key"]): row for row in rows if row["state"] != "sending"}
    found = pg.execute("SELECT idempotency_key, state, attempts, remote_id, remote_url, last_error FROM studio.queue "
                       "WHERE idempotency_key = ANY(%s) AND state = ANY(%s)", (list(mine), list(_BACK))).fetchall()
    pg.commit()
    changed = 0
    now = iso(datetime.now(UTC))
    with library.transaction() as conn:
        for key, state, attempts, remote_id, remote_url, last_error in found:
            row = mine[key]
            if (row["state"], row["attempts"], row["remote_url"], row["last_error"]) == \
                    (state, attempts, remote_url, last_error):
                continue
            conn.execute("UPDATE publications SET state = ?, attempts = ?, remote_id = ?, remote_url = ?, "
                         "last_error = ?, updated_at = ? WHERE id = ? AND next_attempt_at IS NULL "
                         "AND state IN ('scheduled', 'failed-retry')",
                         (state, attempts, remote_id, remote_url, last_error, now, row["id"]))
            _update_draft_status(conn, int(row["draft_id"]), now)
            library.changed("publication", int(row["id"]))
            library.changed("draft", int(row["draft_id"]))
            changed += 1
    return changed


def withdraw(pg: psycopg.Connection[Any]) -> int:
    """Cancel the waiting queue rows whose schedule the team removed or whose post a member
    cancelled (any member's round does it; a post already being sent is left to its runner)."""
    with pg.transaction():
        cursor = pg.execute(
            "UPDATE studio.queue q SET state = 'cancelled', updated_at = now() FROM studio.schedules s "
            "WHERE s.uid::text = q.body->>'schedule' AND q.state IN ('scheduled', 'failed-retry') "
            "AND (s.deleted OR s.data->'publication'->>'state' = 'cancelled')")
        return max(0, cursor.rowcount)


def exchange(pg: psycopg.Connection[Any], library: Library) -> None:
    """One sync round's part: hand over what the team now holds, withdraw what it cancelled, bring
    back what the team sent."""
    hand_over(pg, library)
    withdraw(pg)
    bring_back(pg, library)


def renderer(library: Library) -> Callable[[TeamJob], tuple[Part, ...] | Outcome]:
    """How a runner prepares a handed-over post: from its own synced copy of the schedule, through
    the local runner's render path and approval check."""
    from studio.publishing import preflight
    from studio.publishing.runner import Runner
    from studio.review.approval import refusal

    runner = Runner(library)

    def render(job: TeamJob) -> tuple[Part, ...] | Outcome:
        schedule_id = local.local_of(library.connection, "schedule", job.schedule_uid)
        if schedule_id is None:
            return RetryLater("This machine has not received the post yet; it tries again after the next sync.",
                              offline=True)
        schedule = library.get_schedule(schedule_id)
        if schedule.account_id is None:
            return Permanent("The post lost its account. Schedule it on another account.")
        reason = refusal(library, schedule.draft_id)
        if reason:
            return Permanent(reason)
        account = library.get_account(schedule.account_id)
        parts = runner.render(schedule.draft_id, account)
        problems = preflight.check(parts, account.network, account.settings, True)  # the secret: held, or not claimed
        return Permanent(preflight.summary(problems)) if problems else parts

    return render
