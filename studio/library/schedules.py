"""Schedules (a draft, an account, a UTC instant) and their publications.

The publisher drives the publications' state machine with its own SQL inside
:meth:`Store.transaction`; this module creates, moves and removes schedules for the GUI and the
CLI, and keeps the draft's status in step.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime

from studio.library import status as workflow
from studio.library.clients import check_schedule_network
from studio.library.store import LibraryError, NotFound, Store, utc_now
from studio.library.times import to_utc_text
from studio.model import Schedule

_LOCKED = ("sending", "published")

_SELECT = (
    "SELECT s.id, s.draft_id, s.account_id, s.network, s.scheduled_at, s.created_at, p.state, d.client_id, "
    "substr(d.text, 1, 120) AS excerpt FROM schedules s JOIN drafts d ON d.id = s.draft_id "
    "LEFT JOIN publications p ON p.schedule_id = s.id "
)


def due_text(when_utc: str) -> str:
    """A publication's ``next_attempt_at`` for a schedule at ``when_utc`` ("...:05Z"): in the queue's
    millisecond form ("...:05.000Z"), so the queue's text comparison with its clock ("...:05.120Z")
    finds it due at its second, not a second later ("Z" sorts after ".")."""
    return when_utc[:-1] + ".000Z" if when_utc.endswith("Z") and "." not in when_utc else when_utc


def _schedule(row: sqlite3.Row) -> Schedule:
    return Schedule(row["id"], row["draft_id"], row["account_id"], row["network"], row["scheduled_at"],
                    row["created_at"], row["state"], row["client_id"], row["excerpt"])


def insert_schedule(
    conn: sqlite3.Connection, draft_id: int, account_id: int | None, network: str, when_utc: str
) -> int:
    """Insert a schedule (and its publication when it has an account) inside the caller's transaction."""
    now = utc_now()
    cursor = conn.execute(
        "INSERT INTO schedules(draft_id, account_id, network, scheduled_at, created_at) VALUES (?, ?, ?, ?, ?)",
        (draft_id, account_id, network, when_utc, now),
    )
    schedule_id = int(cursor.lastrowid or 0)
    if account_id is not None:
        conn.execute(
            "INSERT INTO publications(schedule_id, state, attempts, next_attempt_at, idempotency_key, updated_at) "
            "VALUES (?, 'scheduled', 0, ?, ?, ?)",
            (schedule_id, due_text(when_utc), os.urandom(16).hex(), now),
        )
    conn.execute("UPDATE drafts SET status = 'scheduled', updated_at = ? WHERE id = ?", (now, draft_id))
    return schedule_id


class SchedulesMixin(Store):
    def schedule(self, draft_id: int, account_id: int, when: datetime) -> Schedule:
        """Schedule the draft on ``account_id`` at ``when`` (aware); the draft becomes Scheduled."""
        when_utc = to_utc_text(when)
        with self.transaction() as conn:
            draft = conn.execute("SELECT status, client_id FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            if draft is None:
                raise NotFound(f"There is no draft {draft_id} in this library.", "It may have been deleted.")
            workflow.check_schedulable(draft[0])
            required = conn.execute(  # a client's "approval required before scheduling" (studio.review)
                "SELECT approval_required FROM review_settings WHERE client_id = ?", (draft[1],)).fetchone()
            if required and required[0] and draft[0] not in ("approved", "scheduled"):
                raise workflow.StatusError("This client approves posts before they are scheduled, and this one "
                                           "is not approved.", "Send it for review, or approve it first.")
            account = conn.execute(
                "SELECT network, client_id, archived FROM accounts WHERE id = ?", (account_id,)
            ).fetchone()
            if account is None or account[2]:
                raise NotFound(f"There is no account {account_id} to post with.", "Add the account first.")
            schedule_id = insert_schedule(conn, draft_id, account_id, account[0], when_utc)
            self.changed("schedule", schedule_id)
            self.changed("draft", draft_id)
        return self.get_schedule(schedule_id)

    def plan(self, draft_id: int, network: str, when: datetime) -> Schedule:
        """A schedule for a network whose account is not chosen yet (imports): it shows on the
        calendar and is never published until :meth:`assign_account`."""
        network, when_utc = check_schedule_network(network), to_utc_text(when)
        with self.transaction() as conn:
            draft = conn.execute("SELECT status FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            if draft is None:
                raise NotFound(f"There is no draft {draft_id} in this library.")
            workflow.check_schedulable(draft[0])
            schedule_id = insert_schedule(conn, draft_id, None, network, when_utc)
            self.changed("schedule", schedule_id)
            self.changed("draft", draft_id)
        return self.get_schedule(schedule_id)

    def assign_account(self, schedule_id: int, account_id: int) -> Schedule:
        with self.transaction() as conn:
            current = self.get_schedule(schedule_id)
            if current.account_id is not None:
                raise LibraryError("This post already has an account.", "Unschedule it and schedule it again.")
            account = self._account_row(conn, account_id)
            conn.execute("UPDATE schedules SET account_id = ?, network = ? WHERE id = ?",
                         (account_id, account["network"], schedule_id))
            conn.execute(
                "INSERT INTO publications(schedule_id, state, attempts, next_attempt_at, idempotency_key, "
                "updated_at) VALUES (?, 'scheduled', 0, ?, ?, ?)",
                (schedule_id, due_text(current.scheduled_at), os.urandom(16).hex(), utc_now()),
            )
            self.changed("schedule", schedule_id)
        return self.get_schedule(schedule_id)

    @staticmethod
    def _account_row(conn: sqlite3.Connection, account_id: int) -> sqlite3.Row:
        row: sqlite3.Row | None = conn.execute("SELECT * FROM accounts WHERE id = ?", (account_id,)).fetchone()
        if row is None:
            raise NotFound(f"There is no account {account_id} in this library.")
        return row

    def get_schedule(self, schedule_id: int) -> Schedule:
        rows = self.query(_SELECT + "WHERE s.id = ?", (schedule_id,))
        if not rows:
            raise NotFound(f"There is no schedule {schedule_id}.", "It may have been removed.")
        return _schedule(rows[0])

    def reschedule(self, schedule_id: int, when: datetime) -> Schedule:
        """Move a schedule to ``when`` (aware). A post being sent or already published stays put."""
        when_utc = to_utc_text(when)
        with self.transaction() as conn:
            current = self.get_schedule(schedule_id)
            if current.state in _LOCKED:
                what = "being published" if current.state == "sending" else "already published"
                raise LibraryError(f"This post is {what}; it cannot be moved.")
            now = utc_now()
            conn.execute("UPDATE schedules SET scheduled_at = ? WHERE id = ?", (when_utc, schedule_id))
            conn.execute(
                "UPDATE publications SET next_attempt_at = ?, updated_at = ?, "
                "state = CASE WHEN state IN ('failed-retry', 'failed-permanent', 'cancelled') THEN 'scheduled' "
                "ELSE state END, attempts = CASE WHEN state = 'scheduled' THEN attempts ELSE 0 END, "
                "last_error = CASE WHEN state = 'scheduled' THEN last_error ELSE NULL END "
                "WHERE schedule_id = ? AND state != 'uncertain'",
                (due_text(when_utc), now, schedule_id),
            )
            conn.execute(
                "UPDATE drafts SET status = 'scheduled', updated_at = ? WHERE id = ? AND status = 'failed'",
                (now, current.draft_id),
            )
            self.changed("schedule", schedule_id)
            self.changed("draft", current.draft_id)
        return self.get_schedule(schedule_id)

    def unschedule(self, schedule_id: int) -> None:
        """Remove a schedule that has not been sent; a draft left with none goes back to Approved."""
        with self.transaction() as conn:
            current = self.get_schedule(schedule_id)
            if current.state in _LOCKED:
                what = "being published" if current.state == "sending" else "already published"
                raise LibraryError(f"This post is {what}; it cannot be unscheduled.")
            conn.execute("DELETE FROM schedules WHERE id = ?", (schedule_id,))
            left = conn.execute("SELECT 1 FROM schedules WHERE draft_id = ? LIMIT 1", (current.draft_id,)).fetchone()
            if left is None:
                conn.execute(
                    "UPDATE drafts SET status = 'approved', updated_at = ? WHERE id = ? AND status = 'scheduled'",
                    (utc_now(), current.draft_id),
                )
            self.changed("schedule", schedule_id)
            self.changed("draft", current.draft_id)

    def list_schedules(self, start: datetime, end: datetime, client_id: int | None = None) -> list[Schedule]:
        """Schedules from ``start`` (inclusive) to ``end`` (exclusive), in time order."""
        sql = _SELECT + "WHERE s.scheduled_at >= ? AND s.scheduled_at < ?"
        params: list[object] = [to_utc_text(start), to_utc_text(end)]
        if client_id is not None:
            sql += " AND d.client_id = ?"
            params.append(client_id)
        return [_schedule(row) for row in self.query(sql + " ORDER BY s.scheduled_at, s.id", params)]

    def schedules_of(self, draft_id: int) -> list[Schedule]:
        return [_schedule(row) for row in self.query(_SELECT + "WHERE s.draft_id = ? ORDER BY s.scheduled_at",
                                                     (draft_id,))]
