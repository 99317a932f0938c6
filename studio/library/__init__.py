"""The local draft library: one SQLite file per folder plus a content-addressed asset store.

``Library.open(folder)`` creates or opens ``<folder>/library.sqlite3`` and ``<folder>/assets/``,
upgrading an old library in place. Every method is safe to call from any thread (one connection
per thread, WAL, writes in ``BEGIN IMMEDIATE`` transactions). ``library.subscribe(callback)``
hears ``Change(kind, id)`` after each commit.
"""

from __future__ import annotations

from pathlib import Path

from studio.library.assets import AssetsMixin
from studio.library.backups import BackupsMixin, list_backups, restore_file
from studio.library.clients import ClientsMixin
from studio.library.csvio import CsvMixin, ImportReport, RowError
from studio.library.drafts import DraftFilter, DraftsMixin
from studio.library.exchange import ExchangeMixin
from studio.library.revisions import RevisionsMixin
from studio.library.schedules import SchedulesMixin
from studio.library.search import SearchMixin
from studio.library.store import (
    DATABASE_NAME,
    Change,
    LibraryCorrupt,
    LibraryError,
    NotFound,
    StatusError,
)
from studio.wording import counted, plural

__all__ = [
    "DATABASE_NAME",
    "Change",
    "DraftFilter",
    "ImportReport",
    "Library",
    "LibraryCorrupt",
    "LibraryError",
    "NotFound",
    "RowError",
    "StatusError",
    "import_summary",
    "list_backups",
    "restore_file",
]


class Library(
    ClientsMixin,
    DraftsMixin,
    RevisionsMixin,
    SearchMixin,
    AssetsMixin,
    SchedulesMixin,
    BackupsMixin,
    CsvMixin,
    ExchangeMixin,
):
    """A library folder. Build it with :meth:`open`; :meth:`close` it on quit."""

    @classmethod
    def open(cls, folder: Path) -> Library:
        """Create or open the library in ``folder``; :class:`LibraryCorrupt` (with the backups to
        restore from) when its file cannot be read."""
        library = cls(Path(folder))
        library._open_file()
        return library

    def import_file(self, path: Path) -> ImportReport:
        """Import a CSV file or a JSON export, told apart by the extension or, without one of
        those, by the first character; the report says how many drafts came in (a CSV import also
        which clients it created and how many scheduled posts wait for an account)."""
        from studio.library.packages import import_package, is_package

        if is_package(path):  # a folder or zip from 'drafts export' with the image files
            return ImportReport(drafts=import_package(self, path), clients_created=(), schedules=0, without_account=0)
        kind = path.suffix.lower()
        if kind not in {".csv", ".json"}:
            with path.open(encoding="utf-8-sig", errors="replace") as handle:
                head = handle.read(200).lstrip()
            kind = ".json" if head[:1] in {"{", "["} else ".csv"
        if kind == ".json":
            return ImportReport(drafts=self.import_json(path), clients_created=(), schedules=0, without_account=0)
        return self.import_csv(path)

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def import_summary(report: ImportReport, source: str) -> list[str]:
    """What an import did, in sentences: the same words in ``studio drafts import`` and the app."""
    said = [f"Imported {counted(report.drafts, 'draft')} from {source}."]
    if report.clients_created:
        said.append(f"New {plural(len(report.clients_created), 'client')}: {', '.join(report.clients_created)}.")
    if report.without_account:
        waits = plural(report.without_account, "waits", "wait")
        said.append(f"{counted(report.without_account, 'scheduled post')} {waits} for an account to be chosen.")
    if report.encoding.replace("_", "-").lower() != "utf-8" or report.delimiter != ",":
        # A spreadsheet's own format (Windows-1252, semicolons): say what was detected.
        from studio.library.csvio import CsvFormat

        said.append(f"Read as {CsvFormat(report.encoding, report.delimiter).describe()}.")
    return said
