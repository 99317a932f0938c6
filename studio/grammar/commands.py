"""``studio check``: lengths per network, grammar and brand rules of a text, from a terminal.

Headless and light at import: LanguageTool, the library and the text rules load in the handler.
Exit status: 0 when there is no issue and every network is within its limit, 1 otherwise, 2 on
usage errors (bad arguments, unreadable input, an unknown network or client).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from studio.errors import UsageError


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    check = subparsers.add_parser(
        "check", parents=[common], help="check a text's length, grammar and brand rules",
        description="Check a post: its length on each network, grammar and spelling (LanguageTool, "
        "as chosen in Settings → Grammar) and the client's brand rules. Reads FILE, or standard "
        "input for '-' or no FILE; one final line break is not part of the text. Exit status: 0 "
        "when all is well, 1 when something needs fixing, 2 on usage errors.",
    )
    check.add_argument("file", nargs="?", default="-", metavar="FILE",
                       help="the text to check ('-' or nothing: standard input)")
    check.add_argument("--network", metavar="LIST",
                       help="networks to count for, comma-separated (x,mastodon,bluesky,...); "
                       "default: the client's networks, or none")
    check.add_argument("--lang", metavar="CODE",
                       help="language: a LanguageTool code such as en-US, en-GB, de-DE, 'id' for Indonesian "
                       "(checked by Studio itself, offline), or 'auto' (default: the client's language, or auto)")
    check.add_argument("--client", metavar="NAME",
                       help="use this client's networks, language, dictionary and brand rules")
    check.add_argument("--draft", metavar="ID", type=int,
                       help="check draft ID of the library instead of FILE: what each of its networks "
                       "gets (its variant, its thread part by part), with its client's rules")
    check.add_argument("--no-grammar", action="store_true",
                       help="skip LanguageTool: only lengths and brand rules")
    check.add_argument("--json", action="store_true",
                       help='print {"networks": {...}, "issues": [...]} (offsets in code points)')
    check.set_defaults(handler=run_check)


def read_text(name: str) -> str:
    """The text in file ``name`` ('-': standard input), without one final line break."""
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).expanduser().read_bytes()
    except FileNotFoundError as error:
        raise UsageError(f"There is no file {name!r}.", "Check the path.") from error
    except IsADirectoryError as error:
        raise UsageError(f"{name!r} is a folder, not a text file.", "Give a text file.") from error
    except OSError as error:
        raise UsageError(f"Cannot read {name!r}: {error.strerror or error}.", "") from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UsageError(
            f"{'The input' if name == '-' else repr(name)} is not UTF-8 text "
            f"(bad byte at position {error.start}).",
            "Save it as UTF-8 and try again.",
        ) from error
    if text.endswith("\r\n"):
        return text[:-2]
    return text.removesuffix("\n")


def _client(args: argparse.Namespace) -> tuple[Any, list[str], dict[str, int]]:
    """The client named by ``--client`` (name or id), its networks and its servers' own limits
    (a Mastodon server's ``max_characters``); ``(None, [], {})`` without ``--client``. Opens the
    library only then."""
    if not args.client:
        return None, [], {}
    from studio.commandline import open_library

    with open_library(args) as library:
        client = library.find_client(args.client)
        if client is None and args.client.isdigit():
            from studio.library import NotFound

            try:
                client = library.get_client(int(args.client))
            except NotFound:
                client = None
        if client is None:
            names = ", ".join(c.name for c in library.list_clients()) or "none yet"
            raise UsageError(f"There is no client {args.client!r}.", f"Clients: {names}.")
        # Webhook and folder accounts post the base text anywhere: they have no length rules.
        from studio.text import networks as text_networks
        from studio.text import server_limits

        counted = dict(text_networks())
        accounts = library.list_accounts(client.id)
        networks = sorted({a.network for a in accounts if a.network in counted})
    # The client's own words (name, handles, brand words) are in its dictionary from the start; a
    # client made before that rule gets them here.
    from dataclasses import replace

    from studio.text.dictionary import own_words

    mine = own_words(client.name, [(account.network, account.handle) for account in accounts], client.brand_rules)
    client = replace(client, dictionary=tuple(dict.fromkeys((*client.dictionary, *mine))))
    return client, networks, server_limits(accounts)


def run_check(args: argparse.Namespace) -> int:
    from studio.model import BrandRules
    from studio.text import brand_issues, count

    if args.draft is not None:
        from studio.grammar.draft_check import run_draft_check

        return run_draft_check(args, grammar_issues, print_report)
    text = read_text(args.file)
    client, client_networks, limits = _client(args)
    if args.network is not None:
        networks = [name.strip() for name in args.network.split(",") if name.strip()]
        if not networks:
            raise UsageError("--network needs at least one network name.", "For example: --network x,mastodon")
    else:
        networks = client_networks
    counts = {name: count(text, name, limit=limits.get(name)) for name in dict.fromkeys(networks)}

    issues = list(brand_issues(text, client.brand_rules if client else BrandRules()))
    if not args.no_grammar:
        issues += grammar_issues(text, args.lang, client)
    issues.sort(key=lambda issue: (issue.start, issue.end, issue.rule))

    if args.json:
        payload = {
            "networks": {name: _without_network(c.to_json()) for name, c in counts.items()},
            "issues": [issue.to_json() for issue in issues],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print_report(text, counts, issues)
    return 0 if not issues and all(c.ok for c in counts.values()) else 1


def grammar_issues(text: str, language: str | None, client: Any) -> list[Any]:
    """LanguageTool's issues in ``text``, the way the settings say to reach it."""
    from studio.grammar import GrammarConfig, GrammarService, GrammarUnavailable, IncrementalChecker
    from studio.model import grammar_language
    from studio.paths import config_dir
    from studio.settings import Settings

    config = GrammarConfig.from_settings(Settings(config_dir() / "settings.json"))
    if config.mode == "off":
        print("studio: grammar checking is off in Settings → Grammar; checked lengths and brand "
              "rules only.", file=sys.stderr)
        return []
    service = GrammarService(config, reuse_running=True)  # the app's server, when it runs one
    checker = IncrementalChecker(service)
    try:
        language, prefer, default = grammar_language(language, client.language if client else None)
        return checker.check(
            text, language,
            dictionary=client.dictionary if client else (),
            disabled_rules=client.ignored_rules if client else (),
            prefer=prefer, default_language=default,
        )
    except GrammarUnavailable as error:
        hint = f"{error.hint} Or run with --no-grammar to check lengths and brand rules only."
        raise type(error)(error.message, hint.strip()) from error
    finally:
        checker.close()
        service.close()


def _without_network(counted: dict[str, Any]) -> dict[str, Any]:
    counted.pop("network", None)  # the key it is filed under already says it
    return counted


def print_report(text: str, counts: dict[str, Any], issues: list[Any]) -> None:
    for name, c in counts.items():
        # Every measure: Bluesky's bytes or Instagram's hashtags can be over while the main one is not.
        measures = ", ".join(
            f"{m.length}/{m.limit} {m.unit}" + ("" if m.ok else f" (over by {m.length - m.limit})")
            for m in c.measures
        )
        print(f"{name}: {measures} ({'ok' if c.ok else 'not ok'})")
        for problem in c.problems:
            print(f"{name}: {problem}")
    for issue in issues:
        line = text.count("\n", 0, issue.start) + 1
        column = issue.start - (text.rfind("\n", 0, issue.start) + 1) + 1
        found = text[issue.start:issue.end].replace("\n", " ")
        suggestion = f" → {', '.join(issue.replacements[:3])}" if issue.replacements else ""
        print(f"{line}:{column}: {issue.category}: {issue.message} [{found}]{suggestion} ({issue.rule})")
    if not issues and all(c.ok for c in counts.values()):
        print("No issues.")
