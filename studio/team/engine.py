"""The sync engine of one library: push the outbox, pull since the last position, wake on NOTIFY.

A round (:meth:`SyncEngine.sync_once`, what ``studio sync`` runs) pushes the rows the outbox names,
each as an optimistic ``UPDATE ... WHERE version = <the version we last saw>``; a row the team
changed since is fetched and merged three-way (:mod:`studio.team.merge`) against the document both
sides last agreed on, and written again. Then it pulls every row stamped after the last position
this library saw, in batches, each batch applied and its position recorded in one SQLite
transaction. A kill at any moment leaves either the old or the new state on each side, and the
next round finishes the job: the outbox is emptied only after the server committed, and a push
whose answer was lost finds its own document on the server and adopts it.

:meth:`start` runs rounds on a thread, woken by the library's own changes and by PostgreSQL
``LISTEN``; offline, changes wait in the outbox and rounds retry with a growing pause.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import psycopg
from psycopg import conninfo as pg_conninfo
from psycopg.rows import dict_row
from psycopg.types.json import Jsonb
from psycopg_pool import ConnectionPool, PoolTimeout

from studio import secrets
from studio.errors import in_words
from studio.library import Library, revisions
from studio.team import TeamError, blobs, handoff, local, server
from studio.team.merge import merge_doc
from studio.team.records import RECORDS

log = logging.getLogger(__name__)

BATCH = 5000
KINDS = ("client", "draft", *RECORDS)
"""Every kind of row the engine carries, in the order a push sends them (a row's parents first)."""
TABLES = {"client": "studio.clients", "draft": "studio.drafts", **{kind: r.table for kind, r in RECORDS.items()}}


@dataclass
class SyncStatus:
    """What the status bar shows. ``state``: "up to date", "waiting", "offline", "conflict",
    "refused" or "syncing"; ``waiting`` the rows not yet sent."""

    state: str
    waiting: int = 0
    message: str = ""


@dataclass
class Report:
    """What one round did."""

    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    refused: list[str] = field(default_factory=list)


@dataclass
class _Push:
    kind: str
    local_id: int
    uid: str
    version: int
    base: dict[str, Any] | None
    doc: dict[str, Any] | None
    result: dict[str, Any] | None = None
    new_version: int = 0
    conflicted: bool = False
    changed_by: str = ""
    changed_at: str = ""
    refusal: str = ""
    push_id: str = ""
    pending: list[dict[str, Any]] = field(default_factory=list)  # earlier pushes not confirmed here


def link_parts(url: str) -> dict[str, str]:
    """``url`` (a postgresql:// URL or key=value string) as libpq keywords, without a password."""
    try:
        parts = {key: str(value) for key, value in pg_conninfo.conninfo_to_dict(url).items() if value is not None}
    except psycopg.ProgrammingError as error:
        raise TeamError(f"“{url}” is not a PostgreSQL address.", "Write it as postgresql://NAME@HOST:5432/DATABASE.") from error
    parts.pop("password", None)
    if not parts.get("user"):
        raise TeamError("The address names no member.", "Write it as postgresql://NAME@HOST:5432/DATABASE.")
    return parts


def describe(parts: dict[str, str]) -> str:
    return f"{parts.get('user')}@{parts.get('host', 'localhost')}:{parts.get('port', '5432')}/{parts.get('dbname', '')}"


def secret_ref(parts: dict[str, str]) -> str:
    return f"team:{describe(parts)}"


def connect(parts: dict[str, str], password: str | None, **kwargs: Any) -> psycopg.Connection[Any]:
    """One connection (for init, invite, join); :class:`TeamError` in words when it fails."""
    try:
        return psycopg.connect(pg_conninfo.make_conninfo(**parts, password=password or None), connect_timeout=10,
                               application_name="studio", **kwargs)
    except psycopg.OperationalError as error:
        raise TeamError(f"Studio cannot reach the team database {describe(parts)}: {_first_line(error)}",
                        "Check the address, the password and that the server is running.") from error


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[-1] if text else type(error).__name__


class SyncEngine:
    """Keeps one linked library in step with its team database."""

    def __init__(self, library: Library, password: str | None = None, poll_seconds: float = 30.0) -> None:
        self.library = library
        st = local.state(library.connection)
        if "url" not in st:
            raise TeamError("This library is not linked to a team.", "Use `studio team join URL` first.")
        self.parts: dict[str, str] = json.loads(st["url"])
        self.member = st.get("member", self.parts["user"])
        self.password = password if password is not None else secrets.load(st["secret_ref"])
        self.poll_seconds = poll_seconds
        self._pool: ConnectionPool[Any] | None = None
        self._round = threading.Lock()
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._threads: list[threading.Thread] = []
        self._unsubscribe: Callable[[], None] | None = None
        self._checked = False
        self.listeners: list[Callable[[SyncStatus], None]] = []
        self.status = SyncStatus("waiting", local.waiting(library.connection))

    # --- connections -------------------------------------------------------------------------

    @property
    def conninfo(self) -> str:
        return pg_conninfo.make_conninfo(**self.parts, password=self.password or None, connect_timeout=5,
                                         application_name="studio")

    def pool(self) -> ConnectionPool[Any]:
        if self._pool is None:
            self._pool = ConnectionPool(self.conninfo, min_size=1, max_size=2, open=False, timeout=8,
                                        name="studio-team")
            self._pool.open(wait=False)
        return self._pool

    def close(self) -> None:
        """Stop the threads and close the connections (on quit or unlink)."""
        self.stop()
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    # --- one round ---------------------------------------------------------------------------

    def sync_once(self) -> Report:
        """Push, then pull; :class:`TeamError` when the team database cannot be reached."""
        with self._round:
            self._emit(SyncStatus("syncing", local.waiting(self.library.connection)))
            try:
                report = self._sync_round()
            except (psycopg.OperationalError, PoolTimeout) as error:
                waiting = local.waiting(self.library.connection)
                self._emit(SyncStatus("offline", waiting, f"{waiting} changes wait to be sent."))
                raise TeamError(f"The team database cannot be reached ({_first_line(error)}).",
                                "Changes wait in the outbox and go when it is back.") from error
            except TeamError as error:
                self._emit(SyncStatus("refused", 0, error.for_humans()))
                raise
        waiting = local.waiting(self.library.connection)
        if report.refused:
            self._emit(SyncStatus("refused", waiting, report.refused[-1]))
        elif report.conflicts:
            self._emit(SyncStatus("conflict", waiting, "Some edits overlapped: your version is kept as a revision."))
        else:
            self._emit(SyncStatus("up to date" if not waiting else "waiting", waiting))
        return report

    def _sync_round(self) -> Report:
        for attempt in range(3):
            try:
                with self.pool().connection() as pg:
                    if not self._checked:
                        server.check_version(pg)
                        pg.commit()
                        self._checked = True
                    report = self._push(pg)
                    report.pulled = self._pull(pg)
                    blobs.fetch_missing(pg, self.library)
                    handoff.exchange(pg, self.library)  # schedules to the team queue, outcomes back (s4tq)
                    return report
            except (psycopg.errors.DeadlockDetected, psycopg.errors.SerializationFailure):
                if attempt == 2:
                    raise
                log.info("Team sync round rolled back by the server; trying again")
        raise AssertionError("unreachable")

    def open_conflicts(self) -> int:
        return int(self.library.query("SELECT count(*) FROM team_conflicts WHERE seen = 0")[0][0])

    def _emit(self, status: SyncStatus) -> None:
        self.status = status
        for listener in list(self.listeners):
            try:
                listener(status)
            except Exception:  # a listener's bug must not stop the sync
                log.exception("Sync status listener failed")

    # --- push ----------------------------------------------------------------------------------

    def _push(self, pg: psycopg.Connection[Any]) -> Report:
        report = Report()
        while True:
            top, batch = self._take_outbox()
            if not batch:
                return report
            with pg.transaction():
                # The positions' lock first, then row locks: the stamping trigger takes it after
                # the row's lock, so two pushes taking them in the other order could deadlock.
                pg.execute("SELECT pg_advisory_xact_lock(%s)", (server.POSITION_LOCK,))
                for kind in KINDS:  # parents first: drafts refer to clients, images to drafts
                    mine = [item for item in batch if item.kind == kind]
                    fresh = [item for item in mine if item.version == 0 and item.doc is not None]
                    if len(fresh) > 1:
                        self._insert_many(pg, kind, fresh)
                    for item in mine:
                        if item.result is None:
                            self._push_row(pg, item)
                        if kind == "asset" and item.result is not None and item.doc is not None:
                            blobs.upload(pg, self.library, item.doc, item.base)
            self._after_push(top, batch, report)

    def _take_outbox(self) -> tuple[int, list[_Push]]:
        """The rows the outbox names (clients first), each with a uid, in one local transaction."""
        with self.library.transaction() as conn:
            row = conn.execute("SELECT min(id), max(id) FROM team_outbox").fetchone()
            if row[1] is None:
                return 0, []
            top = min(int(row[1]), int(row[0]) + BATCH)
            keys = [(str(k), int(i)) for k, i in conn.execute(
                "SELECT DISTINCT kind, local_id FROM team_outbox WHERE id <= ? ORDER BY local_id", (top,))]
            keys.sort(key=lambda key: KINDS.index(key[0]) if key[0] in KINDS else len(KINDS))
            for kind, local_id in list(keys):  # a draft's client travels first when the team lacks it
                if kind == "draft":
                    client = conn.execute("SELECT client_id FROM drafts WHERE id = ?", (local_id,)).fetchone()
                    if client and local.uid_of(conn, "client", client[0]) is None and ("client", client[0]) not in keys:
                        keys.insert(0, ("client", int(client[0])))
            mapped = {}
            for kind, local_id in keys:
                found = conn.execute("SELECT uid, version, base, sent FROM team_rows WHERE kind = ? AND local_id = ?",
                                     (kind, local_id)).fetchone()
                if found is None:
                    found = (str(uuid.uuid4()), 0, None, None)
                    local.remember(conn, kind, local_id, found[0], 0, None)
                mapped[(kind, local_id)] = found
            batch = []
            for kind, local_id in keys:
                uid, version, base, sent = mapped[(kind, local_id)]
                doc = local.doc_of(conn, kind, local_id)
                item = _Push(kind, local_id, uid, int(version), json.loads(base) if base else None, doc,
                             push_id=str(uuid.uuid4()), pending=json.loads(sent) if sent else [])
                if doc is not None:  # recorded before sending: a kill after the server's commit leaves it
                    conn.execute("UPDATE team_rows SET sent = ? WHERE kind = ? AND local_id = ?",
                                 (json.dumps([*item.pending, {"push": item.push_id, "doc": doc}], ensure_ascii=False),
                                  kind, local_id))
                batch.append(item)
        return top, batch

    def _resolve(self, pg: psycopg.Connection[Any], item: _Push) -> tuple[dict[str, Any], int, dict[str, Any] | None]:
        """``(doc, version, base)`` to push ``item`` with: when an earlier push of it landed but
        was never confirmed here (killed in between), against what that push left on the server."""
        assert item.doc is not None
        if not item.pending:
            return item.doc, item.version, item.base
        row = pg.execute("SELECT push_id::text, version, data FROM studio.pushes WHERE push_id = ANY(%s::uuid[]) "
                         "ORDER BY version DESC LIMIT 1", ([p["push"] for p in item.pending],)).fetchone()
        if row is None:
            return item.doc, item.version, item.base
        sent = next(p["doc"] for p in item.pending if p["push"] == row[0])
        merged, clash = merge_doc(sent, item.doc, row[2])
        item.conflicted = item.conflicted or clash
        return merged, int(row[1]), row[2]

    @staticmethod
    def _record_push(pg: psycopg.Connection[Any], items: list[_Push]) -> None:
        if not items:
            return
        pg.cursor().executemany(
            "INSERT INTO studio.pushes (push_id, uid, version, data) VALUES (%s, %s, %s, %s)",
            [(item.push_id, item.uid, item.new_version, Jsonb(item.result)) for item in items])

    def _push_row(self, pg: psycopg.Connection[Any], item: _Push) -> None:
        table = TABLES[item.kind]
        try:
            with pg.transaction():
                if item.doc is None:  # deleted here
                    if item.version:
                        pg.execute(f"UPDATE {table} SET deleted = true WHERE uid = %s", (item.uid,))
                    return
                doc, version, base = self._resolve(pg, item)
                for _ in range(5):
                    written = self._write(pg, item.kind, item.uid, version, doc)
                    if written is not None:
                        item.result, (item.new_version, item.changed_by, item.changed_at) = doc, written
                        self._record_push(pg, [item])
                        return
                    theirs = self._fetch(pg, item.kind, item.uid)
                    if theirs is None:
                        item.refusal = f"The team does not let you change this {item.kind} (its client is not yours)."
                        return
                    their_doc, their_version, by, at = theirs
                    if their_doc == doc:
                        item.result, item.new_version, item.changed_by, item.changed_at = doc, their_version, by, at
                        return
                    merged, clash = merge_doc(base, doc, their_doc)
                    item.conflicted = item.conflicted or clash
                    if merged == their_doc:
                        item.result, item.new_version, item.changed_by, item.changed_at = merged, their_version, by, at
                        return
                    doc, version, base = merged, their_version, their_doc
                raise TeamError("The team database kept changing this row; trying again at the next sync.")
        except psycopg.errors.InsufficientPrivilege as error:
            said = error.diag.message_primary or _first_line(error)
            # The database's own words ("permission denied for table assets", "new row violates
            # row-level security policy") name no role: the record's sentence does.
            plain = item.kind in RECORDS and ("permission denied" in said or "row-level security" in said)
            item.refusal = RECORDS[item.kind].refusal if plain else _refusal(said, error.diag.message_detail)
        except (psycopg.errors.UniqueViolation, psycopg.errors.ForeignKeyViolation) as error:
            item.refusal = _first_line(error)

    def _insert_many(self, pg: psycopg.Connection[Any], kind: str, items: list[_Push]) -> None:
        """Insert rows new to the team in one pipelined round (a library that starts a team brings
        thousands); those it cannot settle (refused, or already there with other data) keep no
        result and go one by one."""
        try:
            with pg.transaction(), pg.cursor() as cursor:
                if kind == "client":
                    cursor.executemany(
                        "INSERT INTO studio.clients (uid, name, data) VALUES (%s, %s, %s) ON CONFLICT (uid) DO NOTHING",
                        [(item.uid, item.doc["name"], Jsonb(item.doc)) for item in items if item.doc])
                elif kind == "draft":
                    cursor.executemany(
                        "INSERT INTO studio.drafts (uid, client_uid, status, data) VALUES (%s, %s, %s, %s) "
                        "ON CONFLICT (uid) DO NOTHING",
                        [(item.uid, item.doc["client"], item.doc["status"], Jsonb(item.doc)) for item in items if item.doc])
                else:
                    cursor.executemany(
                        f"INSERT INTO {TABLES[kind]} (uid, client_uid, data) VALUES (%s, %s, %s) ON CONFLICT (uid) DO NOTHING",
                        [(item.uid, item.doc["client"], Jsonb(item.doc)) for item in items if item.doc])
        except (psycopg.errors.InsufficientPrivilege, psycopg.errors.UniqueViolation,
                psycopg.errors.ForeignKeyViolation, psycopg.errors.NotNullViolation):
            return  # one by one, each refusal said for its own row
        found = {}
        extra = ", status, client_uid::text" if kind == "draft" else ""
        for row in pg.execute(f"SELECT uid::text, data, version, changed_by, changed_at{extra} FROM {TABLES[kind]} "
                              "WHERE uid = ANY(%s::uuid[])", ([item.uid for item in items],)):
            doc = {**row[1], "status": row[5], "client": row[6]} if kind == "draft" else row[1]
            found[row[0]] = (doc, int(row[2]), str(row[3]), row[4].isoformat())
        settled = []
        for item in items:
            theirs = found.get(item.uid)
            if theirs is not None and theirs[0] == item.doc and not item.pending:
                item.result, item.new_version, item.changed_by, item.changed_at = item.doc, *theirs[1:]
                settled.append(item)
        self._record_push(pg, settled)

    @staticmethod
    def _write(pg: psycopg.Connection[Any], kind: str, uid: str, version: int,
               doc: dict[str, Any]) -> tuple[int, str, str] | None:
        if kind == "client":
            if version == 0:
                sql = ("INSERT INTO studio.clients (uid, name, data) VALUES (%(uid)s, %(name)s, %(data)s) "
                       "ON CONFLICT (uid) DO NOTHING RETURNING version, changed_by, changed_at")
            else:
                sql = ("UPDATE studio.clients SET name = %(name)s, data = %(data)s, deleted = false "
                       "WHERE uid = %(uid)s AND version = %(version)s RETURNING version, changed_by, changed_at")
            params = {"uid": uid, "name": doc["name"], "data": Jsonb(doc), "version": version}
        elif kind != "draft":
            if version == 0:
                sql = (f"INSERT INTO {TABLES[kind]} (uid, client_uid, data) VALUES (%(uid)s, %(client)s, %(data)s) "
                       "ON CONFLICT (uid) DO NOTHING RETURNING version, changed_by, changed_at")
            else:
                sql = (f"UPDATE {TABLES[kind]} SET client_uid = %(client)s, data = %(data)s, deleted = false "
                       "WHERE uid = %(uid)s AND version = %(version)s RETURNING version, changed_by, changed_at")
            params = {"uid": uid, "client": doc["client"], "data": Jsonb(doc), "version": version}
        else:
            if version == 0:
                sql = ("INSERT INTO studio.drafts (uid, client_uid, status, data) "
                       "VALUES (%(uid)s, %(client)s, %(status)s, %(data)s) "
                       "ON CONFLICT (uid) DO NOTHING RETURNING version, changed_by, changed_at")
            else:
                sql = ("UPDATE studio.drafts SET client_uid = %(client)s, status = %(status)s, data = %(data)s, "
                       "deleted = false WHERE uid = %(uid)s AND version = %(version)s "
                       "RETURNING version, changed_by, changed_at")
            params = {"uid": uid, "client": doc["client"], "status": doc["status"], "data": Jsonb(doc),
                      "version": version}
        row = pg.execute(sql, params).fetchone()
        return None if row is None else (int(row[0]), str(row[1]), row[2].isoformat())

    @staticmethod
    def _fetch(pg: psycopg.Connection[Any], kind: str, uid: str) -> tuple[dict[str, Any], int, str, str] | None:
        if kind == "client":
            row = pg.execute("SELECT data, version, changed_by, changed_at FROM studio.clients WHERE uid = %s",
                             (uid,)).fetchone()
            return None if row is None else (row[0], int(row[1]), row[2], row[3].isoformat())
        if kind != "draft":
            row = pg.execute(f"SELECT data, version, changed_by, changed_at FROM {TABLES[kind]} WHERE uid = %s",
                             (uid,)).fetchone()
            return None if row is None else (row[0], int(row[1]), row[2], row[3].isoformat())
        row = pg.execute("SELECT data, status, client_uid, version, changed_by, changed_at FROM studio.drafts "
                         "WHERE uid = %s", (uid,)).fetchone()
        if row is None:
            return None
        return {**row[0], "status": row[1], "client": str(row[2])}, int(row[3]), row[4], row[5].isoformat()

    def _after_push(self, top: int, batch: list[_Push], report: Report) -> None:
        """Record what the server now holds, empty the outbox up to ``top``, and bring merges and
        refusals home (a row edited again meanwhile is merged at the next round instead)."""
        with self.library.transaction() as conn, local.applying(conn):
            for item in batch:
                conn.execute("UPDATE team_rows SET sent = NULL WHERE kind = ? AND local_id = ?",
                             (item.kind, item.local_id))
                newer = conn.execute("SELECT 1 FROM team_outbox WHERE kind = ? AND local_id = ? AND id > ? LIMIT 1",
                                     (item.kind, item.local_id, top)).fetchone() is not None
                if item.refusal:
                    report.refused.append(self._keep_refused(conn, item))
                    continue
                if item.doc is None:
                    conn.execute("DELETE FROM team_rows WHERE kind = ? AND local_id = ?", (item.kind, item.local_id))
                    continue
                if item.result is None:
                    continue
                report.pushed += 1
                if newer:  # merge the newer edit next round, against what we sent now
                    if item.result != item.doc:  # the next push asks the server what this one left
                        conn.execute("UPDATE team_rows SET sent = ? WHERE kind = ? AND local_id = ?",
                                     (json.dumps([{"push": item.push_id, "doc": item.doc}], ensure_ascii=False),
                                      item.kind, item.local_id))
                        continue
                    local.remember(conn, item.kind, item.local_id, item.uid, item.new_version, item.doc,
                                   item.changed_by, item.changed_at)
                    continue
                if item.result != item.doc:
                    if item.conflicted and item.kind == "draft":
                        local.keep_conflict_copy(conn, item.local_id)
                        report.conflicts += 1
                    self._apply(conn, item.kind, item.local_id, item.result)
                local.remember(conn, item.kind, item.local_id, item.uid, item.new_version, item.result,
                               item.changed_by, item.changed_at)
            conn.execute("DELETE FROM team_outbox WHERE id <= ?", (top,))

    def _restore(self, conn: Any, item: _Push) -> None:
        """A refused change: the row goes back to the team's version (the refused text stays in the
        draft's revisions)."""
        if item.base is None and item.kind == "approval":  # an approval the team refused is no approval
            conn.execute("DELETE FROM review_approvals WHERE id = ?", (item.local_id,))
            self.library.changed("draft")
        if item.base is not None:
            if item.kind == "draft":
                revisions.record(conn, item.local_id, "refused")
            self._apply(conn, item.kind, item.local_id, item.base)

    def _keep_refused(self, conn: Any, item: _Push) -> str:
        """A refused draft or client stays in this library, marked refused (:mod:`studio.team.rights`)
        and kept as a revision; it is not sent again until the member changes the row again. Other
        rows go back to the team's version (:meth:`_restore`). Returns the sentence for the member."""
        from studio.team import rights

        if item.kind not in ("draft", "client"):
            self._restore(conn, item)
            return item.refusal.partition("\n")[0]
        if item.kind == "draft" and item.doc is not None:
            revisions.record(conn, item.local_id, "refused")
            self.library.changed("draft", item.local_id)  # the Library shows the mark
        return rights.keep_refused(conn, item.kind, item.local_id, item.version, item.refusal)

    def _apply(self, conn: Any, kind: str, local_id: int | None, doc: dict[str, Any]) -> int | None:
        if kind == "client":
            client_id = local.apply_client(conn, local_id, doc)
            self.library.changed("client", client_id)
            return client_id
        if kind in RECORDS:
            record = RECORDS[kind]
            applied = record.apply(conn, local_id, doc)
            if applied is not None:
                self.library.changed(record.event)
            return applied
        owner = local.local_of(conn, "client", doc.get("client") or "")
        if owner is None:
            return None
        draft_id = local.apply_draft(conn, local_id, doc, owner)
        self.library.changed("draft", draft_id)
        return draft_id

    # --- pull ----------------------------------------------------------------------------------

    def _pull(self, pg: psycopg.Connection[Any]) -> int:
        st = local.state(self.library.connection)
        position = int(st.get("position", "0"))
        mine, roles = _one(pg, "SELECT coalesce((SELECT array_agg(client_uid::text ORDER BY client_uid) "
                               "FROM studio.member_clients WHERE member = session_user), '{}'), "
                               "coalesce((SELECT roles FROM studio.members WHERE name = session_user), "
                               "ARRAY['owner'])")
        if set(mine) - set(json.loads(st.get("clients", "[]"))):
            position = 0  # newly assigned clients: their rows may be older than our position
        pulled = 0
        while True:
            with pg.cursor(row_factory=dict_row) as cursor:
                rows = cursor.execute(
                    "SELECT * FROM ("
                    " SELECT 'client' AS kind, uid::text, NULL AS client, NULL AS status, data, version, position,"
                    " deleted, changed_by, changed_at FROM studio.clients WHERE position > %(p)s"
                    " UNION ALL"
                    " SELECT 'draft', uid::text, client_uid::text, status, data, version, position, deleted,"
                    " changed_by, changed_at FROM studio.drafts WHERE position > %(p)s"
                    + "".join(f" UNION ALL SELECT '{kind}', uid::text, client_uid::text, NULL, data, version, position,"
                              f" deleted, changed_by, changed_at FROM {record.table} WHERE position > %(p)s"
                              for kind, record in RECORDS.items())
                    + ") AS changes ORDER BY position LIMIT %(n)s",
                    {"p": position, "n": BATCH},
                ).fetchall()
            pg.commit()
            with self.library.transaction() as conn, local.applying(conn):
                fresh: list[tuple[dict[str, Any], dict[str, Any], int]] = []
                known = self._known(conn, rows)
                for row in rows:
                    new_draft = self._new_draft(conn, row, known)
                    if new_draft is not None:
                        fresh.append((row, *new_draft))
                        continue
                    if fresh and row["kind"] in RECORDS:  # its draft may be among them: in first
                        pulled += self._insert_fresh(conn, fresh)
                        fresh = []
                    pulled += self._take(conn, row)
                if fresh:
                    pulled += self._insert_fresh(conn, fresh)
                if rows:
                    position = int(rows[-1]["position"])
                local.set_state(conn, "position", position)
                local.set_state(conn, "clients", json.dumps(sorted(mine)))
                local.set_state(conn, "roles", json.dumps(list(roles)))
            if len(rows) < BATCH:
                return pulled

    def _insert_fresh(self, conn: Any, fresh: list[tuple[dict[str, Any], dict[str, Any], int]]) -> int:
        """Drafts new to this library, in bulk, as an import (the first sync of a large library)."""
        ids = local.insert_drafts(conn, [(doc, client_id) for _, doc, client_id in fresh])
        local.remember_many(conn, "draft", [
            (draft_id, row["uid"], int(row["version"]), doc, row["changed_by"], row["changed_at"].isoformat())
            for draft_id, (row, doc, _) in zip(ids, fresh, strict=True)])
        self.library.changed("library")
        return len(fresh)

    @staticmethod
    def _known(conn: Any, rows: list[dict[str, Any]]) -> set[str]:
        """The uids of ``rows``' drafts this library already holds (one query for a batch)."""
        uids = [row["uid"] for row in rows if row["kind"] == "draft"]
        known: set[str] = set()
        for start in range(0, len(uids), 500):
            chunk = uids[start:start + 500]
            known.update(uid for (uid,) in conn.execute(
                f"SELECT uid FROM team_rows WHERE kind = 'draft' AND uid IN ({','.join('?' * len(chunk))})", chunk))
        return known

    @staticmethod
    def _new_draft(conn: Any, row: dict[str, Any], known: set[str]) -> tuple[dict[str, Any], int] | None:
        """``(doc, local client id)`` when ``row`` is a draft this library does not have yet."""
        if row["kind"] != "draft" or row["deleted"] or row["uid"] in known:
            return None
        client_id = local.local_of(conn, "client", row["client"])
        if client_id is None:
            return None
        return {**row["data"], "status": row["status"], "client": row["client"]}, client_id

    def _take(self, conn: Any, row: dict[str, Any]) -> int:
        kind, uid = row["kind"], row["uid"]
        known = conn.execute("SELECT local_id, version FROM team_rows WHERE kind = ? AND uid = ?", (kind, uid)).fetchone()
        if known is not None and int(known[1]) == int(row["version"]):
            return 0  # our own push coming back, or a row we already hold
        local_id = int(known[0]) if known is not None else None
        if local_id is not None and conn.execute(
            "SELECT 1 FROM team_outbox WHERE kind = ? AND local_id = ? LIMIT 1", (kind, local_id)
        ).fetchone():
            return 0  # edited here too: the next push merges it
        doc = {**row["data"], "status": row["status"], "client": row["client"]} if kind == "draft" else row["data"]
        if row["deleted"]:
            if local_id is not None and kind in RECORDS:
                RECORDS[kind].delete(conn, local_id)
                conn.execute("DELETE FROM team_rows WHERE kind = ? AND local_id = ?", (kind, local_id))
                self.library.changed(RECORDS[kind].event)
            elif local_id is not None and kind == "draft":
                conn.execute("DELETE FROM drafts WHERE id = ?", (local_id,))
                conn.execute("DELETE FROM team_rows WHERE kind = 'draft' AND local_id = ?", (local_id,))
                self.library.changed("draft", local_id)
            return 1
        current = None
        if local_id is not None:
            current = local.doc_of(conn, kind, local_id)
        if current != doc:
            applied = self._apply(conn, kind, local_id, doc)
            if applied is None:
                return 0
            local_id = applied
        if local_id is None:
            return 0
        local.remember(conn, kind, local_id, uid, int(row["version"]), doc, row["changed_by"],
                       row["changed_at"].isoformat())
        return 1 if current != doc else 0

    # --- running -------------------------------------------------------------------------------

    def start(self) -> None:
        """Sync on a thread: at once, after each local change, on NOTIFY, and every poll_seconds."""
        if self._threads:
            return
        self._stop.clear()
        self._unsubscribe = self.library.subscribe(lambda change: self._wake.set())
        for target, name in ((self._loop, "team-sync"), (self._listen, "team-listen")):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        for thread in self._threads:
            thread.join(timeout=10)
        self._threads = []

    def wake(self) -> None:
        self._wake.set()

    def _loop(self) -> None:
        pause = 0.0
        while not self._stop.is_set():
            self._wake.wait(timeout=self.poll_seconds)
            if self._stop.is_set():
                return
            self._wake.clear()
            try:
                self.sync_once()
                pause = 0.0
            except TeamError as error:
                log.info("Team sync: %s", error.for_humans())
                pause = min(30.0, max(1.0, pause * 2))
                if self._stop.wait(pause):
                    return
                self._wake.set()
            except Exception:  # a bug: logged, and the next wake tries again
                log.exception("Team sync failed")

    def _listen(self) -> None:
        pause = 1.0
        while not self._stop.is_set():
            try:
                with psycopg.connect(self.conninfo, autocommit=True) as conn:
                    conn.execute(f"LISTEN {server.CHANNEL}")
                    pause = 1.0
                    self._wake.set()  # catch up on what happened while we were not listening
                    while not self._stop.is_set():
                        for _ in conn.notifies(timeout=1.0, stop_after=1):
                            self._wake.set()
            except psycopg.Error:
                log.debug("Team LISTEN connection lost", exc_info=True)
                if self._stop.wait(pause):
                    return
                pause = min(30.0, pause * 2)


def _refusal(message: str, detail: str | None) -> str:
    from studio.team.rights import said

    return said(message, detail)


def _one(pg: psycopg.Connection[Any], sql: str) -> Any:
    row = pg.execute(sql).fetchone()
    assert row is not None  # a SELECT without FROM always has its row
    return row


def publish_due(library: Library, engine: Any = None, secret_for: Callable[[str], str] | None = None,
                publisher_for: Any = None) -> dict[str, int]:
    """Send the team's due posts for the accounts this machine holds secrets for (``studio scheduler``
    and the app's publisher run it after their own queue). ``{}`` when the library is not linked."""
    import os
    import socket

    from studio.publishing.runner import load_secret, make_publisher
    from studio.team.queue import TeamQueue, TeamRunner, local_accounts

    if "url" not in local.state(library.connection):
        return {}
    accounts = local_accounts(library, secret_for or load_secret)
    if not accounts:
        return {}
    own = engine is None
    try:
        engine = engine or SyncEngine(library)
        owner = f"{socket.gethostname()}:{os.getpid()}"
        runner = TeamRunner(TeamQueue(engine.pool(), owner), accounts, publisher_for or make_publisher,
                            handoff.renderer(library))
        return runner.run_due()
    except (TeamError, psycopg.Error, PoolTimeout) as error:  # offline: the team's posts wait in its queue
        log.info("Team posts not sent now: %s", in_words(error))
        return {}
    finally:
        if own and engine is not None:
            engine.close()
