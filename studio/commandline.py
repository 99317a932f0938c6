"""What the command modules share: the library a command works on and its usage exit.

The core's ``*/commands.py`` import this module, never :mod:`studio.cli`: the CLI is the face that
dispatches to them, so an arrow from a command module back to it would be a circle.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from studio.errors import UsageError

if TYPE_CHECKING:
    from studio.library import Library


def library_dir(args: argparse.Namespace) -> Path:
    """The library folder the command works on: ``--library``, ``$STUDIO_LIBRARY`` or the default."""
    from studio.paths import default_library_dir

    chosen = getattr(args, "library", None)
    return Path(chosen).expanduser() if chosen else default_library_dir()


def open_library(args: argparse.Namespace, *, create: bool = False,
                 hint: str = "Check --library or $STUDIO_LIBRARY.") -> Library:
    """The library of ``--library``/``$STUDIO_LIBRARY``. Only a command that adds to a library may
    start a new one (``create``): a typo in a path, in a cron line above all, must say so instead
    of quietly working on a new, empty library."""
    from studio.library import DATABASE_NAME, Library

    folder = library_dir(args)
    if not create and not (folder / DATABASE_NAME).is_file():
        raise UsageError(f"There is no library in {folder}.", hint)
    return Library.open(folder)


def print_usage(parser: argparse.ArgumentParser) -> int:
    """A command group called without its action: its help on stderr, exit status 2."""
    parser.print_help(sys.stderr)
    return 2
