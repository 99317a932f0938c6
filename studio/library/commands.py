"""``studio drafts ...``: import, export, list and search the library from a terminal.

Headless and light: the library is imported inside the handlers.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studio.commandline import library_dir, open_library, print_usage
from studio.errors import UsageError
from studio.wording import counted

if TYPE_CHECKING:
    from studio.library import Library


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    drafts = subparsers.add_parser(
        "drafts", parents=[common], help="import, export, list and search drafts",
        description="Work with the drafts of a library without opening the app.",
    )
    commands = drafts.add_subparsers(title="drafts commands", metavar="ACTION")
    drafts.set_defaults(handler=lambda args: print_usage(drafts))

    importer = commands.add_parser(
        "import", parents=[common], help="import drafts from a CSV or JSON file",
        description="Import drafts from CSV (columns client, text, networks, scheduled_at, tags, status; "
        "header required; optional images and alt_texts columns: paths relative to the CSV and alt texts, "
        "separated by |) or from JSON or a package written by 'studio drafts export'. A bad row stops the import: "
        "nothing of the file is imported.",
    )
    importer.add_argument("file", type=Path, metavar="FILE")
    importer.add_argument("--json", action="store_true", help="print the outcome as JSON")
    importer.set_defaults(handler=_import)

    exporter = commands.add_parser(
        "export", parents=[common], help="export drafts to a JSON file (lossless)",
        description="Write the drafts, clients, accounts and assets' metadata as JSON that imports back unchanged.",
    )
    exporter.add_argument("file", type=Path, metavar="FILE", help="the JSON file to write ('-' for stdout)")
    exporter.add_argument("--client", metavar="C", help="only this client's drafts (name or id)")
    exporter.add_argument("--with-images", action="store_true",
                          help="write a package: FILE is a new folder (or a .zip) with drafts.json and the "
                          "image files, which 'studio drafts import' reads back whole")
    exporter.add_argument("--csv", action="store_true",
                          help="write CSV for a spreadsheet instead (client, text, networks, scheduled_at, tags, "
                          "status; UTF-8)")
    exporter.add_argument("--delimiter", default=",", metavar="D",
                          help="with --csv: the column separator, ',' (default) or ';' for spreadsheets in "
                          "Indonesian and most European locales")
    exporter.set_defaults(handler=_export)

    lister = commands.add_parser("list", parents=[common], help="list drafts, most recently changed first")
    lister.add_argument("--client", metavar="C", help="client name or id")
    lister.add_argument("--status", metavar="S", help="idea, draft, in_review, approved, scheduled, published, "
                        "failed or archived")
    lister.add_argument("--limit", type=int, default=100, help="at most this many (default 100)")
    lister.add_argument("--offset", type=int, default=0, help="skip this many first")
    lister.add_argument("--json", action="store_true", help='print {"total": N, "results": [...]}')
    lister.set_defaults(handler=_list)

    searcher = commands.add_parser("search", parents=[common], help="full-text search over drafts")
    searcher.add_argument("query", metavar="QUERY", help="words to find (typed as text: quotes and * are literal)")
    searcher.add_argument("--limit", type=int, default=50, help="at most this many results (default 50)")
    searcher.add_argument("--offset", type=int, default=0, help="skip this many first")
    searcher.add_argument("--json", action="store_true", help='print {"total": N, "results": [...]}')
    searcher.set_defaults(handler=_search)


    library = subparsers.add_parser(
        "library", parents=[common], help="back up, restore and check the library file",
        description="Backups are consistent copies in <library>/backups/ (the app makes one a day).",
    )
    actions = library.add_subparsers(title="library commands", metavar="ACTION")
    library.set_defaults(handler=lambda args: print_usage(library))
    backup = actions.add_parser("backup", parents=[common], help="back up the library now")
    backup.add_argument("--keep", type=int, metavar="N", help="then keep only the newest N backups")
    backup.set_defaults(handler=_backup)
    backups = actions.add_parser("backups", parents=[common], help="list the backups, newest first")
    backups.add_argument("--json", action="store_true", help="print a JSON list")
    backups.set_defaults(handler=_backups)
    restore = actions.add_parser(
        "restore", parents=[common], help="restore a backup (what is replaced is kept)",
        description="Replace the library with BACKUP. The current state is backed up first or, when it "
        "cannot be read, renamed beside it: nothing is deleted.",
    )
    restore.add_argument("backup", type=Path, metavar="BACKUP", help="a file listed by 'studio library backups'")
    restore.set_defaults(handler=_restore)
    check = actions.add_parser("check", parents=[common], help="check the library file for damage")
    check.set_defaults(handler=_check)


def _open(args: argparse.Namespace, create: bool = False) -> Library:
    return open_library(args, create=create, hint="Check --library or $STUDIO_LIBRARY; "
                        "'studio drafts import FILE' starts one.")


def _client_id(library: Library, value: str | None) -> int | None:
    if value is None:
        return None
    if value.isdigit():
        return library.get_client(int(value)).id
    client = library.find_client(value)
    if client is None:
        known = ", ".join(c.name for c in library.list_clients(include_archived=True)[:10])
        raise UsageError(f"There is no client called “{value}”.", f"Known clients: {known}." if known else "")
    return client.id


def _import(args: argparse.Namespace) -> int:
    path: Path = args.file
    if not path.is_file() and not path.is_dir():
        raise UsageError(f"There is no file {path}.", "Give the path of a .csv or .json file, or a package.")
    with _open(args, create=True) as library:
        report = library.import_file(path)
    if args.json:
        print(json.dumps(report.to_json()))
    else:
        from studio.library import import_summary

        print("\n".join(import_summary(report, path.name)))
    return 0


def _export(args: argparse.Namespace) -> int:
    if args.csv:
        return _export_csv(args)
    with _open(args) as library:
        client_id = _client_id(library, args.client)
        if str(args.file) == "-":
            json.dump(library.export_data(client_id), sys.stdout, ensure_ascii=False, indent=1)
            print()
            return 0
        if args.with_images:
            from studio.library.packages import export_package

            count = export_package(library, args.file, client_id)
        else:
            count = library.export_json(args.file, client_id)
    print(f"Exported {counted(count, 'draft')} to {args.file}.", file=sys.stderr)
    return 0


def _export_csv(args: argparse.Namespace) -> int:
    from studio.library.csvio import csv_text

    delimiter = "\t" if args.delimiter in ("tab", "\\t") else args.delimiter
    with _open(args) as library:
        client_id = _client_id(library, args.client)
        if str(args.file) == "-":
            sys.stdout.write(csv_text(library.export_data(client_id)["drafts"], delimiter))
            return 0
        count = library.export_csv(args.file, client_id, delimiter=delimiter)
    print(f"Exported {count} drafts to {args.file}.", file=sys.stderr)
    return 0


def _list(args: argparse.Namespace) -> int:
    from studio.library import DraftFilter
    from studio.library.status import normalise

    with _open(args) as library:
        statuses = (normalise(args.status),) if args.status else ()
        flt = DraftFilter(client_id=_client_id(library, args.client), statuses=statuses)
        total = library.count_drafts(flt)
        rows = library.list_drafts(flt, offset=max(0, args.offset), limit=max(0, args.limit))
    if args.json:
        results = [
            {"id": r.id, "client": r.client_name, "status": r.status, "text": r.text, "networks": list(r.networks),
             "tags": list(r.tags), "updated_at": r.updated_at, "scheduled_at": r.next_schedule}
            for r in rows
        ]
        print(json.dumps({"total": total, "results": results}, ensure_ascii=False))
        return 0
    for r in rows:
        excerpt = " ".join(r.text.split())[:60]
        print(f"{r.id:>7}  {r.status:<10} {r.client_name[:18]:<18} {excerpt}")
    print(f"{len(rows):,} of {counted(total, 'draft')}", file=sys.stderr)
    return 0


def _search(args: argparse.Namespace) -> int:
    with _open(args) as library:
        total, results = library.search(args.query, limit=max(0, args.limit), offset=max(0, args.offset))
    if args.json:
        print(json.dumps({"total": total, "results": [r.to_json() for r in results]}, ensure_ascii=False))
        return 0
    for r in results:
        print(f"{r.id:>7}  {r.status:<10} {r.client[:18]:<18} {' '.join(r.snippet.split())[:70]}")
    print(f"{len(results):,} of {counted(total, 'draft')}", file=sys.stderr)
    return 0


def _backup(args: argparse.Namespace) -> int:
    with _open(args) as library:
        path = library.backup_now()
        if args.keep is not None:
            if args.keep < 1:
                raise UsageError("--keep must be 1 or more.", "The backup just made is always kept.")
            library.prune_backups(args.keep)
    print(path)
    return 0


def _backups(args: argparse.Namespace) -> int:
    from studio.library import list_backups
    from studio.library.backups import backup_time

    found = list_backups(library_dir(args))
    if args.json:
        print(json.dumps([
            {"path": str(p), "made": (when.isoformat() if (when := backup_time(p)) else None), "bytes": p.stat().st_size}
            for p in found
        ]))
        return 0
    for path in found:
        print(path)
    if not found:
        print("No backups yet: 'studio library backup' makes one.", file=sys.stderr)
    return 0


def _restore(args: argparse.Namespace) -> int:
    from studio.library import Library, LibraryCorrupt, restore_file

    folder = library_dir(args)
    backup: Path = args.backup
    if not backup.is_file():
        raise UsageError(f"There is no backup {backup}.", "'studio library backups' lists them.")
    try:
        library = Library.open(folder)
    except LibraryCorrupt:
        kept = restore_file(folder, backup)
        print(f"Restored {backup.name}; the damaged library is kept as {kept.name}.")
        return 0
    with library:
        safety = library.restore_from_backup(backup)
    print(f"Restored {backup.name}; what was there before is kept as {safety}.")
    return 0


def _check(args: argparse.Namespace) -> int:
    from studio.library import LibraryError

    with _open(args) as library:
        problems = [row[0] for row in library.query("PRAGMA integrity_check")]
    if problems == ["ok"]:
        print("The library file is sound.")
        return 0
    for problem in problems[:20]:
        print(problem, file=sys.stderr)
    raise LibraryError("The library file is damaged.", "Restore a backup: 'studio library restore BACKUP'.")
