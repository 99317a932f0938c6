"""X counting against twitter-text's conformance cases.

The cases are the WeightedTweetsWithDiscountedEmojiCounterTest and UnicodeDirectionalMarkerCounterTest
sections of twitter-text's conformance/validate.yml (config v3), written out as Python so invisible
characters are visible. ``validRangeEnd`` there is the last valid UTF-16 index of the original text;
here it is checked through ``over_from`` (the first code point that does not fit).
"""

from __future__ import annotations

import pytest

from studio.text import count
from studio.text.positions import cp_to_utf16

POEM = (
    "故人西辞黄鹤楼，烟花三月下扬州。孤帆远影碧空尽，唯见长江天际流。朱雀桥边野草花，乌衣巷口夕阳斜。"
    "旧时王谢堂前燕，飞入寻常百姓家。朝辞白帝彩云间，千里江陵一日还。两岸猿声啼不住，轻舟已过万重山。"
    "泪湿罗巾梦不成，夜深前殿按歌声。红颜未老恩先断，斜倚薰笼坐到明。独在异乡为异客，每逢佳节倍思亲。"
    "遥知兄弟登高处，遍插茱萸少一人。"
)
FAMILY = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466"
X = "xxxxxxxxxx-"
KANA = "あいうえおかきくけこ"
LONG = "https://" + "somesuperlongurl" * 249 + ".com/foo"
PUNCT = (
    "This is a tweet with general punctuation characters: "
    + "".join(chr(c) for c in range(0x2000, 0x200C))
    + " ‐ ‑ ‒ – — ― ‖  ‗ ‘ ’ ‚ ‛ “ ” „ ‟ ′ ″ ‴ ‵ ‶ ‷"
)

# (description, text, weightedLength, valid, displayRangeEnd, validRangeEnd)
CASES = [
    ("Regular Tweet with url", "Hi http://test.co", 26, True, 16, 16),
    ("Just url", "http://test.co", 23, True, 13, 13),
    ("Long tweet, overflow at char index 280", "285 chars-" + X * 25, 285, False, 284, 279),
    ("Long tweet with url in the middle", "285 chars- http://www.twitter.com/jack " + X * 24, 299, False, 302, 283),
    ("Long tweet with url at the end", X * 24 + " http://www.twitter.com/jack ", 289, False, 292, 264),
    ("10 url string, no overflow", "https://www.twitter.com/aloha " * 10, 240, True, 299, 299),
    ("160 CJK char, overflow at char index 140", POEM, 320, False, 159, 139),
    ("160 emoji char, overflow at char index 140", "\U0001F637" * 160, 320, False, 319, 279),
    ("3 latin char + 160 CJK char", "the" + POEM, 323, False, 162, 140),
    ("282 chars with a normalized character", "282 chars-" + X * 24 + "xxxxxA\u0301x", 281, False, 281, 280),
    ("Mix of single and double word characters", "H\U0001F431\u263A" + FAMILY, 7, True, 14, 14),
    ("Emoji inside the BMP", "\U0001F637\U0001F47E\U0001F621\U0001F525\U0001F4A9", 10, True, 9, 9),
    ("Emoji with skin tone modifiers", "\U0001F64B\U0001F3FD\U0001F468\u200D\U0001F3A4", 4, True, 8, 8),
    ("General punctuation, no ZWJ/ZWNJ", PUNCT, 110, True, 109, 109),
    (
        "Long url with invalid domain labels and short url",
        "Long url with invalid domain labels and a short url: " + " ".join([LONG] * 3) + " https://validurl.com",
        12079, False, 12075, 279,
    ),
    ("64 character domain without protocol", "randomurl" * 7 + "s.com", 68, True, 67, 67),
    ("> 63 punycode chars in the host", KANA * 12 + " http://" + KANA * 5 + "あいう.com", 358, False, 184, 143),
    ("< 63 punycode chars in the host", KANA * 12 + " http://" + KANA * 5 + "あい.com", 264, True, 183, 183),
    ("140 family emoji", FAMILY * 140, 280, True, 1539, 1539),
    (
        "Unicode 10.0 emoji",
        "Unicode 10.0 emoji: \U0001F92A; \U0001F9D5; \U0001F9D5\U0001F3FE; "
        "\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F",
        34, True, 47, 47,
    ),
    ("Unicode 9.0 emoji", "Unicode 9.0 emoji: \U0001F920; \U0001F483; \U0001F483\U0001F3FE", 29, True, 30, 30),
    (
        "Directional characters are valid",
        "\u2066\u202Ahttp://foobar.\u067E\u0627\u06A9\u0633\u062A\u0627\u0646/\u202C\u2069",
        31, True, 25, 25,
    ),
]


@pytest.mark.parametrize(("text", "weighted", "valid", "display_end", "valid_end"),
                         [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_conformance_v3(text: str, weighted: int, valid: bool, display_end: int, valid_end: int) -> None:
    result = count(text, "x")
    assert result.length == weighted
    assert result.ok is valid
    assert cp_to_utf16(text, len(text)) - 1 == display_end
    if result.over_from is None:
        assert valid_end == display_end
    else:
        assert cp_to_utf16(text, result.over_from) - 1 == valid_end


def test_invalid_characters_make_the_post_invalid_not_long() -> None:
    text = "ABC\u202A\uFFFFABC\uFFFE"
    result = count(text, "x")
    assert result.length == 12
    assert not result.ok
    assert result.over_from is None
    assert "U+FFFF" in result.problems[0] and "U+FFFE" in result.problems[0]


def test_empty_text_counts_zero() -> None:
    assert count("", "x").length == 0


@pytest.mark.parametrize(
    ("text", "weighted"),
    [
        ("This is a test.", 15),
        ("http://test.com", 23),
        ("https://test.com", 23),
        ("test.com", 23),
        ("Test https://test.com test https://test.com test.com test", 86),
        ("\U00010000\U0010ffff", 4),
        ("저찀쯿쿿", 8),
    ],
)
def test_lengths_section_in_v3_weights(text: str, weighted: int) -> None:
    assert count(text, "x").length == weighted


@pytest.mark.parametrize(
    "sequence",
    [
        "\U0001F426\u200D\u2B1B",  # black bird (Unicode 15)
        "\U0001FAF1\U0001F3FB\u200D\U0001FAF2\U0001F3FF",  # handshake, two skin tones (Unicode 14)
        "\u2764\uFE0F\u200D\U0001F525",  # heart on fire (Unicode 13.1)
        "\U0001F9D1\u200D\U0001F9D1\u200D\U0001F9D2",  # family: adult, adult, child (Unicode 15.1)
        "\U0001F1E9\U0001F1EA",  # flag
        "1\uFE0F\u20E3",  # keycap
        "\u00A9\uFE0F",  # copyright sign, emoji style
    ],
)
def test_newer_emoji_sequences_count_two(sequence: str) -> None:
    assert count(sequence, "x").length == 2


def test_text_style_symbols_keep_their_weight() -> None:
    assert count("\u00A9", "x").length == 1  # © without VS16 is a letter-like symbol, not an emoji


def test_over_from_points_into_the_original_text_after_decomposed_letters() -> None:
    text = "e\u0301" * 279 + "ab"  # NFC makes each pair one character
    result = count(text, "x")
    assert result.length == 281
    assert result.over_from == 279 * 2 + 1


def test_url_crossing_the_limit_is_marked_from_its_start() -> None:
    text = "x" * 270 + " https://example.com/page"
    result = count(text, "x")
    assert result.over_from == 271
