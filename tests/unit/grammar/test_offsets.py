"""LanguageTool counts UTF-16 units; the core counts code points. One conversion, tested here with
what comes before an error in real posts: emoji (two units), skin-tone and ZWJ sequences, combining
marks (one unit each, like code points) and CJK (one unit)."""

from __future__ import annotations

import pytest

from studio.grammar.client import issues_from_matches
from studio.grammar.offsets import lt_span


def utf16_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


PREFIXES = [
    "",
    "😀 ",
    "👍🏽👩‍👩‍👧 ",
    "e\u0301 cafe\u0301 ",  # combining acute accents
    "漢字かな ",
    "𠀋 ",  # a CJK character outside the BMP (two units)
    "🇩🇪 ß ",
]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_span_lands_on_the_word_after_the_prefix(prefix: str) -> None:
    text = prefix + "This are wrong."
    start = text.index("This are")
    offset, length = utf16_offset(text, start), len("This are")
    assert lt_span(text, offset, length) == (start, start + len("This are"))
    assert text[slice(*lt_span(text, offset, length))] == "This are"


def test_span_covering_an_emoji_takes_the_whole_character() -> None:
    text = "ok 😀 ok"
    # LanguageTool's span over the emoji: offset 3, length 2 (a surrogate pair)
    assert lt_span(text, 3, 2) == (3, 4)


def test_span_past_the_end_is_refused() -> None:
    with pytest.raises(IndexError):
        lt_span("short", 3, 10)
    with pytest.raises(IndexError):
        lt_span("short", -1, 2)


def test_matches_become_issues_in_code_points() -> None:
    text = "👍🏽 e\u0301 漢字 Thsi is it."
    start = text.index("Thsi")
    match = {
        "offset": utf16_offset(text, start),
        "length": 4,
        "message": "Possible spelling mistake found.",
        "replacements": [{"value": "This"}, {"value": "Thai"}],
        "rule": {"id": "MORFOLOGIK_RULE_EN_US", "issueType": "misspelling",
                 "category": {"id": "TYPOS"}},
    }
    (issue,) = issues_from_matches(text, [match])
    assert (issue.start, issue.end) == (start, start + 4)
    assert text[issue.start:issue.end] == "Thsi"
    assert issue.category == "spelling"
    assert issue.replacements == ("This", "Thai")
