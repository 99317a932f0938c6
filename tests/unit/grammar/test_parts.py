"""The pieces of the grammar engine that need no server: paragraphs, categories, languages, modes,
and the errors that say why checking cannot run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from studio.grammar import (
    GrammarConfig,
    GrammarService,
    GrammarUnavailable,
    JavaMissing,
    LanguageToolMissing,
    detect_language,
    split_paragraphs,
)
from studio.grammar.client import category_of
from studio.grammar.local import LocalServer, find_jar, parse_java_version
from studio.grammar.service import api_url


def test_paragraphs_carry_their_positions() -> None:
    text = "First line\nstill first.\n\n\nSecond 😀.\n   \nThird"
    paragraphs = split_paragraphs(text)
    assert [p.text for p in paragraphs] == ["First line\nstill first.", "Second 😀.", "Third"]
    for paragraph in paragraphs:
        assert text[paragraph.start:paragraph.start + len(paragraph.text)] == paragraph.text


def test_long_blocks_are_cut_at_line_breaks() -> None:
    line = "word " * 60  # 300 code points
    text = "\n".join([line] * 10)
    paragraphs = split_paragraphs(text)
    assert len(paragraphs) > 1
    assert all(len(p.text) <= 1000 for p in paragraphs)
    assert "".join(p.text + "\n" for p in paragraphs).rstrip("\n") == text


def test_empty_and_blank_texts_have_no_paragraphs() -> None:
    assert split_paragraphs("") == []
    assert split_paragraphs("\n \n\t\n") == []


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ({"issueType": "misspelling", "category": {"id": "TYPOS"}}, "spelling"),
        ({"issueType": "grammar", "category": {"id": "GRAMMAR"}}, "grammar"),
        ({"issueType": "style", "category": {"id": "REDUNDANCY"}}, "style"),
        ({"issueType": "typographical", "category": {"id": "TYPOGRAPHY"}}, "typography"),
        ({"issueType": "whitespace", "category": {"id": "TYPOGRAPHY"}}, "typography"),
        ({"issueType": "uncategorized", "category": {"id": "MISC"}}, "other"),
        ({"issueType": "", "category": {"id": "PUNCTUATION"}}, "punctuation"),
        # LanguageTool calls most punctuation rules "typographical"; their category says punctuation.
        ({"issueType": "typographical", "category": {"id": "PUNCTUATION"}}, "punctuation"),
        ({"issueType": "grammar", "category": {"id": "CASING"}}, "grammar"),
        ({"issueType": "style", "category": {"id": "MISC"}}, "style"),
    ],
)
def test_categories(rule: dict[str, object], expected: str) -> None:
    assert category_of({"rule": rule}) == expected


def test_a_match_carries_its_rule_in_words() -> None:
    from studio.grammar.client import issues_from_matches

    match = {"offset": 0, "length": 3, "message": "Possible typo", "replacements": [{"value": "The"}],
             "rule": {"id": "MORFOLOGIK_RULE_EN_US", "description": "Possible spelling mistake",
                      "issueType": "misspelling", "category": {"id": "TYPOS"}}}
    [issue] = issues_from_matches("Teh cat", [match])
    assert (issue.rule, issue.description, issue.category) == (
        "MORFOLOGIK_RULE_EN_US", "Possible spelling mistake", "spelling")
    assert issue.to_json()["description"] == "Possible spelling mistake"


def test_language_detection() -> None:
    assert detect_language("We are launching our new app today and we love it.") == "en-US"
    assert detect_language("Wir haben heute unsere neue App gestartet und sind froh.") == "de-DE"
    assert detect_language("Hoy lanzamos nuestra nueva aplicación y estamos muy felices.") == "es"
    assert detect_language("This is the colour of our new van", prefer=["en-GB"]) == "en-GB"
    assert detect_language("Ok!", default="de-DE") == "de-DE"
    # A language the server lacks falls back to the default rather than a code it would refuse.
    assert detect_language("Le chat est sur la table et il dort.", default="en-US",
                           available={"en-US", "de-DE"}) == "en-US"


@pytest.mark.parametrize(
    ("output", "major"),
    [
        ('openjdk version "17.0.15" 2025-04-15', 17),
        ('java version "1.8.0_392"', 8),
        ('openjdk version "21" 2023-09-19', 21),
        ("garbage", 0),
    ],
)
def test_java_versions(output: str, major: int) -> None:
    assert parse_java_version(output) == major


def test_missing_jars_say_where_they_were_looked_for(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LTP_JAR_DIR_PATH", str(tmp_path / "nothing-here"))
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "no-downloads"))
    with pytest.raises(LanguageToolMissing) as caught:
        find_jar()
    assert "not installed" in caught.value.message
    assert str(tmp_path / "nothing-here") in caught.value.hint


def test_missing_java_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    service = GrammarService(GrammarConfig("local"), local=LocalServer(jar=tmp_path / "x.jar"))
    with pytest.raises(JavaMissing) as caught:
        service.start()
    assert "Java 17" in caught.value.message
    assert "Settings" in caught.value.hint


def test_old_java_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    java = tmp_path / "java"
    java.write_text('#!/bin/sh\necho \'java version "1.8.0_392"\' >&2\n')
    java.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    service = GrammarService(GrammarConfig("local"), local=LocalServer(jar=tmp_path / "x.jar"))
    with pytest.raises(JavaMissing) as caught:
        service.start()
    assert "Java 8" in caught.value.message


def test_public_api_needs_consent() -> None:
    service = GrammarService(GrammarConfig("public", public_consent=False))
    with pytest.raises(GrammarUnavailable) as caught:
        service.start()
    assert "agreed" in caught.value.message


def test_off_checks_nothing() -> None:
    with pytest.raises(GrammarUnavailable, match="off"):
        GrammarService(GrammarConfig("off")).check("Some text", "en-US")


def test_server_mode_without_address() -> None:
    with pytest.raises(GrammarUnavailable, match="No LanguageTool server address"):
        GrammarService(GrammarConfig("server", "")).start()


def test_unreachable_server_says_so() -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    service = GrammarService(GrammarConfig("server", f"http://127.0.0.1:{port}"))
    with pytest.raises(GrammarUnavailable) as caught:
        service.start()
    assert "Cannot reach" in caught.value.message
    assert "refused" in caught.value.message


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("http://localhost:8081", "http://localhost:8081/v2/"),
        ("localhost:8081/", "http://localhost:8081/v2/"),
        ("https://lt.example.com/v2", "https://lt.example.com/v2/"),
        ("https://lt.example.com/v2/", "https://lt.example.com/v2/"),
    ],
)
def test_server_urls(given: str, expected: str) -> None:
    assert api_url(given) == expected


def test_config_from_settings(tmp_path: Path) -> None:
    from studio.settings import Settings

    settings = Settings(tmp_path / "settings.json")
    assert GrammarConfig.from_settings(settings) == GrammarConfig("local", "", False)
    settings.set("grammar.mode", "server")
    settings.set("grammar.server_url", "http://lt:8081")
    assert GrammarConfig.from_settings(settings) == GrammarConfig("server", "http://lt:8081", False)


class _SlowOrHungServer(LocalServer):
    """A local server whose answers never come (its port refuses), and whose CPU time moves
    (starved: the machine is busy) or not (hung)."""

    def __init__(self, port: int, working: bool) -> None:
        super().__init__()
        self._url, self.working, self.restarts, self._cpu = f"http://127.0.0.1:{port}/v2/", working, 0, 0.0

    def ensure_running(self) -> str:
        return self._url

    def health(self) -> bool:
        return False

    def cpu_seconds(self) -> float | None:
        self._cpu += 0.2 if self.working else 0.0
        return self._cpu

    def restart(self) -> str:
        self.restarts += 1
        return self._url


@pytest.mark.parametrize("working", [True, False])
def test_a_starved_server_is_not_restarted_but_a_hung_one_is(working: bool) -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = _SlowOrHungServer(port, working)
    service = GrammarService(GrammarConfig("local"), local=server)
    for _ in range(3):
        with pytest.raises(GrammarUnavailable) as caught:
            service.check("Some text.", "en-US")
    if working:
        assert server.restarts == 0 and "the computer is busy" in caught.value.message
        with pytest.raises(GrammarUnavailable):
            service.check("Some text.", "en-US")
        assert server.restarts == 1  # still failing after three tries: it may be spinning
    else:
        assert server.restarts == 3


def test_the_checkout_cache_that_make_run_fetched_is_found_last(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """After ``make run``, ``.venv/bin/studio check`` (no LTP_JAR_DIR_PATH) finds .cache/languagetool;
    Studio's own folder comes first, and a variable that is set is never second-guessed."""
    cache = tmp_path / "checkout" / ".cache"
    (cache / "languagetool").mkdir(parents=True)
    (cache / "languagetool" / "languagetool-server.jar").write_bytes(b"PK")
    monkeypatch.setattr("studio.paths.checkout_cache_dir", lambda: cache)
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "no-downloads"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # Studio's own folder, empty
    assert find_jar() == cache / "languagetool" / "languagetool-server.jar"
    from studio.paths import languagetool_dir

    own = languagetool_dir()
    assert own.is_relative_to(tmp_path)
    own.mkdir(parents=True)
    (own / "languagetool-server.jar").write_bytes(b"PK")
    assert find_jar() == own / "languagetool-server.jar"  # Studio's own folder comes first
    monkeypatch.setenv("LTP_JAR_DIR_PATH", str(tmp_path / "nothing-here"))
    with pytest.raises(LanguageToolMissing):
        find_jar()


def test_a_process_started_without_the_variable_finds_the_checkout_cache(tmp_path: Path) -> None:
    """The real thing, in a new process as ``studio check`` runs: only the checkout's cache to go by."""
    root = Path(__file__).resolve().parents[3]
    jar = root / ".cache" / "languagetool" / "languagetool-server.jar"
    if not jar.is_file():
        pytest.fail(f"LanguageTool is not in {jar.parent}: run scripts/fetch-languagetool.sh {jar.parent}")
    env = {k: v for k, v in os.environ.items() if k not in ("LTP_JAR_DIR_PATH", "LTP_PATH")}
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", "from studio.grammar.local import find_jar; print(find_jar())"],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert done.returncode == 0, done.stderr
    assert Path(done.stdout.strip()) == jar
