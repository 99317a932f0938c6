"""The ``studio`` command.

``studio`` with no sub-command opens the GUI; ``studio --smoke`` builds the real main window, waits
for its first paint and prints one JSON line of timings; sub-commands run headless over the same
core functions as the GUI and never import QtWidgets, so they start fast and run on a server.

Each area of the core that has commands owns a module listed in :data:`COMMAND_MODULES` with a
function ``register(subparsers, common)`` that adds its sub-parsers (built with ``parents=[common]``)
and sets ``handler=<callable(args) -> int>`` on each. Those modules keep their top-level imports
light: the heavy ones go inside the handlers. :data:`COMMANDS` names each command's module, so
opening the GUI (no command named) imports none of them: start-up time matters there.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from studio import __version__
from studio.commandline import library_dir
from studio.errors import StudioError, UsageError

log = logging.getLogger(__name__)

COMMANDS: dict[str, str] = {
    "check": "studio.grammar.commands",
    "presets": "studio.imaging.commands",
    "export-image": "studio.imaging.commands",
    "drafts": "studio.library.commands",
    "library": "studio.library.commands",
    "accounts": "studio.publishing.commands",
    "publish": "studio.publishing.commands",
    "scheduler": "studio.publishing.commands",
    "review": "studio.review.commands",
    "team": "studio.team.commands",
    "sync": "studio.team.commands",
    "metrics": "studio.analytics.commands",
    "report": "studio.analytics.commands",
}
COMMAND_MODULES: tuple[str, ...] = tuple(dict.fromkeys(COMMANDS.values()))


def _common_options() -> argparse.ArgumentParser:
    """Options every command takes, before or after the sub-command's name."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--library",
        metavar="DIR",
        type=Path,
        default=argparse.SUPPRESS,
        help="the library folder (default: $STUDIO_LIBRARY or the embedded library)",
    )
    return common


def build_parser(modules: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser with the sub-commands of ``modules``: all of them by default, none (``()``) for
    the GUI's path."""
    common = _common_options()
    parser = argparse.ArgumentParser(
        prog="studio",
        description="Studio: write, check, crop and schedule social media posts. "
        "With no command, opens the app.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"studio {__version__}")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="build the main window, wait for its first paint, print timings as JSON and exit",
    )
    wanted = COMMAND_MODULES if modules is None else tuple(modules)
    if not wanted:
        return parser
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in wanted:
        importlib.import_module(name).register(subparsers, common)
    return parser


def modules_for(argv: Sequence[str]) -> tuple[str, ...] | None:
    """Only the command modules this command line needs (start-up time of each command): none to
    open the app, the named command's own module, or all (``None``) for ``--help`` and for a word
    that is no command (argparse then lists the choices)."""
    words = _positionals(argv)
    if words:
        return (COMMANDS[words[0]],) if words[0] in COMMANDS else None
    return None if any(word in ("-h", "--help") for word in argv) else ()


def _positionals(argv: Sequence[str]) -> list[str]:
    words, skip = [], False
    for word in argv:
        if skip:
            skip = False
        elif word == "--library":
            skip = True
        elif not word.startswith("-"):
            words.append(word)
    return words


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(modules_for(words))
    args = parser.parse_args(words)
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            from studio.ui.app import run_gui

            return run_gui(library_dir(args), smoke=args.smoke)
        return int(handler(args))
    except UsageError as error:
        print(f"studio: {error.for_humans()}", file=sys.stderr)
        return 2
    except StudioError as error:
        print(f"studio: {error.for_humans()}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("studio: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # a bug: one line for the user, the traceback for the log
        from studio.logs import log_file, setup_logging

        setup_logging()
        log.exception("Unexpected error in %s", argv if argv is not None else sys.argv[1:])
        print(f"studio: unexpected error: {error} (details in {log_file()})", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
