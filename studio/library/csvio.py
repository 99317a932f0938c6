"""Importing drafts from CSV.

Columns (a header is required, in any order): ``client, text, networks, scheduled_at, tags,
status, images, alt_texts``; only ``client`` and ``text`` must be there. ``images`` are paths
relative to the CSV file separated by ``|``, attached in that order; ``alt_texts`` their alt texts,
also separated by ``|``. Networks and tags are separated by spaces or
commas; ``scheduled_at`` is ISO 8601 with an offset, in the future (a past time would be published
at once), or empty; unknown clients are created. The
whole file is checked before anything is written, and written in one transaction: a bad row names
its line and column, and nothing of that file is imported.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from studio.errors import UsageError
from studio.library import revisions, status
from studio.library.clients import target_networks
from studio.library.store import StatusError, Store, utc_now
from studio.library.times import parse_iso, to_utc_text

COLUMNS = ("client", "text", "networks", "scheduled_at", "tags", "status", "images", "alt_texts")
REQUIRED = ("client", "text")
_SPLIT = re.compile(r"[\s,]+")


@dataclass(frozen=True)
class Row:
    """One checked row, ready to insert."""

    line: int
    client: str
    text: str
    networks: tuple[str, ...]
    tags: tuple[str, ...]
    status: str
    scheduled_at: str | None  # library UTC text
    images: tuple[Path, ...] = ()  # attached in this order
    alt_texts: tuple[str, ...] = ()  # one per image at most


@dataclass(frozen=True)
class ImportReport:
    drafts: int
    clients_created: tuple[str, ...]
    schedules: int
    without_account: int  # scheduled for a network the client has no account on yet

    def to_json(self) -> dict[str, object]:
        return {
            "drafts": self.drafts,
            "clients_created": list(self.clients_created),
            "schedules": self.schedules,
            "without_account": self.without_account,
        }


class RowError(UsageError):
    """A bad cell: the message names the file's line and column."""


def _fail(path: Path, line: int, column: int | None, name: str, message: str) -> RowError:
    where = f"line {line}" + (f", column {column} ({name})" if column else "")
    return RowError(f"{path.name}, {where}: {message}.", "Nothing from this file was imported; fix it and import again.")


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part for part in _SPLIT.split(cell.strip()) if part)


def read_csv(path: Path) -> list[Row]:
    """Check every row of ``path``; :class:`RowError` on the first bad one."""
    import csv
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        raise UsageError(f"Studio cannot read {path}: {error.strerror}.", "Check the file name.") from error
    with handle:
        try:
            return list(_rows(path, handle))
        except UnicodeDecodeError as error:
            raise UsageError(f"{path.name} is not UTF-8 text ({error.reason}).",
                             "Save it as CSV UTF-8 and import again.") from error
        except csv.Error as error:
            raise UsageError(f"{path.name} is not valid CSV: {error}.", "Nothing from this file was imported.") from error


def _rows(path: Path, handle: object) -> Iterator[Row]:
    import csv

    now = datetime.now(UTC)
    targets = target_networks()
    reader = csv.reader(handle)  # type: ignore[arg-type]
    header = next(reader, None)
    if header is None or not any(cell.strip() for cell in header):
        raise _fail(path, 1, None, "", f"the header is missing (the first line must name the columns: {', '.join(COLUMNS)})")
    names = [cell.strip().lower().replace(" ", "_") for cell in header]
    for index, name in enumerate(names, start=1):
        if name not in COLUMNS:
            raise _fail(path, 1, index, name, f"“{header[index - 1]}” is not a column Studio knows "
                        f"(use {', '.join(COLUMNS)})")
        if names.index(name) != index - 1:
            raise _fail(path, 1, index, name, f"the column “{name}” appears twice")
    for required in REQUIRED:
        if required not in names:
            raise _fail(path, 1, None, "", f"the header has no “{required}” column")
    position = {name: index for index, name in enumerate(names)}
    end_of_previous = reader.line_num
    for cells in reader:
        line = end_of_previous + 1
        end_of_previous = reader.line_num
        if not cells or not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(names):
            raise _fail(path, line, None, "", f"this row has {len(cells)} cells but the header has {len(names)}")

        def cell(name: str, cells: list[str] = cells) -> str:
            index = position.get(name)
            return cells[index] if index is not None else ""

        def column(name: str) -> int:
            return position[name] + 1

        client = " ".join(cell("client").split())
        if not client:
            raise _fail(path, line, column("client"), "client", "the client is empty")
        networks = tuple(n.lower() for n in _split(cell("networks")))
        for network in networks:
            if network not in targets:
                raise _fail(path, line, column("networks"), "networks",
                            f"“{network}” is not a network (use {', '.join(targets)})")
        tags = tuple(dict.fromkeys(t.lstrip("#") for t in _split(cell("tags")) if t.lstrip("#")))
        when: str | None = None
        if cell("scheduled_at").strip():
            try:
                moment = parse_iso(cell("scheduled_at"))
            except ValueError as error:
                raise _fail(path, line, column("scheduled_at"), "scheduled_at", str(error)) from None
            if moment <= now:
                raise _fail(path, line, column("scheduled_at"), "scheduled_at",
                            f"“{cell('scheduled_at').strip()}” is in the past, and Studio would publish it at once; "
                            "give a future time or leave it empty")
            when = to_utc_text(moment)
            if not networks:
                raise _fail(path, line, column("scheduled_at"), "scheduled_at",
                            "a scheduled post needs at least one network in the networks column")
        raw_status = cell("status").strip()
        try:
            wanted = status.normalise(raw_status) if raw_status else ("scheduled" if when else "draft")
        except StatusError as error:
            raise _fail(path, line, column("status"), "status", f"{error.message} {error.hint}".strip(". ")) from None
        if wanted == "scheduled" and when is None:
            raise _fail(path, line, column("status"), "status", "“scheduled” needs a date in scheduled_at")
        if when is not None and wanted != "scheduled":
            raise _fail(path, line, column("status"), "status",
                        f"a row with a scheduled_at date must have the status scheduled or none, not “{raw_status}”")
        if wanted in {"published", "failed"}:
            raise _fail(path, line, column("status"), "status",
                        f"drafts cannot be imported as {wanted}; only publishing sets it")
        images, alts = row_images(path, line, cell("images"), cell("alt_texts"), position)
        yield Row(line, client, cell("text"), networks, tags, wanted, when, images, alts)


class CsvMixin(Store):
    def import_csv(self, path: Path) -> ImportReport:
        """Import every row of ``path`` or nothing (see the module's docstring)."""
        return self.import_rows(read_csv(path))

    def import_rows(self, rows: list[Row]) -> ImportReport:
        with self.transaction() as conn:
            first = int(conn.execute("SELECT coalesce(max(id), 0) FROM drafts").fetchone()[0]) + 1
            report = insert_rows(conn, rows)
            attach_row_images(self, conn, rows, first)
            self.changed("library")
        return report


# ---- the images and alt_texts columns ------------------------------------------------------------


def row_images(path: Path, line: int, images: str, alts: str, position: dict[str, int]) -> tuple[
        tuple[Path, ...], tuple[str, ...]]:
    """The row's images (paths relative to the CSV, separated by ``|``), each checked to be a
    readable image, and their alt texts (``|`` too); a bad one names its line and column."""
    from PIL import Image

    column = position.get("images", 0) + 1
    found: list[Path] = []
    for raw in (part.strip() for part in images.split("|")):
        if not raw:
            continue
        image = (path.parent / raw).expanduser()
        try:
            with Image.open(image) as opened:
                opened.verify()
        except FileNotFoundError:
            raise _fail(path, line, column, "images", f"the image “{raw}” does not exist (paths are relative to "
                        f"{path.name})") from None
        except OSError as error:
            raise _fail(path, line, column, "images", f"the image “{raw}” cannot be read as an image "
                        f"({getattr(error, 'strerror', None) or error})") from None
        found.append(image)
    texts = tuple(part.strip() for part in alts.split("|")) if alts.strip() else ()
    if len(texts) > len(found):
        raise _fail(path, line, position.get("alt_texts", 0) + 1, "alt_texts",
                    f"{len(texts)} alt texts for {len(found)} image(s)")
    return tuple(found), texts


def attach_row_images(library: Any, conn: sqlite3.Connection, rows: list[Row], first: int) -> None:
    """Store the rows' images in the asset store and attach them in order (inside the import's
    transaction: a failure leaves none of the file's drafts)."""
    for offset, row in enumerate(rows):
        for index, image in enumerate(row.images):
            sha = library.add_asset(image).sha
            alt = row.alt_texts[index] if index < len(row.alt_texts) else ""
            conn.execute("INSERT OR REPLACE INTO draft_assets(draft_id, sha, position, alt_text) VALUES (?, ?, ?, ?)",
                         (first + offset, sha, index, alt))


def insert_rows(conn: sqlite3.Connection, rows: list[Row]) -> ImportReport:
    """Insert checked rows in bulk (inside the caller's transaction)."""
    now = utc_now()
    clients: dict[str, tuple[int, str]] = {
        name.casefold(): (cid, name) for cid, name in conn.execute("SELECT id, name FROM clients")
    }
    created: list[str] = []
    for row in rows:
        if row.client.casefold() not in clients:
            cursor = conn.execute("INSERT INTO clients(name, created_at) VALUES (?, ?)", (row.client, now))
            clients[row.client.casefold()] = (int(cursor.lastrowid or 0), row.client)
            created.append(row.client)
    accounts: dict[tuple[int, str], list[int]] = {}
    for account_id, client_id, network in conn.execute(
        "SELECT id, client_id, network FROM accounts WHERE archived = 0 ORDER BY id"
    ):
        accounts.setdefault((client_id, network), []).append(account_id)
    base = int(conn.execute("SELECT coalesce(max(id), 0) FROM drafts").fetchone()[0])
    drafts: list[tuple[int, int, str, str, str, str, str, str]] = []
    tags: list[tuple[int, str]] = []
    nets: list[tuple[int, str]] = []
    fts: list[tuple[int, str, str, str]] = []
    schedules: list[tuple[int, int | None, str, str]] = []
    for offset, row in enumerate(rows, start=1):
        draft_id = base + offset
        client_id, client_name = clients[row.client.casefold()]
        drafts.append((draft_id, client_id, row.text, json.dumps(row.networks), json.dumps(row.tags, ensure_ascii=False),
                       row.status, now, now))
        tags.extend((draft_id, tag) for tag in row.tags)
        nets.extend((draft_id, network) for network in row.networks)
        fts.append((draft_id, row.text, " ".join(row.tags), client_name))
        if row.scheduled_at:
            for network in row.networks:
                found = accounts.get((client_id, network), [])
                schedules.append((draft_id, found[0] if len(found) == 1 else None, network, row.scheduled_at))
    conn.executemany(
        "INSERT INTO drafts(id, client_id, text, networks, tags, status, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        drafts,
    )
    conn.executemany("INSERT OR IGNORE INTO draft_tags(draft_id, tag) VALUES (?, ?)", tags)
    conn.executemany("INSERT OR IGNORE INTO draft_networks(draft_id, network) VALUES (?, ?)", nets)
    conn.executemany(
        "INSERT INTO drafts_fts(rowid, text, variants, tags, notes, client) VALUES (?, ?, '', ?, '', ?)", fts
    )
    revisions.record_many(conn, [(draft_id, text) for draft_id, _, text, *_ in drafts], "import")
    from studio.library.schedules import insert_schedule

    for draft_id, account_id, network, when in schedules:
        insert_schedule(conn, draft_id, account_id, network, when)
    return ImportReport(
        drafts=len(drafts),
        clients_created=tuple(created),
        schedules=len(schedules),
        without_account=sum(1 for s in schedules if s[1] is None),
    )
