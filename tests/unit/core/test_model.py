"""Rules that live on the data model."""

from __future__ import annotations

import pytest

from studio.model import grammar_language


@pytest.mark.parametrize(
    ("draft", "client", "expected"),
    [
        (None, "en-GB", ("en-GB", ("en-GB",), "en-GB")),  # the client's language
        ("de-DE", "en-GB", ("de-DE", ("en-GB",), "en-GB")),  # the post's own
        ("auto", "en-GB", ("auto", ("en-GB",), "en-GB")),  # detected, in the client's variant
        (None, "auto", ("auto", (), "en-US")),  # a client that detects per post: never "auto" as a fallback
        (None, None, ("auto", (), "en-US")),  # studio check without a client
    ],
)
def test_grammar_language(draft: str | None, client: str | None, expected: tuple[object, ...]) -> None:
    assert grammar_language(draft, client) == expected
