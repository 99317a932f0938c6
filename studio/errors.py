"""Typed errors of the core.

The core never shows anything: it raises one of these, and the face in front of it (the CLI or the
GUI) turns it into a message in one place. Each error carries a one-line ``message`` in the user's
words and, where there is one, a ``hint`` that says what to do next.
"""

from __future__ import annotations


class StudioError(Exception):
    """Base of every error a user may see. ``str(error)`` is the message, without the hint."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def for_humans(self) -> str:
        """The message and the hint as one paragraph, for a dialog or stderr."""
        return f"{self.message} {self.hint}".strip()


class UsageError(StudioError):
    """The user asked for something that cannot be done as asked (a bad argument, a bad file)."""


def in_words(error: BaseException, context: str = "") -> str:
    """What to tell the user about ``error``: a :class:`StudioError`'s message and hint, or, for
    anything else (unexpected), ``"<context>: <error>"``."""
    if isinstance(error, StudioError):
        return error.for_humans()
    return f"{context}: {error}" if context else str(error)
