"""The Indonesian checker: Hunspell id_ID, affixes, reduplication, kata baku and di/ke, through
the real ``studio check`` command as a user runs it (no LanguageTool needed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from studio.data import resource
from studio.grammar import IncrementalChecker
from studio.grammar.indonesian import IndonesianChecker
from studio.model import Issue
from studio.text.entities import emoji

DATA = Path(__file__).resolve().parents[2] / "data" / "indonesian"


def posts() -> dict[str, list[dict[str, Any]]]:
    loaded: dict[str, list[dict[str, Any]]] = json.loads((DATA / "posts.json").read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def checker() -> IndonesianChecker:
    return IndonesianChecker()


def studio_check(text: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    env = dict(os.environ, STUDIO_CONFIG_DIR=str(config), STUDIO_LIBRARY=str(tmp_path / "library"))
    return subprocess.run([sys.executable, "-m", "studio.cli", "check", "-", "--lang", "id", "--json", *args],
                          input=text + "\n", capture_output=True, text=True, env=env, timeout=120)


def test_the_data_sets_are_big_enough_and_in_step_with_their_sources() -> None:
    sys.path.insert(0, str(DATA))
    try:
        import build  # tests/data/indonesian/build.py
    finally:
        sys.path.remove(str(DATA))
    assert build.build() == posts(), "run tests/data/indonesian/build.py after editing the .txt files"
    data = posts()
    assert len(data["errors"]) >= 40 and len(data["clean"]) >= 40
    before = [post["text"][: post["expected"][0]["start"]] for post in data["errors"]]
    assert sum(1 for head in before if emoji(head)) >= 10
    assert sum(1 for head in before if any(ord(ch) > 0xFFFF for ch in head)) >= 5  # two UTF-16 units


def test_studio_check_finds_each_mistake_at_its_code_point_offsets(tmp_path: Path) -> None:
    """All the posts as one text (paragraphs): every offset after the first post also stands
    behind the emoji of the posts before it."""
    text, expected = "", []
    for post in posts()["errors"]:
        if text:
            text += "\n\n"
        base = len(text)
        text += post["text"]
        expected += [(base + e["start"], base + e["end"], e["found"], e["replacement"]) for e in post["expected"]]
    done = studio_check(text, tmp_path)
    assert done.returncode == 1, done.stderr
    issues = json.loads(done.stdout)["issues"]
    found = [(i["start"], i["end"], text[i["start"]:i["end"]]) for i in issues]
    assert found == [(start, end, word) for start, end, word, _ in expected]
    for issue, (_, _, _, replacement) in zip(issues, expected, strict=True):
        assert replacement in issue["replacements"], issue
        assert issue["category"] in {"spelling", "style", "grammar"}


def test_studio_check_finds_nothing_in_clean_posts(tmp_path: Path) -> None:
    text = "\n\n".join(post["text"] for post in posts()["clean"])
    done = studio_check(text, tmp_path, "--network", "x")
    report = json.loads(done.stdout)
    assert report["issues"] == [], [text[i["start"]:i["end"]] for i in report["issues"]]


def test_one_post_with_emoji_before_the_mistake(tmp_path: Path) -> None:
    text = "👩🏽‍💻🇮🇩 Tim kami {} praktek terbaik".replace("{}", "berbagi")
    done = studio_check(text, tmp_path)
    issue = json.loads(done.stdout)["issues"][0]
    assert text[issue["start"]:issue["end"]] == "praktek"
    assert issue["start"] == text.index("praktek")
    assert issue["replacements"] == ["praktik"]
    assert issue["rule"] == "ID_KATA_BAKU"


@pytest.mark.parametrize("word", [
    "menulis", "ditulis", "dituliskan", "memperkenalkan", "diperhatikan", "keberhasilan", "kebersamaannya",
    "bukunya", "pergilah", "apakah", "milikmu", "menyukseskan", "berlari-lari", "anak-anak", "sayur-mayur",
    "lauk-pauk", "bolak-balik", "sebaik-baiknya", "kemerah-merahan", "mengecat", "pelajar", "terasa",
    "di-share", "update-nya", "bangettt",
])
def test_affixed_and_reduplicated_words_are_words(checker: IndonesianChecker, word: str) -> None:
    assert checker.accepts(word)


@pytest.mark.parametrize("word", ["kebersihn", "pelanggn", "pemenag", "sekarng", "menyedikan", "anak-anjk"])
def test_misspellings_are_not(checker: IndonesianChecker, word: str) -> None:
    assert not checker.accepts(word)


def test_hashtags_mentions_links_names_and_emoji_are_not_words(checker: IndonesianChecker) -> None:
    text = ("Cek #promoakhirtaun dan @tokosayaa di https://contoh.co.id/promosii 😍🔥 bareng Shopee, "
            "WhatsApp, COD, iPhone 15, 5G.")
    assert checker.check(text) == []


@pytest.mark.parametrize(("text", "found", "fixed", "rule"), [
    ("Kami tunggu dirumah.", "dirumah", "di rumah", "ID_DI_KE_APART"),
    ("Kamu tinggal dimana?", "dimana", "di mana", "ID_DI_KE_APART"),
    ("Ayo kesini!", "kesini", "ke sini", "ID_DI_KE_APART"),
    ("Pesanan di kirim besok.", "di kirim", "dikirim", "ID_DI_KE_JOINED"),
    ("Juara ke dua.", "ke dua", "kedua", "ID_DI_KE_JOINED"),
    ("Resikonya kecil.", "Resikonya", "Risikonya", "ID_KATA_BAKU"),
])
def test_di_ke_and_kata_baku(checker: IndonesianChecker, text: str, found: str, fixed: str, rule: str) -> None:
    [issue] = checker.check(text)
    assert (text[issue.start:issue.end], issue.replacements[0], issue.rule) == (found, fixed, rule)


@pytest.mark.parametrize("text", ["Kami di bawah pohon.", "Ada di rumah.", "Pergi ke mana?", "Dia keluar rumah.",
                                  "Lihat di foto ini."])
def test_prepositions_written_apart_stay(checker: IndonesianChecker, text: str) -> None:
    assert checker.check(text) == []


class NoLanguageTool:
    """Indonesian must never reach LanguageTool: any call fails the test."""

    def resolve_language(self, *args: object, **kwargs: object) -> str:
        raise AssertionError("LanguageTool was asked")

    def check(self, *args: object, **kwargs: object) -> list[Issue]:
        raise AssertionError("LanguageTool was asked")


def test_the_incremental_checker_routes_indonesian_and_applies_dictionary_and_ignores() -> None:
    checker = IncrementalChecker(NoLanguageTool())  # type: ignore[arg-type]
    text = "🎉 Produk Acmeflexx kami\n\nSemua aktifitas libur, kebersihn dijaga."
    codes = ("id", "id-ID", "auto")
    for language in codes:
        found = [text[i.start:i.end] for i in checker.check(text, language, default_language="id-ID")]
        assert found == ["aktifitas", "kebersihn"]
    assert [text[i.start:i.end] for i in checker.check(text, "id", dictionary=["KEBERSIHN"],
                                                        disabled_rules=["ID_KATA_BAKU"])] == []
    assert checker.requests == 4  # two paragraphs, cached across codes; again with other ignored rules


def test_the_shipped_dictionary_is_debians() -> None:
    """resources/hunspell is a copy of Debian's hunspell-id (LGPL): kept in step where installed."""
    system = Path("/usr/share/hunspell")
    names = [name for name in ("id_ID.aff", "id_ID.dic", "en_US.aff", "en_US.dic") if (system / name).is_file()]
    if not names:
        pytest.skip("hunspell-id and hunspell-en-us are not installed")
    for name in names:
        assert resource(f"hunspell/{name}").read_bytes() == (system / name).read_bytes()


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def test_indonesian_with_english_trade_words_does_not_drown_in_errors(checker: IndonesianChecker) -> None:
    flagged = {post: [post[i.start:i.end] for i in checker.check(post)] for post in _lines("mixed.txt")}
    assert {post: words for post, words in flagged.items() if words} == {}


def test_detection_tells_indonesian_from_malay_and_english() -> None:
    """40 posts of 50-300 characters (tests/data/indonesian/languages.txt): all told apart."""
    from studio.grammar import detect_language

    rows = [line.split("\t", 1) for line in _lines("languages.txt")]
    assert len(rows) >= 40 and all(50 <= len(text) <= 300 for _, text in rows)
    wrong = [(code, text) for code, text in rows if detect_language(text, default="?").split("-")[0] != code]
    assert wrong == []
    # No word that tells them apart: Indonesian, unless the client writes Malay.
    assert detect_language("Selamat pagi, semua produk kami ada di sini.") == "id-ID"
    assert detect_language("Selamat pagi, semua produk kami ada di sini.", prefer=["ms-MY"]) == "ms-MY"


def test_words_in_other_scripts_are_left_alone(checker: IndonesianChecker) -> None:
    text = "Selamat Idulfitri, تقبل الله منا ومنكم ✨ dan 新年快乐 untuk sahabat Tionghoa"
    assert [text[i.start:i.end] for i in checker.check(text)] == []
    assert checker.speller.spell("新年") is False and checker.speller.suggest("新年") == ()
