"""Studios for the team tests: library folders linked through the real CLI."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from studio.cli import main
from studio.library import Library
from studio.team.engine import Report, SyncEngine


def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *argv: str,
        stdin: str = "") -> tuple[int, str, str]:
    """``studio ARGV`` in this process; returns (exit status, stdout, stderr)."""
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def init_team(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, folder: Path, url: str,
              password: str) -> None:
    code, _out, err = run(capsys, monkeypatch, "team", "init", url, "--library", str(folder), "--password-stdin",
                         stdin=password + "\n")
    assert code == 0, err


def invite(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, folder: Path, name: str,
           roles: str, *clients: str) -> dict[str, object]:
    args = ["team", "invite", name, "--role", roles, "--json", "--library", str(folder)]
    for client in clients:
        args += ["--client", client]
    code, out, err = run(capsys, monkeypatch, *args)
    assert code == 0, err
    invitation: dict[str, object] = json.loads(out)
    return invitation


def join(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, folder: Path,
         invitation: dict[str, object]) -> None:
    code, _out, err = run(capsys, monkeypatch, "team", "join", str(invitation["url"]), "--library", str(folder),
                         "--password-stdin", stdin=f"{invitation['password']}\n")
    assert code == 0, err


def sync(folder: Path) -> Report:
    """One sync round of the library in ``folder`` (what ``studio sync`` runs), in this process."""
    with Library.open(folder) as library:
        engine = SyncEngine(library)
        try:
            return engine.sync_once()
        finally:
            engine.close()
