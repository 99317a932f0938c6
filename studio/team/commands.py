"""``studio team init|invite|join|status|leave`` and ``studio sync``: the team library from a terminal.

Passwords are read from the terminal without echo, or from stdin with ``--password-stdin`` (for
scripts): never from an argument, which ``ps`` and shell histories show.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any

from studio.commandline import open_library, print_usage
from studio.errors import UsageError


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    team = subparsers.add_parser(
        "team", parents=[common], help="share the library with a team through PostgreSQL",
        description="Link this library to a team database: every member keeps working offline on their own "
        "library, and Studio syncs it with the team's.",
    )
    actions = team.add_subparsers(title="team commands", metavar="ACTION")
    team.set_defaults(handler=lambda args: print_usage(team))

    init = actions.add_parser(
        "init", parents=[common], help="set up a team database (as its owner) and link this library",
        description="Create or upgrade the team schema and roles in the PostgreSQL database of URL "
        "(postgresql://OWNER@HOST:5432/DB?sslmode=require), then send this library's clients and drafts.",
    )
    init.add_argument("url", metavar="URL")
    init.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    init.set_defaults(handler=_init)

    invite = actions.add_parser("invite", parents=[common], help="add a member (a manager's right)")
    invite.add_argument("name", metavar="NAME", help="the member's name (lower-case letters, digits, _)")
    invite.add_argument("--role", required=True, metavar="ROLES",
                        help="comma-separated: writer, designer, manager, approver")
    invite.add_argument("--client", action="append", default=[], metavar="CLIENT",
                        help="a client the member works on (repeat for several)")
    invite.add_argument("--json", action="store_true", help="print the invitation as JSON")
    invite.set_defaults(handler=_invite)

    joiner = actions.add_parser("join", parents=[common], help="link this library to a team as a member")
    joiner.add_argument("url", metavar="URL", help="the address the invitation gave")
    joiner.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    joiner.set_defaults(handler=_join)

    status = actions.add_parser("status", parents=[common], help="the link, what waits to be sent, conflict copies")
    status.add_argument("--json", action="store_true", help="print it as JSON")
    status.set_defaults(handler=_status)

    audit = actions.add_parser("audit", parents=[common], help="a draft's status changes in the team: who and when")
    audit.add_argument("draft", type=int, metavar="ID")
    audit.set_defaults(handler=_audit)

    revert = actions.add_parser("revert", parents=[common],
                                help="give up a change the team refused: the draft becomes the team's version")
    revert.add_argument("draft", type=int, metavar="ID")
    revert.set_defaults(handler=_revert)

    leave = actions.add_parser("leave", parents=[common], help="unlink this library (its drafts stay)")
    leave.set_defaults(handler=_leave)

    publish = actions.add_parser(
        "publish", parents=[common], help="publish the team's due posts for the accounts this machine holds",
        description="Claim the team's due posts (for accounts whose secret is in this machine's keyring) and "
        "send them; with --every, keep doing it (the set-up for a small always-on machine).",
    )
    publish.add_argument("--every", type=float, metavar="SECONDS", help="run again every SECONDS until stopped")
    publish.set_defaults(handler=_publish)

    sync = subparsers.add_parser("sync", parents=[common], help="sync the library with its team once")
    sync.add_argument("--json", action="store_true", help="print what the round did as JSON")
    sync.set_defaults(handler=_sync)


def _password(args: argparse.Namespace, who: str) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    if not sys.stdin.isatty():
        raise UsageError("No password given.", "Type it at a terminal, or pass --password-stdin and pipe it in.")
    return getpass.getpass(f"Password of {who}: ")


def _init(args: argparse.Namespace) -> int:
    from studio.team import members

    version, report = _link_and_sync(args, members.init_team)
    print(f"Team database ready (schema {version}); sent {report.pushed} clients and drafts.")
    return 0


def _join(args: argparse.Namespace) -> int:
    from studio.team import members

    _, report = _link_and_sync(args, members.join)
    print(f"Joined the team as {args.member}; received {report.pulled} clients and drafts.")
    return 0


def _link_and_sync(args: argparse.Namespace, link: Any) -> tuple[Any, Any]:
    """Link the library to ``args.url`` with ``link(library, url, password)``, then sync once."""
    from studio.team.engine import SyncEngine, link_parts

    args.member = link_parts(args.url)["user"]
    password = _password(args, args.member)
    with open_library(args, create=True) as library:
        outcome = link(library, args.url, password)
        engine = SyncEngine(library, password)
        try:
            report = engine.sync_once()
        finally:
            engine.close()
    return outcome, report


def _invite(args: argparse.Namespace) -> int:
    from studio.team import members
    from studio.team.engine import SyncEngine

    with open_library(args) as library:
        engine = SyncEngine(library)
        try:
            invitation = members.invite(engine, args.name, args.role.split(","), args.client)
        finally:
            engine.close()
    if args.json:
        print(json.dumps(invitation.__dict__ | {"roles": list(invitation.roles), "clients": list(invitation.clients)}))
        return 0
    print(f"{invitation.member} can now join as {', '.join(invitation.roles)}"
          f"{' for ' + ', '.join(invitation.clients) if invitation.clients else ''}.")
    print("Send them this command, and the password through a private channel (it is shown only now):")
    print(f"  studio team join '{invitation.url}'")
    print(f"  password: {invitation.password}")
    return 0


def _status(args: argparse.Namespace) -> int:
    from studio.team import members

    with open_library(args) as library:
        found = members.status(library)
    if args.json:
        print(json.dumps(found))
    elif not found["linked"]:
        print("This library is not linked to a team.")
    else:
        print(f"Team: {found['team']} as {found['member']} ({', '.join(found['roles']) or 'roles not known yet'})")
        print(f"Changes waiting to be sent: {found['waiting']}")
        print(f"Rows in step with the team: {found['synced_rows']}")
        if found.get("refused"):
            print(f"Refused by the team, kept here: {len(found['refused'])}")
            for refusal in found["refused"]:
                print(f"  {refusal['kind']} {refusal['id']}: {refusal['sentence']}")
            print("  (`studio team revert ID` takes the team's version of a draft instead)")
        if found["conflicts"]:
            print(f"Conflict copies to look at: {found['conflicts']} (in the drafts' revisions)")
    return 0


def _audit(args: argparse.Namespace) -> int:
    from studio.model import STATUS_LABELS
    from studio.team import members
    from studio.team.engine import SyncEngine

    with open_library(args) as library:
        library.get_draft(args.draft)  # a clear error for an unknown id
        engine = SyncEngine(library)
        try:
            trail = members.audit(engine, args.draft)
        finally:
            engine.close()
    if not trail:
        print(f"Draft {args.draft} has not reached the team yet: run `studio sync`.")
        return 0
    print(f"Status changes of draft {args.draft} in the team:")
    for at, who, old, new in trail:
        move = f"{STATUS_LABELS.get(old, old)} -> {STATUS_LABELS.get(new, new)}" if old else STATUS_LABELS.get(new, new)
        print(f"  {at[:16].replace('T', ' ')} UTC  {who}  {move}")
    return 0


def _revert(args: argparse.Namespace) -> int:
    from studio.team.rights import take_team_version

    with open_library(args) as library:
        library.get_draft(args.draft)
        take_team_version(library, args.draft)
    print(f"Draft {args.draft} is the team's version again; your refused change stays in its revisions.")
    return 0


def _leave(args: argparse.Namespace) -> int:
    from studio.team import members

    with open_library(args) as library:
        members.leave(library)
    print("This library is no longer linked to a team; its drafts stay.")
    return 0


def _publish(args: argparse.Namespace) -> int:
    import os
    import socket
    import time

    from studio.publishing.runner import load_secret, make_publisher
    from studio.team.engine import SyncEngine
    from studio.team.handoff import renderer
    from studio.team.queue import TeamQueue, TeamRunner, local_accounts

    with open_library(args) as library:
        engine = SyncEngine(library)
        try:
            accounts = local_accounts(library, load_secret)
            if not accounts:
                print("No account of this library has its secret in this machine's keyring: nothing to publish.")
                return 0
            runner = TeamRunner(TeamQueue(engine.pool(), f"{socket.gethostname()}:{os.getpid()}"), accounts,
                                make_publisher, renderer(library))  # posts handed over by a library too
            while True:
                done = runner.run_due()
                print(", ".join(f"{state}: {n}" for state, n in sorted(done.items())) or "Nothing due.", flush=True)
                if args.every is None:
                    return 0
                time.sleep(max(1.0, args.every))
        finally:
            engine.close()


def _sync(args: argparse.Namespace) -> int:
    from studio.team.engine import SyncEngine

    with open_library(args) as library:
        engine = SyncEngine(library)
        try:
            report = engine.sync_once()
        finally:
            engine.close()
    if args.json:
        print(json.dumps(report.__dict__))
    else:
        print(f"Sent {report.pushed}, received {report.pulled}, conflicts kept as revisions: {report.conflicts}.")
        for refusal in report.refused:
            print(f"Refused: {refusal}", file=sys.stderr)
    return 1 if report.refused else 0
