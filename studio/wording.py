"""Counts in words: "1 draft", "2 drafts", "1,204 drafts".

Every message that says how many of something goes through :func:`counted`, so no message says
"Imported 1 drafts". Studio's messages are in English; when they are translated, this is the one
place that learns each language's plural rules.
"""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``singular`` for one, else ``plural_form`` (``singular + "s"`` unless given)."""
    return singular if count == 1 else (plural_form or f"{singular}s")


def counted(count: int, singular: str, plural_form: str | None = None) -> str:
    """The count (with thousands separators) and the word in the form that agrees with it."""
    return f"{count:,} {plural(count, singular, plural_form)}"
