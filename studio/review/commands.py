"""``studio review ...``: make a review pack, import a client's reply code, approve, comment,
see what changed since an approval, print the pack and the approval sheet.

Headless and light: the library and the review modules are imported inside the handlers.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studio.commandline import open_library, print_usage
from studio.errors import UsageError

if TYPE_CHECKING:
    from studio.library import Library


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    review = subparsers.add_parser(
        "review", parents=[common], help="review packs, reply codes, approvals and comments",
        description="Send posts for review to a client without an account, and bring the answers back.",
    )
    actions = review.add_subparsers(title="review commands", metavar="ACTION")
    review.set_defaults(handler=lambda args: print_usage(review))

    pack = actions.add_parser(
        "pack", parents=[common], help="write a review pack (one HTML file) for a client's posts",
        description="Write one self-contained HTML file with the client's posts scheduled in the period "
        "(or the drafts given with --draft): the client opens it in any browser, answers each post and "
        "sends back a reply code.",
    )
    pack.add_argument("--client", required=True, metavar="C", help="client name or id")
    pack.add_argument("--from", dest="start", metavar="DATE", help="first day (YYYY-MM-DD, in the client's zone)")
    pack.add_argument("--to", dest="end", metavar="DATE", help="last day, included")
    pack.add_argument("--draft", type=int, action="append", default=[], metavar="ID", help="a draft to include "
                      "(repeat it; instead of a period)")
    pack.add_argument("--out", required=True, type=Path, metavar="FILE.html")
    pack.add_argument("--pdf", type=Path, metavar="FILE.pdf", help="also write the printable version")
    pack.add_argument("--reply-to", default="", metavar="EMAIL", help="the address the e-mail link sends to")
    pack.set_defaults(handler=_pack)

    importer = actions.add_parser(
        "import", parents=[common], help="import a client's reply code (or a file holding it)",
        description="Check the code's signature and apply each answer; an answer for a post edited since the "
        "pack was made is listed and not applied (exit status 3 when one was).",
    )
    importer.add_argument("code", metavar="CODE|FILE")
    importer.add_argument("--json", action="store_true", help="print the outcome as JSON")
    importer.set_defaults(handler=_import)

    approve = actions.add_parser("approve", parents=[common], help="approve drafts as they are now")
    approve.add_argument("drafts", type=int, nargs="+", metavar="ID")
    approve.add_argument("--by", required=True, metavar="NAME", help="who approves")
    approve.set_defaults(handler=_approve)

    changes = actions.add_parser("changes", parents=[common], help="what changed since a draft's approval")
    changes.add_argument("draft", type=int, metavar="ID")
    changes.add_argument("--json", action="store_true")
    changes.set_defaults(handler=_changes)

    check = actions.add_parser("check", parents=[common], help="move drafts edited since their approval back "
                               "to review")
    check.set_defaults(handler=_check)

    comment = actions.add_parser("comment", parents=[common], help="comment on a draft's words")
    comment.add_argument("draft", type=int, metavar="ID")
    comment.add_argument("text", metavar="TEXT")
    comment.add_argument("--by", required=True, metavar="NAME")
    comment.add_argument("--on", metavar="WORDS", help="the words commented on (first occurrence)")
    comment.add_argument("--part", default="post", help="post, variant:NET, thread:NET:N or alt:SHA")
    comment.set_defaults(handler=_comment)

    comments = actions.add_parser("comments", parents=[common], help="list a draft's comments")
    comments.add_argument("draft", type=int, metavar="ID")
    comments.add_argument("--json", action="store_true")
    comments.set_defaults(handler=_comments)

    sheet = actions.add_parser("sheet", parents=[common], help="write the approval sheet (PDF) of drafts")
    sheet.add_argument("drafts", type=int, nargs="+", metavar="ID")
    sheet.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    sheet.set_defaults(handler=_sheet)

    setting = actions.add_parser("settings", parents=[common], help="a client's review settings")
    setting.add_argument("--client", required=True, metavar="C")
    setting.add_argument("--require-approval", choices=("yes", "no"), help="approval needed before scheduling")
    setting.add_argument("--zone", metavar="ZONE", help="the zone packs show times in (IANA, e.g. Asia/Jakarta)")
    setting.set_defaults(handler=_settings)


def _open(args: argparse.Namespace) -> Library:
    library = open_library(args)
    from studio.review.approval import watch

    watch(library)
    return library


def _client(library: Library, value: str) -> Any:
    client = library.get_client(int(value)) if value.isdigit() else library.find_client(value)
    if client is None:
        raise UsageError(f"There is no client called “{value}”.", "See 'studio drafts list' for the clients.")
    return client


def _day(text: str, zone: Any) -> datetime:
    try:
        return datetime.combine(datetime.strptime(text, "%Y-%m-%d").date(), time(), zone)
    except ValueError:
        raise UsageError(f"“{text}” is not a date.", "Write it as YYYY-MM-DD.") from None


def _pack(args: argparse.Namespace) -> int:
    from studio.library.times import local_zone
    from studio.review.approval import settings
    from studio.review.pack import build_pack, drafts_in_period
    from studio.review.strings import _zone

    with _open(args) as library:
        client = _client(library, args.client)
        period = None
        ids = list(args.draft)
        if not ids:
            if not (args.start and args.end):
                raise UsageError("Say which posts: --from and --to, or --draft.")
            zone = _zone(settings(library, client.id).zone) or local_zone()
            start, end = _day(args.start, zone), _day(args.end, zone) + timedelta(days=1)
            if end <= start:
                raise UsageError("--to is before --from.")
            ids = drafts_in_period(library, client.id, start, end)
            period = (args.start, args.end)
            if not ids:
                raise UsageError(f"{client.name} has no posts scheduled from {args.start} to {args.end}.")
        info = build_pack(library, ids, args.out, period=period, reply_to=args.reply_to)
        print(f"Wrote {info.path}: {info.posts} posts, {info.images} images, {info.bytes / 1e6:.1f} MB "
              f"(pack {info.pack_id}).")
        if args.pdf:
            from studio.review.pdf import write_pack_pdf

            write_pack_pdf(library, ids, args.pdf)
            print(f"Wrote {args.pdf}.")
    return 0


def _import(args: argparse.Namespace) -> int:
    from studio.review.codes import VERDICTS, import_code

    text = args.code
    if "STUDIO1-" not in text:
        path = Path(text).expanduser()
        if not path.is_file():
            raise UsageError(f"“{text}” is neither a reply code nor a file.", "Paste the code that starts with STUDIO1-.")
        text = path.read_text(encoding="utf-8", errors="replace")
    with _open(args) as library:
        report = import_code(library, text)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
        return 0 if not report.flagged else 3
    for answer in report.applied:
        print(f"Draft {answer.draft_id}: {VERDICTS[answer.verdict]} by {report.reviewer}.")
    for answer in report.flagged:
        print(f"Draft {answer.draft_id}: NOT applied ({VERDICTS[answer.verdict]}): {answer.reason}")
    return 0 if not report.flagged else 3


def _approve(args: argparse.Namespace) -> int:
    from studio.review.approval import approve

    with _open(args) as library:
        for draft_id in args.drafts:
            found = approve(library, draft_id, args.by)
            print(f"Draft {draft_id} approved by {found.author} ({found.hash[:12]}).")
    return 0


def _changes(args: argparse.Namespace) -> int:
    from studio.review.approval import state

    with _open(args) as library:
        current = state(library, args.draft)
    if args.json:
        print(json.dumps({"approved": current.approval is not None, "fresh": current.fresh,
                          "changes": current.changes.to_json()}, ensure_ascii=False))
        return 0
    if current.approval is None:
        print("This draft was never approved.")
        return 0
    print(f"Approved by {current.approval.author} at {current.approval.approved_at}: "
          f"{'still holds' if current.fresh else 'no longer holds'}.")
    for part in current.changes.parts:
        marked = "".join(text if kind == "same" else f"[-{text}-]" if kind == "removed" else f"{{+{text}+}}"
                         for kind, text in part.ops)
        print(f"\n{part.label}:\n{marked}")
    for image in current.changes.images:
        print(f"\nImage {image.sha[:12]} on {image.network}: {image.kind}")
    if current.changes.schedule:
        print(f"\nSchedule: {current.changes.schedule[0]} -> {current.changes.schedule[1]}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from studio.review.approval import refresh_all

    with _open(args) as library:
        moved = refresh_all(library)
    for draft_id in moved:
        print(f"Draft {draft_id} changed since its approval: back in review.")
    return 0


def _comment(args: argparse.Namespace) -> int:
    from studio.review import comments
    from studio.review.comments import part_text

    with _open(args) as library:
        start = end = 0
        if args.on:
            text = part_text(library.get_draft(args.draft), args.part) or ""
            start = text.find(args.on)
            if start < 0:
                raise UsageError(f"“{args.on}” is not in that text.")
            end = start + len(args.on)
        found = comments.add(library, args.draft, args.text, args.by, part=args.part, start=start, end=end)
    print(f"Comment {found.id} added.")
    return 0


def _comments(args: argparse.Namespace) -> int:
    from studio.review import comments

    with _open(args) as library:
        found = comments.threads(library, args.draft)
    if args.json:
        print(json.dumps([_comment_json(c) for c in found], ensure_ascii=False))
        return 0
    for thread in found:
        flags = " (resolved)" * thread.resolved + " (outdated)" * thread.outdated
        about = f" on “{thread.quote}”" if thread.quote else ""
        print(f"#{thread.id} {thread.author}{about}{flags}: {thread.body}")
        for answer in thread.replies:
            print(f"    {answer.author}: {answer.body}")
    return 0


def _comment_json(comment: Any) -> dict[str, Any]:
    data = {k: v for k, v in comment.__dict__.items() if k != "replies"}
    data["replies"] = [_comment_json(r) for r in comment.replies]
    return data


def _sheet(args: argparse.Namespace) -> int:
    from studio.review.pdf import write_approval_sheet

    with _open(args) as library:
        write_approval_sheet(library, args.drafts, args.out)
    print(f"Wrote {args.out}.", file=sys.stderr)
    return 0


def _settings(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from studio.review.approval import save_settings, settings

    with _open(args) as library:
        client = _client(library, args.client)
        value = settings(library, client.id)
        if args.require_approval:
            value = replace(value, approval_required=args.require_approval == "yes")
        if args.zone is not None:
            value = replace(value, zone=args.zone)
        save_settings(library, client.id, value)
    print(f"{client.name}: approval {'required' if value.approval_required else 'not required'} before "
          f"scheduling; times in {value.zone or 'this computer’s zone'}.")
    return 0
