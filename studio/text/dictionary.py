"""A client's dictionary: the words its posts may use that a spell checker does not know."""

from __future__ import annotations

from collections.abc import Iterable


def in_dictionary(word: str, words: Iterable[str]) -> bool:
    """Whether ``words`` accepts ``word``, in any case: "Acmeflex" added covers "ACMEFLEX" and
    "acmeflex" too (the checker drops those issues, the editor hides them until it does)."""
    folded = word.casefold()
    return any(folded == known.casefold() for known in words)
