"""A post in a language Studio cannot tell is not checked as English: :func:`studio.grammar.recognised`
and the checker's refusal (issue 11, point 5)."""

from __future__ import annotations

import pytest

from studio.grammar import (
    GrammarConfig,
    GrammarService,
    IncrementalChecker,
    LanguageNotRecognised,
    recognised,
)

SWAHILI = "Habari za asubuhi rafiki zangu, leo tunazindua viatu vipya sokoni kwa bei nzuri sana."
JAPANESE = "今日は新しいアプリを公開しました。ぜひダウンロードしてください。よろしくお願いします。"


@pytest.mark.parametrize("text", [SWAHILI, JAPANESE])
def test_a_language_studio_cannot_tell_is_not_recognised(text: str) -> None:
    assert recognised(text, default="en-US") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Good morning everyone!", "en-GB"),  # too short to tell: the client's language
        ("#launch #sale #shoes #summer #style #x", "en-GB"),  # hashtags say nothing about it
        ("Launch day! Big sale on shoes, jackets, hats. Visit store.", "en-GB"),
        ("Flash sale! Sepatu lari diskon 50% hanya hari ini", "id-ID"),
        ("Wir starten heute unsere neue App für alle", "de-DE"),
    ],
)
def test_what_studio_can_tell_is_detected_as_before(text: str, expected: str) -> None:
    assert recognised(text, default="en-GB", prefer=("en-GB",)) == expected


def test_the_checker_refuses_to_check_it_as_the_default() -> None:
    checker = IncrementalChecker(GrammarService(GrammarConfig("off")))
    with pytest.raises(LanguageNotRecognised) as raised:
        checker.check(SWAHILI, "auto", default_language="en-US")
    assert raised.value.message == "Language not recognised: not checked."
    assert "beside the counters" in raised.value.hint
    assert checker.requests == 0  # nothing was sent
