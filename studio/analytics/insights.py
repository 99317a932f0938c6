"""A network's own insights export (CSV) mapped onto Studio's counters, previewed before it is stored.

Instagram, Facebook, LinkedIn, TikTok, X and YouTube give their numbers only in their own apps; each
can export a CSV. Their column names differ (and are translated in an Indonesian account), so a
column is recognised by a list of known names per counter; the user can name others
(``{"Total views": "views"}``). Each row is matched to a draft by its permalink or post id (the
publication Studio recorded), else by the start of the post's text. Nothing is stored unless the
whole file maps: a file with no column Studio can read as a counter, or none that identifies the
post, is refused with the columns named.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from studio.analytics import store
from studio.analytics.formulas import COUNTERS, Counts
from studio.errors import StudioError

if TYPE_CHECKING:
    from studio.library import Library

# Column names as the networks' exports write them (English and Indonesian), folded to lower case.
KNOWN: dict[str, tuple[str, ...]] = {
    "likes": ("likes", "like", "total likes", "reactions", "suka", "jumlah suka", "reaksi", "favorites"),
    "reposts": ("reposts", "retweets", "boosts", "reshares"),
    "replies": ("replies", "balasan"),
    "quotes": ("quotes", "quote posts"),
    "comments": ("comments", "comments added", "total comments", "komentar"),
    "shares": ("shares", "total shares", "bagikan", "dibagikan", "berbagi"),
    "saves": ("saves", "saved", "simpan", "disimpan"),
    "link_clicks": ("link clicks", "url clicks", "clicks", "total clicks", "klik tautan", "klik"),
    "reach": ("reach", "accounts reached", "jangkauan", "akun yang dijangkau"),
    "impressions": ("impressions", "tayangan", "impresi"),
    "views": ("views", "video views", "total views", "plays", "dilihat", "penayangan"),
}
IDENTIFIERS: dict[str, tuple[str, ...]] = {
    "permalink": ("permalink", "post link", "link", "url", "video link", "tweet permalink", "tautan"),
    "post_id": ("post id", "tweet id", "id", "media id", "video id", "id postingan"),
    "text": ("description", "caption", "post title", "tweet text", "text", "video title", "title", "deskripsi",
             "keterangan", "judul"),
}


class InsightsError(StudioError):
    """A file that cannot be mapped or read; nothing was stored."""


@dataclass
class InsightsRow:
    line: int
    draft_id: int | None
    publication_id: int | None
    counts: Counts
    label: str  # what identified it (for the preview)


@dataclass
class InsightsPreview:
    """The mapping and the matches, shown before anything is stored."""

    network: str
    mapping: dict[str, str]  # column -> counter
    identifiers: dict[str, str]  # column -> permalink/post_id/text
    ignored: list[str]
    rows: list[InsightsRow] = field(default_factory=list)

    @property
    def matched(self) -> list[InsightsRow]:
        return [row for row in self.rows if row.draft_id is not None]

    @property
    def unmatched(self) -> list[InsightsRow]:
        return [row for row in self.rows if row.draft_id is None]

    def describe(self) -> str:
        lines = [f"{column} → {counter}" for column, counter in self.mapping.items()]
        lines += [f"{column} identifies the post ({kind})" for column, kind in self.identifiers.items()]
        if self.ignored:
            lines.append("ignored: " + ", ".join(self.ignored))
        lines.append(f"{len(self.matched)} of {len(self.rows)} rows match a post in the library")
        return "\n".join(lines)


def read_preview(library: Library, path: Path, network: str, client_id: int | None = None,
                 extra: Mapping[str, str] | None = None) -> InsightsPreview:
    """Read and map ``path``; raises :class:`InsightsError` naming what cannot be mapped."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InsightsError(f"Cannot read {path}: {error.strerror}.") from None
    text = _decode(raw, path)
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        header = next(reader)
    except StopIteration:
        raise InsightsError(f"{path.name} is empty.") from None
    chosen = {column.strip().lower(): counter for column, counter in (extra or {}).items()}
    for wanted in chosen.values():
        if wanted not in COUNTERS:
            raise InsightsError(f"“{wanted}” is not a counter Studio keeps.", "Use one of: " + ", ".join(COUNTERS))
    mapping: dict[str, str] = {}
    identifiers: dict[str, str] = {}
    ignored: list[str] = []
    for column in header:
        name = column.strip().lstrip("\ufeff")
        folded = name.lower()
        counter = chosen.get(folded) or next((c for c, names in KNOWN.items() if folded in names), None)
        if counter and counter not in mapping.values():
            mapping[name] = counter
            continue
        identifier = next((k for k, names in IDENTIFIERS.items() if folded in names), None)
        if identifier and identifier not in identifiers.values():
            identifiers[name] = identifier
        else:
            ignored.append(name)
    if not mapping:
        raise InsightsError(
            f"None of the columns of {path.name} is a count Studio knows: {', '.join(header)}.",
            "Name the columns to use, e.g. --map \"Total views=views\".",
        )
    if not identifiers:
        raise InsightsError(
            f"No column of {path.name} says which post a row is about: {', '.join(header)}.",
            "The export needs a permalink, a post id or the post's text.",
        )
    preview = InsightsPreview(network, mapping, identifiers, ignored)
    positions = {name.strip().lstrip("\ufeff"): index for index, name in enumerate(header)}
    for line, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        values: dict[str, object] = {}
        for column, counter in mapping.items():
            cell = cells[positions[column]] if positions[column] < len(cells) else ""
            try:
                values[counter] = Counts.from_mapping({counter: cell}).to_json()[counter]
            except ValueError as error:
                column_number = positions[column] + 1
                raise InsightsError(f"Line {line}, column {column_number} ({column}): {error}.",
                                    "Nothing from the file was stored.") from None
        found = {kind: cells[positions[column]].strip() for column, kind in identifiers.items()
                 if positions[column] < len(cells)}
        draft_id, publication_id, label = _match(library, network, client_id, found)
        preview.rows.append(InsightsRow(line, draft_id, publication_id, Counts(**values), label))  # type: ignore[arg-type]
    return preview


def store_preview(library: Library, preview: InsightsPreview, taken_at: datetime | None = None) -> int:
    """Store the matched rows of a preview, all in one transaction; returns how many."""
    moment = taken_at or datetime.now(UTC)
    with library.transaction():
        for row in preview.matched:
            assert row.draft_id is not None
            store.record_snapshot(library, draft_id=row.draft_id, network=preview.network, stage="import",
                                  source="csv", counts=row.counts, taken_at=moment,
                                  publication_id=row.publication_id)
    return len(preview.matched)


def enter_by_hand(library: Library, draft_id: int, network: str, counts: Counts,
                  taken_at: datetime | None = None) -> None:
    """Numbers a person read off the network's app (any network, also one Studio does not reach)."""
    library.get_draft(draft_id)  # NotFound for a wrong id, before anything is written
    store.record_snapshot(library, draft_id=draft_id, network=network, stage="manual", source="manual",
                          counts=counts, taken_at=taken_at or datetime.now(UTC))


def _decode(raw: bytes, path: Path) -> str:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        raise InsightsError(f"{path.name} is not a text file Studio can read (UTF-8 or Windows-1252).") from None


def _match(library: Library, network: str, client_id: int | None,
           found: Mapping[str, str]) -> tuple[int | None, int | None, str]:
    for kind, column in (("permalink", "remote_url"), ("post_id", "remote_id")):
        value = found.get(kind)
        if not value:
            continue
        rows = library.query(
            f"SELECT p.id, s.draft_id FROM publications p JOIN schedules s ON s.id = p.schedule_id WHERE p.{column} = ?",
            (value,),
        )
        if rows:
            return int(rows[0]["draft_id"]), int(rows[0]["id"]), value
    text = (found.get("text") or "").strip()
    if len(text) >= 12:
        clause, params = ("AND client_id = ?", (client_id,)) if client_id is not None else ("", ())
        rows = library.query(
            f"SELECT id FROM drafts WHERE substr(text, 1, ?) = ? {clause} ORDER BY updated_at DESC LIMIT 2",
            (min(len(text), 60), text[:60], *params),
        )
        if len(rows) == 1:
            return int(rows[0]["id"]), None, text[:40]
    return None, None, next(iter(found.values()), "")[:40]
