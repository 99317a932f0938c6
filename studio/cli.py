"""The ``studio`` command.

``studio`` with no sub-command opens the GUI; ``studio --smoke`` builds the real main window, waits
for its first paint and prints one JSON line of timings; sub-commands run headless over the same
core functions as the GUI and never import QtWidgets, so they start fast and run on a server.

Each area of the core that has commands owns a module listed in :data:`COMMAND_MODULES` with a
function ``register(subparsers, common)`` that adds its sub-parsers (built with ``parents=[common]``)
and sets ``handler=<callable(args) -> int>`` on each. Those modules keep their top-level imports
light: the heavy ones go inside the handlers.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from studio import __version__
from studio.errors import StudioError, UsageError

log = logging.getLogger(__name__)

COMMAND_MODULES: tuple[str, ...] = (
    "studio.grammar.commands",
    "studio.imaging.commands",
    "studio.library.commands",
    "studio.publishing.commands",
)


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


def build_parser() -> argparse.ArgumentParser:
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
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in COMMAND_MODULES:
        # A module that is not there is an area without commands yet; an import error inside an
        # existing module is a bug and is raised.
        try:
            if importlib.util.find_spec(name) is None:
                continue
        except ModuleNotFoundError:
            continue
        importlib.import_module(name).register(subparsers, common)
    return parser


def library_dir(args: argparse.Namespace) -> Path:
    """The library folder the command works on: ``--library``, ``$STUDIO_LIBRARY`` or the default."""
    from studio.paths import default_library_dir

    chosen = getattr(args, "library", None)
    return Path(chosen).expanduser() if chosen else default_library_dir()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
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
