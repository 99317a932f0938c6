"""Counting rules of the other networks: graphemes, bytes, UTF-16, Mastodon's URL and mention rules."""

from __future__ import annotations

import pytest

from studio.errors import UsageError
from studio.model import Account
from studio.text import count, networks, server_limits
from studio.text.networks import all_networks

FAMILY = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466"
FLAG = "\U0001F1FA\U0001F1E6"
THUMB = "\U0001F44D\U0001F3FD"
COMBINING = "n\u0303"  # n + combining tilde, one grapheme


def test_every_network_has_a_source_and_a_known_unit() -> None:
    ids = [item for item, _ in networks()]
    assert ids == [
        "x", "mastodon", "bluesky", "threads", "linkedin", "instagram", "facebook", "telegram",
        "telegram-caption", "tiktok", "pinterest", "youtube-title", "youtube-description",
    ]
    for item in all_networks().values():
        assert item.source and item.limit > 0


def test_unknown_network_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="myspace"):
        count("hi", "myspace")


@pytest.mark.parametrize(("text", "graphemes"), [
    (FAMILY, 1), (FLAG, 1), (THUMB, 1), (COMBINING, 1), ("नमस्ते", 3), ("한국어", 3), ("abc", 3),
    ("\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F", 1),
])
def test_bluesky_counts_grapheme_clusters(text: str, graphemes: int) -> None:
    result = count(text, "bluesky")
    assert result.graphemes == graphemes
    assert result.bytes == len(text.encode("utf-8"))


def test_bluesky_enforces_300_graphemes() -> None:
    text = "a" * 299 + FAMILY + "b"
    result = count(text, "bluesky")
    assert result.graphemes == 301
    assert not result.ok
    assert result.over_from == 299 + len(FAMILY)


def test_bluesky_enforces_3000_bytes_even_under_300_graphemes() -> None:
    text = FAMILY * 120  # 120 graphemes, 25 bytes each
    result = count(text, "bluesky")
    assert result.graphemes == 120
    assert result.bytes == 3000
    assert result.ok
    longer = text + FAMILY
    result = count(longer, "bluesky")
    assert result.graphemes == 121 and result.bytes == 3025
    assert not result.ok
    assert result.over_from == len(text)  # the family that crosses 3000 bytes starts here


def test_mastodon_counts_urls_as_23_and_remote_mentions_as_local() -> None:
    url = "https://example.com/a/very/long/path/that/goes/on/and/on?with=query"
    assert count(url, "mastodon").length == 23
    assert count("@alice@example.social hi", "mastodon").length == len("@alice hi")
    assert count("Hi @alice", "mastodon").length == 9
    # Only links with a protocol count as 23: a bare domain is its own length.
    assert count("example.com", "mastodon").length == 11
    assert count(FAMILY + COMBINING, "mastodon").length == 2


def test_mastodon_uses_the_servers_limit_when_known() -> None:
    text = "a" * 600
    assert not count(text, "mastodon").ok
    result = count(text, "mastodon", limit=1000)
    assert result.ok and result.limit == 1000
    assert count(text, "mastodon", limit=550).over_from == 550


def test_threads_counts_emoji_as_their_utf8_bytes() -> None:
    assert count("hello", "threads").length == 5
    assert count("\U0001F600", "threads").length == 4
    assert count(FAMILY, "threads").length == 25
    assert count("é ñ", "threads").length == 3


@pytest.mark.parametrize("network", ["linkedin", "instagram", "facebook", "telegram", "telegram-caption",
                                     "tiktok", "pinterest"])
def test_utf16_networks_count_astral_characters_twice(network: str) -> None:
    assert count("a\U0001F600", network).length == 3


def test_utf16_over_from_never_splits_a_surrogate_pair() -> None:
    text = "a" * 499 + "\U0001F600"
    result = count(text, "pinterest")
    assert result.length == 501
    assert result.over_from == 499


def test_instagram_limits_hashtags_and_mentions() -> None:
    text = " ".join(f"#tag{i}" for i in range(31))
    result = count(text, "instagram")
    assert result.measure("hashtags") is not None
    assert result.measure("hashtags").length == 31  # type: ignore[union-attr]
    assert not result.ok
    assert result.over_from == text.index("#tag30")


def test_youtube_title_and_description() -> None:
    assert count("x" * 100, "youtube-title").ok
    assert not count("x" * 101, "youtube-title").ok
    assert not count("a <b>", "youtube-title").ok
    description = "é" * 2500  # 5000 bytes
    assert count(description, "youtube-description").ok
    result = count(description + "é", "youtube-description")
    assert not result.ok and result.over_from == 2500


def test_telegram_caption_is_shorter_than_a_message() -> None:
    text = "x" * 2000
    assert count(text, "telegram").ok
    assert not count(text, "telegram-caption").ok


def test_count_serialises_to_json() -> None:
    data = count("hi", "bluesky").to_json()
    assert data["network"] == "bluesky" and data["ok"] is True
    assert [m["unit"] for m in data["measures"]] == ["graphemes", "utf8-bytes"]  # type: ignore[union-attr]


# Mastodon's own cases (spec/validators/status_length_validator_spec.rb, MAX_CHARS 500).
@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("a" * 520, False),
        ("a" * 476 + " " + "http://" + "b" * 30 + ".com/example", True),  # auto-linkable URL: 23
        ("a" * 476 + "http://" + "b" * 30 + ".com/example", False),  # not auto-linkable: counted whole
        ("http://example.com/valid?" + "#foo?" * 1000, False),  # overly long URL: counted whole
        ("a" * 475 + " @alice@" + "b" * 30 + ".com", True),  # only the front part of a remote user
        ("@alice@" + "b" * 500 + ".com", False),  # an overly long domain counts in full
        ("\u2728" * 500, True),  # multi-byte emoji count one each
        ("\U0001F3F3\uFE0F\u200D\u26A7\uFE0F" * 500, True),  # a ZWJ sequence counts one
    ],
)
def test_mastodon_reference_cases(text: str, ok: bool) -> None:
    assert count(text, "mastodon").ok is ok


# The AT Protocol's own cases (packages/api tests of RichText: UTF-8 length and graphemeLength).
@pytest.mark.parametrize(
    ("text", "utf8", "graphemes"),
    [
        ("Hello!", 6, 6),
        ("\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F467", 25, 1),
        ("\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F467\U0001F525 good!\u2705", 38, 9),
    ],
)
def test_bluesky_reference_cases(text: str, utf8: int, graphemes: int) -> None:
    result = count(text, "bluesky")
    assert (result.bytes, result.graphemes) == (utf8, graphemes)


def test_server_limits_come_from_the_networks_whose_servers_set_their_own() -> None:
    accounts = [
        Account(1, 1, "bluesky", "acme.example", settings={"max_characters": 300}),  # fixed by the network
        Account(2, 1, "webhook", "zapier", settings={"max_characters": 99}),  # not a text network
        Account(3, 1, "mastodon", "@acme@big.social", settings={"max_characters": 5000}),
        Account(4, 1, "mastodon", "@acme@small.social", settings={"max_characters": 500}),
        Account(5, 1, "mastodon", "@old@x.social", settings={"max_characters": "lots"}),
    ]
    assert server_limits(accounts) == {"mastodon": 500}  # it must fit on both servers
    assert server_limits(accounts[2:3]) == {"mastodon": 5000}
    assert server_limits([]) == {}
    assert count("a" * 600, "mastodon", limit=server_limits(accounts[2:3]).get("mastodon")).ok
