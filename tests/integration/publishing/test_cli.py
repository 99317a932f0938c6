"""``studio accounts`` and ``studio publish`` from a terminal (secrets on stdin, never in argv)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from servers.library import due_post, open_library
from servers.mastodon import FakeMastodon

from studio import secrets
from studio.cli import main


def _run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: list[str],
         stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_accounts_add_list_test_remove_and_publish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], mastodon_server: FakeMastodon
) -> None:
    lib = ["--library", str(tmp_path / "lib")]
    code, out, err = _run(monkeypatch, capsys, ["accounts", "add", "mastodon", "--client", "Acme", "--server",
                                                mastodon_server.url, "--slot", "mon 09:30", "--json", *lib],
                          mastodon_server.token + "\n")
    assert code == 0, err
    added = json.loads(out)
    # a time that does not exist is refused before anything is stored, in one line
    bad, _, said = _run(monkeypatch, capsys, ["accounts", "add", "mastodon", "--client", "Acme", "--server",
                                              mastodon_server.url, "--slot", "mon 25:99", *lib], "x\n")
    assert bad == 2 and "“mon 25:99” is not a posting slot" in said and "Traceback" not in said
    assert added["handle"] == "studio" and added["settings"]["max_characters"] == 500
    assert added["slots"] == [{"weekday": 0, "time": "09:30"}]
    code, out, _ = _run(monkeypatch, capsys, ["accounts", "list", "--json", *lib])
    assert [a["id"] for a in json.loads(out)] == [added["id"]]
    code, out, _ = _run(monkeypatch, capsys, ["accounts", "test", str(added["id"]), *lib])
    assert code == 0 and out.startswith("OK: studio (Studio Test)") and "max_characters 500" in out

    library = open_library(tmp_path / "lib")
    try:
        publication = due_post(library, added["id"], "from cron")
    finally:
        library.close()
    code, out, err = _run(monkeypatch, capsys, ["publish", "--due", "--json", *lib])
    assert code == 0, err
    report = json.loads(out)
    assert report["published"] == 1 and report["results"][0]["publication_id"] == publication
    code, out, err = _run(monkeypatch, capsys, ["publish", "--cancel", str(publication), *lib])
    assert code == 1 and "published cannot be cancelled" in err

    library = open_library(tmp_path / "lib")
    ref = library.get_account(added["id"]).secret_ref
    library.close()
    code, out, _ = _run(monkeypatch, capsys, ["accounts", "remove", str(added["id"]), *lib])
    assert code == 0
    with pytest.raises(secrets.SecretMissing):
        secrets.load(ref)


def test_clear_messages_for_a_bad_token_a_wrong_url_and_missing_fields(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], mastodon_server: FakeMastodon
) -> None:
    lib = ["--library", str(tmp_path / "lib")]
    base = ["accounts", "add", "mastodon", "--client", "Acme", *lib]
    code, _, err = _run(monkeypatch, capsys, [*base, "--server", mastodon_server.url], "wrong-token\n")
    assert code == 1 and "refused this access token" in err and "Traceback" not in err
    code, _, err = _run(monkeypatch, capsys, [*base, "--server", "mastodon.example"], "t\n")
    assert code == 1 and "is not a server address" in err
    code, _, err = _run(monkeypatch, capsys, [*base, "--server", "http://127.0.0.1:9"], "t\n")
    assert code == 1 and "Could not reach" in err
    code, _, err = _run(monkeypatch, capsys, base, "t\n")
    assert code == 2 and "needs its server's address" in err
    code, _, err = _run(monkeypatch, capsys, [*base, "--server", mastodon_server.url], "\n")
    assert code == 2 and "No access token was given" in err
    code, _, err = _run(monkeypatch, capsys, ["publish", *lib])
    assert code == 2 and "studio publish --due" in err
    assert not (tmp_path / "lib" / "library.sqlite3").exists() or "wrong-token" not in (
        tmp_path / "lib" / "library.sqlite3").read_bytes().decode("latin-1")


def test_an_instagram_account_with_a_media_host_from_the_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], media_bucket: tuple
) -> None:
    """Token, then the bucket's key pair, all on stdin; the bucket is checked with a real upload."""
    from conftest import KEYS
    from servers.meta import FakeInstagram

    from studio.publishing import mediahost

    host, _proxy, _bucket = media_bucket
    lib = ["--library", str(tmp_path / "lib")]
    with FakeInstagram() as instagram:
        code, out, err = _run(monkeypatch, capsys, [
            "accounts", "add", "instagram", "--client", "Acme", "--server", f"{instagram.url}/v23.0",
            "--media-endpoint", host["endpoint"], "--media-bucket", host["bucket"], "--json", *lib,
        ], f"{instagram.token}\n{KEYS[0]}\n{KEYS[1]}\n")
        assert code == 0, err
        added = json.loads(out)
        assert added["handle"] == "studio.ig" and added["settings"]["user_id"] == instagram.user_id
        assert added["settings"]["media_host"]["bucket"] == host["bucket"]
        assert KEYS[1] not in out and "token_expires_at" in added["settings"]
        library = open_library(tmp_path / "lib")
        try:
            ref = library.get_account(added["id"]).secret_ref
        finally:
            library.close()
        assert mediahost.load_keys(ref) == KEYS
        code, out, err = _run(monkeypatch, capsys, ["accounts", "test", str(added["id"]), *lib])
        assert code == 0, err
        code, out, err = _run(monkeypatch, capsys, ["accounts", "list", *lib])
        assert "instagram" in out and "token until 20" in out
        code, out, err = _run(monkeypatch, capsys, ["accounts", "remove", str(added["id"]), *lib])
        assert code == 0, err
        with pytest.raises(mediahost.MediaHostProblem, match="missing"):
            mediahost.load_keys(ref)
