"""Comments anchored to words of a draft, as threads with replies, resolved and reopened.

A comment names a *part* of the draft: ``post`` (the base text), ``variant:<network>``,
``thread:<network>:<index>`` (0-based) or ``alt:<sha>`` (an image's alt text), and a span of it in
code points. It keeps the quoted words and a little of the text around them, so after an edit it is
found again: in place when the words are still there, else at the occurrence of the words whose
surroundings match best (nearest the old place on a tie), else it is marked *outdated* (kept, with
the words it was about). A comment on the whole post (a client's answer) has no quote.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from studio.library.store import LibraryError, NotFound, utc_now

CONTEXT = 32  # code points of text kept on each side of the quote


@dataclass(frozen=True)
class Comment:
    id: int
    draft_id: int
    part: str
    start: int
    end: int
    quote: str
    author: str
    body: str
    created_at: str
    resolved_at: str | None = None
    outdated: bool = False
    parent_id: int | None = None
    replies: tuple[Comment, ...] = field(default=())

    @property
    def resolved(self) -> bool:
        return self.resolved_at is not None


def part_text(draft: Any, part: str) -> str | None:
    """The text of ``part`` in ``draft``, or ``None`` when the draft no longer has that part."""
    kind, _, rest = part.partition(":")
    if kind == "post":
        return str(draft.text)
    if kind == "variant":
        variant = draft.variants.get(rest)
        return variant.text if variant is not None and variant.text is not None else None
    if kind == "thread":
        network, _, index = rest.rpartition(":")
        variant = draft.variants.get(network)
        if variant is None or not index.isdigit() or int(index) >= len(variant.parts):
            return None
        return str(variant.parts[int(index)])
    if kind == "alt":
        return next((a.alt_text for a in draft.assets if a.sha == rest), None)
    return None


def _comment(row: sqlite3.Row) -> Comment:
    return Comment(row["id"], row["draft_id"], row["part"], row["start"], row["end"], row["quote"], row["author"],
                   row["body"], row["created_at"], row["resolved_at"], bool(row["outdated"]), row["parent_id"])


def add(library: Any, draft_id: int, body: str, author: str, *, part: str = "post", start: int = 0,
        end: int = 0) -> Comment:
    """A new comment on ``part[start:end]`` (``start == end``: on the whole part)."""
    body = body.strip()
    if not body:
        raise LibraryError("A comment needs some words.", "Type what should change.")
    text = part_text(library.get_draft(draft_id), part)
    if text is None:
        raise NotFound(f"This draft has no part “{part}” to comment on.")
    if not 0 <= start <= end <= len(text):
        raise LibraryError("The selected words are not in that text.", "Select them again.")
    with library.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO review_comments(draft_id, part, start, end, quote, prefix, suffix, author, body, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (draft_id, part, start, end, text[start:end], text[max(0, start - CONTEXT):start],
             text[end:end + CONTEXT], author, body, utc_now()),
        )
        library.changed("comment", draft_id)
    return get(library, int(cursor.lastrowid or 0))


def reply(library: Any, comment_id: int, body: str, author: str) -> Comment:
    parent = get(library, comment_id)
    root = parent.parent_id or parent.id
    if not body.strip():
        raise LibraryError("A reply needs some words.")
    with library.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO review_comments(draft_id, parent_id, part, start, end, quote, author, body, created_at) "
            "VALUES (?, ?, ?, ?, ?, '', ?, ?, ?)",
            (parent.draft_id, root, parent.part, parent.start, parent.end, author, body.strip(), utc_now()),
        )
        library.changed("comment", parent.draft_id)
    return get(library, int(cursor.lastrowid or 0))


def set_resolved(library: Any, comment_id: int, resolved: bool) -> Comment:
    """Resolve a thread (or reopen it with ``resolved=False``)."""
    comment = get(library, comment_id)
    root = comment.parent_id or comment.id
    with library.transaction() as conn:
        conn.execute("UPDATE review_comments SET resolved_at = ? WHERE id = ?", (utc_now() if resolved else None, root))
        library.changed("comment", comment.draft_id)
    return get(library, root)


def get(library: Any, comment_id: int) -> Comment:
    rows = library.query("SELECT * FROM review_comments WHERE id = ?", (comment_id,))
    if not rows:
        raise NotFound(f"There is no comment {comment_id}.", "It may have been deleted with its draft.")
    return _comment(rows[0])


def threads(library: Any, draft_id: int, *, include_resolved: bool = True) -> list[Comment]:
    """The draft's comment threads (each with its replies), oldest first."""
    rows = [_comment(row) for row in library.query(
        "SELECT * FROM review_comments WHERE draft_id = ? ORDER BY id", (draft_id,))]
    replies: dict[int, list[Comment]] = {}
    for row in rows:
        if row.parent_id is not None:
            replies.setdefault(row.parent_id, []).append(row)
    roots = [
        Comment(**{**row.__dict__, "replies": tuple(replies.get(row.id, ()))})
        for row in rows if row.parent_id is None
    ]
    return [root for root in roots if include_resolved or not root.resolved]


def open_counts(library: Any, draft_ids: list[int]) -> dict[int, int]:
    """How many unresolved threads each draft has (the Library's count)."""
    if not draft_ids:
        return {}
    marks = ",".join("?" * len(draft_ids))
    rows = library.query(
        f"SELECT draft_id, count(*) FROM review_comments WHERE parent_id IS NULL AND resolved_at IS NULL "
        f"AND draft_id IN ({marks}) GROUP BY draft_id", draft_ids)
    return {row[0]: row[1] for row in rows}


def find_anchor(text: str, start: int, end: int, quote: str, prefix: str, suffix: str) -> tuple[int, int] | None:
    """Where ``quote`` is in ``text`` now: its old place, else the occurrence whose surroundings
    match ``prefix``/``suffix`` best (nearest ``start`` on a tie), else ``None``."""
    if text[start:end] == quote:
        return start, end
    best: tuple[int, int, int] | None = None  # (-score, distance, position)
    position = text.find(quote)
    while position >= 0:
        before = text[max(0, position - len(prefix)):position]
        after = text[position + len(quote):position + len(quote) + len(suffix)]
        score = _common_suffix(before, prefix) + _common_prefix(after, suffix)
        candidate = (-score, abs(position - start), position)
        if best is None or candidate < best:
            best = candidate
        position = text.find(quote, position + 1)
    return (best[2], best[2] + len(quote)) if best is not None else None


def _common_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


def reanchor(library: Any, draft_id: int) -> int:
    """Find every anchored comment of the draft again in its text as it is now; returns how many
    moved or changed between found and outdated."""
    rows = library.query(
        "SELECT id, part, start, end, quote, prefix, suffix, outdated FROM review_comments "
        "WHERE draft_id = ? AND parent_id IS NULL AND quote != ''", (draft_id,))
    if not rows:  # most drafts: one indexed read per save, nothing more
        return 0
    draft = library.get_draft(draft_id)
    updates: list[tuple[int, int, int, int]] = []
    for row in rows:
        text = part_text(draft, row["part"])
        found = None if text is None else find_anchor(text, row["start"], row["end"], row["quote"], row["prefix"],
                                                      row["suffix"])
        if found is None:
            if not row["outdated"]:
                updates.append((row["start"], row["end"], 1, row["id"]))
        elif found != (row["start"], row["end"]) or row["outdated"]:
            updates.append((found[0], found[1], 0, row["id"]))
    if updates:
        with library.transaction() as conn:
            conn.executemany("UPDATE review_comments SET start = ?, end = ?, outdated = ? WHERE id = ?", updates)
            conn.executemany("UPDATE review_comments SET start = ?, end = ? WHERE parent_id = ?",
                             [(s, e, i) for s, e, _o, i in updates])
            library.changed("comment", draft_id)
    return len(updates)
