"""``studio accounts``, ``studio publish`` and ``studio scheduler``: publishing from a terminal.

Secrets are read from standard input (one line) or a hidden prompt, never from the command line,
where other users and the shell history could see them. Heavy imports stay inside the handlers.
"""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

from studio.commandline import open_library, print_usage
from studio.errors import UsageError
from studio.model import NETWORKS

log = logging.getLogger(__name__)



def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    accounts = subparsers.add_parser(
        "accounts", parents=[common], help="connect, list, test and remove publishing accounts",
        description="Accounts to publish with. Secrets (tokens, app passwords) go to the system keyring.",
    )
    actions = accounts.add_subparsers(title="accounts commands", metavar="ACTION")
    accounts.set_defaults(handler=lambda args: print_usage(accounts))

    add = actions.add_parser(
        "add", parents=[common], help="connect an account (the secret is read from stdin or a prompt)",
        description="Connect an account: checks the credentials with the network, then stores the secret in "
        "the system keyring and the account in the library. The secret is read from standard input (one "
        "line) or asked for without echo; it is never taken from an argument.",
    )
    add.add_argument("network", choices=NETWORKS)
    add.add_argument("--client", required=True, metavar="NAME", help="the client (created if new)")
    add.add_argument("--handle", default="", help="handle (Bluesky: name.bsky.social; Mastodon: user)")
    add.add_argument("--server", default="", metavar="URL",
                     help="Mastodon instance or Bluesky PDS URL; webhook URL; folder path; Telegram API URL")
    add.add_argument("--chat-id", default="", help="Telegram: @channelname or -100… id")
    add.add_argument("--variant", default="", metavar="NETWORK",
                     help="webhook/folder: send this network's variant of each draft")
    add.add_argument("--page-id", default="", help="Facebook: the Page's id (else the Page of the token)")
    add.add_argument("--integration", default="", metavar="NAME_OR_ID", help="Postiz: the channel to post to")
    add.add_argument("--server-schedules", action="store_true",
                     help="Mastodon: hand scheduled posts to the server, which publishes them with Studio closed")
    add.add_argument("--media-endpoint", default="", metavar="URL",
                     help="Instagram/Threads media host: the S3-compatible endpoint (empty for AWS S3)")
    add.add_argument("--media-bucket", default="", metavar="NAME",
                     help="Instagram/Threads media host: the bucket (its key pair is read after the token)")
    add.add_argument("--media-region", default="", metavar="REGION", help="the media host's region (R2: auto)")
    add.add_argument("--slot", action="append", default=[], metavar="DAY HH:MM",
                     help="a posting slot for 'add to queue', e.g. 'mon 09:30' (repeatable)")
    add.add_argument("--no-test", action="store_true", help="store without checking the credentials")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=_add)

    lister = actions.add_parser("list", parents=[common], help="list the accounts")
    lister.add_argument("--json", action="store_true")
    lister.set_defaults(handler=_list)

    test = actions.add_parser("test", parents=[common], help="check an account's credentials with its network")
    test.add_argument("account", type=int, metavar="ID")
    test.add_argument("--json", action="store_true")
    test.set_defaults(handler=_test)

    remove = actions.add_parser("remove", parents=[common], help="remove an account and its keyring secret")
    remove.add_argument("account", type=int, metavar="ID")
    remove.set_defaults(handler=_remove)

    publish = subparsers.add_parser(
        "publish", parents=[common], help="publish the posts that are due (for cron and timers)",
        description="Publish every post that is due, then exit. Safe to run from cron, a systemd timer or "
        "the Windows Task Scheduler while the app is open: a lease in the library makes sure no post "
        "is sent twice. Also acts on single publications (--retry, --cancel, --mark-published).",
    )
    publish.add_argument("--due", action="store_true", help="send what is due now")
    publish.add_argument("--limit", type=int, default=None, help="send at most this many")
    publish.add_argument("--list", action="store_true", help="list publications and their states")
    publish.add_argument("--retry", type=int, metavar="ID", help="send publication ID again")
    publish.add_argument("--cancel", type=int, metavar="ID", help="cancel publication ID")
    publish.add_argument("--mark-published", type=int, metavar="ID",
                         help="the post is there after all (an uncertain send that arrived)")
    publish.add_argument("--url", default="", help="with --mark-published: the post's address")
    publish.add_argument("--json", action="store_true", help="print the outcome as JSON")
    publish.set_defaults(handler=_publish)

    scheduler = subparsers.add_parser(
        "scheduler", parents=[common], help="keep running and publish posts as they fall due",
        description="A long-running publisher (for a systemd service or a server): sends posts as they "
        "fall due, until stopped with SIGTERM or Ctrl+C.",
    )
    scheduler.add_argument("--interval", type=float, default=60.0, metavar="SECONDS",
                           help="look for due posts at least this often (default 60)")
    scheduler.set_defaults(handler=_scheduler)


def _read_secret(network: str) -> str:
    from studio.publishing.accounts import SECRET_NAMES

    what = SECRET_NAMES[network]
    return _read_line(what, "Pipe it on standard input or type it at the prompt.") if what else ""


def _read_line(what: str, hint: str = "Give it on the line after the token, or at the prompt.") -> str:
    """One secret line (standard input, or a prompt without echo); never an argument."""
    if sys.stdin is not None and not sys.stdin.isatty():
        value = sys.stdin.readline().strip()
    else:
        import getpass

        value = getpass.getpass(f"{what.capitalize()} (not shown): ").strip()
    if not value:
        raise UsageError(f"No {what} was given.", hint)
    return value


def _add(args: argparse.Namespace) -> int:
    from studio.publishing import accounts
    from studio.publishing.base import Credentials

    network = args.network
    settings: dict[str, Any] = {}
    if args.chat_id:
        settings["chat_id"] = args.chat_id
    if args.variant:
        settings["variant"] = args.variant
    if args.page_id:
        settings["page_id"] = args.page_id
    if args.integration:
        settings["integration"] = args.integration
    if args.server_schedules:
        settings["server_schedules"] = True
    if args.media_bucket:
        settings["media_host"] = {"endpoint": args.media_endpoint, "bucket": args.media_bucket,
                                  "region": args.media_region or "us-east-1"}
    from studio.publishing.slots import parse_slots

    slots = parse_slots(", ".join(args.slot))
    # Fields first, so a missing --server is said before the secret is asked for.
    accounts.check_fields(network, args.server.strip(), args.handle, "-", settings)
    secret = _read_secret(network)
    media_keys = (_read_line("media host access key id"), _read_line("media host secret access key")) \
        if args.media_bucket else None
    account = Credentials(network, args.server.strip(), args.handle, secret, settings)
    if network == "folder" and not Path(account.server_url).expanduser().exists():
        from studio.publishing.folder import create_folder

        create_folder(account.server_url)  # adding a folder account on the command line asks for it
        print(f"Created the folder {account.server_url}.", file=sys.stderr)
    info = None if args.no_test else accounts.test_connection(account, media_keys)
    library = open_library(args, create=True)
    try:
        client = library.client_or_new(args.client)
        saved = accounts.connect(library, client.id, account, info, slots, media_keys)
    finally:
        library.close()
    if args.json:
        print(json.dumps(_account_json(saved)))
    else:
        print(f"Connected {network} account {saved.id}: {saved.handle}"
              + (f" ({saved.display_name})" if saved.display_name else ""))
    return 0


def _account_json(account: Any) -> dict[str, Any]:
    return {
        "id": account.id, "client_id": account.client_id, "network": account.network, "handle": account.handle,
        "display_name": account.display_name, "server_url": account.server_url, "slots": list(account.slots),
        "settings": {k: v for k, v in account.settings.items()}, "archived": account.archived,
    }


def _list(args: argparse.Namespace) -> int:
    library = open_library(args)
    try:
        accounts = library.list_accounts()
    finally:
        library.close()
    if args.json:
        print(json.dumps([_account_json(account) for account in accounts]))
        return 0
    if not accounts:
        print("No accounts yet: add one with 'studio accounts add'.")
    for account in accounts:
        flag = "  (reconnect needed)" if account.settings.get("needs_reconnect") else ""
        if account.settings.get("token_expires_at"):
            flag += f"  (token until {str(account.settings['token_expires_at'])[:10]})"
        print(f"{account.id:>4}  {account.network:<9} {account.handle}  {account.server_url}{flag}")
    return 0


def _test(args: argparse.Namespace) -> int:
    from studio.publishing import accounts

    library = open_library(args)
    try:
        row = library.get_account(args.account)
        from studio.publishing import mediahost

        keys = mediahost.load_keys(row.secret_ref) if mediahost.configured(row.settings) else None
        info = accounts.test_connection(accounts.credentials_for(row), keys)
        accounts.reconnect(library, row.id, "", info)
    finally:
        library.close()
    if args.json:
        print(json.dumps({"handle": info.handle, "display_name": info.display_name,
                          "avatar_url": info.avatar_url, "limits": dict(info.limits)}))
    else:
        limits = ", ".join(f"{key} {value}" for key, value in info.limits.items())
        print(f"OK: {info.handle}" + (f" ({info.display_name})" if info.display_name else "")
              + (f"; limits: {limits}" if limits else ""))
    return 0


def _remove(args: argparse.Namespace) -> int:
    from studio.publishing import accounts

    library = open_library(args)
    try:
        row = accounts.remove(library, args.account)
    finally:
        library.close()
    print(f"Removed account {row.id} ({row.handle}) and its keyring secret.")
    return 0


def _publish(args: argparse.Namespace) -> int:
    from studio.publishing.queue import Queue
    from studio.publishing.runner import Runner

    actions = [args.due, args.list, args.retry is not None, args.cancel is not None, args.mark_published is not None]
    if sum(actions) != 1:
        raise UsageError("Say what to do: --due, --list, --retry ID, --cancel ID or --mark-published ID.",
                         "For cron: studio publish --due")
    if args.due:
        from studio.logs import setup_logging

        setup_logging()  # cron and timers keep no output: what happened goes to the log file too
    library = open_library(args)
    try:
        queue = Queue(library)
        if args.retry is not None:
            queue.retry(args.retry)
        elif args.cancel is not None:
            queue.cancel(args.cancel)
        elif args.mark_published is not None:
            queue.mark_published(args.mark_published, args.url)
        elif args.list:
            items = queue.list()
            if args.json:
                print(json.dumps([item.to_json() for item in items]))
            else:
                for item in items:
                    error = f"  {item.last_error}" if item.last_error else ""
                    print(f"{item.id:>5}  {item.scheduled_at}  {item.network:<9} {item.state:<16} "
                          f"{item.excerpt[:40]!r}{error}")
            return 0
        else:
            report = Runner(library, queue).run_due(limit=args.limit)
            if args.json:
                print(json.dumps(report.to_json()))
            else:
                for result in report.results:
                    print(_result_line(result))
                print(f"{report.count('published')} published, {report.count('failed-permanent')} failed, "
                      f"{report.count('failed-retry')} to retry, {report.count('uncertain')} uncertain, "
                      f"{report.waiting} waiting.")
            return 0
    finally:
        library.close()
    print("Done.")
    return 0


def _result_line(result: Any) -> str:
    """One publication's outcome as ``publish --due`` and ``scheduler`` print it."""
    return f"{result.publication_id:>5}  {result.network:<9} {result.state}" + (
        f": {result.message}" if result.message else "")


METRICS_EVERY = 600.0  # seconds between measuring rounds of the scheduler (snapshots are hours apart)


def _measure(library: Any) -> None:
    """One measuring round; a failure is logged and printed, never the end of the scheduler."""
    from studio.analytics.fetch import fetch_due
    from studio.errors import StudioError, in_words

    try:
        report = fetch_due(library)
    except StudioError as error:
        print(f"studio scheduler: metrics not fetched: {in_words(error)}", flush=True)
        return
    if report.snapshots or report.followers:
        print(f"studio scheduler: measured {report.snapshots} posts, {report.followers} follower counts", flush=True)
    for account, problem in report.problems.items():
        print(f"studio scheduler: account {account}: {problem}", flush=True)


def _team_engine(library: Any) -> Any:
    """In a library linked to a team: its sync engine (the scheduler is the team's always-on runner)."""
    from studio.team import TeamError, local

    if "url" not in local.state(library.connection):
        return None
    from studio.team.engine import SyncEngine

    try:
        return SyncEngine(library)
    except TeamError as error:
        print(f"studio scheduler: not publishing for the team: {error.for_humans()}", flush=True)
        return None


def _team_round(library: Any, engine: Any) -> None:
    """Sync (schedules go to the team queue, the team's posts arrive with their images), send the
    team's due posts for the accounts whose secret this machine holds, and sync the outcomes back."""
    from studio.errors import in_words
    from studio.team import TeamError
    from studio.team.engine import publish_due

    try:
        engine.sync_once()
        done = publish_due(library, engine)
        for state, count in sorted(done.items()):
            print(f"studio scheduler: team posts {state}: {count}", flush=True)
        if done:
            engine.sync_once()
    except TeamError as error:
        print(f"studio scheduler: team: {error.for_humans()}", flush=True)
    except Exception as error:  # the team's trouble never stops this machine's own posts
        log.exception("Team round failed")
        print(f"studio scheduler: team: {in_words(error)}", flush=True)


def _scheduler(args: argparse.Namespace) -> int:
    from studio.publishing.queue import Queue
    from studio.publishing.runner import Runner, due_wait

    if args.interval <= 0:
        raise UsageError("--interval must be more than 0 seconds.")
    stopping = threading.Event()

    def stop(signum: int, frame: Any) -> None:
        stopping.set()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    from studio.logs import setup_logging

    setup_logging()
    library = open_library(args)
    team = None
    try:
        queue = Queue(library)
        runner = Runner(library, queue)
        print(f"studio scheduler: publishing from {library.folder} (Ctrl+C to stop)", flush=True)
        team = _team_engine(library)
        measured_at = 0.0
        while not stopping.is_set():
            report = runner.run_due(stop=stopping.is_set)
            for result in report.results:
                print(_result_line(result), flush=True)
            if team is not None:
                _team_round(library, team)
            if time.monotonic() - measured_at >= METRICS_EVERY:  # the same runner measures what it posted
                measured_at = time.monotonic()
                _measure(library)
            stopping.wait(max(1.0, min(due_wait(queue, args.interval), METRICS_EVERY)))
    finally:
        if team is not None:
            team.close()
        library.close()
    return 0
