"""``studio check`` as a user runs it: a real process, a real library, a real LanguageTool."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from studio.grammar import LocalServer
from studio.model import BrandRules

pytestmark = pytest.mark.integration


def studio(args: list[str], *, stdin: str = "", env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "studio.cli", *args], input=stdin, capture_output=True, text=True,
        env=env, timeout=180,
    )


@pytest.fixture
def env(tmp_path: Path, local_server: LocalServer) -> dict[str, str]:
    """Settings that point ``server`` mode at the session's LanguageTool (no second start-up)."""
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.json").write_text(json.dumps({
        "grammar.mode": "server", "grammar.server_url": local_server.url.removesuffix("/v2/"),
    }))
    return dict(os.environ, STUDIO_CONFIG_DIR=str(config), STUDIO_LIBRARY=str(tmp_path / "library"))


def test_json_report_with_offsets_in_code_points(env: dict[str, str]) -> None:
    text = "😀 This are a tset."
    done = studio(["check", "-", "--network", "x,mastodon", "--lang", "en-US", "--json"],
                  stdin=text + "\n", env=env)
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    assert report["networks"]["x"]["ok"] is True
    assert report["networks"]["x"]["limit"] == 280
    assert report["networks"]["mastodon"]["length"] == len(text)
    spans = {text[i["start"]:i["end"]]: i for i in report["issues"]}
    assert spans["tset"]["category"] == "spelling"
    assert "test" in spans["tset"]["replacements"]
    assert set(report["issues"][0]) == {"start", "end", "category", "rule", "message", "replacements", "description"}


def test_clean_text_exits_zero(env: dict[str, str], tmp_path: Path) -> None:
    post = tmp_path / "post.txt"
    post.write_text("We are launching our new app today.\n", encoding="utf-8")
    done = studio(["check", str(post), "--network", "bluesky"], env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No issues." in done.stdout


def test_over_the_limit_exits_one_without_grammar(env: dict[str, str]) -> None:
    done = studio(["check", "--network", "x", "--no-grammar", "--json"], stdin="word " * 100, env=env)
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report == {"networks": {"x": report["networks"]["x"]}, "issues": []}
    assert report["networks"]["x"]["ok"] is False


def test_report_names_every_measure_over_its_limit(env: dict[str, str]) -> None:
    # 200 family emoji: 200 graphemes (within Bluesky's 300) but 5,000 UTF-8 bytes (over 3,000).
    done = studio(["check", "--network", "bluesky,x", "--no-grammar"], stdin="👩‍👩‍👧‍👦" * 200 + "\ufeff", env=env)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert "bluesky: 201/300 graphemes, 5003/3000 utf8-bytes (over by 2003) (not ok)" in lines
    assert any(line.startswith("x: ") and "U+FEFF" in line for line in lines), lines


def test_usage_errors_exit_two(env: dict[str, str], tmp_path: Path) -> None:
    assert studio(["check", str(tmp_path / "missing.txt")], env=env).returncode == 2
    assert studio(["check", "--network", "myspace"], stdin="hi", env=env).returncode == 2
    assert studio(["check", "--client", "Nobody"], stdin="hi", env=env).returncode == 2
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    done = studio(["check", str(binary), "--no-grammar"], env=env)
    assert done.returncode == 2
    assert "UTF-8" in done.stderr and "Traceback" not in done.stderr
    assert studio(["check", "--bogus"], stdin="hi", env=env).returncode == 2


def test_client_networks_language_dictionary_and_brand(env: dict[str, str]) -> None:
    from studio.library import Library

    with Library.open(Path(env["STUDIO_LIBRARY"])) as library:
        client = library.add_client("Acme", language="en-GB")
        library.add_account(client.id, "mastodon", "@acme@example.social", settings={"max_characters": 1000})
        library.add_account(client.id, "bluesky", "acme.example")
        library.add_account(client.id, "webhook", "zapier")  # no length rules: not counted
        library.add_to_dictionary(client.id, "Zyntrix")
        client = library.get_client(client.id)
        library.update_client(replace(client, brand_rules=BrandRules(banned={"cheap": "affordable"})))
    text = "Zyntrix is the cheap colour of the season."
    done = studio(["check", "--client", "Acme", "--json"], stdin=text, env=env)
    report = json.loads(done.stdout)
    assert set(report["networks"]) == {"bluesky", "mastodon"}
    assert report["networks"]["mastodon"]["limit"] == 1000  # the server's own, as connecting read it
    assert [m["unit"] for m in report["networks"]["bluesky"]["measures"]] == ["graphemes", "utf8-bytes"]
    found = {(text[i["start"]:i["end"]], i["category"]) for i in report["issues"]}
    assert ("cheap", "brand") in found
    assert not {word for word, category in found if category == "spelling"}  # en-GB, dictionary
    assert done.returncode == 1


def test_a_clients_name_handles_and_brand_words_are_not_spelling_mistakes(env: dict[str, str]) -> None:
    from studio.library import Library

    with Library.open(Path(env["STUDIO_LIBRARY"])) as library:
        client = library.add_client("Zyntrix Kopi", language="en-US")
        library.add_account(client.id, "mastodon", "@flurbohq@example.social")
        # A client stored before the rule (its dictionary empty) gets the words at check time too.
        with library.transaction() as conn:
            conn.execute("UPDATE clients SET dictionary = '[]', brand_rules = ? WHERE id = ?",
                         (json.dumps({"required_hashtags": ["#BrewQuix"]}), client.id))
    text = "Zyntrix Kopi brews with flurbohq and BrewQuix today. We love teh beans."
    done = studio(["check", "--client", "Zyntrix Kopi", "--json", "--lang", "en-US"], stdin=text, env=env)
    spelled = {text[i["start"]:i["end"]] for i in json.loads(done.stdout)["issues"] if i["category"] == "spelling"}
    assert spelled == {"teh"}


def test_no_networks_without_a_client(env: dict[str, str]) -> None:
    done = studio(["check", "--json", "--lang", "auto"], stdin="Wir haben ein Fehller.", env=env)
    report = json.loads(done.stdout)
    assert report["networks"] == {}
    assert [i["rule"] for i in report["issues"]] == ["GERMAN_SPELLER_RULE"]


def test_unreachable_grammar_says_what_to_do(env: dict[str, str], tmp_path: Path) -> None:
    (Path(env["STUDIO_CONFIG_DIR"]) / "settings.json").write_text(json.dumps({
        "grammar.mode": "server", "grammar.server_url": "http://127.0.0.1:9",
    }))
    done = studio(["check"], stdin="Hello", env=env)
    assert done.returncode == 1
    assert "Cannot reach" in done.stderr and "--no-grammar" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_draft_is_checked_as_each_network_gets_it(env: dict[str, str]) -> None:
    """``--draft``: each network counted on its own text (its thread part by part), and one
    LanguageTool request whose issues land in the part they belong to, after emoji."""
    from studio.drafting import parts_for
    from studio.library import Library

    with Library.open(Path(env["STUDIO_LIBRARY"])) as library:
        client = library.add_client("Acme", language="en-US")
        client = library.update_client(replace(client, brand_rules=BrandRules(banned={"cheap": "affordable"})))
        draft = library.create_draft(client.id, "Our shoes are here. " * 20, networks=["x", "mastodon"])
        library.set_variant(draft.id, "mastodon", "Cheap shoes for the mountains 🐘.")
        library.set_thread(draft.id, "bluesky", ["First part 👟 is fine.", "The secnd part has a tset."])
        draft = library.get_draft(draft.id)
    done = studio(["check", "--draft", str(draft.id), "--json"], env=env)
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    texts = {t["where"]: t for t in report["texts"]}
    assert list(texts) == ["base text", "mastodon variant", "bluesky part 1 of 2", "bluesky part 2 of 2"]
    for network in ("x", "mastodon", "bluesky"):
        assert tuple(t["text"] for t in report["texts"] if network in t["networks"]) == parts_for(draft, network)
    assert texts["base text"]["networks"]["x"]["ok"] is False  # 400 characters for X's 280
    assert texts["mastodon variant"]["networks"]["mastodon"]["ok"] is True
    second = texts["bluesky part 2 of 2"]
    assert {second["text"][i["start"]:i["end"]] for i in second["issues"]} >= {"secnd", "tset"}
    assert texts["bluesky part 1 of 2"]["issues"] == []
    assert [i["rule"] for i in texts["mastodon variant"]["issues"]] == ["BRAND_BANNED"]
    plain = studio(["check", "--draft", str(draft.id), "--network", "bluesky", "--no-grammar"], env=env)
    assert "== bluesky part 2 of 2 (bluesky) ==" in plain.stdout and plain.returncode == 0, plain.stdout
    missing = studio(["check", "--draft", "999"], env=env)
    assert missing.returncode == 2 and "There is no draft 999" in missing.stderr
