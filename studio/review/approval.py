"""Approvals tied to the exact content, their going stale, and each client's review settings.

Approving records who, when, the hash of :func:`published_content` and a copy of it (so the
reviewer can later see exactly what changed). :func:`refresh` compares an active approval with the
draft as it is now: when what would be published changed, the approval is marked stale and the
draft goes back to "in review". :func:`watch` runs it after every change the library commits; the
runner asks :func:`refusal` before sending, so a stale approval never goes out even when nothing
watched the edit (a second program, a restored backup).
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from studio.library.store import Change, utc_now
from studio.review.content import content_hash, published_content, still_approved
from studio.review.diff import Changes, diff_content

log = logging.getLogger(__name__)

# Where a draft goes when its approval is given or undone. Approval and review are the review
# area's own moves: a scheduled draft stays on the calendar while it is reviewed again (the runner
# holds it back meanwhile), so these bypass the hand-made workflow of studio.library.status.
_REVIEWABLE = ("draft", "in_review", "approved", "scheduled", "failed", "idea")


@dataclass(frozen=True)
class Approval:
    id: int
    draft_id: int
    author: str
    approved_at: str
    hash: str
    content: dict[str, Any]
    source: str  # "studio" or "pack:<id>"
    stale_at: str | None

    @property
    def stale(self) -> bool:
        return self.stale_at is not None


def _approval(row: sqlite3.Row) -> Approval:
    return Approval(row["id"], row["draft_id"], row["author"], row["approved_at"], row["hash"],
                    json.loads(row["content"]), row["source"], row["stale_at"])


def latest_approval(library: Any, draft_id: int) -> Approval | None:
    """The draft's last approval, stale or not."""
    rows = library.query("SELECT * FROM review_approvals WHERE draft_id = ? ORDER BY id DESC LIMIT 1", (draft_id,))
    return _approval(rows[0]) if rows else None


def approvals(library: Any, draft_id: int) -> list[Approval]:
    rows = library.query("SELECT * FROM review_approvals WHERE draft_id = ? ORDER BY id", (draft_id,))
    return [_approval(row) for row in rows]


def move_status(conn: sqlite3.Connection, draft_id: int, status: str) -> None:
    """Set a draft's status for a review outcome ("approved" becomes "scheduled" when the draft has
    schedules still to send), inside the caller's transaction."""
    if status == "approved":
        waiting = conn.execute(
            "SELECT 1 FROM schedules s LEFT JOIN publications p ON p.schedule_id = s.id WHERE s.draft_id = ? "
            "AND coalesce(p.state, 'scheduled') NOT IN ('published', 'cancelled') LIMIT 1", (draft_id,),
        ).fetchone()
        status = "scheduled" if waiting else "approved"
    conn.execute(
        f"UPDATE drafts SET status = ?, updated_at = ? WHERE id = ? AND status IN ({','.join('?' * len(_REVIEWABLE))})",
        (status, utc_now(), draft_id, *_REVIEWABLE),
    )


def approve(library: Any, draft_id: int, author: str, *, content: dict[str, Any] | None = None,
            source: str = "studio") -> Approval:
    """Record ``author``'s approval of the draft as it is now (or of ``content``, the version a
    pack showed); the draft becomes Approved (Scheduled when it has schedules). In a team library
    a member without the approver role gets :class:`~studio.team.Refused` instead."""
    from studio.team.rights import check_approver

    check_approver(library.connection, [draft_id])  # in a team library, only an approver (said before trying)
    content = content if content is not None else published_content(library, draft_id)
    with library.transaction() as conn:
        library._require(conn, draft_id)
        conn.execute("UPDATE review_approvals SET stale_at = ? WHERE draft_id = ? AND stale_at IS NULL",
                     (utc_now(), draft_id))
        cursor = conn.execute(
            "INSERT INTO review_approvals(draft_id, author, approved_at, hash, content, source) VALUES (?, ?, ?, ?, ?, ?)",
            (draft_id, author, utc_now(), content_hash(content), json.dumps(content, ensure_ascii=False), source),
        )
        move_status(conn, draft_id, "approved")
        library.changed("draft", draft_id)
    approval = latest_approval(library, draft_id)
    assert approval is not None and approval.id == cursor.lastrowid
    return approval


@dataclass(frozen=True)
class State:
    """Where a draft stands: its last approval, whether that still holds, and what changed since."""

    approval: Approval | None
    fresh: bool
    changes: Changes


def state(library: Any, draft_id: int) -> State:
    approval = latest_approval(library, draft_id)
    if approval is None:
        return State(None, False, Changes())
    current = published_content(library, draft_id)
    fresh = not approval.stale and still_approved(approval.content, current)
    return State(approval, fresh, diff_content(approval.content, current))


def refresh(library: Any, draft_id: int) -> Changes | None:
    """Mark the draft's approval stale and move it back to "in review" when what it would publish
    changed; the changes then, else ``None``."""
    rows = library.query("SELECT 1 FROM review_approvals WHERE draft_id = ? AND stale_at IS NULL", (draft_id,))
    if not rows:
        return None
    current = state(library, draft_id)
    if current.fresh or current.approval is None:
        return None
    with library.transaction() as conn:
        conn.execute("UPDATE review_approvals SET stale_at = ? WHERE id = ? AND stale_at IS NULL",
                     (utc_now(), current.approval.id))
        move_status(conn, draft_id, "in_review")
        library.changed("draft", draft_id)
    log.info("Draft %s changed after its approval: back in review", draft_id)
    return current.changes


def refresh_all(library: Any) -> dict[int, Changes]:
    """:func:`refresh` every draft with an active approval (``studio review check``)."""
    ids = [row[0] for row in library.query("SELECT DISTINCT draft_id FROM review_approvals WHERE stale_at IS NULL")]
    found = {draft_id: refresh(library, draft_id) for draft_id in ids}
    return {draft_id: changes for draft_id, changes in found.items() if changes is not None}


def _drafts_of(library: Any, change: Change) -> list[int]:
    if change.kind == "draft" and isinstance(change.id, int):
        return [change.id]
    if change.kind == "asset" and change.id is not None:
        return [row[0] for row in library.query("SELECT draft_id FROM draft_assets WHERE sha = ?", (change.id,))]
    if change.kind == "schedule" and isinstance(change.id, int):
        return [row[0] for row in library.query("SELECT draft_id FROM schedules WHERE id = ?", (change.id,))]
    return []


def watch(library: Any) -> Callable[[], None]:
    """Refresh approvals (and comment anchors) after each change the library commits; returns the
    unsubscribe function. The app calls it once; commands that edit call it too."""
    from studio.review.comments import reanchor

    def heard(change: Change) -> None:
        for draft_id in _drafts_of(library, change):
            try:
                refresh(library, draft_id)
                if change.kind == "draft":
                    reanchor(library, draft_id)
            except Exception:  # a draft deleted meanwhile, a busy file: the runner checks again
                log.warning("Could not refresh the review of draft %s", draft_id, exc_info=True)

    unsubscribe: Callable[[], None] = library.subscribe(heard)
    return unsubscribe


def refusal(library: Any, draft_id: int) -> str | None:
    """Why the runner must not publish this draft now, in a sentence, or ``None``."""
    rows = library.query(
        "SELECT (SELECT 1 FROM review_approvals WHERE draft_id = d.id LIMIT 1), "
        "(SELECT approval_required FROM review_settings WHERE client_id = d.client_id) FROM drafts d WHERE d.id = ?",
        (draft_id,))
    if not rows or (rows[0][0] is None and not rows[0][1]):
        return None  # never approved, and no approval needed: two indexed reads, nothing more
    current = state(library, draft_id)
    if current.approval is not None and not current.fresh:
        what = ", ".join(sorted({c.label for c in current.changes.parts} | {
            f"an image on {c.network}" for c in current.changes.images})) or "what it would publish"
        return (f"Not sent: this post changed after {current.approval.author} approved it "
                f"({what}); approve it again, then reschedule it.")
    if current.approval is None:
        return "Not sent: this client requires approval before publishing, and nobody approved this post yet."
    return None


# --- each client's review settings ---------------------------------------------------------------

@dataclass(frozen=True)
class ReviewSettings:
    approval_required: bool = False  # approval before scheduling (and publishing)
    zone: str = ""  # the IANA zone a review pack shows times in ("" = this computer's)


def settings(library: Any, client_id: int) -> ReviewSettings:
    rows = library.query("SELECT approval_required, zone FROM review_settings WHERE client_id = ?", (client_id,))
    return ReviewSettings(bool(rows[0][0]), str(rows[0][1])) if rows else ReviewSettings()


def save_settings(library: Any, client_id: int, value: ReviewSettings) -> None:
    if value.zone:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value.zone)
        except (ZoneInfoNotFoundError, ValueError):
            from studio.library.store import LibraryError

            raise LibraryError(f"“{value.zone}” is not a time zone.", "Use an IANA name such as Asia/Jakarta.") from None
    with library.transaction() as conn:
        library.get_client(client_id)
        conn.execute(
            "INSERT INTO review_settings(client_id, approval_required, zone) VALUES (?, ?, ?) ON CONFLICT(client_id) "
            "DO UPDATE SET approval_required = excluded.approval_required, zone = excluded.zone",
            (client_id, int(value.approval_required), value.zone),
        )
        library.changed("client", client_id)
