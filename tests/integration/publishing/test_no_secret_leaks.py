"""Secrets live only in the keyring: after accounts are added through the CLI (secrets on stdin)
and posts are published on every network with verbose logging, no secret appears in the library
folder, the logs, an export, a ready-to-post package, a webhook body or the commands' output."""

from __future__ import annotations

import io
import json
import logging
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from servers.base import FakeServer, Response
from servers.library import due_post, open_library
from servers.mastodon import FakeMastodon
from servers.pds import PDS
from servers.telegram import FakeTelegram

from studio import secrets
from studio.cli import main
from studio.logs import setup_logging


class Receiver(FakeServer):
    def __init__(self) -> None:
        super().__init__()
        self.route("POST", r"/hook", lambda request, match: Response(200, {"id": "ok"}))


@pytest.fixture
def verbose_log() -> Iterator[Path]:
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    for handler in before:  # an earlier test's CLI run may have set up non-verbose logging
        root.removeHandler(handler)
    path = setup_logging(verbose=True)
    assert path is not None
    yield path.parent
    for handler in root.handlers[:]:
        root.removeHandler(handler)
        handler.close()
    for handler in before:
        root.addHandler(handler)
    root.setLevel(level)


def _cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: list[str], stdin: str = "") -> str:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out + out.err


def _files(*folders: Path) -> Iterator[Path]:
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                yield path


@pytest.mark.integration
def test_no_secret_anywhere_but_the_keyring(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], verbose_log: Path,
    mastodon_server: FakeMastodon, telegram_server: FakeTelegram, pds: PDS, image: Path,
) -> None:
    library_dir = tmp_path / "library"
    packages = tmp_path / "by hand"
    lib = ["--library", str(library_dir)]
    handle, password, _ = pds.create_account("leak")
    webhook_secret = "whsec-" + os.urandom(12).hex()
    with Receiver() as receiver:
        output = ""
        output += _cli(monkeypatch, capsys, ["accounts", "add", "mastodon", "--client", "Acme", "--server",
                                             mastodon_server.url, *lib], mastodon_server.token + "\n")
        output += _cli(monkeypatch, capsys, ["accounts", "add", "telegram", "--client", "Acme", "--server",
                                             telegram_server.url, "--chat-id", telegram_server.chat_id, *lib],
                       telegram_server.token + "\n")
        output += _cli(monkeypatch, capsys, ["accounts", "add", "bluesky", "--client", "Acme", "--server", pds.url,
                                             "--handle", handle, *lib], password + "\n")
        output += _cli(monkeypatch, capsys, ["accounts", "add", "webhook", "--client", "Acme", "--server",
                                             f"{receiver.url}/hook", *lib], webhook_secret + "\n")
        output += _cli(monkeypatch, capsys, ["accounts", "add", "folder", "--client", "Acme", "--server",
                                             str(packages), *lib])
        library = open_library(library_dir)
        try:
            accounts = library.list_accounts()
            assert len(accounts) == 5
            for account in accounts:
                due_post(library, account.id, f"Hello {account.network}", images=[(image, "An orange square")])
            refs = [account.secret_ref for account in accounts if account.secret_ref]
        finally:
            library.close()
        published = _cli(monkeypatch, capsys, ["publish", "--due", "--json", *lib])
        report = json.loads(next(line for line in published.splitlines() if line.startswith("{")))
        assert report["published"] == 5, published
        output += published
        output += _cli(monkeypatch, capsys, ["accounts", "list", "--json", *lib])
        output += _cli(monkeypatch, capsys, ["accounts", "test", "1", *lib])
        output += _cli(monkeypatch, capsys, ["publish", "--list", "--json", *lib])
        export = tmp_path / "export.json"
        output += _cli(monkeypatch, capsys, ["drafts", "export", str(export), *lib])
        bodies = b"".join(request.body for request in receiver.requests)

    secret_values = [mastodon_server.token, telegram_server.token, password, webhook_secret]
    assert sorted(secrets.load(ref) for ref in refs) == sorted(secret_values)  # they are in the keyring
    from studio.publishing.base import session_ref

    sessions = [secrets.load(session_ref(ref)) for ref in refs if ref.startswith("bluesky:")]
    assert len(sessions) == 1  # the Bluesky login session is a secret too, kept in the keyring
    secret_values += sessions
    logs = verbose_log
    log_text = "".join(path.read_text(encoding="utf-8", errors="replace") for path in _files(logs))
    assert "/bot<token>/sendPhoto" in log_text  # the verbose log did see Telegram's URLs, redacted
    places = [*_files(library_dir), *_files(logs), export, *_files(packages)]
    for secret in secret_values:
        needle = secret.encode()
        for path in places:
            assert needle not in path.read_bytes(), f"a secret leaked into {path}"
        assert needle not in bodies
        assert secret not in output
        assert not re.search(re.escape(secret), repr(os.environ))


@pytest.mark.integration
def test_no_token_key_pair_or_api_key_of_the_new_networks_leaks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], verbose_log: Path,
    instagram_server: Any, media_bucket: Any, image: Path,
) -> None:
    """Instagram with its media host, Facebook, LinkedIn and Postiz, added and published through the
    CLI with verbose logging: the tokens, the bucket's secret key and the API key stay in the keyring."""
    from conftest import KEYS
    from servers.linkedin import FakeLinkedIn
    from servers.meta import FakeFacebook
    from servers.postiz import FakePostiz

    library_dir = tmp_path / "library"
    lib = ["--library", str(library_dir)]
    host = media_bucket[0]
    with FakeFacebook() as facebook, FakeLinkedIn() as linkedin, FakePostiz() as postiz:
        output = _cli(monkeypatch, capsys, [
            "accounts", "add", "instagram", "--client", "Acme", "--server", f"{instagram_server.url}/v23.0",
            "--media-endpoint", host["endpoint"], "--media-bucket", host["bucket"], *lib,
        ], f"{instagram_server.token}\n{KEYS[0]}\n{KEYS[1]}\n")
        output += _cli(monkeypatch, capsys, ["accounts", "add", "facebook", "--client", "Acme", "--server",
                                             f"{facebook.url}/v23.0", *lib], facebook.token + "\n")
        output += _cli(monkeypatch, capsys, ["accounts", "add", "linkedin", "--client", "Acme", "--server",
                                             linkedin.url, *lib], linkedin.token + "\n")
        output += _cli(monkeypatch, capsys, ["accounts", "add", "postiz", "--client", "Acme", "--server", postiz.base,
                                             "--integration", "Kettles TikTok", *lib], postiz.api_key + "\n")
        library = open_library(library_dir)
        try:
            for account in library.list_accounts():
                due_post(library, account.id, f"Hello {account.network}", images=[(image, "An orange square")])
        finally:
            library.close()
        published = _cli(monkeypatch, capsys, ["publish", "--due", "--json", *lib])
        report = json.loads(next(line for line in published.splitlines() if line.startswith("{")))
        assert report["published"] == 4, published
        output += published + _cli(monkeypatch, capsys, ["accounts", "list", "--json", *lib])
    secret_values = [instagram_server.token, KEYS[1], facebook.token, linkedin.token, postiz.api_key]
    places = [*_files(library_dir), *_files(verbose_log)]
    for secret in secret_values:
        for path in places:
            assert secret.encode() not in path.read_bytes(), f"a secret leaked into {path}"
        assert secret not in output
