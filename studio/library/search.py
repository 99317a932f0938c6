"""Full-text search over drafts (SQLite FTS5): text, variants, tags, notes and the client's name.

What the user types is never FTS5 syntax: each word becomes a quoted phrase (so quotes, ``*``,
``-``, ``NEAR``, ``AND`` and parentheses are searched as text), the words must all match, and the
last one matches as a prefix so results appear while typing. A query with no letters or digits at
all (``"(*"``, ``--``) is looked up as a plain substring instead, because the index keeps words only.
"""

from __future__ import annotations

import json
import sqlite3

from studio.library.store import Store
from studio.model import SearchResult


def reindex(conn: sqlite3.Connection, draft_id: int) -> None:
    """Bring the search index of one draft up to date (inside the caller's transaction)."""
    row = conn.execute(
        "SELECT d.text, d.tags, d.notes, c.name FROM drafts d JOIN clients c ON c.id = d.client_id "
        "WHERE d.id = ?",
        (draft_id,),
    ).fetchone()
    conn.execute("DELETE FROM drafts_fts WHERE rowid = ?", (draft_id,))
    if row is None:
        return
    pieces: list[str] = []
    for text, parts in conn.execute("SELECT text, parts FROM variants WHERE draft_id = ?", (draft_id,)):
        if text:
            pieces.append(text)
        if parts:
            pieces.extend(json.loads(parts))
    conn.execute(
        "INSERT INTO drafts_fts(rowid, text, variants, tags, notes, client) VALUES (?, ?, ?, ?, ?, ?)",
        (draft_id, row[0], "\n".join(pieces), " ".join(json.loads(row[1])), row[2], row[3]),
    )


def match_expression(query: str, prefix: bool = True) -> str | None:
    """The FTS5 expression for what the user typed, or ``None`` when it has no words to match."""
    words = [word for word in query.split() if any(ch.isalnum() for ch in word)]
    if not words:
        return None
    phrases = ['"' + word.replace('"', '""') + '"' for word in words]
    if prefix and not query[-1:].isspace():
        phrases[-1] += "*"
    return " ".join(phrases)


def like_pattern(query: str) -> str:
    escaped = query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class SearchMixin(Store):
    def search(self, query: str, limit: int = 50, offset: int = 0) -> tuple[int, list[SearchResult]]:
        """``(total, results)``: drafts matching ``query``, best first. An empty query finds nothing."""
        if not query.strip():
            return 0, []
        expression = match_expression(query)
        if expression is None:
            return self._search_substring(query, limit, offset)
        total = self.query("SELECT count(*) FROM drafts_fts WHERE drafts_fts MATCH ?", (expression,))[0][0]
        rows = self.query(
            "SELECT f.rowid AS id, snippet(drafts_fts, -1, '', '', '…', 16) AS snippet, "
            "d.status, d.updated_at, c.name AS client "
            "FROM drafts_fts f JOIN drafts d ON d.id = f.rowid JOIN clients c ON c.id = d.client_id "
            "WHERE drafts_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
            (expression, limit, offset),
        )
        return int(total), [
            SearchResult(row["id"], row["client"], row["status"], row["snippet"], row["updated_at"]) for row in rows
        ]

    def _search_substring(self, query: str, limit: int, offset: int) -> tuple[int, list[SearchResult]]:
        pattern = like_pattern(query)
        where = (
            "FROM drafts d JOIN clients c ON c.id = d.client_id "
            "WHERE d.text LIKE ?1 ESCAPE '\\' OR d.notes LIKE ?1 ESCAPE '\\'"
        )
        total = self.query(f"SELECT count(*) {where}", (pattern,))[0][0]
        rows = self.query(
            f"SELECT d.id, d.text, d.status, d.updated_at, c.name AS client {where} "
            "ORDER BY d.updated_at DESC LIMIT ?2 OFFSET ?3",
            (pattern, limit, offset),
        )
        return int(total), [
            SearchResult(row["id"], row["client"], row["status"], _excerpt(row["text"], query), row["updated_at"])
            for row in rows
        ]


def _excerpt(text: str, needle: str, width: int = 80) -> str:
    at = text.find(needle.strip())
    start = max(0, at - width // 2) if at >= 0 else 0
    piece = text[start : start + width].replace("\n", " ")
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")
