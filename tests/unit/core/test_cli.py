"""The `studio` command's frame: version, help, errors, and headless sub-commands without Qt widgets."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

import pytest

from studio import __version__
from studio.cli import build_parser, main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"studio {__version__}"


def test_library_option_is_accepted_before_and_after_a_command() -> None:
    parser = build_parser()
    assert str(parser.parse_args(["--library", "/tmp/a"]).library) == "/tmp/a"
    assert str(parser.parse_args(["--library", "/tmp/a", "drafts", "list"]).library) == "/tmp/a"
    assert str(parser.parse_args(["drafts", "list", "--library", "/tmp/b"]).library) == "/tmp/b"


def _command_names() -> list[str]:
    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return sorted(action.choices)
    return []


def test_headless_commands_do_not_import_qt_widgets() -> None:
    """Every sub-command's --help runs without loading QtWidgets (server use, fast start)."""
    probe = (
        "import sys\n"
        "from studio.cli import main\n"
        "name = sys.argv[1]\n"
        "try:\n"
        "    main([name, '--help'] if name else ['--version'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('QtWidgets' if 'PySide6.QtWidgets' in sys.modules else 'clean')\n"
    )
    for name in ["", *_command_names()]:
        result = subprocess.run([sys.executable, "-c", probe, name], capture_output=True, text=True,
                                env=dict(os.environ), timeout=120, check=True)
        assert result.stdout.strip().splitlines()[-1] == "clean", name or "--version"


def test_the_command_table_names_every_registered_command() -> None:
    """COMMANDS lets the GUI path skip importing the command modules; it must stay complete."""
    from studio.cli import COMMANDS

    assert set(_command_names()) == set(COMMANDS)


def test_opening_the_gui_imports_no_command_module() -> None:
    probe = (
        "import sys\n"
        "import studio.cli as cli\n"
        "cli.build_parser(cli.modules_for(['--smoke', '--library', 'x']))\n"
        "print(sorted(m for m in cli.COMMAND_MODULES if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "[]"


def test_a_command_imports_only_its_own_module() -> None:
    from studio.cli import modules_for

    assert modules_for(["--library", "lib", "drafts", "search", "x"]) == ("studio.library.commands",)
    assert modules_for(["check", "--network", "x"]) == ("studio.grammar.commands",)
    assert modules_for(["--smoke"]) == ()
    assert modules_for(["--help"]) is None
    assert modules_for(["bogus"]) is None
