"""Conversions between code points, UTF-16 (Qt) and UTF-8 (Bluesky) with emoji, marks and CJK."""

from __future__ import annotations

import pytest

from studio.text import positions as p

TEXT = "a\U0001F600b\u00e9e\u0301漢字\U0001F468\u200D\U0001F469c"


def test_round_trips_at_every_code_point() -> None:
    for i in range(len(TEXT) + 1):
        assert p.utf16_to_cp(TEXT, p.cp_to_utf16(TEXT, i)) == i
        assert p.utf8_to_cp(TEXT, p.cp_to_utf8(TEXT, i)) == i
        assert p.cp_to_utf16(TEXT, i) == len(TEXT[:i].encode("utf-16-le")) // 2
        assert p.cp_to_utf8(TEXT, i) == len(TEXT[:i].encode("utf-8"))


def test_emoji_before_the_spot() -> None:
    text = "\U0001F600 teh"
    assert p.cp_to_utf16(text, 2) == 3
    assert p.span_cp_to_utf16(text, 2, 5) == (3, 6)
    assert p.span_utf16_to_cp(text, 3, 6) == (2, 5)


def test_inside_a_surrogate_pair_goes_to_its_start() -> None:
    assert p.utf16_to_cp("a\U0001F600b", 2) == 1
    assert p.span_utf16_to_cp("a\U0001F600b", 1, 2) == (1, 2)


def test_inside_a_utf8_sequence_goes_to_its_start() -> None:
    assert p.utf8_to_cp("a漢b", 2) == 1


def test_lengths() -> None:
    assert p.utf16_length(TEXT) == len(TEXT.encode("utf-16-le")) // 2
    assert p.utf16_length("plain") == 5


@pytest.mark.parametrize("bad", [-1, 100])
def test_positions_outside_the_text_raise(bad: int) -> None:
    with pytest.raises(IndexError):
        p.cp_to_utf16("abc", bad)
    with pytest.raises(IndexError):
        p.utf16_to_cp("abc", bad)
