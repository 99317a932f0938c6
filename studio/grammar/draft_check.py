"""``studio check --draft ID``: a draft of the library checked as it will go out.

Each target network is counted on the text it gets (:func:`studio.drafting.parts_for`: its thread
part by part, its variant, or the base text), as the Write page counts it and the runner sends it.
Every distinct text (the base text, each variant, each thread part) is checked for grammar in one
LanguageTool request, as the paragraphs of one text (:class:`studio.drafting.ThreadText`), and each
issue is reported in the text it belongs to; brand rules are the draft's client's.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from studio.errors import UsageError


@dataclass
class Piece:
    """One text of the draft and the networks that post it."""

    where: str  # "base text", "bluesky variant", "bluesky part 2 of 3"
    text: str
    networks: list[str]
    counts: dict[str, Any] = field(default_factory=dict)
    issues: list[Any] = field(default_factory=list)


def pieces_of(draft: Any, wanted: list[str]) -> list[Piece]:
    """The distinct texts of ``draft`` that the networks ``wanted`` get (the base text always)."""
    from studio.drafting import DraftText

    text = DraftText.of(draft)
    pieces = [Piece("base text", text.text, [n for n in wanted if not text.has_thread(n) and not text.has_variant(n)])]
    for network in wanted:
        parts = text.parts_for(network)
        if text.has_thread(network):
            pieces += [Piece(f"{network} part {i} of {len(parts)}", part, [network]) for i, part in enumerate(parts, 1)]
        elif text.has_variant(network):
            pieces.append(Piece(f"{network} variant", parts[0], [network]))
    return pieces


def run_draft_check(args: argparse.Namespace, grammar_issues: Callable[[str, str | None, Any], list[Any]],
                    print_report: Callable[[str, dict[str, Any], list[Any]], None]) -> int:
    """``studio check --draft``; ``grammar_issues`` and ``print_report`` are ``studio check``'s own."""
    from studio.commandline import open_library
    from studio.drafting import DraftText, ThreadText
    from studio.library import NotFound
    from studio.text import brand_issues, count, server_limits
    from studio.text import networks as text_networks

    if args.file != "-" or args.client:
        raise UsageError("--draft checks a draft of the library, with its own client.",
                         "Leave out FILE and --client, or leave out --draft.")
    with open_library(args) as library:
        try:
            draft = library.get_draft(args.draft)
        except NotFound as error:
            raise UsageError(f"There is no draft {args.draft} in this library.",
                             "`studio drafts list` shows the drafts and their numbers.") from error
        client = library.get_client(draft.client_id)
        limits = server_limits(library.list_accounts(client.id))
    known = dict(text_networks())
    if args.network is not None:
        wanted = [name.strip() for name in args.network.split(",") if name.strip()]
    else:
        wanted = DraftText.of(draft, known=known).targets
    pieces = pieces_of(draft, list(dict.fromkeys(wanted)))
    found: list[list[Any]] = [[] for _ in pieces]
    if not args.no_grammar:
        thread = ThreadText.of([piece.text for piece in pieces])
        found = thread.issues_by_part(grammar_issues(thread.text, args.lang or draft.language, client))
    for piece, issues in zip(pieces, found, strict=True):
        piece.counts = {name: count(piece.text, name, limit=limits.get(name)) for name in piece.networks}
        piece.issues = sorted([*brand_issues(piece.text, client.brand_rules), *issues],
                              key=lambda issue: (issue.start, issue.end, issue.rule))
    if args.json:
        print(json.dumps({"draft": draft.id, "texts": [{
            "where": piece.where, "text": piece.text,
            "networks": {name: {k: v for k, v in c.to_json().items() if k != "network"} for name, c in piece.counts.items()},
            "issues": [issue.to_json() for issue in piece.issues],
        } for piece in pieces]}, ensure_ascii=False, indent=2))
    else:
        for piece in pieces:
            print(f"== {piece.where} ({', '.join(piece.networks) or 'no network'}) ==")
            print_report(piece.text, piece.counts, piece.issues)
    fine = all(not piece.issues and all(c.ok for c in piece.counts.values()) for piece in pieces)
    return 0 if fine else 1
