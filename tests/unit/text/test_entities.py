"""Links, hashtags, mentions and emoji spans, in code points."""

from __future__ import annotations

from studio.text import entities


def test_entities_after_emoji_and_cjk() -> None:
    text = "\U0001F600漢 #tag @bob see https://example.com/x and @alice@mastodon.social, @carol.bsky.social."
    found = [(item.kind, text[item.start:item.end]) for item in entities.entities(text)]
    assert found == [
        ("hashtag", "#tag"),
        ("mention", "@bob"),
        ("url", "https://example.com/x"),
        ("mention", "@alice@mastodon.social"),
        ("mention", "@carol.bsky.social"),
    ]


def test_hashtag_rules() -> None:
    assert [e.text for e in entities.hashtags("#1st #12345 #ашок #트위터 a#b &#39; #️⃣")] == ["#1st", "#ашок", "#트위터"]


def test_hashtag_inside_a_link_is_not_a_hashtag() -> None:
    assert entities.hashtags("http://twitter.com/#!/twitter and #real") == [
        entities.Entity("hashtag", 34, 39, "#real")
    ]


def test_email_is_not_a_mention() -> None:
    assert entities.mentions("mail bob@example.com") == []


def test_emoji_sequences() -> None:
    text = "a\U0001F44D\U0001F3FDb\U0001F1E9\U0001F1EA\u263A"
    assert [e.text for e in entities.emoji(text)] == ["\U0001F44D\U0001F3FD", "\U0001F1E9\U0001F1EA"]
