"""Importing drafts from CSV.

Columns (a header is required, in any order): ``client, text, networks, scheduled_at, tags,
status, images, alt_texts``; only ``client`` and ``text`` must be there. ``images`` are paths
relative to the CSV file separated by ``|``, attached in that order; ``alt_texts`` their alt texts,
also separated by ``|``. Networks and tags are separated by spaces or
commas; ``scheduled_at`` is ISO 8601 with an offset, in the future (a past time would be published
at once), or empty; unknown clients are created. The
whole file is checked before anything is written, and written in one transaction: a bad row names
its line and column, and nothing of that file is imported.

Files come as spreadsheets save them: the encoding is detected (UTF-8 with or without a BOM, UTF-16,
or a Windows code page such as the Windows-1252 that Excel writes in an Indonesian or Western
locale, through charset-normalizer) and so is the delimiter (``,`` ``;`` tab or ``|``, from the
header, whose column names are known); the report says what was found. A cell holding a NUL
character is refused with its line and column (SQLite's text functions and Qt cut text at it).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
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
    encoding: str = "utf-8"  # as detected (see read_csv_format)
    delimiter: str = ","

    def to_json(self) -> dict[str, object]:
        return {
            "drafts": self.drafts,
            "clients_created": list(self.clients_created),
            "schedules": self.schedules,
            "without_account": self.without_account,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
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
    return read_csv_format(path)[0]


@dataclass(frozen=True)
class CsvFormat:
    """How a CSV file was written, as detected: ``encoding`` (Python's name: "utf-8", "cp1252",
    "utf_16", ...) and ``delimiter``."""

    encoding: str
    delimiter: str

    def describe(self) -> str:
        names = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "bars"}
        encoding = {"utf_8": "UTF-8", "utf-8": "UTF-8", "cp1252": "Windows-1252"}.get(self.encoding, self.encoding)
        return f"{encoding}, separated by {names.get(self.delimiter, repr(self.delimiter))}"


def read_csv_format(path: Path) -> tuple[list[Row], CsvFormat]:
    """Like :func:`read_csv`, and how the file was written (encoding and delimiter)."""
    import csv
    import io

    try:
        data = path.read_bytes()
    except OSError as error:
        raise UsageError(f"Studio cannot read {path}: {error.strerror}.", "Check the file name.") from error
    text, encoding = decode_csv(path, data)
    found = CsvFormat(encoding, detect_delimiter(text))
    try:
        return list(_rows(path, io.StringIO(text, newline=""), found.delimiter)), found
    except csv.Error as error:
        raise UsageError(f"{path.name} is not valid CSV: {error}.", "Nothing from this file was imported.") from error


# The encodings spreadsheets write CSV in: Unicode, and the Windows code pages Excel uses for
# "CSV (comma delimited)" in the system's locale.
_ENCODINGS = ["utf_8", "utf_16", "utf_32", "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257",
              "cp874", "shift_jis", "gb18030", "big5", "euc_kr"]


def decode_csv(path: Path, data: bytes) -> tuple[str, str]:
    """``data`` as text and the encoding it was in. UTF-8 (with or without a BOM) is taken as
    it is; anything else goes to charset-normalizer. Its readings of short Western text tie
    (Windows-1250 and -1252 read "café" alike): among equally good readings Windows-1252 wins, the
    code page of Excel in an Indonesian or Western locale. Undecodable bytes are refused with the
    line and column of the first one."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as error:
        first_bad = error.start
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data, cp_isolation=_ENCODINGS))
    if matches:
        best = min(match.chaos for match in matches)
        tied = [match for match in matches if match.chaos <= best]
        # A match lists the code pages that read the bytes the same (could_be_from_charset).
        for match in tied:
            if "cp1252" in (match.encoding, *match.could_be_from_charset):
                return data.decode("cp1252"), "cp1252"
        return str(tied[0]), tied[0].encoding
    head = data[:first_bad].decode("utf-8", errors="replace")
    line = head.count("\n") + 1
    column = len(head) - (head.rfind("\n") + 1) + 1
    raise UsageError(
        f"{path.name}, line {line}, column {column}: this is not text Studio can read "
        f"(byte 0x{data[first_bad]:02X} is not UTF-8, and no other encoding fits the file).",
        "Save it from your spreadsheet as “CSV UTF-8” and import again.",
    )


def detect_delimiter(text: str) -> str:
    """The delimiter that splits the header line into the most known column names (``,`` when
    none does: the header check then names the bad column)."""
    header = text.split("\n", 1)[0]
    best, best_known = ",", 0
    for delimiter in (",", ";", "\t", "|"):
        cells = [cell.strip().strip('"').lower().replace(" ", "_") for cell in header.split(delimiter)]
        known = sum(1 for cell in cells if cell in COLUMNS)
        if known > best_known:
            best, best_known = delimiter, known
    return best


def _refuse_nul(path: Path, line: int, cells: list[str], names: list[str]) -> None:
    """A NUL character is not text (a binary file, or a broken export): refused, never cut."""
    for index, value in enumerate(cells):
        if "\0" in value:
            name = names[index] if index < len(names) else ""
            raise _fail(path, line, index + 1, name,
                        "this cell holds a NUL character (U+0000), which is not text and would cut it short")


def _rows(path: Path, handle: Iterable[str], delimiter: str = ",") -> Iterator[Row]:
    import csv

    now = datetime.now(UTC)
    targets = target_networks()
    reader = csv.reader(handle, delimiter=delimiter)
    header = next(reader, None)
    if header is not None:
        _refuse_nul(path, 1, header, [])
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
        _refuse_nul(path, line, cells, names)
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


def csv_text(drafts: list[dict[str, Any]], delimiter: str = ",") -> str:
    """The drafts of :meth:`studio.library.Library.export_data` as CSV in the columns the importer
    reads (the JSON export is the lossless one: variants, notes and assets stay out). A draft's
    scheduled_at is its first schedule not yet published. ``delimiter`` ";" is for spreadsheets in
    locales whose decimal separator is the comma (Indonesian, most of Europe)."""
    import csv
    import io

    if delimiter not in (",", ";", "\t", "|"):
        raise UsageError(f"{delimiter!r} cannot separate CSV columns here.", "Use , or ; (or a tab).")
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    # No images column: a CSV export has no image files beside it to point at (packages carry them).
    writer.writerow(COLUMNS[:6])
    for draft in drafts:
        pending = [s for s in draft.get("schedules") or [] if not s.get("publication")]
        when = min((str(s["scheduled_at"]) for s in pending), default="")
        writer.writerow([
            draft["client"], draft["text"], " ".join(draft["networks"]),
            when, " ".join(draft["tags"]), draft["status"],
        ])
    return out.getvalue()


class CsvMixin(Store):
    def import_csv(self, path: Path) -> ImportReport:
        """Import every row of ``path`` or nothing (see the module's docstring)."""
        rows, found = read_csv_format(path)
        return replace(self.import_rows(rows), encoding=found.encoding, delimiter=found.delimiter)

    def export_csv(self, path: Path, client_id: int | None = None, *, delimiter: str = ",") -> int:
        """Write the drafts as CSV (UTF-8 with a BOM, which Excel reads as UTF-8) atomically;
        returns how many."""
        from studio.files import write_atomically

        drafts = self.export_data(client_id)["drafts"]  # type: ignore[attr-defined]  # ExchangeMixin
        write_atomically(Path(path), "\ufeff" + csv_text(drafts, delimiter))
        return len(drafts)

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
