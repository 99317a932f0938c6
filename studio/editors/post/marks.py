"""Issues placed in the editor's document, kept in the right place while the user types.

The core reports issues in code points of the text it was given; the editor works in Qt's UTF-16
positions. :func:`place` converts once, with the text the issues were found in, and
:func:`remap` carries the marks through the edits made since (an edit that touches a mark removes
it: the word under it changed, and the next check will say whether it is still wrong). Nothing here
imports Qt, so it is tested on its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from studio.model import Issue
from studio.text.positions import span_cp_to_utf16


@dataclass(frozen=True)
class Mark:
    """An issue at ``[start, end)`` in UTF-16 positions of the current document."""

    start: int
    end: int
    issue: Issue

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.issue.rule, self.start, self.end)


@dataclass(frozen=True)
class Edit:
    """One change of the document: at ``position``, ``removed`` units replaced by ``added`` units."""

    revision: int  # the document revision this edit produced
    position: int
    removed: int
    added: int


def place(text: str, issues: Iterable[Issue]) -> list[Mark]:
    """``issues`` (code points of ``text``) as marks in UTF-16 positions of ``text``."""
    marks = []
    for issue in issues:
        if not 0 <= issue.start <= issue.end <= len(text):
            continue  # an answer about some other text: never draw it
        start, end = span_cp_to_utf16(text, issue.start, issue.end)
        marks.append(Mark(start, end, issue))
    marks.sort(key=lambda mark: (mark.start, mark.end))
    return marks


def shift(mark: Mark, edit: Edit) -> Mark | None:
    """``mark`` after ``edit``, or ``None`` when the edit touched it."""
    edit_end = edit.position + edit.removed
    if edit_end < mark.start:
        delta = edit.added - edit.removed
        return Mark(mark.start + delta, mark.end + delta, mark.issue)
    if edit.position > mark.end:
        return mark
    if mark.start == mark.end == edit.position and edit.removed == 0 and edit.position > 0:
        # A zero-width mark (a missing hashtag at the end) stays where it was when text is added.
        return mark
    return None


def remap(marks: Iterable[Mark], edits: Iterable[Edit]) -> list[Mark]:
    """``marks`` carried through ``edits`` (in order); marks the edits touched are dropped."""
    result = list(marks)
    for edit in edits:
        result = [moved for mark in result if (moved := shift(mark, edit)) is not None]
    return result


def common_prefix(a: str, b: str) -> int:
    """How many code points ``a`` and ``b`` share at their start."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:  # binary search with C-speed slice comparisons
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def common_suffix(a: str, b: str, limit: int) -> int:
    """How many code points (at most ``limit``) ``a`` and ``b`` share at their end."""
    lo, hi = 0, limit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid:] == b[len(b) - mid:]:
            lo = mid
        else:
            hi = mid - 1
    return lo
