"""``studio metrics`` and ``studio report``: measuring and reporting from a terminal (or cron).

``studio metrics fetch`` runs one measuring round (the snapshots due now and today's followers);
``import`` maps a network's insights CSV and shows the mapping, storing only with ``--apply``;
``add`` enters numbers by hand; ``money`` records a campaign's cost and revenue; ``show`` prints a
client's period. ``studio report`` writes the client report (HTML or PDF) or its raw numbers.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studio.commandline import open_library, print_usage
from studio.errors import UsageError

if TYPE_CHECKING:
    from studio.library import Library

COUNTER_OPTIONS = ("likes", "reposts", "replies", "quotes", "comments", "shares", "saves", "link_clicks",
                   "reach", "impressions", "views")


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    metrics = subparsers.add_parser("metrics", parents=[common], help="fetch, import and show posts' numbers",
                                    description="What published posts did: likes, reposts, reach, engagement rates.")
    actions = metrics.add_subparsers(title="metrics commands", metavar="ACTION")
    metrics.set_defaults(handler=lambda args: print_usage(metrics))

    fetch = actions.add_parser("fetch", parents=[common], help="fetch the numbers due now (for cron)")
    fetch.add_argument("--json", action="store_true")
    fetch.set_defaults(handler=_fetch)

    load = actions.add_parser("import", parents=[common], help="import a network's insights export (CSV)",
                              description="Shows how the file's columns map onto Studio's counters and which "
                              "rows match a post; stores them only with --apply.")
    load.add_argument("file", type=Path)
    load.add_argument("--network", required=True, help="the network the export is from (instagram, tiktok, ...)")
    load.add_argument("--client", default=None, metavar="NAME", help="match rows to this client's posts")
    load.add_argument("--map", action="append", default=[], metavar="COLUMN=COUNTER",
                      help="read COLUMN as COUNTER (repeatable), e.g. 'Total views=views'")
    load.add_argument("--apply", action="store_true", help="store the matched rows")
    load.add_argument("--json", action="store_true")
    load.set_defaults(handler=_import)

    add = actions.add_parser("add", parents=[common], help="enter a post's numbers by hand")
    add.add_argument("draft", type=int, metavar="DRAFT_ID")
    add.add_argument("--network", required=True)
    for name in COUNTER_OPTIONS:
        add.add_argument(f"--{name.replace('_', '-')}", dest=name, type=int, default=None, metavar="N")
    add.set_defaults(handler=_add)

    money = actions.add_parser("money", parents=[common], help="a campaign's cost and revenue (for ROI)")
    money.add_argument("--client", required=True, metavar="NAME")
    money.add_argument("--campaign", required=True, help="the campaign: a tag on the client's posts")
    money.add_argument("--cost", type=float, default=None)
    money.add_argument("--revenue", type=float, default=None)
    money.add_argument("--conversions", type=int, default=None)
    money.add_argument("--currency", default="")
    money.set_defaults(handler=_money)

    links = actions.add_parser("links", parents=[common], help="UTM parameters on a client's links (on by default)",
                               description="Shows, or changes with --on/--off/--campaign, whether links get "
                               "utm_source (the network), utm_medium=social, utm_campaign and utm_content (the "
                               "post) when the client's posts go out.")
    links.add_argument("--client", required=True, metavar="NAME")
    switch = links.add_mutually_exclusive_group()
    switch.add_argument("--on", dest="utm", action="store_const", const=True, default=None)
    switch.add_argument("--off", dest="utm", action="store_const", const=False)
    links.add_argument("--campaign", default=None, help="the campaign name ('' = each post's first tag)")
    links.set_defaults(handler=_links)

    show = actions.add_parser("show", parents=[common], help="a client's numbers for a period")
    _period_options(show)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)

    report = subparsers.add_parser("report", parents=[common], help="write a client's report (HTML or PDF)",
                                   description="The client report for a month: numbers, charts, top posts, "
                                   "changes since the previous month and the definitions used.")
    _period_options(report)
    report.add_argument("--out", type=Path, default=None, metavar="FILE",
                        help="report.html or report.pdf (by its ending)")
    report.add_argument("--agency", default="", help="the agency's name on the report")
    report.add_argument("--colour", default="", help="the agency's colour, e.g. #0a7d6b")
    report.add_argument("--json", action="store_true", help="print the raw numbers as JSON")
    report.set_defaults(handler=_report)


def _period_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--client", required=True, metavar="NAME")
    parser.add_argument("--month", default=None, metavar="YYYY-MM")
    parser.add_argument("--from", dest="start", default=None, metavar="YYYY-MM-DD")
    parser.add_argument("--to", dest="end", default=None, metavar="YYYY-MM-DD", help="the last day included")
    parser.add_argument("--network", action="append", default=[], help="only this network (repeatable)")
    parser.add_argument("--tag", default=None, help="only posts with this tag")


def period(args: argparse.Namespace, zone: tzinfo) -> tuple[datetime, datetime]:
    """The [start, end) instants of ``--month`` or ``--from``/``--to`` in ``zone`` (default: last 30 days)."""
    try:
        if args.month:
            first = date.fromisoformat(f"{args.month}-01")
            following = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
            start_day, end_day = first, following
        elif args.start or args.end:
            end_day = date.fromisoformat(args.end) + timedelta(days=1) if args.end else date.today() + timedelta(days=1)
            start_day = date.fromisoformat(args.start) if args.start else end_day - timedelta(days=30)
        else:
            end_day = date.today() + timedelta(days=1)
            start_day = end_day - timedelta(days=30)
    except ValueError as error:
        raise UsageError(f"Not a date: {error}.", "Write --month 2026-11 or --from 2026-11-01 --to 2026-11-30.") from None
    if end_day <= start_day:
        raise UsageError("The period ends before it starts.")
    start = datetime(start_day.year, start_day.month, start_day.day, tzinfo=zone)
    end = datetime(end_day.year, end_day.month, end_day.day, tzinfo=zone)
    return start, end


def _client(library: Library, name: str) -> Any:
    client = library.find_client(name)
    if client is None:
        raise UsageError(f"There is no client named “{name}”.", "studio drafts list shows the clients' names.")
    return client


def _fetch(args: argparse.Namespace) -> int:
    from studio.analytics.fetch import fetch_due

    library = open_library(args)
    try:
        report = fetch_due(library)
    finally:
        library.close()
    if args.json:
        print(json.dumps(report.to_json()))
    else:
        print(f"{report.snapshots} snapshots, {report.followers} follower counts, {report.requests} requests")
        for account, problem in report.problems.items():
            print(f"account {account}: {problem}", file=sys.stderr)
    return 1 if report.reconnect else 0


def _import(args: argparse.Namespace) -> int:
    from studio.analytics.insights import read_preview, store_preview

    mapping: dict[str, str] = {}
    for item in args.map:
        column, sep, counter = item.rpartition("=")
        if not sep or not column:
            raise UsageError(f"--map takes COLUMN=COUNTER, not “{item}”.")
        mapping[column] = counter
    library = open_library(args)
    try:
        client_id = _client(library, args.client).id if args.client else None
        preview = read_preview(library, args.file, args.network, client_id, mapping)
        stored = store_preview(library, preview) if args.apply else 0
    finally:
        library.close()
    if args.json:
        print(json.dumps({"mapping": preview.mapping, "identifiers": preview.identifiers, "ignored": preview.ignored,
                          "rows": len(preview.rows), "matched": len(preview.matched), "stored": stored,
                          "unmatched_lines": [row.line for row in preview.unmatched]}, ensure_ascii=False))
        return 0
    print(preview.describe())
    for row in preview.unmatched:
        print(f"line {row.line}: no post in the library matches “{row.label}”")
    print(f"stored {stored} rows" if args.apply else "nothing stored yet: run again with --apply to store")
    return 0


def _add(args: argparse.Namespace) -> int:
    from studio.analytics.formulas import Counts
    from studio.analytics.insights import enter_by_hand

    values = {name: getattr(args, name) for name in COUNTER_OPTIONS if getattr(args, name) is not None}
    if not values:
        raise UsageError("Give at least one number, e.g. --likes 12 --reach 340.")
    if any(value < 0 for value in values.values()):
        raise UsageError("Counts cannot be negative.")
    library = open_library(args)
    try:
        enter_by_hand(library, args.draft, args.network, Counts(**values))
    finally:
        library.close()
    return 0


def _money(args: argparse.Namespace) -> int:
    from studio.analytics.summary import set_campaign_money

    library = open_library(args)
    try:
        client = _client(library, args.client)
        set_campaign_money(library, client.id, args.campaign, cost=args.cost, revenue=args.revenue,
                           conversions=args.conversions, currency=args.currency)
    finally:
        library.close()
    return 0


def _links(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from studio.analytics.links import link_settings, set_link_settings

    library = open_library(args)
    try:
        client = _client(library, args.client)
        settings = link_settings(library, client.id)
        if args.utm is not None or args.campaign is not None:
            settings = replace(settings, utm=settings.utm if args.utm is None else args.utm,
                               campaign=settings.campaign if args.campaign is None else args.campaign)
            set_link_settings(library, client.id, settings)
            settings = link_settings(library, client.id)
    finally:
        library.close()
    print(f"UTM parameters: {'on' if settings.utm else 'off'}; campaign: "
          f"{settings.campaign or 'each post’s first tag'}")
    return 0


def _summary(args: argparse.Namespace) -> tuple[Any, Any, Any]:
    from studio.analytics.summary import summarize
    from studio.library.times import local_zone

    zone = local_zone()
    start, end = period(args, zone)
    library = open_library(args)
    client = _client(library, args.client)
    summary = summarize(library, client.id, start, end, zone, networks=args.network or None, tag=args.tag)
    return library, client, summary


def _show(args: argparse.Namespace) -> int:
    from studio.analytics.formulas import DENOMINATORS

    library, client, summary = _summary(args)
    library.close()
    if args.json:
        print(json.dumps(summary.to_json(), ensure_ascii=False))
        return 0
    print(f"{client.name}: {len(summary.posts)} measured posts, {summary.start:%Y-%m-%d} to "
          f"{summary.end - timedelta(days=1):%Y-%m-%d}")
    for post in summary.posts:
        rates = "  ".join(f"{d}: {post.rates[d].text()}" for d in DENOMINATORS)
        print(f"{post.draft_id:>6} {post.network:<10} {post.engagements if post.engagements is not None else '—':>6}  "
              f"{rates}  {post.excerpt[:40]}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from studio.analytics.report import build_report, write_report

    if not args.json and args.out is None:
        raise UsageError("Say where to write the report (--out report.pdf or report.html), or use --json.")
    library, client, summary = _summary(args)
    try:
        report = build_report(library, client, summary, args, agency=args.agency, colour=args.colour)
    finally:
        library.close()
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    if args.out is not None:
        write_report(report, args.out)
        print(f"wrote {args.out}", file=sys.stderr)
    return 0
