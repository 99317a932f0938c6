"""Drafts: text, language, tags, notes, networks, variants, threads and status; and the paged list."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from types import EllipsisType
from typing import Any

from studio.library import revisions, search
from studio.library import status as workflow
from studio.library.clients import check_target
from studio.library.store import LibraryError, NotFound, Store, utc_now
from studio.model import AttachedAsset, Draft, DraftRow, Variant

SORTS: dict[str, str] = {
    "updated": "d.updated_at",
    "created": "d.id",
    "status": "d.status",
    "client": "c.name COLLATE NOCASE",
    "text": "substr(d.text, 1, 280) COLLATE NOCASE",
}


# SQLite's NOCASE folds only A-Z; the rest compares as UTF-8 bytes, which orders like code points.
_NOCASE = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def sort_key(row: DraftRow, sort: str) -> tuple[Any, int]:
    """What orders ``row`` in :meth:`list_drafts` (ascending): its sort value as SQLite compares it,
    then its id. Lets a list already on screen put a new row where the next query would."""
    value = sort_value(row, sort if sort in SORTS else "updated")
    if sort in ("client", "text"):
        value = str(value)[:280].translate(_NOCASE)
    return value, row.id


def sort_value(row: DraftRow, sort: str) -> object:
    """The value ``row`` has for the sort key ``sort`` (what :meth:`list_drafts` pages after)."""
    return {
        "updated": row.updated_at,
        "created": row.id,
        "status": row.status,
        "client": row.client_name,
        "text": row.text,
    }.get(sort, row.updated_at)


@dataclass(frozen=True)
class DraftFilter:
    """What the drafts list shows. Empty fields do not filter. ``since``/``until`` are ISO UTC
    texts compared with the field named by ``date_field`` ("updated", "created" or "scheduled")."""

    client_id: int | None = None
    statuses: tuple[str, ...] = ()
    network: str | None = None
    tag: str | None = None
    since: str | None = None
    until: str | None = None
    date_field: str = "updated"
    query: str = ""
    include_archived: bool = False
    ids: tuple[int, ...] = field(default=())  # restrict to these drafts (used to refresh rows)


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for tag in tags:
        tag = tag.strip().lstrip("#").strip()
        if tag:
            seen.setdefault(tag, None)
    return tuple(seen)


def clean_networks(networks: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(check_target(n) for n in networks if n.strip()))


def _where(flt: DraftFilter) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if flt.ids:
        clauses.append(f"d.id IN ({','.join('?' * len(flt.ids))})")
        params.extend(flt.ids)
    if flt.client_id is not None:
        clauses.append("d.client_id = ?")
        params.append(flt.client_id)
    if flt.statuses:
        clauses.append(f"d.status IN ({','.join('?' * len(flt.statuses))})")
        params.extend(flt.statuses)
    elif not flt.include_archived:
        clauses.append("d.status != 'archived'")
    if flt.network:
        clauses.append("d.id IN (SELECT draft_id FROM draft_networks WHERE network = ?)")
        params.append(flt.network)
    if flt.tag:
        clauses.append("d.id IN (SELECT draft_id FROM draft_tags WHERE tag = ?)")
        params.append(flt.tag.strip().lstrip("#"))
    if flt.since or flt.until:
        low, high = flt.since or "", flt.until or "9999"
        if flt.date_field == "scheduled":
            clauses.append("d.id IN (SELECT draft_id FROM schedules WHERE scheduled_at >= ? AND scheduled_at < ?)")
        else:
            column = "d.created_at" if flt.date_field == "created" else "d.updated_at"
            clauses.append(f"{column} >= ? AND {column} < ?")
        params.extend([low, high])
    if flt.query.strip():
        expression = search.match_expression(flt.query)
        if expression is None:
            clauses.append("(d.text LIKE ? ESCAPE '\\' OR d.notes LIKE ? ESCAPE '\\')")
            params.extend([search.like_pattern(flt.query)] * 2)
        else:
            clauses.append("d.id IN (SELECT rowid FROM drafts_fts WHERE drafts_fts MATCH ?)")
            params.append(expression)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _row(row: sqlite3.Row) -> DraftRow:
    return DraftRow(
        id=row["id"],
        client_id=row["client_id"],
        client_name=row["client_name"],
        client_colour=row["colour"],
        text=row["excerpt"],
        status=row["status"],
        networks=tuple(json.loads(row["networks"])),
        tags=tuple(json.loads(row["tags"])),
        updated_at=row["updated_at"],
        next_schedule=row["next_schedule"],
        open_comments=row["open_comments"],
    )


class DraftsMixin(Store):
    def create_draft(
        self,
        client_id: int,
        text: str = "",
        language: str | None = None,
        networks: Iterable[str] = (),
        tags: Iterable[str] = (),
        status: str = "draft",
        notes: str = "",
    ) -> Draft:
        wanted = workflow.normalise(status)
        if wanted in {"scheduled", "published", "failed"}:
            raise LibraryError(
                f"A new draft cannot start as {wanted}.", "Create it as a draft, then schedule it."
            )
        nets, tag_list = clean_networks(networks), clean_tags(tags)
        with self.transaction() as conn:
            if conn.execute("SELECT 1 FROM clients WHERE id = ?", (client_id,)).fetchone() is None:
                raise NotFound(f"There is no client {client_id} in this library.")
            now = utc_now()
            cursor = conn.execute(
                "INSERT INTO drafts(client_id, text, language, networks, tags, notes, status, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (client_id, text, language, json.dumps(nets), json.dumps(tag_list, ensure_ascii=False), notes,
                 wanted, now, now),
            )
            draft_id = int(cursor.lastrowid or 0)
            _write_sets(conn, draft_id, nets, tag_list)
            search.reindex(conn, draft_id)
            revisions.record(conn, draft_id, "create")
            self.changed("draft", draft_id)
        return self.get_draft(draft_id)

    def get_draft(self, draft_id: int) -> Draft:
        rows = self.query("SELECT * FROM drafts WHERE id = ?", (draft_id,))
        if not rows:
            raise NotFound(f"There is no draft {draft_id} in this library.", "It may have been deleted.")
        row = rows[0]
        variants = {
            v["network"]: Variant(v["network"], v["text"], tuple(json.loads(v["parts"])) if v["parts"] else ())
            for v in self.query("SELECT network, text, parts FROM variants WHERE draft_id = ?", (draft_id,))
        }
        assets = tuple(
            AttachedAsset(a["sha"], a["position"], a["alt_text"])
            for a in self.query(
                "SELECT sha, position, alt_text FROM draft_assets WHERE draft_id = ? ORDER BY position, sha",
                (draft_id,),
            )
        )
        return Draft(
            id=row["id"],
            client_id=row["client_id"],
            text=row["text"],
            language=row["language"],
            networks=tuple(json.loads(row["networks"])),
            tags=tuple(json.loads(row["tags"])),
            notes=row["notes"],
            status=row["status"],
            variants=variants,
            assets=assets,
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            ignored_rules=tuple(json.loads(row["ignored_rules"])),
        )

    def save_text(self, draft_id: int, text: str) -> bool:
        """Store the draft's base text (what autosave calls). Returns ``False`` when it was already
        that text (nothing written); a changed text is also recorded as a revision."""
        with self.transaction() as conn:
            row = conn.execute("SELECT text FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            if row is None:
                raise NotFound(f"There is no draft {draft_id} in this library.", "It may have been deleted.")
            if row[0] == text:
                return False
            conn.execute("UPDATE drafts SET text = ?, updated_at = ? WHERE id = ?", (text, utc_now(), draft_id))
            search.reindex(conn, draft_id)
            revisions.record(conn, draft_id)
            self.changed("draft", draft_id)
        return True

    def update_draft(
        self,
        draft_id: int,
        *,
        language: str | EllipsisType | None = ...,
        tags: Iterable[str] | None = None,
        notes: str | None = None,
        networks: Iterable[str] | None = None,
        client_id: int | None = None,
    ) -> Draft:
        """Change the fields given (``language=None`` means "the client's language")."""
        with self.transaction() as conn:
            self._require(conn, draft_id)
            sets: list[str] = ["updated_at = ?"]
            params: list[object] = [utc_now()]
            if language is not ...:
                sets.append("language = ?")
                params.append(language)
            if notes is not None:
                sets.append("notes = ?")
                params.append(notes)
            if client_id is not None:
                if conn.execute("SELECT 1 FROM clients WHERE id = ?", (client_id,)).fetchone() is None:
                    raise NotFound(f"There is no client {client_id} in this library.")
                sets.append("client_id = ?")
                params.append(client_id)
            tag_list = clean_tags(tags) if tags is not None else None
            nets = clean_networks(networks) if networks is not None else None
            if tag_list is not None:
                sets.append("tags = ?")
                params.append(json.dumps(tag_list, ensure_ascii=False))
                conn.execute("DELETE FROM draft_tags WHERE draft_id = ?", (draft_id,))
            if nets is not None:
                sets.append("networks = ?")
                params.append(json.dumps(nets))
                conn.execute("DELETE FROM draft_networks WHERE draft_id = ?", (draft_id,))
            conn.execute(f"UPDATE drafts SET {', '.join(sets)} WHERE id = ?", (*params, draft_id))
            _write_sets(conn, draft_id, nets or (), tag_list or ())
            search.reindex(conn, draft_id)
            self.changed("draft", draft_id)
        return self.get_draft(draft_id)

    def set_variant(self, draft_id: int, network: str, text: str | None) -> None:
        """The text this draft uses on ``network`` instead of its base text; ``None`` removes it."""
        network = check_target(network)
        with self.transaction() as conn:
            self._require(conn, draft_id)
            if text is None:
                conn.execute("DELETE FROM variants WHERE draft_id = ? AND network = ?", (draft_id, network))
            else:
                conn.execute(
                    "INSERT INTO variants(draft_id, network, text, parts) VALUES (?, ?, ?, NULL) "
                    "ON CONFLICT(draft_id, network) DO UPDATE SET text = excluded.text, parts = NULL",
                    (draft_id, network, text),
                )
            self._touched(conn, draft_id)

    def set_thread(self, draft_id: int, network: str, parts: list[str]) -> None:
        """Post this draft as a thread of ``parts`` on ``network``; an empty list removes the thread."""
        network = check_target(network)
        with self.transaction() as conn:
            self._require(conn, draft_id)
            if not parts:
                conn.execute("DELETE FROM variants WHERE draft_id = ? AND network = ?", (draft_id, network))
            else:
                conn.execute(
                    "INSERT INTO variants(draft_id, network, text, parts) VALUES (?, ?, NULL, ?) "
                    "ON CONFLICT(draft_id, network) DO UPDATE SET text = NULL, parts = excluded.parts",
                    (draft_id, network, json.dumps(list(parts), ensure_ascii=False)),
                )
            self._touched(conn, draft_id)

    def ignore_rule_in_draft(self, draft_id: int, rule: str) -> None:
        """Never show issues of ``rule`` in this post again (the fixes menu's "in this post")."""
        rule = rule.strip()
        if not rule:
            raise LibraryError("An empty rule id cannot be ignored.")
        with self.transaction() as conn:
            row = conn.execute("SELECT ignored_rules FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            if row is None:
                raise NotFound(f"There is no draft {draft_id} in this library.", "It may have been deleted.")
            rules = json.loads(row[0])
            if rule in rules:
                return
            conn.execute("UPDATE drafts SET ignored_rules = ? WHERE id = ?", (json.dumps(sorted({*rules, rule})), draft_id))
            self.changed("draft", draft_id)

    def clear_ignored_rules(self, draft_id: int) -> None:
        """Check this post for every rule again (undoes :meth:`ignore_rule_in_draft`)."""
        self.set_ignored_rules(draft_id, ())

    def set_ignored_rules(self, draft_id: int, rules: Iterable[str]) -> None:
        """The rules ignored in this post, all of them at once (what the Write page's saver writes)."""
        clean = sorted({rule.strip() for rule in rules if rule.strip()})
        with self.transaction() as conn:
            self._require(conn, draft_id)
            conn.execute("UPDATE drafts SET ignored_rules = ? WHERE id = ?", (json.dumps(clean), draft_id))
            self.changed("draft", draft_id)

    def set_status(self, draft_id: int, new_status: str) -> Draft:
        """Move the draft in the workflow, or :class:`StatusError` saying why it cannot."""
        wanted = workflow.normalise(new_status)
        with self.transaction() as conn:
            row = conn.execute("SELECT status FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            if row is None:
                raise NotFound(f"There is no draft {draft_id} in this library.", "It may have been deleted.")
            workflow.check(row[0], wanted)
            conn.execute("UPDATE drafts SET status = ?, updated_at = ? WHERE id = ?", (wanted, utc_now(), draft_id))
            self.changed("draft", draft_id)
        return self.get_draft(draft_id)

    def duplicate_draft(self, draft_id: int) -> Draft:
        """A new draft with this one's text, variants, threads, tags, notes and images (no schedule,
        no history): how a published post is written again."""
        with self.transaction() as conn:
            source = self.get_draft(draft_id)
            copy = self.create_draft(source.client_id, source.text, source.language, source.networks, source.tags,
                                     notes=source.notes)
            conn.execute(
                "INSERT INTO variants(draft_id, network, text, parts) "
                "SELECT ?, network, text, parts FROM variants WHERE draft_id = ?",
                (copy.id, draft_id),
            )
            conn.execute(
                "INSERT INTO draft_assets(draft_id, sha, position, alt_text) "
                "SELECT ?, sha, position, alt_text FROM draft_assets WHERE draft_id = ?",
                (copy.id, draft_id),
            )
            conn.execute("UPDATE drafts SET ignored_rules = ? WHERE id = ?",
                         (json.dumps(list(source.ignored_rules)), copy.id))
            search.reindex(conn, copy.id)
            # One first revision, with the variants (create_draft recorded the text alone).
            conn.execute("DELETE FROM revisions WHERE draft_id = ?", (copy.id,))
            conn.execute("DELETE FROM revision_blobs WHERE draft_id = ?", (copy.id,))
            revisions.record(conn, copy.id, "create")
        return self.get_draft(copy.id)

    def archive_draft(self, draft_id: int) -> Draft:
        return self.set_status(draft_id, "archived")

    def delete_draft(self, draft_id: int) -> None:
        """Delete a draft with its variants, revisions and schedules (never one being sent)."""
        with self.transaction() as conn:
            sending = conn.execute(
                "SELECT 1 FROM publications p JOIN schedules s ON s.id = p.schedule_id "
                "WHERE s.draft_id = ? AND p.state = 'sending'",
                (draft_id,),
            ).fetchone()
            if sending:
                raise LibraryError("This draft is being published right now.", "Wait for it to finish.")
            conn.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
            conn.execute("DELETE FROM drafts_fts WHERE rowid = ?", (draft_id,))
            self.changed("draft", draft_id)

    # --- the list -------------------------------------------------------------------------

    def list_drafts(
        self, filters: DraftFilter | None = None, sort: str = "updated", offset: int = 0, limit: int = 200,
        descending: bool = True, after: DraftRow | None = None,
    ) -> list[DraftRow]:
        """One page of the drafts list (an excerpt of the text, not the whole draft).

        With ``after`` (the last row of the previous page) the page starts right after that row
        (keyset paging): as fast at the end of 100,000 drafts as at the start, and rows inserted or
        removed meanwhile neither repeat nor skip others. ``offset`` is then counted from there.
        """
        where, params = _where(filters or DraftFilter())
        sort = sort if sort in SORTS else "updated"
        order = SORTS[sort]
        direction = "DESC" if descending else "ASC"
        if after is not None:
            op = "<" if descending else ">"
            value = sort_value(after, sort)
            keyset = f"({order} {op} ? OR ({order} = ? AND d.id {op} ?))"
            where = f"{where} AND {keyset}" if where else f"WHERE {keyset}"
            params = [*params, value, value, after.id]
        rows = self.query(
            "SELECT d.id, d.client_id, c.name AS client_name, c.colour, substr(d.text, 1, 280) AS excerpt, "
            "d.status, d.networks, d.tags, d.updated_at, "
            "(SELECT min(s.scheduled_at) FROM schedules s WHERE s.draft_id = d.id) AS next_schedule, "
            "(SELECT count(*) FROM review_comments rc WHERE rc.draft_id = d.id AND rc.parent_id IS NULL "
            "AND rc.resolved_at IS NULL) AS open_comments "
            f"FROM drafts d JOIN clients c ON c.id = d.client_id {where} "
            f"ORDER BY {order} {direction}, d.id {direction} LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return [_row(row) for row in rows]

    def count_drafts(self, filters: DraftFilter | None = None) -> int:
        where, params = _where(filters or DraftFilter())
        join = "JOIN clients c ON c.id = d.client_id " if "c." in where else ""
        return int(self.query(f"SELECT count(*) FROM drafts d {join}{where}", params)[0][0])

    def list_tags(self) -> list[str]:
        """Every tag in use, A to Z. The index is walked from one tag to the next (a skip scan), so
        this costs the number of tags, not the number of drafts."""
        rows = self.query(
            "WITH RECURSIVE t(tag) AS (SELECT min(tag) FROM draft_tags UNION ALL "
            "SELECT (SELECT min(tag) FROM draft_tags WHERE tag > t.tag) FROM t WHERE t.tag IS NOT NULL) "
            "SELECT tag FROM t WHERE tag IS NOT NULL"
        )
        return sorted((row[0] for row in rows), key=str.casefold)

    # --- helpers --------------------------------------------------------------------------

    @staticmethod
    def _require(conn: sqlite3.Connection, draft_id: int) -> None:
        if conn.execute("SELECT 1 FROM drafts WHERE id = ?", (draft_id,)).fetchone() is None:
            raise NotFound(f"There is no draft {draft_id} in this library.", "It may have been deleted.")

    def _touched(self, conn: sqlite3.Connection, draft_id: int) -> None:
        conn.execute("UPDATE drafts SET updated_at = ? WHERE id = ?", (utc_now(), draft_id))
        search.reindex(conn, draft_id)
        revisions.record(conn, draft_id)
        self.changed("draft", draft_id)


def _write_sets(conn: sqlite3.Connection, draft_id: int, networks: Iterable[str], tags: Iterable[str]) -> None:
    conn.executemany("INSERT OR IGNORE INTO draft_networks(draft_id, network) VALUES (?, ?)",
                     [(draft_id, n) for n in networks])
    conn.executemany("INSERT OR IGNORE INTO draft_tags(draft_id, tag) VALUES (?, ?)", [(draft_id, t) for t in tags])
